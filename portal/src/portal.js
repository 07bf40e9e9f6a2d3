// The provider portal's browser code: renders the page's Camunda Form (forms/*.form) with form-js, sends it to the
// API and shows the answer, or the API's problem+json next to the fields at fault.
import '@gouvfr/dsfr/dist/dsfr.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-system/icons-system.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-user/icons-user.min.css';
import '@gouvfr/dsfr/dist/dsfr.module.min.js';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './formjs/dsfr.css';
import { frenchForm } from './formjs/index.js';
import { renderResult } from './results.js';
import { callApi, problemMessage } from './api.js';
import { enhancePasswordFields } from './passwords.js';
import { frameTables, showPendingNotice } from './ui.js';
import { startShell } from './shell.js';

startShell();
frameTables(document.querySelector('main') || document.body);
showPendingNotice();
const host = document.getElementById('form');
if (host) {
  mount(host).catch((error) => showProblem(`La page n'a pas pu être chargée : ${error.message}. Rechargez-la.`));
}

async function mount(host) {
  const params = new URLSearchParams(location.search);
  const page = {
    ...host.dataset,
    action: withUrlParameters(host.dataset.action, params),
    check: withUrlParameters(host.dataset.check, params),
    target: document.getElementById('result'),
  };
  if (!page.form) {
    return showOnOpening(page, null, host);
  }
  const fromUrl = fieldsFromUrl(page.urlFields);
  const checked = page.check ? await linkStillWorks(page.check, fromUrl) : {};
  if (!checked) {
    return;
  }
  const response = await fetch(`/portail/formulaires/${encodeURIComponent(page.form)}`);
  if (!response.ok) {
    throw new Error(`formulaire ${page.form} introuvable`);
  }
  const schema = await response.json();
  if (page.method === 'LOAD') {
    return showOnOpening(page, schema, host);
  }
  const form = frenchForm(host);
  // a GET page keeps its criteria in the URL; a page that checked something starts from what it was told
  const initial = page.method === 'GET' ? Object.fromEntries(params) : { ...checked };
  Object.assign(initial, await lookups(withUrlParameters(page.lookups, params)));
  await form.importSchema(schema, initial);
  enhancePasswordFields(form, schema, host);
  const fieldIds = fieldIdsByKey(schema.components);

  clearProblemOnceValid(form);
  form.on('submit', async ({ data, errors, files }) => {
    if (Object.keys(errors).length > 0) {
      return showInvalidFields(host, errors);
    }
    clearProblem();
    const payload = { ...withoutEmptyValues(data), ...fromUrl };
    if ('passwordConfirmation' in payload && payload.password !== payload.passwordConfirmation) {
      const mismatch = { [fieldIds.passwordConfirmation]: ['Les deux mots de passe saisis sont différents.'] };
      form._setState({ errors: mismatch });
      return showInvalidFields(host, mismatch);
    }
    if (page.method === 'GET') {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(payload)}`);
    }
    const answer = page.multipart
      ? await callApi(page.method, page.action, multipartBody(schema, payload, files, page.multipart))
      : await callApi(page.method, page.action, payload);
    if (!answer.ok) {
      showRefusal(form, fieldIds, answer.body, host);
      return;
    }
    form._setState({ errors: {} });
    if (page.next) {
      location.assign(page.next.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent((answer.body || {})[name] || '')));
      return;
    }
    renderResult(page.result, answer.body, page.target, { form, schema, data: payload, host });
  });

  if (page.method === 'GET' && Object.keys(initial).length > 0) {
    form.submit();
  }
}

/** A read-only page shows, in its form if it has one, what its API call answers (e.g. « Mon compte »). */
async function showOnOpening(page, schema, host) {
  const answer = await callApi('GET', page.action, {});
  if (answer.ok) {
    const form = schema ? frenchForm(host) : null;
    await renderResult(page.result, answer.body, page.target, { form, schema, host, mountForm });
  } else if (answer.status === 401) {
    showProblem('Connectez-vous pour voir cette page.');
    const link = document.createElement('a');
    link.href = '/portail/connexion';
    link.textContent = 'Se connecter';
    document.getElementById('problem').append(' ', link);
  } else {
    showProblem(problemMessage(answer.body));
  }
}

/** Option lists for selects ("valuesKey"): "key=url|valueField,…", each item showing its name or label. */
async function lookups(spec) {
  const lists = {};
  for (const entry of (spec || '').split(',').filter(Boolean)) {
    const [key, rest] = entry.split('=');
    const [url, valueField] = rest.split('|');
    const answer = await callApi('GET', url, {});
    lists[key] = answer.ok
      ? answer.body.filter((item) => item.active !== false)
        .map((item) => ({ label: item.name || item.label, value: item[valueField] }))
      : [];
  }
  return lists;
}

/**
 * A form inside a page (e.g. « Ajouter une ligne » on a mémoire): rendered from forms/, sent to the API, its problems
 * shown next to its fields; onDone receives the API's answer.
 */
export async function mountForm(formId, container, initial, method, action, onDone, multipartName) {
  const schema = await (await fetch(`/portail/formulaires/${encodeURIComponent(formId)}`)).json();
  const form = frenchForm(container);
  await form.importSchema(schema, initial);
  const fieldIds = fieldIdsByKey(schema.components);
  clearProblemOnceValid(form);
  form.on('submit', async ({ data, errors, files }) => {
    if (Object.keys(errors).length > 0) {
      return showInvalidFields(container, errors);
    }
    clearProblem();
    const payload = withoutEmptyValues(data);
    const answer = multipartName
      ? await callApi(method, action, multipartBody(schema, payload, files, multipartName))
      : await callApi(method, action, payload);
    if (!answer.ok) {
      showRefusal(form, fieldIds, answer.body, container);
      return;
    }
    await onDone(answer.body, payload);
  });
  return form;
}

/** "/api/structures/{structure}/mandates" with ?structure=… in the page's URL. */
function withUrlParameters(template, params) {
  return (template || '').replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params.get(name) || ''));
}

/** A form with files goes as multipart: its fields as one JSON part, each file picker's first file as a part. */
function multipartBody(schema, payload, files, jsonPart) {
  const body = new FormData();
  const fields = { ...payload };
  for (const component of schema.components || []) {
    if (component.type === 'filepicker' && component.key) {
      const picked = files && files.get(payload[component.key]);
      delete fields[component.key];
      if (picked && picked.length > 0) {
        body.append(component.key, picked[0], picked[0].name);
      }
    }
  }
  if (jsonPart === '@fields') {
    Object.entries(fields).forEach(([key, value]) => body.append(key, value));
  } else {
    body.append(jsonPart, new Blob([JSON.stringify(fields)], { type: 'application/json' }));
  }
  return body;
}

/** The mailed links carry a token in the URL: "token=jeton" reads ?jeton=… into the field token. */
function fieldsFromUrl(spec) {
  const params = new URLSearchParams(location.search);
  const fields = {};
  for (const pair of (spec || '').split(',').filter(Boolean)) {
    const [field, parameter] = pair.split('=');
    fields[field] = params.get(parameter) || '';
  }
  return fields;
}

async function linkStillWorks(check, fields) {
  if (Object.values(fields).some((value) => !value)) {
    showProblem('Ce lien est incomplet : copiez le lien entier du courriel reçu.');
    return null;
  }
  const answer = await callApi('GET', check, fields);
  if (!answer.ok) {
    showProblem(problemMessage(answer.body));
    return null;
  }
  return answer.body && typeof answer.body === 'object' ? answer.body : {};
}

/** form-js keeps errors by component id; the API names fields by their key (a JSON path such as structure.identifier). */
function fieldIdsByKey(components, ids = {}) {
  for (const component of components || []) {
    if (component.key) {
      ids[component.key] = component.id;
    }
    fieldIdsByKey(component.components, ids);
  }
  return ids;
}

function showFieldErrors(form, fieldIds, problem) {
  const errors = {};
  for (const error of (problem && problem.errors) || []) {
    const id = fieldIds[error.field];
    if (id) {
      errors[id] = [...(errors[id] || []), error.detail];
    }
  }
  form._setState({ errors });
  return errors;
}

/** The API refused: its problems next to their fields, its message in the banner, the focus on the banner. */
function showRefusal(form, fieldIds, problem, container) {
  const errors = showFieldErrors(form, fieldIds, problem);
  showProblem(problemMessage(problem), Object.keys(errors).length > 0);
  focusLater(document.getElementById('problem'));
}

/**
 * form-js kept the form from being sent: the banner sums up what to correct, field by field, and the focus goes to the
 * first field at fault (its message is tied to it by aria-describedby).
 */
function showInvalidFields(container, errors) {
  const fields = Object.entries(errors)
    .map(([id, messages]) => ({ input: container.querySelector(`[id$="-${id}"]`), messages }))
    .sort((a, b) => (a.input && b.input && (a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_PRECEDING) ? 1 : -1));
  const lines = fields.map(({ input, messages }) => {
    const label = input && input.labels && input.labels[0] ? input.labels[0].textContent.replace(/\*$/, '').trim() : '';
    return label ? `${label} : ${messages.join(' ')}` : messages.join(' ');
  });
  const box = document.getElementById('problem');
  box.replaceChildren(cellOf('p', lines.length > 1 ? `${lines.length} champs sont à corriger :` : 'Un champ est à corriger :'));
  const list = document.createElement('ul');
  lines.forEach((line) => list.append(cellOf('li', line)));
  box.append(list);
  box.hidden = false;
  box.dataset.fields = 'true';
  // a file picker's input is hidden: its button takes the focus
  const focusable = fields.map(({ input }) => (input && input.type === 'file' ? document.getElementById(`${input.id}-button`) : input))
    .find((element) => element && !element.disabled && element.offsetParent !== null);
  focusLater(focusable || box);
}

/** After form-js has drawn its errors, which it does once the submit handlers have run. */
function focusLater(element) {
  setTimeout(() => element && element.isConnected && element.focus(), 0);
}

/** A banner about fields goes away once they are all valid again. */
function clearProblemOnceValid(form) {
  form.on('changed', ({ errors }) => {
    const box = document.getElementById('problem');
    if (box && !box.hidden && box.dataset.fields === 'true' && Object.keys(errors || {}).length === 0) {
      clearProblem();
    }
  });
}

function cellOf(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

function withoutEmptyValues(data) {
  const kept = {};
  for (const [key, value] of Object.entries(data)) {
    if (value !== null && value !== undefined && value !== '') {
      kept[key] = value && typeof value === 'object' && !Array.isArray(value) ? withoutEmptyValues(value) : value;
    }
  }
  return kept;
}

function showProblem(message, aboutFields = false) {
  const box = document.getElementById('problem');
  box.replaceChildren(cellOf('p', message));
  box.dataset.fields = String(aboutFields);
  box.hidden = false;
}

function clearProblem() {
  const box = document.getElementById('problem');
  if (box) {
    box.replaceChildren();
    box.hidden = true;
  }
}
