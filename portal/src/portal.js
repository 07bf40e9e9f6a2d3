// The provider portal's browser code: renders the page's Camunda Form (forms/*.form) with form-js, sends it to the
// API and shows the answer, or the API's problem+json next to the fields at fault.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { renderResult } from './results.js';
import { callApi, problemMessage } from './api.js';

const host = document.getElementById('form');
if (host) {
  mount(host).catch((error) => showProblem(`La page n'a pas pu être chargée : ${error.message}. Rechargez-la.`));
}

async function mount(host) {
  const { form: formId, method, action, result } = host.dataset;
  const response = await fetch(`/portail/formulaires/${encodeURIComponent(formId)}`);
  if (!response.ok) {
    throw new Error(`formulaire ${formId} introuvable`);
  }
  const schema = await response.json();
  const form = new Form({ container: host });
  const fromUrl = method === 'GET' ? Object.fromEntries(new URLSearchParams(location.search)) : {};
  await form.importSchema(schema, fromUrl);
  const fieldIds = fieldIdsByKey(schema.components);

  form.on('submit', async ({ data, errors }) => {
    if (Object.keys(errors).length > 0) {
      return;
    }
    clearProblem();
    const payload = withoutEmptyValues(data);
    if (method === 'GET') {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(payload)}`);
    }
    const answer = await callApi(method, action, payload);
    if (answer.ok) {
      form._setState({ errors: {} });
      renderResult(result, answer.body, document.getElementById('result'));
    } else {
      showFieldErrors(form, fieldIds, answer.body);
      showProblem(problemMessage(answer.body));
    }
  });

  if (method === 'GET' && Object.keys(fromUrl).length > 0) {
    form.submit();
  }
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
  for (const error of problem.errors || []) {
    const id = fieldIds[error.field];
    if (id) {
      errors[id] = [...(errors[id] || []), error.detail];
    }
  }
  form._setState({ errors });
}

function withoutEmptyValues(data) {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}

function showProblem(message) {
  const box = document.getElementById('problem');
  box.textContent = message;
  box.hidden = false;
}

function clearProblem() {
  const box = document.getElementById('problem');
  box.textContent = '';
  box.hidden = true;
}
