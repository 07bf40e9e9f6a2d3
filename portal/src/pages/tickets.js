// Support tickets (sollicitations): list and search, creation, follow-up; files joined when opening and answering.
import { callApi, problemMessage } from '../api.js';
import { TICKET_STATUSES } from '../labels.js';
import { actionButton, announceOnNextPage, cell, dateTime, linkCell, section, table } from '../ui.js';

const ACCEPTED = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The files a form's pickers hold when it is sent (form-js hands them with its submit event). Heard before the
 * portal's own listener: form-js stops at the first listener that returns something, and that one returns a promise.
 */
function filesOnSubmit(form) {
  const holder = { files: [] };
  form.on('submit', 2000, ({ data, files }) => {
    holder.files = (data.files && files && files.get(data.files)) || [];
  });
  return holder;
}

/** Joins each file to the ticket; returns one sentence per file refused, to tell the person. */
async function attachAll(number, files) {
  const refused = [];
  for (const file of files) {
    if ((file.type && !ACCEPTED.includes(file.type)) || file.size > MAX_BYTES) {
      refused.push(`« ${file.name} » n'est pas joint : seuls les PDF, PNG, JPEG ou TIFF de 10 Mo au plus sont acceptés.`);
    } else {
      const body = new FormData();
      body.append('file', file, file.name);
      const answer = await callApi('POST', `/api/tickets/${encodeURIComponent(number)}/attachments`, body);
      if (!answer.ok) {
        refused.push(`« ${file.name} » n'est pas joint : ${problemMessage(answer.body)}`);
      }
    }
  }
  return refused;
}

/** « au greffe du Tribunal judiciaire de Paris », « au support national ». */
const toRecipient = (label) => (label ? `au ${label.charAt(0).toLowerCase()}${label.slice(1)}` : 'à son destinataire');

/** To whom the ticket went and what comes next: said at the top of the next page. */
function sentNotice(ticket, joined, refused) {
  const files = joined > 0 ? ` avec ${joined} pièce(s) jointe(s)` : '';
  const text = `Votre sollicitation ${ticket.number} est envoyée${files} ${toRecipient(ticket.recipientLabel)}. `
    + `La réponse vous parviendra par courriel (${ticket.contactEmail}) et sur cette page ; si l'on vous demande une `
    + 'précision ou de valider une solution, la sollicitation apparaîtra dans l\'onglet « Actions requises ».';
  return refused.length > 0 ? `${text} Attention : ${refused.join(' ')} Joignez-les depuis cette page.` : text;
}

/** DSFR's look of a selected tab, for tabs that are links (aria-current) rather than in-page panels. */
function tabsStyle() {
  if (document.getElementById('fdj-tabs-style')) {
    return;
  }
  const style = document.createElement('style');
  style.id = 'fdj-tabs-style';
  style.textContent = `
    .fdj-tabs { display: flex; gap: .25rem; list-style: none; padding: 0; margin: 0 0 1rem; border-bottom: 1px solid #ddd; }
    .fdj-tabs a { display: block; padding: .5rem 1rem; background: #e3e3fd; color: #161616; text-decoration: none;
      font-weight: 700; }
    .fdj-tabs a[aria-current="page"] { background: #fff; color: #000091; box-shadow: inset 0 2px 0 0 #000091;
      border: 1px solid #ddd; border-bottom-color: #fff; margin-bottom: -1px; }`;
  document.head.append(style);
}

function searchForm(view, params) {
  const form = document.createElement('form');
  form.method = 'get';
  form.action = '/portail/sollicitations';
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Rechercher une sollicitation');
  const hidden = document.createElement('input');
  hidden.type = 'hidden';
  hidden.name = 'vue';
  hidden.value = view;
  form.append(hidden);
  const field = (id, label, element) => {
    const group = document.createElement('div');
    group.className = element.tagName === 'SELECT' ? 'fr-select-group' : 'fr-input-group';
    const text = cell('label', label);
    text.className = 'fr-label';
    text.htmlFor = id;
    element.id = id;
    group.append(text, element);
    form.append(group);
  };
  const input = (name) => {
    const element = document.createElement('input');
    element.className = 'fr-input';
    element.name = name;
    element.value = params.get(name) || '';
    return element;
  };
  field('ticket-keyword', 'Mot-clé (titre, description, n° d\'objet)', input('q'));
  field('ticket-number', 'Numéro de sollicitation (SOL…)', input('number'));
  const status = document.createElement('select');
  status.className = 'fr-select';
  status.name = 'statut';
  [['', 'Tous les statuts de cet onglet'], ...Object.entries(TICKET_STATUSES)].forEach(([code, label]) => {
    const option = cell('option', label);
    option.value = code;
    option.selected = code === (params.get('statut') || '');
    status.append(option);
  });
  field('ticket-status', 'Statut', status);
  const go = cell('button', 'Rechercher');
  go.type = 'submit';
  go.className = 'fr-btn';
  const reset = cell('a', 'Réinitialiser les filtres');
  reset.href = `/portail/sollicitations?vue=${view}`;
  reset.className = 'fr-link';
  form.append(go, ' ', reset);
  return form;
}

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
    let picked = { files: [] };
    const form = await mountForm('ticket-creation', target, initial, 'POST', '/api/tickets', async (ticket) => {
      const refused = await attachAll(ticket.number, picked.files);
      const joined = picked.files.length - refused.length;
      if (ticket.status === 'BROUILLON') {
        announceOnNextPage(`Votre sollicitation ${ticket.number} est enregistrée en brouillon${joined > 0
          ? ` avec ${joined} pièce(s) jointe(s)` : ''} : elle n'est pas encore envoyée. Relisez-la puis cliquez sur `
          + `« Envoyer la sollicitation ».${refused.length > 0 ? ` Attention : ${refused.join(' ')}` : ''}`);
      } else {
        announceOnNextPage(sentNotice(ticket, joined, refused));
      }
      location.href = `/portail/sollicitation?numero=${ticket.number}`;
    });
    picked = filesOnSubmit(form);
  },

  tickets(list, target) {
    tabsStyle();
    const params = new URLSearchParams(location.search);
    const view = params.get('vue') || 'OPEN';
    const tabs = document.createElement('nav');
    tabs.setAttribute('aria-label', 'Vues des sollicitations');
    const items = document.createElement('ul');
    items.className = 'fdj-tabs fr-tabs__list';
    [['ACTIONS_REQUIRED', 'Actions requises'], ['OPEN', 'Tous (sauf clôturés)'], ['CLOSED', 'Clôturés']].forEach(([code, label]) => {
      const tab = cell('a', label);
      tab.href = `/portail/sollicitations?vue=${code}`;
      tab.className = 'fr-tabs__tab';
      if (code === view) {
        tab.setAttribute('aria-current', 'page');
      }
      const li = document.createElement('li');
      li.append(tab);
      items.append(li);
    });
    tabs.append(items);
    const create = cell('a', 'Nouvelle sollicitation');
    create.href = '/portail/nouvelle-sollicitation';
    create.className = 'fr-btn';
    const filters = { view, q: params.get('q') || '', number: params.get('number') || '', status: params.get('statut') || '' };
    const exportLink = cell('a', 'Exporter le tableau en CSV');
    exportLink.href = `/api/tickets/export?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v))}`;
    exportLink.className = 'fr-link';
    target.append(tabs, create, searchForm(view, params),
      cell('p', `${list.length} sollicitation(s) affichée(s).`), exportLink);
    if (list.length === 0) {
      target.append(cell('p', 'Aucune sollicitation ne correspond, dans cet onglet.'));
      return;
    }
    const element = table('Sollicitations', ['Numéro', 'Titre', 'Sous-catégorie', 'Statut', 'Destinataire', 'Mise à jour'], []);
    list.forEach((t) => {
      const tr = document.createElement('tr');
      tr.append(linkCell(t.number, `/portail/sollicitation?numero=${t.number}`),
        cell('td', t.title), cell('td', t.subcategoryLabel), cell('td', t.statusLabel),
        cell('td', t.recipientLabel || ''), cell('td', dateTime(t.updatedAt)));
      element.tBodies[0].append(tr);
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table';
    wrapper.append(element);
    target.append(wrapper);
  },

  async ticket(ticket, target, { mountForm }) {
    target.append(cell('h2', `${ticket.number} — ${ticket.title}`));
    const status = cell('p', `Statut : ${ticket.statusLabel}`);
    status.className = 'status';
    target.append(status, cell('p', `${ticket.categoryLabel} › ${ticket.subcategoryLabel}${ticket.objectNumber ? ` · objet : ${ticket.objectNumber}` : ''}`));
    if (ticket.recipientLabel) {
      target.append(cell('p', `Destinataire : ${ticket.recipientLabel}`));
    }
    target.append(cell('p', ticket.description));
    target.append(table('Historique', ['Date', 'Statut', 'Par', 'Étape', 'Message'],
      (ticket.history || []).map((s) => [dateTime(s.at), s.statusLabel, s.actor, s.what, s.message || ''])));
    if ((ticket.attachments || []).length > 0) {
      const list = document.createElement('ul');
      ticket.attachments.forEach((a) => list.append(cell('li', `${a.fileName} (${Math.max(1, Math.round(a.size / 1024))} Ko)`)));
      target.append(cell('h3', 'Pièces jointes'), list);
    }
    const actions = ticket.availableActions || [];
    const reload = () => location.reload();
    const button = (label, path, then = reload) => actionButton(target, label, `/api/tickets/${ticket.number}/${path}`, then);
    /** An answer with its files: the answer first, then each file; the next page says what was sent. */
    const answer = async (formId, title, path, said) => {
      let picked = { files: [] };
      const form = await mountForm(formId, section(target, title), {}, 'POST', `/api/tickets/${ticket.number}/${path}`,
        async (answered) => {
          const refused = await attachAll(ticket.number, picked.files);
          const joined = picked.files.length - refused.length;
          announceOnNextPage(`${said}${joined > 0 ? ` avec ${joined} pièce(s) jointe(s)` : ''} : la sollicitation revient `
            + `${toRecipient(answered.recipientLabel)}, qui vous répondra par courriel et sur cette page.`
            + `${refused.length > 0 ? ` Attention : ${refused.join(' ')}` : ''}`);
          reload();
        });
      picked = filesOnSubmit(form);
    };
    if (actions.includes('ACCEPTER')) {
      button('Accepter la solution', 'acceptance', () => {
        announceOnNextPage(`Vous avez accepté la solution : la sollicitation ${ticket.number} est clôturée. `
          + 'Vous la retrouverez dans l\'onglet « Clôturés ».');
        reload();
      });
      await answer('ticket-refusal', 'Refuser la solution', 'refusal', 'Votre refus est envoyé');
    }
    if (actions.includes('INFORMER')) {
      await answer('ticket-information', 'Apporter les informations demandées', 'information', 'Vos informations sont envoyées');
    }
    if (actions.includes('ENVOYER')) {
      button('Envoyer la sollicitation', 'submission', (sent) => {
        announceOnNextPage(sentNotice(sent, 0, []));
        reload();
      });
    }
    if (ticket.status !== 'CLOTURE') {
      await mountForm('ticket-attachment', section(target, 'Joindre un document'), {}, 'POST',
        `/api/tickets/${ticket.number}/attachments`, (file) => {
          announceOnNextPage(`« ${file.fileName} » est joint à la sollicitation ${ticket.number}.`);
          reload();
        }, '@fields');
    }
    if (actions.includes('CLOTURER')) {
      button('Clôturer la sollicitation', 'closure', () => {
        announceOnNextPage(`La sollicitation ${ticket.number} est clôturée : plus personne n'y travaille. Vous la retrouverez `
          + 'dans l\'onglet « Clôturés ».');
        reload();
      });
    }
  },
};
