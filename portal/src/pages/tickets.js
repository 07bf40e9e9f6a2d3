// Support tickets (sollicitations): list, creation, follow-up.
import { callApi } from '../api.js';
import { actionButton, cell, dateTime, linkCell, section, table } from '../ui.js';

export const renderers = {
  async 'ticket-new'(me, target, { mountForm }) {
    const categories = await callApi('GET', '/api/reference/ticket-categories', {});
    const subcategories = (categories.ok ? categories.body : []).flatMap((c) => c.subcategories
      .map((s) => ({ label: `${c.label} › ${s.label}`, value: s.code })));
    const structures = (me.structures || []).map((s) => ({ label: s.name, value: s.id }));
    const params = new URLSearchParams(location.search);
    const initial = {
      structures, subcategories, contactEmail: me.contactEmail,
      structureId: structures.length === 1 ? structures[0].value : undefined,
      objectNumber: params.get('objet') || undefined, subcategory: params.get('sous-categorie') || undefined,
    };
    await mountForm('ticket-creation', target, initial, 'POST', '/api/tickets', (ticket) => {
      location.href = `/portail/sollicitation?numero=${ticket.number}`;
    });
  },
  tickets(list, target) {
    const view = new URLSearchParams(location.search).get('vue') || 'OPEN';
    const tabs = document.createElement('nav');
    tabs.setAttribute('aria-label', 'Vues des sollicitations');
    [['ACTIONS_REQUIRED', 'Actions requises'], ['OPEN', 'Tous (sauf clôturés)'], ['CLOSED', 'Clôturés']].forEach(([code, label]) => {
      const tab = cell('a', label);
      tab.href = `/portail/sollicitations?vue=${code}`;
      if (code === view) {
        tab.setAttribute('aria-current', 'page');
      }
      tabs.append(tab, ' ');
    });
    const create = cell('a', 'Nouvelle sollicitation');
    create.href = '/portail/nouvelle-sollicitation';
    target.append(tabs, cell('p', ''), create);
    if (list.length === 0) {
      target.append(cell('p', 'Aucune sollicitation dans cette vue.'));
      return;
    }
    const element = table('Sollicitations', ['Numéro', 'Titre', 'Sous-catégorie', 'Statut', 'Mise à jour'], []);
    list.forEach((t) => {
      const tr = document.createElement('tr');
      tr.append(linkCell(t.number, `/portail/sollicitation?numero=${t.number}`),
        cell('td', t.title), cell('td', t.subcategoryLabel), cell('td', t.statusLabel),
        cell('td', dateTime(t.updatedAt)));
      element.tBodies[0].append(tr);
    });
    target.append(element);
  },
  async ticket(ticket, target, { mountForm }) {
    target.append(cell('h2', `${ticket.number} — ${ticket.title}`));
    const status = cell('p', `Statut : ${ticket.statusLabel}`);
    status.className = 'status';
    target.append(status, cell('p', `${ticket.categoryLabel} › ${ticket.subcategoryLabel}${ticket.objectNumber ? ` · objet : ${ticket.objectNumber}` : ''}`),
      cell('p', ticket.description));
    target.append(table('Historique', ['Date', 'Statut', 'Par', 'Étape', 'Message'],
      (ticket.history || []).map((s) => [dateTime(s.at), s.statusLabel, s.actor, s.what, s.message || ''])));
    if ((ticket.attachments || []).length > 0) {
      const list = document.createElement('ul');
      ticket.attachments.forEach((a) => list.append(cell('li', a.fileName)));
      target.append(cell('h3', 'Pièces jointes'), list);
    }
    const actions = ticket.availableActions || [];
    const reload = () => location.reload();
    const button = (label, path) => actionButton(target, label, `/api/tickets/${ticket.number}/${path}`, reload);
    if (actions.includes('ACCEPTER')) {
      button('Accepter la solution', 'acceptance');
      await mountForm('ticket-refusal', section(target, 'Refuser la solution'), {}, 'POST', `/api/tickets/${ticket.number}/refusal`, reload);
    }
    if (actions.includes('INFORMER')) {
      await mountForm('ticket-information', section(target, 'Apporter les informations demandées'), {}, 'POST',
        `/api/tickets/${ticket.number}/information`, reload);
    }
    if (actions.includes('ENVOYER')) {
      button('Envoyer la sollicitation', 'submission');
    }
    if (actions.includes('CLOTURER')) {
      button('Clôturer la sollicitation', 'closure');
    }
  },
};
