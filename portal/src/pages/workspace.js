// The workspace: jurisdictions, Synthèse, Rechercher, Archives, Tableau de bord, Liste fiscale, Dépôt flux.
import { callApi, problemMessage } from '../api.js';
import { TYPES } from '../labels.js';
import { announce, announceOnNextPage, cell, dateTime, day, euros, linkCell, table } from '../ui.js';


function button(label, kind) {
  const element = cell('button', label);
  element.type = 'button';
  element.className = kind ? `fr-btn fr-btn--${kind}` : 'fr-btn';
  return element;
}

function link(label, href, ariaLabel) {
  const a = cell('a', label);
  a.href = href;
  a.className = 'fr-link';
  if (ariaLabel) {
    a.setAttribute('aria-label', ariaLabel);
  }
  return a;
}

/** DSFR pagination: first, previous, the pages around the current one, next, last; each a link to its page's URL. */
function pagination(page, size, total, hrefFor) {
  const pages = Math.ceil(total / size);
  if (pages <= 1) {
    return document.createDocumentFragment();
  }
  const nav = document.createElement('nav');
  nav.setAttribute('role', 'navigation');
  nav.className = 'fr-pagination';
  nav.setAttribute('aria-label', 'Pagination');
  const list = document.createElement('ul');
  list.className = 'fr-pagination__list';
  const item = (label, target, modifier, title) => {
    const a = cell('a', label);
    a.className = `fr-pagination__link${modifier ? ` fr-pagination__link--${modifier}` : ''}`;
    if (title) {
      a.title = title;
    }
    if (target === page) {
      a.setAttribute('aria-current', 'page');
    } else if (target < 0 || target >= pages) {
      a.setAttribute('aria-disabled', 'true');
      a.setAttribute('role', 'link');
    } else {
      a.href = hrefFor(target);
    }
    const li = document.createElement('li');
    li.append(a);
    list.append(li);
  };
  item('Première page', page === 0 ? -1 : 0, 'first');
  item('Page précédente', page - 1, 'prev');
  for (let i = Math.max(0, page - 2); i <= Math.min(pages - 1, page + 2); i += 1) {
    item(String(i + 1), i, '', `Page ${i + 1}`);
  }
  item('Page suivante', page + 1, 'next');
  item('Dernière page', page === pages - 1 ? pages : pages - 1, 'last');
  nav.append(list);
  return nav;
}

/** The same page with other URL parameters (criteria kept, page changed…). */
function pageUrl(changes) {
  const params = new URLSearchParams(location.search);
  Object.entries(changes).forEach(([key, value]) => (value === null || value === '' ? params.delete(key) : params.set(key, value)));
  return `${location.pathname}?${params}`;
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** The selected mémoires' PDFs in one ZIP: the answer is a file, which the browser saves. */
async function downloadZip(numbers) {
  let response;
  try {
    response = await fetch('/api/memoires/documents', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/zip, application/problem+json',
        'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ numbers }),
    });
  } catch (error) {
    return 'Le service ne répond pas : vérifiez votre connexion puis réessayez.';
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    return (problem && problem.detail) || `Le téléchargement n'a pas abouti (erreur ${response.status}). Réessayez plus tard.`;
  }
  const blob = await response.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `memoires-${new Date().toISOString().slice(0, 10)}.zip`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return null;
}

function selectBox(id, label) {
  const group = document.createElement('div');
  group.className = 'fr-checkbox-group fr-checkbox-group--sm';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  const text = document.createElement('label');
  text.className = 'fr-label';
  text.htmlFor = id;
  const hidden = cell('span', label);
  hidden.className = 'fr-sr-only';
  text.append(hidden);
  group.append(input, text);
  return { group, input };
}

/** Asks before an action that cannot be undone; resolves true when confirmed. */
function confirmBox(place, question, confirmLabel) {
  return new Promise((resolve) => {
    const box = document.createElement('div');
    box.className = 'fr-alert fr-alert--warning';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Confirmation');
    const yes = button(confirmLabel);
    const no = button('Annuler', 'secondary');
    const done = (answer) => {
      box.remove();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    box.append(cell('p', question), yes, ' ', no);
    place.replaceChildren(box);
    yes.focus();
  });
}

/** What an action on a selection did, mémoire by mémoire. */
function report(place, title, lines) {
  const box = document.createElement('div');
  box.className = 'fr-alert fr-alert--info';
  box.setAttribute('role', 'status');
  const list = document.createElement('ul');
  lines.forEach((line) => list.append(cell('li', line)));
  box.append(cell('h2', title), list);
  box.firstChild.className = 'fr-alert__title';
  place.replaceChildren(box);
}

const plural = (n, one, many) => `${n} ${n > 1 ? many : one}`;

/** The Synthèse's selection: abandon, delete the drafts, download the PDFs; each asks first and reports. */
function selectionActions(summary, selected, target) {
  const bar = document.createElement('div');
  bar.className = 'fr-btns-group fr-btns-group--inline-md';
  const place = document.createElement('div');
  const error = cell('p', '');
  error.setAttribute('role', 'alert');
  const chosen = () => summary.items.filter((m) => selected.has(m.number));
  const need = (what) => {
    const list = chosen();
    error.textContent = list.length === 0 ? `Cochez d'abord le ou les mémoires à ${what}.` : '';
    return list;
  };
  const refresh = async (title, lines, notice) => {
    const answer = await callApi('GET', '/api/memoires/summary', Object.fromEntries(new URLSearchParams(location.search)));
    if (answer.ok) {
      renderers.summary(answer.body, target);
    }
    report(target.querySelector('.fdj-report'), title, lines);
    announce(notice);
  };

  const abandon = button('Abandonner', 'secondary');
  abandon.addEventListener('click', async () => {
    const list = need('abandonner');
    if (list.length === 0 || !await confirmBox(place, `Abandonner ${plural(list.length, 'mémoire', 'mémoires')} (${list
      .map((m) => m.number).join(', ')}) ? Un mémoire abandonné n'est plus traité ni payé : c'est définitif.`, "Confirmer l'abandon")) {
      return;
    }
    const lines = [];
    let done = 0;
    for (const m of list) {
      const answer = await callApi('POST', `/api/memoires/${encodeURIComponent(m.number)}/abandon`, {});
      done += answer.ok ? 1 : 0;
      lines.push(answer.ok ? `${m.number} : abandonné.` : `${m.number} : non abandonné — ${problemMessage(answer.body)}`);
    }
    await refresh("Compte rendu de l'abandon", lines, `${plural(done, 'mémoire abandonné', 'mémoires abandonnés')} sur ${list.length} : `
      + 'le détail suit. Les mémoires abandonnés restent consultables dans « Rechercher ».');
  });

  const remove = button('Supprimer (brouillons)', 'secondary');
  remove.addEventListener('click', async () => {
    const list = need('supprimer');
    const drafts = list.filter((m) => m.status === 'BROUILLON');
    if (list.length === 0 || !await confirmBox(place, drafts.length === 0
      ? 'Aucun des mémoires cochés n\'est un brouillon : seuls les brouillons se suppriment. Continuer pour voir le détail ?'
      : `Supprimer ${plural(drafts.length, 'brouillon', 'brouillons')} (${drafts.map((m) => m.number).join(', ')}) ? `
        + 'Un brouillon supprimé ne peut pas être retrouvé.', 'Confirmer la suppression')) {
      return;
    }
    const lines = [];
    let done = 0;
    for (const m of list) {
      if (m.status !== 'BROUILLON') {
        lines.push(`${m.number} : non supprimé — il est « ${m.statusLabel} » ; seuls les brouillons se suppriment.`);
      } else {
        const answer = await callApi('DELETE', `/api/memoires/${encodeURIComponent(m.number)}`, {});
        done += answer.ok ? 1 : 0;
        lines.push(answer.ok ? `${m.number} : supprimé.` : `${m.number} : non supprimé — ${problemMessage(answer.body)}`);
      }
    }
    await refresh('Compte rendu de la suppression', lines,
      `${plural(done, 'brouillon supprimé', 'brouillons supprimés')} sur ${list.length} mémoire(s) coché(s) : le détail suit.`);
  });

  const download = button('Télécharger (ZIP des PDF)', 'secondary');
  download.addEventListener('click', async () => {
    const list = need('télécharger');
    if (list.length === 0) {
      return;
    }
    download.disabled = true;
    const problem = await downloadZip(list.map((m) => m.number));
    download.disabled = false;
    error.textContent = problem || '';
    if (!problem) {
      announce(`Le fichier ZIP ${list.length === 1 ? `du mémoire ${list[0].number}` : `des ${list.length} mémoires (${list
        .map((m) => m.number).join(', ')})`} est enregistré dans vos téléchargements : un PDF par mémoire.`);
    }
  });
  bar.append(abandon, remove, download);
  return [bar, error, place];
}

export const renderers = {
  jurisdictions(list, target) {
    if (list.length === 0) {
      target.append(cell('p', 'Aucune juridiction ne correspond à ces critères.'));
      return;
    }
    target.append(table(`${list.length} juridiction(s)`, ['Code', 'Nom', 'Type', 'Département', "Cour d'appel"],
      list.map((j) => [j.code, j.name, TYPES[j.type] || j.type, j.departement, j.courAppel])));
  },

  /** Rechercher and Archives: the criteria (folded once a search has run) above the results. */
  async 'memoire-search'(me, target, { mountForm }) {
    const archives = location.pathname === '/portail/archives';
    const base = archives ? '/api/archives' : '/api/memoires';
    const structures = me.structures || [];
    const [categories, ...services] = await Promise.all([
      callApi('GET', '/api/reference/provider-categories', {}),
      ...structures.map((s) => callApi('GET', `/api/structures/${s.id}/services`, {})),
    ]);
    const categoryList = categories.ok ? categories.body : [];
    const serviceOptions = structures.flatMap((s, i) => (services[i].ok ? services[i].body : []).map((service) => ({
      value: service.code,
      label: `${service.name}${structures.length > 1 ? ` — ${s.name}` : ''}${service.active === false ? ' (inactif)' : ''}`,
    })));
    const referenceTexts = [...new Set(categoryList.map((c) => c.referenceText))];
    const criteria = Object.fromEntries(new URLSearchParams(location.search));
    const initial = {
      ...criteria,
      structureId: criteria.structureId || criteria.structure,
      structureOptions: structures.map((s) => ({ value: s.id, label: s.name })),
      categoryOptions: categoryList.map((c) => ({ value: c.code, label: c.label })),
      serviceOptions,
      referenceTextOptions: referenceTexts.map((r) => ({ value: r, label: `Article ${r} du CPP (${categoryList
        .filter((c) => c.referenceText === r).map((c) => c.label).join(', ')})` })),
    };
    delete initial.page;
    delete initial.structure;
    const details = document.createElement('details');
    details.className = 'fr-accordion fdj-criteria';
    details.open = true;
    const summary = cell('summary', 'Critères de recherche');
    summary.className = 'fr-accordion__btn';
    const container = document.createElement('div');
    details.append(summary, container);
    const results = document.createElement('div');
    target.append(details, results);
    const show = (page, sent) => {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(sent)}`);
      results.replaceChildren();
      renderers.memoires(page, results, { data: sent, base, archives });
      details.open = false;
    };
    await mountForm('memoire-search', container, initial, 'GET', base, (page, payload) => show(page, payload));
    if (Object.keys(criteria).length > 0) {
      const answer = await callApi('GET', base, criteria);
      if (answer.ok) {
        show(answer.body, criteria);
      } else {
        const problem = cell('p', problemMessage(answer.body));
        problem.setAttribute('role', 'alert');
        results.replaceChildren(problem);
      }
    }
  },

  memoires(page, target, { data, base, archives }) {
    const criteria = { ...(data || {}) };
    delete criteria.page;
    const heading = cell('h2', `Résultats de la recherche : ${page.total} mémoire(s)`);
    heading.tabIndex = -1;
    const exportLink = link('Exporter en CSV (tableur)', `${base}/export?${new URLSearchParams(criteria)}`);
    target.append(heading, exportLink);
    if (page.total === 0) {
      target.append(cell('p', 'Aucun mémoire ne correspond à ces critères.'));
      return;
    }
    const actionPlace = document.createElement('div');
    actionPlace.setAttribute('role', 'alert');
    const element = table('Mémoires', ['Numéro', 'Statut', 'Prestataire', 'Destinataire', 'Déposé le', 'Montant TTC',
      'N° de facture', 'Dernier changement', 'Actions'], []);
    element.classList.add('fr-table');
    page.items.forEach((m) => {
      const tr = document.createElement('tr');
      const actions = document.createElement('td');
      const number = encodeURIComponent(m.number);
      actions.append(link('Visualiser', `/portail/memoire?numero=${number}`, `Visualiser le mémoire ${m.number}`), ' ',
        link('Télécharger', `/api/memoires/${number}/document`, `Télécharger le PDF du mémoire ${m.number}`));
      actions.lastChild.setAttribute('download', `${m.number}.pdf`);
      if (!archives && m.status !== 'BROUILLON') {
        const duplicate = button('Dupliquer', 'tertiary');
        duplicate.classList.add('fr-btn--sm');
        duplicate.setAttribute('aria-label', `Dupliquer le mémoire ${m.number} dans un nouveau brouillon`);
        duplicate.addEventListener('click', async () => {
          duplicate.disabled = true;
          const answer = await callApi('POST', `/api/memoires/${number}/duplicate`, {});
          duplicate.disabled = false;
          if (answer.ok) {
            // the search runs again on reloading: the row then shows the duplicated mémoire's new status
            announceOnNextPage(`Le mémoire ${m.number} est dupliqué dans le nouveau brouillon ${answer.body.number} : `
              + 'complétez-le si besoin, puis validez-le et envoyez-le.', { href: `/portail/memoire?numero=${answer.body.number}`,
              label: `Ouvrir le brouillon ${answer.body.number}` });
            location.reload();
          } else {
            actionPlace.textContent = `${m.number} : ${problemMessage(answer.body)}`;
          }
        });
        actions.append(' ', duplicate);
      }
      tr.append(linkCell(m.number, `/portail/memoire?numero=${number}`), cell('td', m.statusLabel),
        cell('td', m.structureName), cell('td', m.jurisdictionName || m.jurisdictionCode), cell('td', day(m.depositedAt)),
        cell('td', euros(m.amountInclVat)), cell('td', m.providerInvoiceNumber || ''), cell('td', dateTime(m.statusChangedAt)),
        actions);
      element.tBodies[0].append(tr);
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table';
    wrapper.append(element);
    target.append(actionPlace, wrapper, pagination(page.page, page.size, page.total,
      (i) => `${location.pathname}?${new URLSearchParams({ ...criteria, page: i })}`));
  },

  /** Synthèse: the mémoires to handle, by structure, a page at a time, with actions on a selection. */
  summary(summary, target) {
    target.replaceChildren();
    const filter = document.createElement('form');
    filter.method = 'get';
    filter.action = '/portail/synthese';
    const group = document.createElement('div');
    group.className = 'fr-select-group';
    const label = cell('label', 'Structure');
    label.className = 'fr-label';
    label.htmlFor = 'summary-structure';
    const select = document.createElement('select');
    select.className = 'fr-select';
    select.id = 'summary-structure';
    select.name = 'structureId';
    const current = new URLSearchParams(location.search).get('structureId') || '';
    [{ id: '', name: 'Toutes mes structures' }, ...summary.structures].forEach((s) => {
      const option = cell('option', s.name);
      option.value = s.id;
      option.selected = s.id === current;
      select.append(option);
    });
    const apply = button('Filtrer', 'secondary');
    apply.type = 'submit';
    group.append(label, select);
    const sizeGroup = document.createElement('div');
    sizeGroup.className = 'fr-select-group';
    const sizeLabel = cell('label', 'Lignes par page');
    sizeLabel.className = 'fr-label';
    sizeLabel.htmlFor = 'summary-size';
    const size = document.createElement('select');
    size.className = 'fr-select';
    size.id = 'summary-size';
    size.name = 'size';
    [5, 10, 20, 50, 100].forEach((n) => {
      const option = cell('option', String(n));
      option.value = String(n);
      option.selected = n === summary.size;
      size.append(option);
    });
    sizeGroup.append(sizeLabel, size);
    filter.append(group, sizeGroup, apply);
    const reportPlace = document.createElement('div');
    reportPlace.className = 'fdj-report';
    target.append(filter, reportPlace, cell('h2', `Mémoires à traiter : ${summary.total}`));
    if (summary.total === 0) {
      target.append(cell('p', 'Aucun mémoire n\'attend d\'action de votre part.'));
      return;
    }
    const selected = new Set();
    target.append(...selectionActions(summary, selected, target));
    const element = table('Mémoires à traiter', ['Sélection', 'Prestataire', 'Date de dépôt', 'Destinataire', 'Numéro', 'État',
      "Date de l'état", 'Montant TTC', 'N° facture', 'Action attendue'], []);
    element.rows[0].cells[0].replaceChildren();
    const all = selectBox('select-all', 'Tout sélectionner sur cette page');
    element.rows[0].cells[0].append(all.group);
    const boxes = [];
    summary.items.forEach((m) => {
      const tr = document.createElement('tr');
      const choose = selectBox(`select-${m.number}`, `Sélectionner le mémoire ${m.number}`);
      choose.input.addEventListener('change', () => (choose.input.checked ? selected.add(m.number) : selected.delete(m.number)));
      boxes.push(choose.input);
      const box = document.createElement('td');
      box.append(choose.group);
      tr.append(box, cell('td', m.structureName), cell('td', day(m.depositedAt)), cell('td', m.jurisdictionName),
        linkCell(m.number, `/portail/memoire?numero=${encodeURIComponent(m.number)}`), cell('td', m.statusLabel),
        cell('td', day(m.statusChangedAt)), cell('td', euros(m.amountInclVat)), cell('td', m.providerInvoiceNumber || ''),
        cell('td', m.action));
      element.tBodies[0].append(tr);
    });
    all.input.addEventListener('change', () => boxes.forEach((b) => {
      b.checked = all.input.checked;
      b.dispatchEvent(new Event('change'));
    }));
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table';
    wrapper.append(element);
    target.append(wrapper, pagination(summary.page, summary.size, summary.total, (i) => pageUrl({ page: i })));
  },

  /** Tableau de bord: one line per structure, one column per status; each count opens its search. */
  dashboard(counts, target) {
    const { statuses, rows } = counts.grid;
    const element = table('Mémoires par structure et par statut (hors archives)',
      ['Structure', ...statuses.map((s) => s.label), 'Total'], []);
    rows.forEach((row) => {
      const tr = document.createElement('tr');
      const name = cell('th', row.structureName);
      name.scope = 'row';
      tr.append(name);
      row.counts.forEach((c, i) => {
        const td = document.createElement('td');
        td.append(link(String(c.count), c.search,
          `${c.count} mémoire(s) « ${statuses[i].label} » de ${row.structureName}`));
        tr.append(td);
      });
      const total = document.createElement('td');
      total.append(link(String(row.total), `/portail/recherche?structureId=${row.structureId}`,
        `${row.total} mémoire(s) en tout de ${row.structureName}`));
      tr.append(total);
      element.tBodies[0].append(tr);
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table';
    wrapper.append(element);
    target.append(wrapper);
    if (rows.length === 0) {
      target.append(cell('p', 'Vous n\'êtes membre d\'aucune structure pour le moment.'));
    }
  },

  /** Liste fiscale: the period and, when there are several, the structure. */
  async 'fiscal-search'(me, target, { mountForm }) {
    const criteria = Object.fromEntries(new URLSearchParams(location.search));
    const results = document.createElement('div');
    const container = document.createElement('div');
    target.append(container, results);
    const show = (rows, sent) => {
      history.replaceState(null, '', `${location.pathname}?${new URLSearchParams(sent)}`);
      results.replaceChildren();
      renderers['fiscal-list'](rows, results, { data: sent, structures: me.structures || [] });
    };
    await mountForm('fiscal-list', container, {
      ...criteria, structureOptions: (me.structures || []).map((s) => ({ value: s.id, label: s.name })),
    }, 'GET', '/api/fiscal-list', show);
    if (criteria.from && criteria.to) {
      const answer = await callApi('GET', '/api/fiscal-list', criteria);
      if (answer.ok) {
        show(answer.body, criteria);
      }
    }
  },

  'fiscal-list'(rows, target, { data, structures }) {
    const params = new URLSearchParams(data || {});
    const structure = (structures || []).find((s) => s.id === params.get('structureId'));
    target.append(cell('h2', `${rows.length} mémoire(s) mis en paiement${structure ? ` — ${structure.name}` : ''}`),
      link('Exporter en CSV', `/api/fiscal-list/export?${params}`), ' ', link('Télécharger en PDF', `/api/fiscal-list/pdf?${params}`));
    const element = table('Liste fiscale', ['Numéro', 'Structure', 'Destinataire', 'Payé le', 'Demandé TTC', 'Payé TTC'],
      rows.map((r) => [r.number, r.structureName, r.jurisdictionName || r.jurisdictionCode,
        day(r.paymentDate), euros(r.amountInclVat), euros(r.paidAmount)]));
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table';
    wrapper.append(element);
    target.append(wrapper);
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
          target.replaceChildren();
          renderers['bulk-report'](answer.body, target, {});
        }
      }, 1000);
    }
    target.append(table('Compte rendu', ['N°', 'Votre référence', 'Résultat', 'Numéro MJ ou motifs'],
      report.items.map((i) => [String(i.position), i.reference || '', i.status === 'ENVOYE' ? 'Envoyé' : 'Refusé',
        i.mjNumber || i.reasons.join(' ; ')])));
  },
};
