// The workspace: jurisdictions, Synthèse, Rechercher, Archives, Tableau de bord, Liste fiscale, Dépôt flux.
import { callApi } from '../api.js';
import { TYPES } from '../labels.js';
import { cell, dateTime, euros, linkCell, table } from '../ui.js';

export const renderers = {
  jurisdictions(list, target) {
    if (list.length === 0) {
      target.append(cell('p', 'Aucune juridiction ne correspond à ces critères.'));
      return;
    }
    target.append(table(`${list.length} juridiction(s)`, ['Code', 'Nom', 'Type', 'Département', "Cour d'appel"],
      list.map((j) => [j.code, j.name, TYPES[j.type] || j.type, j.departement, j.courAppel])));
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
        cell('td', euros(m.amountInclVat)), cell('td', dateTime(m.statusChangedAt)));
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
            target.replaceChildren();
            renderers.memoires(answer.body, target, { data: criteria });
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
        euros(r.amountInclVat), euros(r.paidAmount)])));
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
