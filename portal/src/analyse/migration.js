// « Versions et migration » : per process, the versions with running instances; a dry run first (the incompatible
// instances and why), then the migration as a batch whose progress is shown.
import { cell, dateTime, number, section, table } from '../ui.js';
import { staffApi, refusal } from './api.js';
import { alert, button, field, framed, input, select } from './widgets.js';

export function migrationSection(target, state) {
  const container = section(target, 'Versions et migration');
  container.parentElement.id = 'migration';
  const processes = (state.definitions || []).filter((d) => d.type === 'BPMN');
  if (processes.length === 0) {
    container.append(alert('info', 'Aucun processus en service.'));
    return;
  }
  const picker = select(processes.map((p) => ({ value: p.key, label: `${p.name || p.key} — version ${p.version}` })),
    processes[0].key);
  const body = document.createElement('div');
  container.append(field('Processus', picker), body);
  const show = () => showVersions(body, picker.value);
  picker.addEventListener('change', show);
  show();
}

async function showVersions(body, key) {
  body.replaceChildren();
  const answer = await staffApi('GET', `/api/models/processes/${encodeURIComponent(key)}/versions`);
  if (!answer.ok) {
    body.append(alert('error', refusal(answer)));
    return;
  }
  const versions = answer.body;
  body.append(framed(table('Versions et dossiers en cours', ['Version', 'Déployée le', 'Dossiers en cours'],
    versions.map((v) => [`${v.version}`, dateTime(v.deployedAt), number(v.runningInstances)]))));
  const latest = Math.max(...versions.map((v) => v.version));
  const older = versions.filter((v) => v.version < latest && v.runningInstances > 0);
  if (older.length === 0) {
    body.append(cell('p', 'Aucun dossier ne tourne sur une version antérieure : rien à migrer.'));
    return;
  }
  const from = select(older.map((v) => ({ value: String(v.version), label: `Version ${v.version}` })), String(older[0].version));
  const to = select(versions.filter((v) => v.version > older[0].version)
    .map((v) => ({ value: String(v.version), label: `Version ${v.version}` })), String(latest));
  const reason = input('text');
  const simulate = button('Simuler la migration', true);
  const migrate = button('Migrer');
  migrate.disabled = true;
  const result = document.createElement('div');
  result.setAttribute('aria-live', 'polite');
  body.append(field('Depuis la version', from), field('Vers la version', to), field('Motif de la migration', reason),
    simulate, migrate, result);
  const plan = () => ({ fromVersion: Number(from.value), toVersion: Number(to.value) });
  [from, to].forEach((s) => s.addEventListener('change', () => { migrate.disabled = true; result.replaceChildren(); }));

  simulate.addEventListener('click', async () => {
    const dry = await staffApi('POST', `/api/models/processes/${encodeURIComponent(key)}/migrations/dry-run`, plan());
    if (!dry.ok) {
      result.replaceChildren(alert('error', refusal(dry), ((dry.body && dry.body.errors) || []).map((e) => e.detail)));
      return;
    }
    const nodes = [alert('info', `${number(dry.body.migratable)} dossiers peuvent passer de la version ${dry.body.fromVersion} `
      + `à la version ${dry.body.toVersion} ; ${number(dry.body.incompatible.length)} resteraient sur leur version.`)];
    if (dry.body.incompatible.length > 0) {
      nodes.push(framed(table('Dossiers qui resteraient sur leur version', ['Dossier', 'Raison'],
        dry.body.incompatible.map((i) => [i.businessKey || i.instanceId, i.reason]))));
    }
    result.replaceChildren(...nodes);
    migrate.disabled = dry.body.migratable === 0;
  });

  migrate.addEventListener('click', async () => {
    migrate.disabled = true;
    const started = await staffApi('POST', `/api/models/processes/${encodeURIComponent(key)}/migrations`,
      { ...plan(), reason: reason.value });
    if (!started.ok) {
      result.replaceChildren(alert('error', refusal(started), ((started.body && started.body.errors) || []).map((e) => e.detail)));
      return;
    }
    const progress = alert('info', `Migration lancée : ${number(started.body.instances)} dossiers.`);
    result.replaceChildren(progress);
    const poll = async () => {
      const state = await staffApi('GET', `/api/models/migrations/${encodeURIComponent(started.body.batchId)}`);
      if (!state.ok) {
        progress.replaceWith(alert('error', refusal(state)));
        return;
      }
      const b = state.body;
      progress.firstChild.textContent = `Migration : ${number(b.done)} sur ${number(b.total)} dossiers migrés`
        + `${b.failed > 0 ? `, ${number(b.failed)} en échec` : ''}${b.finished ? ' — terminée.' : '…'}`;
      if (!b.finished) {
        setTimeout(poll, 1000);
      }
    };
    poll();
  });
}
