// « Rejouer une table candidate » : an uploaded .dmn (not deployed) re-evaluates the last real decisions of one of its
// decisions; the report says how many outcomes change, which ones, and the counts of each value before and after.
import { cell, dateTime, number, section, table } from '../ui.js';
import { staffApi, refusal } from './api.js';
import { decisionsOf, labelsOf } from './dmn.js';
import { alert, button, described, field, framed, input, select, shown } from './widgets.js';

export function replaySection(target, state) {
  const container = section(target, 'Rejouer une table candidate');
  container.parentElement.id = 'rejouer';
  container.append(cell('p', 'Choisissez une table modifiée dans Camunda Modeler (fichier .dmn, non déployée) : elle est '
    + 'rejouée sur les dernières décisions réelles, et vous voyez lesquelles changeraient.'));
  const file = input('file');
  file.accept = '.dmn';
  const decisionBox = document.createElement('div');
  const limit = input('number');
  limit.value = '10000';
  limit.min = '1';
  limit.max = '100000';
  const run = button('Rejouer');
  run.disabled = true;
  const report = document.createElement('div');
  report.setAttribute('aria-live', 'polite');
  container.append(field('Table candidate (.dmn)', file, 'Un fichier DMN enregistré par Camunda Modeler.'), decisionBox,
    field('Nombre de décisions passées à rejouer', limit, 'De 1 à 100 000 ; les plus récentes d\'abord.'), run, report);

  let candidate = { xml: null, decisions: [], picker: null };
  file.addEventListener('change', async () => {
    decisionBox.replaceChildren();
    report.replaceChildren();
    run.disabled = true;
    if (!file.files[0]) {
      return;
    }
    const xml = await file.files[0].text();
    const decisions = decisionsOf(xml).filter((d) => d.outputs.length > 0);
    if (decisions.length === 0) {
      report.append(alert('error', 'Ce fichier ne contient aucune table de décision lisible.'));
      return;
    }
    const preferred = decisions.find((d) => d.key === state.selectedDecision) ? state.selectedDecision : decisions[0].key;
    const picker = select(decisions.map((d) => ({ value: d.key, label: d.name })), preferred);
    decisionBox.append(field('Décision à rejouer', picker));
    candidate = { xml, decisions, picker };
    run.disabled = false;
  });

  run.addEventListener('click', async () => {
    const body = new FormData();
    body.append('file', file.files[0]);
    body.append('limit', limit.value);
    run.disabled = true;
    report.replaceChildren(alert('info', 'Rejeu en cours…'));
    const key = candidate.picker.value;
    const answer = await staffApi('POST', `/api/models/decisions/${encodeURIComponent(key)}/replay`, body);
    run.disabled = false;
    if (!answer.ok) {
      const lines = ((answer.body && answer.body.errors) || []).map((e) => e.detail);
      report.replaceChildren(alert('error', refusal(answer), lines));
      return;
    }
    report.replaceChildren(...render(answer.body, labelsOf(candidate.decisions),
      candidate.decisions.find((d) => d.key === key)));
  });
}

function render(result, labels, decision) {
  const nodes = [];
  const seconds = (result.millis / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (result.evaluated === 0 && result.notReplayableReason) {
    nodes.push(alert('warning', `Cette décision ne peut pas être rejouée : ${result.notReplayableReason}`));
    return nodes;
  }
  const summary = `${number(result.evaluated)} décisions rejouées en ${seconds} s : ${number(result.changed)} `
    + `changeraient, ${number(result.unchanged)} resteraient identiques.`;
  nodes.push(alert(result.changed > 0 ? 'info' : 'success', summary));
  if (result.notReplayable > 0) {
    nodes.push(alert('warning', `${number(result.notReplayable)} décisions passées n'ont pas pu être rejouées : ${result.notReplayableReason}`));
  }
  const outputs = decision ? decision.outputs.map((o) => o.name) : Object.keys(result.countsBefore || {});
  outputs.forEach((name) => {
    const before = (result.countsBefore || {})[name] || {};
    const after = (result.countsAfter || {})[name] || {};
    const values = Array.from(new Set([...Object.keys(before), ...Object.keys(after)]));
    const rows = values.map((value) => {
      const gap = (after[value] || 0) - (before[value] || 0);
      return [shown(value), number(before[value] || 0), number(after[value] || 0), gap > 0 ? `+${number(gap)}` : number(gap)];
    });
    nodes.push(framed(table(`« ${labels[name] || name} » : décisions par valeur, avant et après`, ['Valeur', 'Avant', 'Après', 'Écart'], rows)));
  });
  if (result.changes.length > 0) {
    const rows = result.changes.map((change) => [dateTime(change.evaluatedAt), described(change.inputs, labels),
      described(change.before, labels), described(change.after, labels)]);
    const shownCount = result.changes.length < result.changed
      ? ` (les ${number(result.changes.length)} plus récentes sur ${number(result.changed)})` : '';
    nodes.push(framed(table(`Décisions qui changeraient${shownCount}`, ['Décidée le', 'Entrées', 'Avant', 'Après'], rows)));
  }
  return nodes;
}
