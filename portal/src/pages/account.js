// Pages of the account: creation, activation, « Mon compte », confirmations.
import { PROFILES, ROLES, STATUSES } from '../labels.js';
import { cell, success } from '../ui.js';

export const renderers = {
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
  },
  confirmed(body, target, { host }) {
    host.hidden = true;
    success(target, body.message, { href: '/portail/compte', label: 'Mon compte' });
  },
  message(body, target) {
    success(target, (body && body.message) || 'Votre demande a été enregistrée.');
  },
};
