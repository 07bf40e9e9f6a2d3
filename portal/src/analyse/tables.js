// « Tables en service » : the dmn-js viewer shows the live DRD and each table; beside each rule, how often it fired over
// the last decisions (dead rules stand out); « Essayer » evaluates the live table and highlights the matched rules.
import DmnViewer from 'dmn-js/lib/Viewer';
import { cell, number, section, table } from '../ui.js';
import { staffApi, refusal } from './api.js';
import { decisionsOf, inputsToType, labelsOf } from './dmn.js';
import { alert, button, described, field, framed, input, select } from './widgets.js';
import { frenchViewers } from './french-dmn.js';

const LAST = 10000;

export async function tablesSection(target, state) {
  const container = section(target, 'Tables en service');
  container.parentElement.id = 'tables';
  const answer = await staffApi('GET', '/api/models/definitions');
  if (!answer.ok) {
    container.append(alert('error', refusal(answer)));
    return;
  }
  const decisions = answer.body.filter((d) => d.type === 'DMN');
  state.definitions = answer.body;
  if (decisions.length === 0) {
    container.append(alert('info', 'Aucune table de décision en service.'));
    return;
  }
  const picker = select(decisions.map((d) => ({ value: d.key, label: `${d.name || d.key} — version ${d.version}` })),
    decisions.find((d) => d.key === 'memoire-track') ? 'memoire-track' : decisions[0].key);
  const canvas = document.createElement('div');
  canvas.className = 'fdj-dmn fr-mb-3w';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', 'Table de décision en service');
  const hitsBox = document.createElement('div');
  const trialBox = document.createElement('div');
  container.append(field('Décision', picker), canvas, hitsBox, trialBox);

  const viewer = new DmnViewer({ container: canvas, ...frenchViewers });
  const view = { hits: {}, matched: {}, labels: {}, decisions: [] };
  const annotate = () => {
    const active = viewer.getActiveView();
    if (active && active.type === 'decisionTable') {
      markRules(canvas, view.hits[active.element.id], view.matched[active.element.id]);
    }
  };
  viewer.on('views.changed', () => setTimeout(annotate, 0));

  const show = async () => {
    const chosen = decisions.find((d) => d.key === picker.value);
    state.selectedDecision = chosen.key;
    const xml = await staffApi('GET', `/api/models/resources?name=${encodeURIComponent(chosen.resource)}`, undefined,
      'application/xml, text/xml, text/plain, */*');
    if (!xml.ok) {
      hitsBox.replaceChildren(alert('error', refusal(xml)));
      return;
    }
    const text = typeof xml.body === 'string' ? xml.body : JSON.stringify(xml.body);
    view.decisions = decisionsOf(text);
    view.labels = labelsOf(view.decisions);
    view.matched = {};
    await viewer.importXML(text);
    const target = viewer.getViews().find((v) => v.element.id === chosen.key) || viewer.getViews()[0];
    await viewer.open(target);
    await loadHits(chosen, view, hitsBox);
    annotate();
    trialForm(trialBox, chosen, view, annotate);
  };
  picker.addEventListener('change', show);
  await show();
}

/** The hits of every table of the file the decision lives in, and a table of them for the chosen one. */
async function loadHits(chosen, view, box) {
  view.hits = {};
  box.replaceChildren();
  const tables = view.decisions.filter((d) => d.inputs.length > 0 || d.outputs.length > 0);
  for (const decision of tables) {
    const answer = await staffApi('GET', `/api/models/decisions/${encodeURIComponent(decision.key)}/rule-hits?last=${LAST}`);
    if (answer.ok) {
      view.hits[decision.key] = answer.body;
    }
  }
  const hits = view.hits[chosen.key];
  if (!hits) {
    box.append(alert('warning', 'Le nombre de fois où chaque règle a servi est indisponible pour cette décision.'));
    return;
  }
  const dead = hits.rules.filter((rule) => rule.hits === 0).length;
  const caption = `Règles de « ${chosen.name || chosen.key} » : combien de fois chacune a servi sur les ${number(hits.evaluations)} dernières décisions`;
  const rows = hits.rules.map((rule) => {
    const count = cell('span', number(rule.hits));
    if (rule.hits === 0) {
      const badge = cell('span', 'jamais servie');
      badge.className = 'fr-badge fr-badge--warning fr-badge--sm fr-ml-1w';
      return [`Règle ${rule.index}`, [count, badge]];
    }
    return [`Règle ${rule.index}`, count];
  });
  box.append(framed(table(caption, ['Règle', 'Fois'], rows)));
  if (dead > 0 && hits.evaluations > 0) {
    box.append(alert('warning', dead === 1 ? 'Une règle n\'a jamais servi : elle est peut-être morte.'
      : `${dead} règles n'ont jamais servi : elles sont peut-être mortes.`));
  }
}

/** In the viewer's table: each rule's hit count beside its number, dead rules and matched rules marked. */
function markRules(canvas, hits, matched) {
  canvas.querySelectorAll('.fdj-hits').forEach((badge) => badge.remove());
  canvas.querySelectorAll('.fdj-rule--dead, .fdj-rule--matched').forEach((c) => c.classList.remove('fdj-rule--dead', 'fdj-rule--matched'));
  const byId = Object.fromEntries(((hits && hits.rules) || []).map((rule) => [rule.ruleId, rule]));
  canvas.querySelectorAll('td.rule-index[data-row-id]').forEach((indexCell) => {
    const id = indexCell.dataset.rowId;
    const rule = byId[id];
    if (rule) {
      const badge = cell('span', rule.hits === 0 ? '0 fois' : `${number(rule.hits)} fois`);
      badge.className = `fdj-hits${rule.hits === 0 ? ' fdj-hits--dead' : ''}`;
      indexCell.append(badge);
      if (rule.hits === 0) {
        canvas.querySelectorAll(`td[data-row-id="${CSS.escape(id)}"]`).forEach((c) => c.classList.add('fdj-rule--dead'));
      }
    }
  });
  (matched || []).forEach((rule) => {
    canvas.querySelectorAll(`td[data-row-id="${CSS.escape(rule.ruleId)}"]`).forEach((c) => c.classList.add('fdj-rule--matched'));
  });
}

/** « Essayer » : a field per input to type, the outputs and the matched rules of each decision. */
function trialForm(box, chosen, view, annotate) {
  box.replaceChildren();
  const inputs = inputsToType(view.decisions, chosen.key);
  if (inputs.length === 0) {
    return;
  }
  const form = document.createElement('form');
  form.className = 'fdj-trial';
  form.append(cell('h3', `Essayer « ${chosen.name || chosen.key} »`));
  form.firstChild.className = 'fr-h5';
  const controls = inputs.map((spec) => {
    let control;
    if (spec.type === 'boolean') {
      control = select([{ value: 'false', label: 'Non' }, { value: 'true', label: 'Oui' }], 'false');
    } else if (['double', 'integer', 'long', 'number'].includes(spec.type)) {
      control = input('number');
      control.step = 'any';
      control.inputMode = 'decimal';
    } else {
      control = input('text');
    }
    control.name = spec.variable;
    form.append(field(spec.label, control));
    return { spec, control };
  });
  const submit = button('Essayer');
  submit.type = 'submit';
  const result = document.createElement('div');
  result.setAttribute('aria-live', 'polite');
  form.append(submit, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    controls.forEach(({ spec, control }) => {
      if (control.value === '') {
        return;
      }
      if (spec.type === 'boolean') {
        values[spec.variable] = control.value === 'true';
      } else if (control.type === 'number') {
        values[spec.variable] = Number(control.value);
      } else {
        values[spec.variable] = control.value;
      }
    });
    submit.disabled = true;
    const answer = await staffApi('POST', `/api/models/decisions/${encodeURIComponent(chosen.key)}/evaluation`, { inputs: values });
    submit.disabled = false;
    if (!answer.ok) {
      const lines = ((answer.body && answer.body.errors) || []).map((e) => e.detail);
      result.replaceChildren(alert('error', refusal(answer), lines));
      return;
    }
    view.matched = {};
    (answer.body.decisions || []).forEach((d) => { view.matched[d.key] = d.matchedRules; });
    const names = Object.fromEntries(view.decisions.map((d) => [d.key, d.name]));
    const rules = (answer.body.decisions || []).map((d) => `${names[d.key] || d.key} : ${d.matchedRules.length === 0
      ? 'aucune règle' : d.matchedRules.map((r) => `règle ${r.index}`).join(', ')}`);
    const outcome = answer.body.results.length === 0 ? 'Aucune règle ne s\'applique : pas de résultat.'
      : `Résultat : ${answer.body.results.map((r) => described(r, view.labels)).join(' | ')}`;
    result.replaceChildren(alert('success', outcome, rules.map((line) => `Règle appliquée — ${line}`)));
    annotate();
  });
  box.append(form);
}

