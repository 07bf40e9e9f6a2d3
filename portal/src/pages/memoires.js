// The mémoire page: a draft being entered, or a sent mémoire followed to payment.
import { callApi } from '../api.js';
import { MEMOIRE_STATUSES } from '../labels.js';
import { actionButton, cell, dateTime, euros, section, success, table } from '../ui.js';


/** A sent mémoire: where it stands, its history, and what the provider may do next. */
async function followUp(memoire, target, mountForm) {
  const status = cell('p', `Statut : ${memoire.statusLabel}${memoire.statusReason ? ` — ${memoire.statusReason}` : ''}`);
  status.className = 'status';
  target.append(status);
  if (memoire.grantedAmount !== undefined) {
    target.append(cell('p', `Montant retenu : ${euros(memoire.grantedAmount)}`));
  }
  if (memoire.paymentDate) {
    target.append(cell('p', `Payé le ${new Date(memoire.paymentDate).toLocaleDateString('fr-FR')} : ${euros(memoire.paidAmount)}`));
  }
  target.append(table('Historique', ['Date', 'Statut', 'Par', 'Motif ou précision'],
    (memoire.history || []).map((s) => [dateTime(s.changedAt), s.label, s.actor, s.reason || ''])));
  const actions = memoire.availableActions || [];
  const reload = () => location.reload();
  if (actions.includes('COMPLETER')) {
    target.append(cell('p', `Le greffe demande : ${memoire.complementRequest}`));
    await mountForm('memoire-attachment', section(target, 'Joindre une pièce'), {}, 'POST',
      `/api/memoires/${memoire.number}/attachments`, reload, '@fields');
    await mountForm('memoire-complement', section(target, 'Répondre au greffe'), {}, 'POST',
      `/api/memoires/${memoire.number}/complement`, reload);
  }
  if (actions.includes('FORMER_RECOURS')) {
    await mountForm('memoire-appeal', section(target, `Former un recours (jusqu'au ${dateTime(memoire.appealDeadline)})`), {}, 'POST',
      `/api/memoires/${memoire.number}/appeal`, reload);
  }
  const buttons = [
    ['DUPLIQUER', 'Dupliquer pour corriger et renvoyer', 'duplicate', (copy) => { location.href = `/portail/memoire?numero=${copy.number}`; }],
    ['ABANDONNER', 'Abandonner ce mémoire', 'abandon', reload],
  ];
  for (const [, label, path, then] of buttons.filter(([a]) => actions.includes(a))) {
    actionButton(target, label, `/api/memoires/${memoire.number}/${path}`, then);
  }
}

export const renderers = {
  async memoire(memoire, target, { mountForm }) {
    const heading = cell('h2', `${memoire.number} — ${MEMOIRE_STATUSES[memoire.status] || memoire.status}`);
    target.append(heading);
    target.append(cell('p', `Juridiction : ${memoire.jurisdictionCode} · Texte de référence : ${memoire.referenceText}`));
    target.append(table('Lignes de prestation', ['N° d\'affaire', 'Prestation', 'Date', 'Quantité', 'Tarif HT', 'HT', 'TTC', 'Tarif CPP'],
      memoire.lines.map((l) => [l.caseNumber, l.serviceType, l.serviceDate, l.quantity, euros(l.unitPriceExclVat),
        euros(l.amountExclVat), euros(l.amountInclVat),
        l.tariffed ? `${euros(l.tariffExclVat)}${l.aboveTariff ? ' — au-dessus du tarif' : ''}` : 'non tarifé'])));
    const totals = cell('p', `Total HT ${euros(memoire.totals.exclVat)} · TVA ${euros(memoire.totals.vat)} · TTC ${euros(memoire.totals.inclVat)}`);
    totals.className = 'totals';
    target.append(totals);
    const attachments = await callApi('GET', `/api/memoires/${memoire.number}/attachments`, {});
    if (attachments.ok && attachments.body.length > 0) {
      const list = document.createElement('ul');
      attachments.body.forEach((a) => list.append(cell('li', `${a.fileName} (${a.kind})`)));
      target.append(cell('h3', 'Pièces jointes'), list);
    }
    if (memoire.status !== 'BROUILLON') {
      const link = cell('a', 'Télécharger le certificat de dépôt');
      link.href = `/api/memoires/${memoire.number}/certificate`;
      target.append(cell('p', `Déposé le ${new Date(memoire.depositedAt).toLocaleString('fr-FR')}. Empreinte : ${memoire.fingerprint}`), link);
      await followUp(memoire, target, mountForm);
      return;
    }
    const types = await callApi('GET', `/api/reference/service-types?category=${memoire.providerCategory}`, {});
    const serviceTypes = (types.ok ? types.body : []).map((t) => ({
      label: t.tariffed ? `${t.label} — tarif ${euros(t.unitPriceExclVat)}` : t.label, value: t.code }));
    const sections = [
      ['Ajouter une ligne', 'memoire-line', { serviceTypes }, `/api/memoires/${memoire.number}/lines`, null],
      ['Joindre une pièce', 'memoire-attachment', {}, `/api/memoires/${memoire.number}/attachments`, '@fields'],
    ];
    for (const [title, formId, initial, action, multipart] of sections) {
      const section = document.createElement('section');
      section.append(cell('h3', title));
      const container = document.createElement('div');
      section.append(container);
      target.append(section);
      await mountForm(formId, container, initial, 'POST', action, () => location.reload(), multipart);
    }
    const send = document.createElement('section');
    send.append(cell('h3', 'Valider et envoyer'));
    const container = document.createElement('div');
    send.append(container);
    target.append(send);
    await mountForm('memoire-submission', container, {}, 'POST', `/api/memoires/${memoire.number}/submission`,
      (sent) => {
        send.replaceChildren();
        success(send, `Mémoire envoyé sous le numéro ${sent.number}.`,
          { href: `/api/memoires/${sent.number}/certificate`, label: 'Télécharger le certificat de dépôt' });
      });
  },
};
