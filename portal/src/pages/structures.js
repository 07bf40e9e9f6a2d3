// Pages of a structure: « Mes structures », the fiche structure (settings, prerequisites, services, members, bank
// details, mandates), creating and joining a structure, and the forms its actions open.
import { callApi, problemMessage } from '../api.js';
import { IDENTIFIER_TYPES, MANDATE_STATUSES, PROFILES, REGIMES, ROLES } from '../labels.js';
import { announce, announceOnNextPage, cell, day, success, table } from '../ui.js';

const structureParam = () => new URLSearchParams(location.search).get('structure');
const ficheOf = (id, anchor = '') => `/portail/fiche-structure?structure=${encodeURIComponent(id)}${anchor}`;
/** « SIRET 732 829 320 00074 » reads well; « T-1234 (en cours d'immatriculation) » for the other kinds. */
function identifierOf(s) {
  const label = s.identifierTypeLabel || IDENTIFIER_TYPES[s.identifierType] || s.identifierType;
  return ['SIRET', 'RIDET'].includes(s.identifierType) ? `${label} ${s.identifier}` : `${s.identifier} (${label})`;
}
const profilesOf = (profiles) => (profiles || []).map((p) => PROFILES[p] || p).sort().join(', ');
/** A masked IBAN stays on one line. */
const unbroken = (text) => (text || '').replace(/ /g, '\u00a0');

function backToFiche() {
  return { href: ficheOf(structureParam()), label: 'Revenir à la fiche de la structure' };
}

function link(text, href, className = 'fr-link') {
  const a = cell('a', text);
  a.href = href;
  a.className = className;
  return a;
}

/** A DSFR button; its accessible name may say more than its text (« Retirer » → « Retirer Paul Martin »). */
function button(text, onClick, { secondary = false, name = null } = {}) {
  const element = cell('button', text);
  element.type = 'button';
  element.className = `fr-btn fr-btn--sm${secondary ? ' fr-btn--secondary' : ''}`;
  if (name) {
    element.setAttribute('aria-label', name);
  }
  element.addEventListener('click', onClick);
  return element;
}

function alertBox(kind, title, text) {
  const box = document.createElement('div');
  box.className = `fr-alert fr-alert--${kind} fr-mb-3w`;
  if (title) {
    box.append(cell('h2', title));
    box.firstChild.className = 'fr-alert__title';
  }
  box.append(cell('p', text));
  return box;
}

function part(target, id, title) {
  const element = document.createElement('section');
  element.id = id;
  element.className = 'fr-mb-6w';
  element.append(cell('h2', title));
  target.append(element);
  return element;
}

/**
 * A destructive action asks first, in a modal dialog saying what will happen; confirmed, it calls the API and hands the
 * answer to done, or shows the refusal in the dialog.
 */
function confirmFirst({ title, text, confirmLabel, run, done }) {
  const dialog = document.createElement('dialog');
  dialog.className = 'fdj-confirm';
  Object.assign(dialog.style, { maxWidth: '40rem', padding: '1.5rem 2rem', border: '1px solid #000091' });
  const titleId = `confirmation-${Date.now()}`;
  dialog.setAttribute('aria-labelledby', titleId);
  const heading = cell('h2', title);
  heading.id = titleId;
  const error = cell('p', '');
  error.className = 'fr-error-text';
  error.setAttribute('role', 'alert');
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const confirm = button(confirmLabel, async () => {
    confirm.disabled = true;
    const answer = await run();
    if (answer.ok) {
      close();
      await done(answer.body);
    } else {
      confirm.disabled = false;
      error.textContent = problemMessage(answer.body);
    }
  });
  const buttons = document.createElement('div');
  buttons.className = 'fr-btns-group fr-btns-group--inline';
  buttons.append(confirm, ' ', button('Annuler', close, { secondary: true }));
  dialog.append(heading, cell('p', text), error, buttons);
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/** A natural person's structure whose identifier does not conform says so at the top of its pages, with the way out. */
function showNonConforming(structure) {
  if (!structure.readOnly || document.getElementById('non-conformite')) {
    return;
  }
  const box = alertBox('warning', 'Identifiant non conforme', structure.readOnlyReason);
  box.id = 'non-conformite';
  const way = cell('p', 'Cette structure ne peut ni envoyer de mémoires ni être modifiée. Créez, avec le même compte, '
    + 'une structure au bon identifiant : ');
  way.append(link('Créer une structure au bon identifiant', '/portail/creer-une-structure?type=PARTICULIER'));
  box.append(way);
  document.querySelector('main h1').after(box);
}

function checklist(list, structureId, manager) {
  const fixes = {
    '01': { href: `/portail/coordonnees-bancaires?structure=${structureId}`, label: 'Ajouter des coordonnées bancaires' },
    '02': { href: `/portail/mandats?structure=${structureId}`, label: 'Générer et signer un mandat' },
    '03': { href: '/portail/creer-une-structure?type=PARTICULIER', label: 'Créer une structure au bon identifiant' },
    '04': { href: `/portail/structure-parametres?structure=${structureId}`, label: 'Renseigner le régime' },
  };
  const items = document.createElement('ul');
  items.className = 'checklist';
  for (const p of list) {
    const item = cell('li', `${p.satisfied ? '✔' : '✘'} ${p.label}`);
    item.className = p.satisfied ? 'done' : 'missing';
    item.setAttribute('aria-label', `${p.label} : ${p.satisfied ? 'rempli' : 'à remplir'}`);
    if (!p.satisfied && fixes[p.code] && (manager || p.code === '03')) {
      item.append(' — ', link(fixes[p.code].label, fixes[p.code].href));
    }
    items.append(item);
  }
  return items;
}

async function load(url) {
  const answer = await callApi('GET', url, {});
  return answer.ok ? answer.body : [];
}

// ---------------------------------------------------------------------------------------------------------------
// The fiche structure

async function renderSheet(structure, target, context) {
  const id = structure.id;
  const base = `/api/structures/${id}`;
  const manager = structure.myRole === 'PRINCIPAL_MANAGER';
  document.querySelector('main h1').textContent = `Fiche structure : ${structure.name}`;
  document.title = `${structure.name} — frais-de-justice`;
  showNonConforming(structure);
  const [prerequisites, services, members, requests, bankAccounts, mandates] = await Promise.all([
    load(`${base}/prerequisites`), load(`${base}/services`), load(`${base}/members`),
    manager ? load(`${base}/membership-requests`) : Promise.resolve([]),
    load(`${base}/bank-accounts`), load(`${base}/mandates`),
  ]);
  const refresh = async (text, anchor) => {
    const fresh = await callApi('GET', base, {});
    if (!fresh.ok) {
      location.assign('/portail/structures');
      return;
    }
    target.replaceChildren();
    await renderSheet(fresh.body, target, context);
    announce(text, anchor ? { href: `#${anchor}`, label: 'Voir la section' } : null);
  };

  const toc = document.createElement('nav');
  toc.setAttribute('aria-label', 'Sections de la fiche');
  toc.className = 'fr-mb-3w';
  const tocList = document.createElement('ul');
  for (const [anchor, label] of [['parametres', 'Paramètres'], ['prerequis', 'Prérequis'], ['services', 'Services'],
    ['membres', 'Membres'], ['coordonnees-bancaires', 'Coordonnées bancaires'], ['mandats', 'Mandats']]) {
    const item = document.createElement('li');
    item.append(link(label, `#${anchor}`));
    tocList.append(item);
  }
  toc.append(tocList);
  target.append(toc);
  if (structure.pendingNomination) {
    target.append(nominationNotice(structure, refresh));
  }
  if (!manager) {
    target.append(alertBox('info', null, 'Seul le gestionnaire principal de la structure peut la modifier : vous la consultez.'));
  }

  settingsPart(target, structure, manager);
  const prerequisitesPart = part(target, 'prerequis', 'Prérequis');
  prerequisitesPart.append(checklist(prerequisites, id, manager));
  servicesPart(target, structure, services, manager, context, refresh);
  membersPart(target, structure, members, requests, manager, context, refresh);
  bankAccountsPart(target, structure, bankAccounts, manager, refresh);
  mandatesPart(target, structure, mandates, manager, refresh);
  if (location.hash && !target.dataset.scrolled) {
    target.dataset.scrolled = 'oui';
    document.getElementById(location.hash.substring(1))?.scrollIntoView();
  }
}

/**
 * A gestionnaire principal named by the support waits for its date: the current one, who alone reads this, may object
 * with his reason; the nomination is then suspended and the support takes the ticket up again.
 */
function nominationNotice(structure, refresh) {
  const pending = structure.pendingNomination;
  const box = alertBox('warning', `Nomination en cours : ${pending.namedName} sera gestionnaire principal le `
    + `${day(pending.effectiveAt)}`, `Le support national a été saisi d'une demande de nomination (sollicitation `
    + `${pending.ticketNumber}). Motif indiqué : « ${pending.reason} ». À cette date, vous resterez membre de la structure, `
    + 'avec le rôle de gestionnaire. Si vous vous y opposez, dites pourquoi avant cette date.');
  box.id = 'nomination-en-cours';
  const group = document.createElement('div');
  group.className = 'fr-input-group fr-mt-2w';
  const label = cell('label', 'Motif de votre opposition');
  label.className = 'fr-label';
  label.htmlFor = 'motif-opposition';
  const hint = cell('span', '2 000 caractères au plus ; le support et le demandeur le liront.');
  hint.className = 'fr-hint-text';
  label.append(hint);
  const reason = document.createElement('textarea');
  reason.id = 'motif-opposition';
  reason.className = 'fr-input';
  reason.maxLength = 2000;
  reason.rows = 3;
  const error = cell('p', '');
  error.id = 'motif-opposition-erreur';
  error.className = 'fr-error-text';
  error.setAttribute('role', 'alert');
  reason.setAttribute('aria-describedby', error.id);
  group.append(label, reason, error);
  const object = button('Je m\'oppose à cette nomination', async () => {
    object.disabled = true;
    const answer = await callApi('POST', `/api/structures/${structure.id}/nomination-objection`,
      { reason: reason.value });
    if (answer.ok) {
      await refresh(`Votre opposition est enregistrée : ${pending.namedName} ne deviendra pas gestionnaire principal `
        + 'à cette date. Le support national réexamine la demande et son auteur en est informé par courriel.');
    } else {
      object.disabled = false;
      group.classList.add('fr-input-group--error');
      error.textContent = problemMessage(answer.body);
      reason.focus();
    }
  });
  box.append(group, object);
  return box;
}

function settingsPart(target, structure, manager) {
  const element = part(target, 'parametres', 'Paramètres');
  const facts = [
    ['Nom', structure.name], ['Identifiant', identifierOf(structure)], ['Adresse', structure.address || 'non renseignée'],
    ['Catégorie de prestataire', structure.providerCategoryLabel || 'non renseignée'],
  ];
  if (structure.identifierType === 'PARTICULIER') {
    facts.push(['Régime', REGIMES[structure.regime] || 'non renseigné']);
  }
  facts.push(['Votre rôle', ROLES[structure.myRole] || structure.myRole], ['Vos profils', profilesOf(structure.myProfiles)]);
  const list = document.createElement('dl');
  for (const [term, value] of facts) {
    list.append(cell('dt', term), cell('dd', value));
  }
  element.append(list);
  if (manager && !structure.readOnly) {
    element.append(link('Modifier les paramètres', `/portail/structure-parametres?structure=${structure.id}`,
      'fr-btn fr-btn--secondary fr-btn--sm'));
  }
}

function servicesPart(target, structure, services, manager, context, refresh) {
  const element = part(target, 'services', 'Services');
  element.append(cell('p', 'Vos mémoires peuvent citer un service ouvert de la structure. Un service fermé garde son '
    + 'code : les mémoires qui le citent restent justes.'));
  const base = `/api/structures/${structure.id}/services`;
  const editor = document.createElement('div');
  const changeable = manager && !structure.readOnly;
  if (services.length === 0) {
    element.append(cell('p', 'Aucun service pour le moment.'));
  } else {
    element.append(table('Services de la structure', ['Code', 'Nom', 'État', ...(changeable ? ['Actions'] : [])],
      services.map((s) => [s.code, s.name, s.active ? 'Ouvert' : 'Fermé', ...(changeable ? [[
        button('Renommer', () => {
          editor.replaceChildren(cell('h3', `Renommer le service « ${s.name} »`));
          const container = document.createElement('div');
          editor.append(container);
          context.mountForm('structure-service-rename', container, { name: s.name }, 'PATCH', `${base}/${s.code}`,
            (changed) => refresh(`Le service ${s.code} s'appelle désormais « ${changed.name} » ; les mémoires qui le `
              + 'citent affichent ce nom.', 'services'));
          editor.scrollIntoView();
        }, { secondary: true, name: `Renommer le service ${s.name}` }),
        s.active
          ? button('Fermer', () => confirmFirst({
            title: `Fermer le service « ${s.name} » ?`,
            text: 'Les nouveaux mémoires ne pourront plus le citer ; ceux qui le citent déjà restent inchangés. Vous '
              + 'pourrez le rouvrir.',
            confirmLabel: 'Fermer le service',
            run: () => callApi('PATCH', `${base}/${s.code}`, { active: false }),
            done: () => refresh(`Le service « ${s.name} » est fermé : les nouveaux mémoires ne le proposent plus. `
              + 'Rouvrez-le au besoin depuis cette liste.', 'services'),
          }), { secondary: true, name: `Fermer le service ${s.name}` })
          : button('Rouvrir', async () => {
            const answer = await callApi('PATCH', `${base}/${s.code}`, { active: true });
            if (answer.ok) {
              await refresh(`Le service « ${s.name} » est rouvert : vos mémoires peuvent de nouveau le citer.`, 'services');
            } else {
              announce(problemMessage(answer.body));
            }
          }, { secondary: true, name: `Rouvrir le service ${s.name}` }),
      ]] : [])])));
  }
  element.append(editor);
  if (changeable) {
    const container = document.createElement('div');
    element.append(cell('h3', 'Ajouter un service'), container);
    context.mountForm('structure-service', container, {}, 'POST', base,
      (added) => refresh(`Le service « ${added.name} » est ajouté (code ${added.code}) : vos mémoires peuvent `
        + 'désormais le citer.', 'services'));
  }
}

function membersPart(target, structure, members, requests, manager, context, refresh) {
  const element = part(target, 'membres', 'Membres');
  const base = `/api/structures/${structure.id}`;
  const editor = document.createElement('div');
  element.append(table('Membres de la structure', ['Nom', 'Adresse de contact', 'Rôle', 'Profils', 'Actions'],
    members.map((m) => {
      const fullName = `${m.firstName} ${m.lastName}`;
      const actions = [];
      if (manager && m.role !== 'PRINCIPAL_MANAGER') {
        actions.push(
          button('Modifier', () => {
            editor.replaceChildren(cell('h3', `Rôle et profils de ${fullName}`));
            const container = document.createElement('div');
            editor.append(container);
            context.mountForm('member-change', container, { role: m.role, profiles: m.profiles }, 'PATCH',
              `${base}/members/${m.accountId}`,
              (changed) => refresh(`${fullName} est désormais ${(ROLES[changed.role] || changed.role).toLowerCase()}, `
                + `avec les profils : ${profilesOf(changed.profiles)}. Ses droits changent dès sa prochaine action.`, 'membres'));
            editor.scrollIntoView();
          }, { secondary: true, name: `Modifier le rôle et les profils de ${fullName}` }),
          button('Transmettre le rôle de gestionnaire principal', () => confirmFirst({
            title: `Transmettre le rôle de gestionnaire principal à ${fullName} ?`,
            text: `${fullName} deviendra le seul à pouvoir modifier la structure, ses membres, ses coordonnées bancaires `
              + 'et ses mandats. Vous resterez membre, comme gestionnaire, sans ces droits.',
            confirmLabel: 'Transmettre le rôle',
            run: () => callApi('POST', `${base}/principal-manager`, { accountId: m.accountId }),
            done: () => refresh(`${fullName} est désormais gestionnaire principal de « ${structure.name} » ; vous restez `
              + 'membre, comme gestionnaire. Lui seul peut maintenant modifier la structure.', 'membres'),
          }), { secondary: true, name: `Transmettre le rôle de gestionnaire principal à ${fullName}` }),
          button('Retirer', () => confirmFirst({
            title: `Retirer ${fullName} de la structure ?`,
            text: `${fullName} perdra aussitôt l'accès aux données de « ${structure.name} » ; il devra refaire une `
              + 'demande de rattachement pour y revenir.',
            confirmLabel: 'Retirer de la structure',
            run: () => callApi('DELETE', `${base}/members/${m.accountId}`, {}),
            done: () => refresh(`${fullName} ne fait plus partie de « ${structure.name} » : il n'a plus accès à ses données.`,
              'membres'),
          }), { secondary: true, name: `Retirer ${fullName} de la structure` }),
        );
      } else if (m.accountId === structure.myAccountId && !manager) {
        actions.push(button('Quitter la structure', () => confirmFirst({
          title: `Quitter « ${structure.name} » ?`,
          text: 'Vous n\'aurez plus accès à ses mémoires ni à ses données. Pour y revenir, il faudra refaire une demande '
            + 'de rattachement.',
          confirmLabel: 'Quitter la structure',
          run: () => callApi('DELETE', `${base}/members/${m.accountId}`, {}),
          done: () => {
            announceOnNextPage(`Vous avez quitté « ${structure.name} » : vous n'avez plus accès à ses données.`);
            location.assign('/portail/structures');
          },
        }), { secondary: true, name: `Quitter la structure ${structure.name}` }));
      } else if (m.role === 'PRINCIPAL_MANAGER' && manager) {
        actions.push('Pour quitter la structure, transmettez d\'abord votre rôle.');
      }
      return [fullName, m.contactEmail, ROLES[m.role] || m.role, profilesOf(m.profiles), actions];
    })));
  element.append(editor);
  if (!manager) {
    return;
  }
  element.append(cell('h3', 'Demandes de rattachement'));
  if (requests.length === 0) {
    element.append(cell('p', 'Aucune demande en attente.'));
    return;
  }
  element.append(table('Demandes de rattachement en attente', ['Personne', 'Adresse de connexion', 'Demandée le', 'Actions'],
    requests.map((r) => {
      const fullName = `${r.firstName} ${r.lastName}`;
      return [fullName,
        `${r.loginEmail} (${r.loginEmailVerified ? 'vérifiée : compte activé' : 'non vérifiée : compte pas encore activé'})`,
        day(r.requestedAt), [
          button('Accepter', async () => {
            const answer = await callApi('POST', `${base}/membership-requests/${r.requestId}/approval`, {});
            if (answer.ok) {
              await refresh(`${fullName} est rattaché à « ${structure.name} » avec le profil consultation, et en est `
                + 'prévenu par courriel. Complétez ses profils au besoin.', 'membres');
            } else {
              announce(problemMessage(answer.body));
            }
          }, { name: `Accepter ${fullName}` }),
          button('Refuser', () => confirmFirst({
            title: `Refuser la demande de ${fullName} ?`,
            text: `${fullName} en sera prévenu par courriel et n'aura pas accès à la structure.`,
            confirmLabel: 'Refuser la demande',
            run: () => callApi('POST', `${base}/membership-requests/${r.requestId}/refusal`, {}),
            done: () => refresh(`La demande de ${fullName} est refusée ; il en est prévenu par courriel.`, 'membres'),
          }), { secondary: true, name: `Refuser ${fullName}` })]];
    })));
}

function bankAccountsPart(target, structure, accounts, manager, refresh) {
  const element = part(target, 'coordonnees-bancaires', 'Coordonnées bancaires');
  const base = `/api/structures/${structure.id}/bank-accounts`;
  if (accounts.length === 0) {
    element.append(cell('p', 'Aucune coordonnée bancaire pour le moment.'));
  } else {
    element.append(table('Coordonnées bancaires de la structure',
      ['Nom', 'Affactureur', 'Type', 'Numéro', 'Ajoutées le', 'Désactivées le', 'Statut', 'Document', 'Actions'],
      accounts.map((a) => [a.name, a.factorName ? `${a.factorName} (SIRET ${a.factorIdentifier})` : 'aucun', a.type,
        unbroken(a.maskedIban), day(a.createdAt), day(a.deactivatedAt), a.active ? 'Active' : 'Désactivée',
        link(`${a.documentName}`, `${base}/${a.id}/document`),
        manager && a.active ? button('Désactiver', () => confirmFirst({
          title: `Désactiver les coordonnées « ${a.name} » ?`,
          text: 'Vos nouveaux mémoires ne pourront plus les choisir ; les mémoires déjà envoyés restent payés sur ces '
            + 'coordonnées. Une désactivation est définitive : pour les réutiliser, ajoutez-les de nouveau.',
          confirmLabel: 'Désactiver',
          run: () => callApi('DELETE', `${base}/${a.id}`, {}),
          done: () => refresh(`Les coordonnées « ${a.name} » sont désactivées. ${accounts.filter((x) => x.active).length > 1
            ? 'Vos autres coordonnées actives restent utilisables.'
            : 'Il n\'en reste aucune active : ajoutez-en pour envoyer vos mémoires (prérequis 01).'}`,
          'coordonnees-bancaires'),
        }), { secondary: true, name: `Désactiver les coordonnées ${a.name}` }) : ''])));
  }
  if (manager) {
    element.append(link('Ajouter des coordonnées bancaires', `/portail/coordonnees-bancaires?structure=${structure.id}`,
      'fr-btn fr-btn--secondary fr-btn--sm'));
  }
}

function mandatesPart(target, structure, mandates, manager, refresh) {
  const element = part(target, 'mandats', 'Mandats de facturation');
  const base = `/api/structures/${structure.id}/mandates`;
  if (mandates.length === 0) {
    element.append(cell('p', 'Aucun mandat pour le moment.'));
  } else {
    element.append(table('Mandats de facturation de la structure',
      ['Libellé', 'Statut', 'Généré le', 'Signé le', 'Révoqué le', 'Signataire', 'Document', 'Actions'],
      mandates.map((m) => [m.label, MANDATE_STATUSES[m.status] || m.status, day(m.createdAt), day(m.signedAt),
        day(m.revokedAt), m.signatory || '',
        link('PDF', `${base}/${m.id}/document`), manager && m.status === 'ACTIVE' ? button('Révoquer', () => confirmFirst({
          title: `Révoquer le mandat « ${m.label} » ?`,
          text: 'Sans mandat actif, la structure ne peut plus envoyer de mémoires (prérequis 02) : il faudra en générer '
            + 'et en signer un nouveau. La révocation vaut pour les mémoires émis après elle.',
          confirmLabel: 'Révoquer le mandat',
          run: () => callApi('POST', `${base}/${m.id}/revocation`, {}),
          done: () => refresh(`Le mandat « ${m.label} » est révoqué. Générez et signez un nouveau mandat pour envoyer `
            + 'de nouveau des mémoires.', 'mandats'),
        }), { secondary: true, name: `Révoquer le mandat ${m.label}` }) : ''])));
    element.querySelectorAll('a[href$="/document"]').forEach((a, i) => {
      a.setAttribute('aria-label', `PDF du mandat ${mandates[i].label}`);
    });
  }
  if (manager && !structure.readOnly) {
    element.append(link('Générer un mandat', `/portail/mandats?structure=${structure.id}`, 'fr-btn fr-btn--secondary fr-btn--sm'));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// « Mes structures », creating and joining

function myStructures(list, target) {
  const actions = document.createElement('p');
  actions.append(link('Créer une structure', '/portail/creer-une-structure', 'fr-btn fr-btn--secondary fr-btn--sm'), ' ',
    link('Rejoindre une structure', '/portail/rejoindre-une-structure', 'fr-btn fr-btn--secondary fr-btn--sm'));
  target.append(actions);
  const active = list.filter((s) => s.status === 'ACTIVE');
  const mine = part(target, 'mes-structures', 'Structures dont vous êtes membre');
  if (active.length === 0) {
    mine.append(cell('p', 'Vous n\'êtes membre d\'aucune structure pour le moment.'));
  } else {
    mine.append(table('Vos structures', ['Structure', 'Identifiant', 'Votre rôle', 'Vos profils', 'État'],
      active.map((s) => [link(s.name, ficheOf(s.id)), identifierOf(s), ROLES[s.role] || s.role, profilesOf(s.profiles),
        s.readOnly ? 'Identifiant non conforme : créez une structure au bon identifiant' : 'Active'])));
  }
  const pending = list.filter((s) => s.status !== 'ACTIVE');
  const requests = part(target, 'mes-demandes', 'Mes demandes de rattachement');
  if (pending.length === 0) {
    requests.append(cell('p', 'Aucune demande en cours.'));
    return;
  }
  requests.append(table('Vos demandes de rattachement', ['Structure', 'Identifiant', 'Demandée le', 'État', 'Actions'],
    pending.map((s) => {
      const named = s.name || `Particulier ${s.identifier}`;
      return [named, identifierOf(s), day(s.requestedAt),
        s.status === 'REQUESTED' ? 'En attente de la réponse du gestionnaire principal' : 'Refusée',
        s.status === 'REQUESTED' ? button('Retirer ma demande', () => confirmFirst({
          title: `Retirer votre demande de rattachement à « ${named} » ?`,
          text: 'Le gestionnaire principal ne pourra plus l\'accepter ; vous pourrez en faire une nouvelle.',
          confirmLabel: 'Retirer ma demande',
          run: () => callApi('DELETE', `/api/structures/${s.id}/members/${s.accountId}`, {}),
          done: () => {
            announceOnNextPage(`Votre demande de rattachement à « ${named} » est retirée.`);
            location.reload();
          },
        }), { secondary: true, name: `Retirer ma demande de rattachement à ${named}` }) : ''];
    })));
}

function creation(mine, target, { mountForm }) {
  const type = new URLSearchParams(location.search).get('type');
  const container = document.createElement('div');
  target.append(container);
  mountForm('structure-creation', container, { identifierType: IDENTIFIER_TYPES[type] ? type : 'SIRET' }, 'POST',
    '/api/structures', (created) => {
      if (created.role === 'PRINCIPAL_MANAGER') {
        announceOnNextPage(`La structure « ${created.name} » est créée et rattachée à votre compte : vous en êtes le `
          + 'gestionnaire principal. Remplissez maintenant ses prérequis (coordonnées bancaires, mandat) ci-dessous.');
        location.assign(ficheOf(created.structureId, '#prerequis'));
      } else {
        announceOnNextPage(`Cette structure existe déjà : votre demande de rattachement${created.name ? ` à « ${created.name} »` : ''} `
          + 'est transmise à son gestionnaire principal. Vous serez prévenu par courriel de sa réponse ; en attendant, '
          + 'elle figure dans « Mes demandes de rattachement ».');
        location.assign('/portail/structures#mes-demandes');
      }
    });
}

function requested(name) {
  announceOnNextPage(`Votre demande de rattachement${name ? ` à « ${name} »` : ''} est transmise à son gestionnaire `
    + 'principal. Vous serez prévenu par courriel de sa réponse ; en attendant, elle figure dans « Mes demandes de '
    + 'rattachement ».');
  location.assign('/portail/structures#mes-demandes');
}

function joining(mine, target, { mountForm }) {
  const choice = document.createElement('fieldset');
  choice.className = 'fr-fieldset';
  choice.append(cell('legend', 'La structure que vous voulez rejoindre est'));
  choice.firstChild.className = 'fr-fieldset__legend';
  const area = document.createElement('div');
  const options = [['ENTREPRISE', 'une entreprise ou un organisme (SIRET, RIDET, numéro Tahiti…)'],
    ['PARTICULIER', 'un particulier (personne physique)']];
  for (const [value, label] of options) {
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-fieldset__element fr-radio-group';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'kind';
    input.value = value;
    input.id = `kind-${value}`;
    const labelElement = cell('label', label);
    labelElement.className = 'fr-label';
    labelElement.htmlFor = input.id;
    input.addEventListener('change', () => show(value));
    wrapper.append(input, labelElement);
    choice.append(wrapper);
  }
  target.append(choice, area);

  function show(kind) {
    area.replaceChildren();
    const container = document.createElement('div');
    area.append(container);
    if (kind === 'PARTICULIER') {
      mountForm('membership-request', container, { identifierType: 'PARTICULIER' }, 'POST', '/api/membership-requests',
        () => requested(null));
      return;
    }
    const found = document.createElement('div');
    area.append(found);
    mountForm('structure-lookup', container, { identifierType: 'SIRET' }, 'GET', '/api/structures/lookup', (structure) => {
      found.replaceChildren(cell('h2', 'Structure trouvée'),
        cell('p', `${structure.name} — ${identifierOf(structure)}`));
      const error = cell('p', '');
      error.className = 'fr-error-text';
      error.setAttribute('role', 'alert');
      found.append(button(`Demander mon rattachement à ${structure.name}`, async () => {
        const answer = await callApi('POST', `/api/structures/${structure.id}/membership-requests`, {});
        if (answer.ok) {
          requested(structure.name);
        } else {
          error.textContent = problemMessage(answer.body);
        }
      }), error);
      announce(`Structure trouvée : ${structure.name}. Vérifiez-la, puis demandez votre rattachement.`);
    });
  }
  choice.querySelector('input').checked = true;
  show('ENTREPRISE');
}

// The structure's form pages (settings, bank details, mandate, requests) say at once when its identifier does not
// conform; the fiche and the checklist say it as they render.
const FORM_PAGES_OF_A_STRUCTURE = ['/portail/structure-parametres', '/portail/coordonnees-bancaires', '/portail/mandats',
  '/portail/rattachements'];
if (FORM_PAGES_OF_A_STRUCTURE.includes(location.pathname) && structureParam()) {
  callApi('GET', `/api/structures/${encodeURIComponent(structureParam())}`, {}).then((answer) => {
    if (answer.ok) {
      showNonConforming(answer.body);
    }
  });
}

export const renderers = {
  'my-structures': myStructures,
  'structure-sheet': renderSheet,
  'structure-creation': creation,
  'structure-joining': joining,
  'mandate-signed'(mandate, target, { host }) {
    host.hidden = true;
    document.querySelectorAll('main .fr-text--lead').forEach((intro) => { intro.hidden = true; });
    announce(`Le mandat « ${mandate.label} » est signé : l'État peut désormais émettre vos mémoires en votre nom. `
      + 'Vous le retrouvez, avec son PDF, dans la fiche de votre structure.', { href: '/portail/structures', label: 'Mes structures' });
  },
  async prerequisites(list, target) {
    const structureId = structureParam();
    const structure = await callApi('GET', `/api/structures/${structureId}`, {});
    const manager = structure.ok && structure.body.myRole === 'PRINCIPAL_MANAGER';
    if (structure.ok) {
      showNonConforming(structure.body);
    }
    target.append(checklist(list, structureId, manager));
    target.append(link('Voir la fiche de la structure', ficheOf(structureId)));
    if (list.every((p) => p.satisfied)) {
      success(target, 'Tous les prérequis sont remplis : votre structure peut envoyer ses mémoires.',
        { href: `/portail/nouveau-memoire?structure=${structureId}`, label: 'Saisir un mémoire' });
    }
  },
  'membership-requests'(requests, target) {
    const structure = structureParam();
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
        + `(${proof})${contact}, demandé le ${day(request.requestedAt)} `);
      for (const [label, decision] of [['Accepter', 'approval'], ['Refuser', 'refusal']]) {
        const choice = cell('button', `${label} ${request.firstName} ${request.lastName}`);
        choice.type = 'button';
        choice.className = `fr-btn fr-btn--sm${decision === 'refusal' ? ' fr-btn--secondary' : ''}`;
        choice.addEventListener('click', async () => {
          const answer = await callApi('POST',
            `/api/structures/${structure}/membership-requests/${request.requestId}/${decision}`, {});
          const text = answer.ok
            ? `${request.firstName} ${request.lastName} : demande ${decision === 'approval' ? 'acceptée' : 'refusée'}, la personne en est prévenue par courriel.`
            : problemMessage(answer.body);
          item.replaceChildren(text);
          if (answer.ok) {
            announce(text, { href: ficheOf(structure, '#membres'), label: 'Voir les membres de la structure' });
          }
        });
        item.append(choice, ' ');
      }
      list.append(item);
    }
    target.append(list);
  },
  'bank-account-added'(account, target, { host }) {
    host.hidden = true;
    const factor = account.factorName ? `, payées à l'affactureur ${account.factorName},` : '';
    announce(`Les coordonnées « ${account.name} » (${account.maskedIban})${factor} sont enregistrées : elles remplissent le `
      + 'prérequis 01 et vos mémoires peuvent les choisir.', backToFiche());
  },
  async 'structure-saved'(structure, target) {
    announce(`Les paramètres de « ${structure.name} » sont enregistrés.`, backToFiche());
  },
  'mandate-generated'(mandate, target, { host }) {
    host.hidden = true;
    announce(`Le mandat « ${mandate.label} » est généré : un courriel vous envoie le lien pour le lire et le signer, `
      + 'valable 30 jours.', backToFiche());
  },
};
