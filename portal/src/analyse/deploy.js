// « Déployer » : the changed files (and their test cases) with a reason, checked first, then deployed; a refusal lists
// every reason. « Historique » : who deployed what, when and why; going back a version; the live models as a ZIP.
import { cell, dateTime, section, table } from '../ui.js';
import { DEPLOYMENT_KINDS, MODEL_TYPES } from '../labels.js';
import { staffApi, refusal } from './api.js';
import { alert, button, field, framed, input } from './widgets.js';

function reasons(answer) {
  return ((answer.body && answer.body.errors) || []).map((e) => (e.field ? `${e.field} : ${e.detail}` : e.detail));
}

function versions(body) {
  return (body.definitions || []).map((d) => `${MODEL_TYPES[d.type] || d.type} « ${d.name || d.key} » : version ${d.version}`);
}

export function deploySection(target, onDeployed) {
  const container = section(target, 'Déployer');
  container.parentElement.id = 'deployer';
  const files = input('file');
  files.multiple = true;
  files.accept = '.bpmn,.dmn,.form,.csv';
  const reason = document.createElement('textarea');
  reason.className = 'fr-input';
  reason.rows = 2;
  const check = button('Vérifier', true);
  const deploy = button('Déployer');
  deploy.disabled = true;
  const result = document.createElement('div');
  result.setAttribute('aria-live', 'polite');
  container.append(
    field('Fichiers modifiés', files, 'Processus (.bpmn), tables (.dmn), formulaires (.form) et cas de test des tables (<décision>.csv).'),
    field('Motif du changement', reason, 'Il reste dans l\'historique des déploiements.'), check, deploy, result);

  const body = () => {
    const data = new FormData();
    Array.from(files.files).forEach((f) => data.append('files', f));
    data.append('reason', reason.value);
    return data;
  };
  const changed = () => { deploy.disabled = true; result.replaceChildren(); };
  files.addEventListener('change', changed);
  reason.addEventListener('input', changed);

  check.addEventListener('click', async () => {
    check.disabled = true;
    const answer = await staffApi('POST', '/api/models/deployments/check', body());
    check.disabled = false;
    if (answer.ok) {
      result.replaceChildren(alert('success', `Tout est en ordre : ${(answer.body.resources || []).join(', ')}`
        + ` ; ${answer.body.testCases || 0} cas de test passent. Vous pouvez déployer.`));
      deploy.disabled = false;
    } else {
      result.replaceChildren(alert('error', `Le déploiement serait refusé : ${refusal(answer)}`, reasons(answer)));
    }
  });

  deploy.addEventListener('click', async () => {
    deploy.disabled = true;
    const answer = await staffApi('POST', '/api/models/deployments', body());
    if (answer.ok) {
      result.replaceChildren(alert('success', 'Déployé : les nouvelles versions sont en service.', versions(answer.body)));
      onDeployed();
    } else {
      result.replaceChildren(alert('error', `Déploiement refusé : ${refusal(answer)}`, reasons(answer)));
    }
  });
}

export async function historySection(target, state, onChanged) {
  const container = section(target, 'Historique');
  container.parentElement.id = 'historique';
  const download = cell('a', 'Télécharger les modèles en service');
  download.href = '/api/models/live';
  download.className = 'fr-link fr-icon-download-line fr-link--icon-left';
  download.setAttribute('download', 'modeles-en-service.zip');
  const download_p = document.createElement('p');
  download_p.append(download, ' ', cell('span', '(archive ZIP à reporter dans le dépôt : bpmn/, dmn/, dmn/tests/, forms/)'));
  const result = document.createElement('div');
  result.setAttribute('aria-live', 'polite');
  const body = document.createElement('div');
  container.append(download_p, result, body);
  const dialog = rollbackDialog(result, onChanged);
  document.body.append(dialog.element);

  const answer = await staffApi('GET', '/api/models/deployments');
  if (!answer.ok) {
    body.append(alert('error', refusal(answer)));
    return;
  }
  body.append(framed(table('Déploiements, du plus récent au plus ancien', ['Date', 'Par', 'Motif', 'Nature', 'Fichiers'],
    answer.body.map((d) => [dateTime(d.deployedAt), d.deployedBy || '', d.reason || '',
      DEPLOYMENT_KINDS[d.kind] || d.kind, (d.resources || []).join(', ')]))));

  const resources = new Map();
  (state.definitions || []).filter((d) => d.previousVersion !== null && d.previousVersion !== undefined)
    .forEach((d) => { if (!resources.has(d.resource)) { resources.set(d.resource, d); } });
  if (resources.size > 0) {
    const rows = Array.from(resources.values()).map((d) => {
      const back = button('Revenir à la version précédente', true);
      back.setAttribute('aria-label', `Revenir à la version précédente de ${d.resource}`);
      back.addEventListener('click', () => dialog.open(d.resource));
      return [d.resource, `${d.version}`, `${d.previousVersion}`, back];
    });
    body.append(framed(table('Modèles qui ont une version précédente', ['Fichier', 'Version en service', 'Version précédente', 'Action'], rows)));
  }
}

/** The confirmation of a rollback: a native dialog with the reason to give. */
function rollbackDialog(result, onChanged) {
  const element = document.createElement('dialog');
  element.className = 'fdj-dialog';
  element.setAttribute('aria-labelledby', 'titre-retour');
  const title = cell('h2', 'Revenir à la version précédente');
  title.id = 'titre-retour';
  title.className = 'fr-h5';
  const what = cell('p', '');
  const reason = document.createElement('textarea');
  reason.className = 'fr-input';
  reason.rows = 2;
  const confirm = button('Confirmer le retour');
  const cancel = button('Annuler', true);
  const problem = document.createElement('div');
  element.append(title, what, field('Motif du retour', reason), problem, confirm, cancel);
  let resource = null;
  cancel.addEventListener('click', () => element.close());
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    const answer = await staffApi('POST', '/api/models/rollbacks', { resource, reason: reason.value });
    confirm.disabled = false;
    if (answer.ok) {
      element.close();
      result.replaceChildren(alert('success', `${resource} : la version précédente est de nouveau en service.`, versions(answer.body)));
      onChanged();
    } else {
      problem.replaceChildren(alert('error', refusal(answer), reasons(answer)));
    }
  });
  return {
    element,
    open(name) {
      resource = name;
      what.textContent = `Le contenu de la version précédente de ${name} sera redéployé comme nouvelle version, après les mêmes vérifications.`;
      reason.value = '';
      problem.replaceChildren();
      element.showModal();
    },
  };
}
