// Pages of a structure: prerequisites, members, bank details, mandates, settings.
import { callApi } from '../api.js';
import { cell, success } from '../ui.js';


function backToChecklist() {
  const structure = new URLSearchParams(location.search).get('structure');
  return { href: `/portail/structure?structure=${structure}`, label: 'Revenir aux prérequis' };
}

export const renderers = {
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
};
