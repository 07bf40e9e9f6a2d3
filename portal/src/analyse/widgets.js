// The analysts' page's small bricks in DSFR: fields, buttons, alerts, values shown the French way.
import { cell, number } from '../ui.js';
import { DECISION_VALUES } from '../labels.js';

let counter = 0;

/** A unique id for a field and its label. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

function chosenFiles(files) {
  if (files.length === 0) {
    return 'Aucun fichier sélectionné';
  }
  return files.length === 1 ? files[0].name : `${files.length} fichiers : ${files.map((file) => file.name).join(', ')}`;
}

/**
 * The browser's own file input speaks the browser's language (« Choose File », « No file chosen »): it stays in the
 * page, labelled, for the keyboard-less paths (drop, tests), and a French button and the chosen names stand in its place.
 */
function frenchFilePicker(control, labelId) {
  control.classList.add('fdj-file-input');
  control.tabIndex = -1;
  const picker = document.createElement('div');
  picker.className = 'fdj-file-picker';
  const choose = button(control.multiple ? 'Choisir des fichiers' : 'Choisir un fichier', true);
  choose.classList.add('fr-btn--sm');
  choose.id = `${control.id}-bouton`;
  const chosen = cell('span', chosenFiles([]));
  chosen.id = `${control.id}-choix`;
  chosen.className = 'fdj-file-chosen';
  chosen.setAttribute('aria-live', 'polite');
  choose.setAttribute('aria-labelledby', `${labelId} ${choose.id}`);
  choose.setAttribute('aria-describedby', chosen.id);
  choose.addEventListener('click', () => control.click());
  const show = () => { chosen.textContent = chosenFiles(Array.from(control.files || [])); };
  control.addEventListener('change', show);
  picker.append(choose, chosen);
  return picker;
}

/** A DSFR input group: its label, an optional hint, the control. */
export function field(labelText, control, hint) {
  const group = document.createElement('div');
  group.className = control.tagName === 'SELECT' ? 'fr-select-group' : 'fr-input-group';
  control.id = control.id || uid('champ');
  const label = cell('label', labelText);
  label.className = 'fr-label';
  label.htmlFor = control.id;
  label.id = `${control.id}-libelle`;
  if (hint) {
    const span = cell('span', hint);
    span.className = 'fr-hint-text';
    label.append(span);
  }
  group.append(label, control);
  if (control.type === 'file') {
    group.className = 'fr-upload-group';
    group.append(frenchFilePicker(control, label.id));
  }
  return group;
}

export function input(type, className) {
  const element = document.createElement('input');
  element.type = type;
  element.className = className || (type === 'file' ? 'fr-upload' : 'fr-input');
  return element;
}

export function select(options, selected) {
  const element = document.createElement('select');
  element.className = 'fr-select';
  options.forEach(({ value, label }) => {
    const option = cell('option', label);
    option.value = value;
    option.selected = value === selected;
    element.append(option);
  });
  return element;
}

export function button(label, secondary) {
  const element = cell('button', label);
  element.type = 'button';
  element.className = `fr-btn fr-mr-2w fr-mb-2w${secondary ? ' fr-btn--secondary' : ''}`;
  return element;
}

/** A DSFR alert (success, error, warning, info) with a text and, optionally, a list of lines under it. */
export function alert(kind, text, lines) {
  const box = document.createElement('div');
  box.className = `fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.append(cell('p', text));
  if (lines && lines.length > 0) {
    const list = document.createElement('ul');
    lines.forEach((line) => list.append(cell('li', line)));
    box.append(list);
  }
  return box;
}

/** A value a decision reads or gives, as a person reads it: Oui/Non, 1 300, Certification. */
export function shown(value) {
  if (value === null || value === undefined) {
    return '(vide)';
  }
  if (Array.isArray(value)) {
    return value.map(shown).join(', ');
  }
  if (typeof value === 'number') {
    return number(value);
  }
  const key = String(value);
  if (key in DECISION_VALUES) {
    return DECISION_VALUES[key];
  }
  if (/^-?\d+(\.\d+)?$/.test(key)) {
    return number(key);
  }
  return key;
}

/** « Voie : Taxation ; Niveau de contrôle : Contrôle approfondi ». */
export function described(values, labels) {
  return Object.entries(values || {}).map(([name, value]) => `${labels[name] || name} : ${shown(value)}`).join(' ; ');
}

/** A table in its DSFR frame (div.fr-table): the page frames its own tables, dmn-js keeps its own. */
export function framed(element) {
  const wrapper = document.createElement('div');
  wrapper.className = 'fr-table fr-table--no-caption-top';
  wrapper.append(element);
  return wrapper;
}
