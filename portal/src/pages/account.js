// Pages of the account: creation, activation and its help, « Mon compte » (names, contact e-mail, password, secret
// question, terms of use), confirmations. Each action says at the top of the page what happened and what comes next.
import { PROFILES, ROLES, STATUSES } from '../labels.js';
import { enhancePasswordFields } from '../passwords.js';
import { announce, announceOnNextPage, cell } from '../ui.js';

const ACTIVATION_HELP = { href: '/portail/activation-impossible', label: "Je n'ai pas pu activer mon compte" };

/** 04/05/2026 à 15:57, in the time of Paris. */
function dateAndTime(instant) {
  const at = new Date(instant);
  const date = at.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = at.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
  return `${date} à ${time}`;
}

function link({ href, label }) {
  const a = cell('a', label);
  a.href = href;
  a.className = 'fr-link';
  return a;
}

/** A titled part of « Mon compte »; returns the container its form mounts in. */
function part(target, id, title, text) {
  const element = document.createElement('section');
  element.className = 'fr-mt-4w';
  element.setAttribute('aria-labelledby', id);
  const heading = cell('h2', title);
  heading.id = id;
  element.append(heading);
  if (text) {
    element.append(text instanceof Node ? text : cell('p', text));
  }
  const container = document.createElement('div');
  element.append(container);
  target.append(element);
  return container;
}

const schemas = {};

/** The form's password fields get their type, and the new password its strength meter (see passwords.js). */
async function withPasswordFields(formId, form, container) {
  schemas[formId] = schemas[formId] || await (await fetch(`/portail/formulaires/${formId}`)).json();
  enhancePasswordFields(form, schemas[formId], container);
}

/** A form of « Mon compte », drawn again empty after each success (passwords are never left on the page). */
async function accountForm(mountForm, formId, container, initial, method, action, onDone) {
  container.replaceChildren();
  const form = await mountForm(formId, container, initial, method, action, async (answer, payload) => {
    await onDone(answer, payload);
  });
  await withPasswordFields(formId, form, container);
  return form;
}

function contactEmailText(me) {
  const text = cell('p', '');
  if (me.pendingContactEmail) {
    text.textContent = `Un lien de confirmation a été envoyé à ${me.pendingContactEmail}. Tant qu'il n'a pas été suivi, `
      + `les notifications continuent d'arriver à ${me.contactEmail}.`;
    text.className = 'fr-alert fr-alert--info fr-alert--sm';
  } else {
    text.textContent = `Les notifications du compte arrivent à ${me.contactEmail}.`;
  }
  return text;
}

function profileChanged(before, after, asked) {
  if (after.pendingContactEmail && asked.contactEmail && asked.contactEmail !== before.contactEmail) {
    return `Vos informations sont enregistrées. Un lien de confirmation vient d'être envoyé à ${after.pendingContactEmail} : `
      + `suivez-le dans les 7 jours pour que cette adresse reçoive les notifications. D'ici là, elles continuent `
      + `d'arriver à ${after.contactEmail}.`;
  }
  if (!after.pendingContactEmail && after.contactEmail !== before.contactEmail) {
    return `Vos informations sont enregistrées : les notifications arrivent désormais à ${after.contactEmail}.`;
  }
  return 'Vos informations sont enregistrées.';
}

/** Each structure: its fiche, its prerequisites and, for its gestionnaire principal, the requests to join it. */
function structuresList(me) {
  const container = document.createElement('div');
  const structures = document.createElement('ul');
  for (const s of me.structures.filter((b) => !b.role.startsWith('MEMBERSHIP_'))) {
    const item = document.createElement('li');
    item.append(link({ href: `/portail/fiche-structure?structure=${s.id}`, label: `Fiche de ${s.name}` }), ' · ',
      link({ href: `/portail/structure?structure=${s.id}`, label: `Prérequis de ${s.name}` }));
    if (s.role === 'PRINCIPAL_MANAGER') {
      item.append(' · ', link({ href: `/portail/rattachements?structure=${s.id}`, label: `Demandes de rattachement à ${s.name}` }));
    }
    structures.append(item);
  }
  const activities = cell('p', '');
  activities.append(link({ href: '/portail/structures', label: 'Mes structures et mes demandes de rattachement' }), ' · ',
    link({ href: '/portail/creer-une-structure', label: 'Créer une structure' }), ' · ',
    link({ href: '/portail/rejoindre-une-structure', label: 'Rejoindre une structure' }));
  container.append(structures, activities);
  return container;
}

function termsText(me) {
  const text = cell('p', me.termsAcceptedAt
    ? `Vous avez accepté les conditions générales d'utilisation le ${dateAndTime(me.termsAcceptedAt)}. `
    : "Votre compte vient du portail précédent : les conditions générales d'utilisation du portail s'appliquent à son usage. ");
  text.append(link({ href: '/portail/conditions-generales', label: "Lire les conditions générales d'utilisation" }));
  return text;
}

export const renderers = {
  'account-created'(created, target, { host, data }) {
    host.hidden = true;
    const joined = created.role === 'MEMBERSHIP_REQUESTED'
      ? ' Votre structure existe déjà : votre demande de rattachement a été transmise à son gestionnaire principal.'
      : ' Vous êtes le gestionnaire principal de votre structure.';
    announce(`Votre compte est créé. Un courriel vient d'être envoyé à ${data.loginEmail} : `
      + `suivez son lien dans les 30 jours pour choisir votre mot de passe.${joined}`);
  },
  activated(body, target, { host }) {
    host.hidden = true;
    announce(body.message, { href: '/portail/connexion', label: 'Se connecter' });
  },
  'activation-help'(body, target, { host }) {
    host.hidden = true;
    announce(body.message);
  },
  async account(me, target, { form, schema, mountForm }) {
    await form.importSchema(schema, {
      ...me,
      lastLoginLabel: me.lastLoginAt ? dateAndTime(me.lastLoginAt) : null,
      statusLabel: STATUSES[me.status] || me.status,
      structures: me.structures.map((s) => ({
        name: s.name,
        identifierLabel: `${s.identifierType} ${s.identifier}`,
        roleLabel: ROLES[s.role] || s.role,
        profilesLabel: s.profiles.map((p) => PROFILES[p] || p).join(', '),
      })),
    });
    part(target, 'gerer-mes-structures', 'Gérer mes structures').append(structuresList(me));

    const profile = part(target, 'mes-informations', 'Mes informations', contactEmailText(me));
    await accountForm(mountForm, 'account-profile', profile, {
      lastName: me.lastName, firstName: me.firstName, contactEmail: me.contactEmail,
    }, 'PATCH', '/api/me', (after, asked) => {
      announceOnNextPage(profileChanged(me, after, asked));
      location.reload();
    });

    const password = part(target, 'mot-de-passe', 'Mot de passe');
    const passwordForm = () => accountForm(mountForm, 'password-change', password, {}, 'POST', '/api/me/password', async () => {
      announce('Votre mot de passe est changé. Vos autres sessions ouvertes sont fermées ; cette session reste ouverte. '
        + 'À votre prochaine connexion, utilisez le nouveau mot de passe.');
      await passwordForm();
    });
    await passwordForm();

    const secret = part(target, 'question-secrete', 'Question secrète');
    const secretForm = () => accountForm(mountForm, 'secret-question', secret, {}, 'PUT', '/api/me/secret-question',
      async (answer, payload) => {
        announce(`Votre question secrète est changée : « ${payload.secretQuestion} ». Elle vous sera posée si vous `
          + 'oubliez votre mot de passe (« Mot de passe oublié » sur la page de connexion).');
        await secretForm();
      });
    await secretForm();

    part(target, 'conditions', "Conditions générales d'utilisation", termsText(me));

  },
  confirmed(body, target, { host }) {
    host.hidden = true;
    announce(body.message, { href: '/portail/compte', label: 'Mon compte' });
  },
  message(body) {
    announce((body && body.message) || 'Votre demande a été enregistrée.');
  },
};

/** The activation link's page offers the way out when the link no longer works (410: expired). */
function offerActivationHelp() {
  const problem = document.getElementById('problem');
  if (!problem) {
    return;
  }
  const help = cell('p', 'Votre lien a expiré ou ne fonctionne plus ? ');
  help.className = 'fr-mt-2w';
  help.append(link(ACTIVATION_HELP));
  problem.insertAdjacentElement('afterend', help);
}

if (location.pathname === '/portail/activation') {
  offerActivationHelp();
}
