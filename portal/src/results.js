// How each page shows a successful answer.
import { callApi } from './api.js';

const TYPES = { TRIBUNAL_JUDICIAIRE: 'Tribunal judiciaire', COUR_APPEL: "Cour d'appel" };
const ROLES = {
  PRINCIPAL_MANAGER: 'Gestionnaire principal',
  MANAGER: 'Gestionnaire',
  USER: 'Utilisateur',
  MEMBERSHIP_REQUESTED: 'Rattachement demandé',
  MEMBERSHIP_REFUSED: 'Rattachement refusé',
};
const PROFILES = {
  FRAIS_DE_JUSTICE_CONSULTATION: 'Frais de justice consultation',
  FRAIS_DE_JUSTICE_MODIFICATION: 'Frais de justice modification',
};
const MEMOIRE_STATUSES = {
  BROUILLON: 'Brouillon', DEPOSE: 'Envoyé', MIS_A_DISPOSITION: 'Mis à disposition', SUSPENDU: 'Suspendu',
  COMPLETE: 'Complété', CERTIFIE: 'Certifié', TAXE: 'Taxé', REFUSE: 'Refusé', ABANDONNE: 'Abandonné',
  DUPLIQUE_POST_REFUS: 'Dupliqué post refus', MANDATE: 'Mandaté', MIS_EN_PAIEMENT: 'Mis en paiement',
};
const STATUSES = { ACTIVE: 'Actif', PENDING_ACTIVATION: "En attente d'activation", ACTIVATION_EXPIRED: 'Activation expirée' };

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text ?? '';
  return element;
}

function table(caption, headers, rows) {
  const element = document.createElement('table');
  element.append(cell('caption', caption));
  const head = document.createElement('tr');
  headers.forEach((h) => {
    const th = cell('th', h);
    th.scope = 'col';
    head.append(th);
  });
  element.createTHead().append(head);
  const body = element.createTBody();
  rows.forEach((row) => {
    const tr = document.createElement('tr');
    row.forEach((value) => tr.append(cell('td', value)));
    body.append(tr);
  });
  return element;
}

function success(target, text, link) {
  const box = cell('p', text);
  box.className = 'success';
  box.setAttribute('role', 'status');
  if (link) {
    const a = cell('a', link.label);
    a.href = link.href;
    box.append(' ', a);
  }
  target.append(box);
}

const dateTime = (instant) => (instant ? new Date(instant).toLocaleString('fr-FR') : '');

/** A table cell holding a link. */
function linkCell(text, href) {
  const link = cell('a', text);
  link.href = href;
  const td = document.createElement('td');
  td.append(link);
  return td;
}

/** A titled section appended to the target; returns the container a form mounts in. */
function section(target, title) {
  const element = document.createElement('section');
  element.append(cell('h3', title));
  const container = document.createElement('div');
  element.append(container);
  target.append(element);
  return container;
}

/** A button that POSTs to the API; on success hands the answer to then, else shows the problem beside it. */
function actionButton(target, label, url, then) {
  const button = cell('button', label);
  button.type = 'button';
  const error = cell('p', '');
  error.setAttribute('role', 'alert');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const answer = await callApi('POST', url, {});
    if (answer.ok) {
      then(answer.body);
    } else {
      button.disabled = false;
      error.textContent = (answer.body && answer.body.detail) || 'Action impossible pour le moment.';
    }
  });
  target.append(button, error);
}

/** A sent mémoire: where it stands, its history, and what the provider may do next. */
async function followUp(memoire, target, mountForm, euros) {
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

function backToChecklist() {
  const structure = new URLSearchParams(location.search).get('structure');
  return { href: `/portail/structure?structure=${structure}`, label: 'Revenir aux prérequis' };
}

const renderers = {
  jurisdictions(list, target) {
    if (list.length === 0) {
      target.append(cell('p', 'Aucune juridiction ne correspond à ces critères.'));
      return;
    }
    target.append(table(`${list.length} juridiction(s)`, ['Code', 'Nom', 'Type', 'Département', "Cour d'appel"],
      list.map((j) => [j.code, j.name, TYPES[j.type] || j.type, j.departement, j.courAppel])));
  },
  'account-created'(created, target, { host, data }) {
    host.hidden = true;
    const joined = created.role === 'MEMBERSHIP_REQUESTED'
      ? ' Votre structure existe déjà : votre demande de rattachement a été transmise à son gestionnaire principal.'
      : ' Vous êtes le gestionnaire principal de votre structure.';
    success(target, `Votre compte est créé. Un courriel vient d'être envoyé à ${data.contactEmail || data.loginEmail} : `
      + `suivez son lien dans les 30 jours pour choisir votre mot de passe.${joined}`);
  },
  activated(body, target, { host }) {
    host.hidden = true;
    success(target, body.message, { href: '/portail/connexion', label: 'Se connecter' });
  },
  async account(me, target, { form, schema }) {
    await form.importSchema(schema, {
      ...me,
      statusLabel: STATUSES[me.status] || me.status,
      structures: me.structures.map((s) => ({
        name: s.name,
        identifierLabel: `${s.identifierType} ${s.identifier}`,
        roleLabel: ROLES[s.role] || s.role,
        profilesLabel: s.profiles.map((p) => PROFILES[p] || p).join(', '),
      })),
    });
    const structures = document.createElement('ul');
    for (const s of me.structures.filter((s) => !s.role.startsWith('MEMBERSHIP_'))) {
      const item = document.createElement('li');
      const a = cell('a', `Prérequis de ${s.name}`);
      a.href = `/portail/structure?structure=${s.id}`;
      item.append(a);
      if (s.role === 'PRINCIPAL_MANAGER') {
        const requests = cell('a', `Demandes de rattachement à ${s.name}`);
        requests.href = `/portail/rattachements?structure=${s.id}`;
        item.append(' · ', requests);
      }
      structures.append(item);
    }
    target.append(structures);
    const logout = cell('button', 'Se déconnecter');
    logout.type = 'button';
    logout.addEventListener('click', async () => {
      await callApi('DELETE', '/api/session', {});
      location.assign('/');
    });
    target.append(logout);
  },
  'mandate-signed'(mandate, target, { host }) {
    host.hidden = true;
    success(target, `Le mandat « ${mandate.label} » est signé : l'État peut désormais émettre vos mémoires en votre nom.`,
      { href: '/portail/compte', label: 'Mon compte' });
  },
  prerequisites(list, target) {
    const structure = new URLSearchParams(location.search).get('structure');
    const fixes = {
      '01': { href: `/portail/coordonnees-bancaires?structure=${structure}`, label: 'Ajouter des coordonnées bancaires' },
      '02': { href: `/portail/mandats?structure=${structure}`, label: 'Générer et signer un mandat' },
      '03': { href: '/portail/creer-un-compte', label: 'Créer une structure au bon identifiant' },
      '04': { href: `/portail/structure-parametres?structure=${structure}`, label: 'Renseigner le régime' },
    };
    const items = document.createElement('ul');
    items.className = 'checklist';
    for (const p of list) {
      const item = cell('li', `${p.satisfied ? '✔' : '✘'} ${p.label}`);
      item.className = p.satisfied ? 'done' : 'missing';
      item.setAttribute('aria-label', `${p.label} : ${p.satisfied ? 'rempli' : 'à remplir'}`);
      if (!p.satisfied && fixes[p.code]) {
        const a = cell('a', fixes[p.code].label);
        a.href = fixes[p.code].href;
        item.append(' — ', a);
      }
      items.append(item);
    }
    target.append(items);
    if (list.every((p) => p.satisfied)) {
      success(target, 'Tous les prérequis sont remplis : votre structure peut envoyer ses mémoires.',
        { href: `/portail/nouveau-memoire?structure=${structure}`, label: 'Saisir un mémoire' });
    }
  },
  'membership-requests'(requests, target) {
    const structure = new URLSearchParams(location.search).get('structure');
    if (requests.length === 0) {
      target.append(cell('p', 'Aucune demande en attente.'));
      return;
    }
    const list = document.createElement('ul');
    list.className = 'requests';
    for (const request of requests) {
      const proof = request.loginEmailVerified
        ? 'vérifiée : compte activé par le lien envoyé à cette adresse'
        : 'pas encore vérifiée : compte non activé, la demande ne peut être acceptée qu\'après activation';
      const contact = request.contactEmail.toLowerCase() === request.loginEmail.toLowerCase()
        ? '' : `, adresse de contact ${request.contactEmail} (vérifiée)`;
      const item = cell('li', `${request.firstName} ${request.lastName} — adresse de connexion ${request.loginEmail} `
        + `(${proof})${contact}, demandé le ${new Date(request.requestedAt).toLocaleDateString('fr-FR')} `);
      for (const [label, decision] of [['Accepter', 'approval'], ['Refuser', 'refusal']]) {
        const button = cell('button', `${label} ${request.firstName} ${request.lastName}`);
        button.type = 'button';
        button.addEventListener('click', async () => {
          const answer = await callApi('POST',
            `/api/structures/${structure}/membership-requests/${request.requestId}/${decision}`, {});
          item.replaceChildren(answer.ok
            ? `${request.firstName} ${request.lastName} : demande ${decision === 'approval' ? 'acceptée' : 'refusée'}, la personne en est prévenue.`
            : (answer.body && answer.body.detail) || 'La réponse n\'a pas pu être enregistrée.');
        });
        item.append(button, ' ');
      }
      list.append(item);
    }
    target.append(list);
  },
  'bank-account-added'(account, target, { host }) {
    host.hidden = true;
    success(target, `Les coordonnées « ${account.name} » sont enregistrées.`, backToChecklist());
  },
  'structure-saved'(structure, target) {
    success(target, `Les paramètres de « ${structure.name} » sont enregistrés.`, backToChecklist());
  },
  'mandate-generated'(mandate, target, { host }) {
    host.hidden = true;
    success(target, `Le mandat « ${mandate.label} » est généré : un courriel vous envoie le lien pour le signer.`,
      backToChecklist());
  },
  async memoire(memoire, target, { mountForm }) {
    const euros = (amount) => (amount === null || amount === undefined ? '' : `${Number(amount).toFixed(2).replace('.', ',')} €`);
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
      await followUp(memoire, target, mountForm, euros);
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
  memoires(page, target, { data }) {
    const query = new URLSearchParams(location.search);
    const base = location.pathname === '/portail/archives' ? '/api/archives' : '/api/memoires';
    const exportLink = cell('a', 'Exporter en CSV (tableur)');
    const criteria = { ...(data || Object.fromEntries(query)) };
    delete criteria.page;
    exportLink.href = `${base}/export?${new URLSearchParams(criteria)}`;
    target.append(cell('p', `${page.total} mémoire(s).`), exportLink);
    const element = table('Mémoires', ['Numéro', 'Statut', 'Structure', 'Juridiction', 'Déposé le', 'Montant TTC', 'Dernier changement'], []);
    page.items.forEach((m) => {
      const tr = document.createElement('tr');
      tr.append(linkCell(m.number, `/portail/memoire?numero=${m.number}`),
        cell('td', m.statusLabel), cell('td', m.structureName), cell('td', m.jurisdictionCode),
        cell('td', m.depositedAt ? new Date(m.depositedAt).toLocaleDateString('fr-FR') : ''),
        cell('td', `${Number(m.amountInclVat).toFixed(2).replace('.', ',')} €`), cell('td', dateTime(m.statusChangedAt)));
      element.tBodies[0].append(tr);
    });
    target.append(element);
    const pages = Math.ceil(page.total / page.size);
    if (pages > 1) {
      const nav = document.createElement('nav');
      nav.setAttribute('aria-label', 'Pages');
      for (let i = 0; i < pages && i < 50; i += 1) {
        const link = cell('button', String(i + 1));
        link.type = 'button';
        if (i === page.page) {
          link.setAttribute('aria-current', 'page');
        }
        link.addEventListener('click', async () => {
          const criteria = { ...(data || Object.fromEntries(query)), page: i };
          const answer = await callApi('GET', base, criteria);
          if (answer.ok) {
            renderResult('memoires', answer.body, target, { data: criteria });
          }
        });
        nav.append(link, ' ');
      }
      target.append(nav);
    }
  },
  summary(list, target) {
    if (list.length === 0) {
      target.append(cell('p', 'Aucun mémoire n\'attend d\'action de votre part.'));
      return;
    }
    const element = table('Mémoires en attente', ['Numéro', 'Statut', 'Structure', 'Action attendue', 'Depuis le'], []);
    list.forEach((m) => {
      const tr = document.createElement('tr');
      tr.append(linkCell(m.number, `/portail/memoire?numero=${m.number}`),
        cell('td', m.statusLabel), cell('td', m.structureName), cell('td', m.action), cell('td', dateTime(m.statusChangedAt)));
      element.tBodies[0].append(tr);
    });
    target.append(element);
  },
  dashboard(counts, target) {
    const countTable = (caption, head, rows) => {
      const element = table(caption, [head, 'Mémoires'], []);
      rows.forEach((c) => {
        const tr = document.createElement('tr');
        const link = cell('a', String(c.count));
        link.href = c.search;
        link.setAttribute('aria-label', `${c.count} mémoire(s) : ${c.label}`);
        const count = document.createElement('td');
        count.append(link);
        tr.append(cell('td', c.label), count);
        element.tBodies[0].append(tr);
      });
      target.append(element);
    };
    countTable('Par statut', 'Statut', counts.byStatus);
    countTable('Par structure', 'Structure', counts.byStructure);
  },
  'fiscal-list'(rows, target, { data }) {
    const params = new URLSearchParams(data || {});
    const csv = cell('a', 'Exporter en CSV');
    csv.href = `/api/fiscal-list/export?${params}`;
    const pdf = cell('a', 'Télécharger en PDF');
    pdf.href = `/api/fiscal-list/pdf?${params}`;
    target.append(cell('p', `${rows.length} mémoire(s) mis en paiement.`), csv, ' ', pdf);
    target.append(table('Liste fiscale', ['Numéro', 'Structure', 'Juridiction', 'Payé le', 'Demandé TTC', 'Payé TTC'],
      rows.map((r) => [r.number, r.structureName, r.jurisdictionCode, new Date(r.paymentDate).toLocaleDateString('fr-FR'),
        `${Number(r.amountInclVat).toFixed(2).replace('.', ',')} €`, `${Number(r.paidAmount).toFixed(2).replace('.', ',')} €`])));
  },
  async 'bulk-report'(report, target) {
    const statuses = { RECU: 'Reçu, en attente de traitement', EN_COURS: 'En cours de traitement', TERMINE: 'Terminé', REJETE: 'Rejeté' };
    target.append(cell('h2', `${report.fileName} — ${statuses[report.status] || report.status}`));
    if (report.status === 'REJETE') {
      const problem = cell('p', `Le fichier est refusé en bloc (ligne ${report.errorLine}, élément <${report.errorElement}>) : ${report.error}`);
      problem.setAttribute('role', 'alert');
      target.append(problem);
      return;
    }
    const progress = document.createElement('progress');
    progress.max = report.total || 1;
    progress.value = report.status === 'TERMINE' ? progress.max : report.processed;
    progress.setAttribute('aria-label', 'Avancement du dépôt flux');
    const status = cell('p', `${report.processed} mémoire(s) traité(s) sur ${report.total || '…'} : ${report.sent} envoyé(s), ${report.refused} refusé(s).`);
    status.className = 'status';
    status.setAttribute('role', 'status');
    target.append(progress, status);
    if (report.status === 'RECU' || report.status === 'EN_COURS') {
      setTimeout(async () => {
        const answer = await callApi('GET', `/api/bulk-uploads/${report.uploadId}`, {});
        if (answer.ok) {
          renderResult('bulk-report', answer.body, target, {});
        }
      }, 1000);
    }
    target.append(table('Compte rendu', ['N°', 'Votre référence', 'Résultat', 'Numéro MJ ou motifs'],
      report.items.map((i) => [String(i.position), i.reference || '', i.status === 'ENVOYE' ? 'Envoyé' : 'Refusé',
        i.mjNumber || i.reasons.join(' ; ')])));
  },
  confirmed(body, target, { host }) {
    host.hidden = true;
    success(target, body.message, { href: '/portail/compte', label: 'Mon compte' });
  },
  message(body, target) {
    success(target, (body && body.message) || 'Votre demande a été enregistrée.');
  },
};

export function renderResult(name, body, target, context) {
  target.replaceChildren();
  return (renderers[name] || renderers.message)(body, target, context);
}
