// The analysts' page, /analyse: the live decision tables and their rule hits, trying a table, replaying a candidate,
// deploying, migrating running instances, the deployments' history and going back. Staff log in with their Camunda
// account; every call goes to /api/models, which only analysts and administrators pass.
import '@gouvfr/dsfr/dist/dsfr.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-system/icons-system.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-user/icons-user.min.css';
import '@gouvfr/dsfr/dist/utility/icons/icons-document/icons-document.min.css';
import '@gouvfr/dsfr/dist/dsfr.module.min.js';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './analyse/analyse.css';
import { cell } from './ui.js';
import { staffApi, useStaffToken } from './analyse/api.js';
import { tablesSection } from './analyse/tables.js';
import { replaySection } from './analyse/replay.js';
import { deploySection, historySection } from './analyse/deploy.js';
import { migrationSection } from './analyse/migration.js';

const CAMUNDA_LOGIN = '/camunda/app/welcome/default/#!/login';

function problem(text, link) {
  const box = document.getElementById('problem');
  box.replaceChildren(cell('p', text));
  if (link) {
    const a = cell('a', link.label);
    a.href = link.href;
    a.className = 'fr-link';
    box.firstChild.append(' ', a);
  }
  box.hidden = false;
  box.focus();
}

/** The header: the staff member instead of the providers' links. */
function showStaff(me) {
  document.querySelectorAll('[data-when]').forEach((element) => { element.hidden = true; });
  document.querySelectorAll('[data-identity]').forEach((element) => {
    element.textContent = [me.firstName, me.lastName].filter(Boolean).join(' ') || me.id;
  });
  const identity = document.querySelector('.fdj-identity');
  if (identity) {
    identity.hidden = false;
  }
  const tools = document.querySelector('.fr-header__tools-links .fr-btns-group');
  if (tools) {
    const item = document.createElement('li');
    const link = cell('a', 'Espace du personnel (compte, déconnexion)');
    link.href = '/camunda/app/welcome/default/';
    link.className = 'fr-btn fr-icon-account-circle-line';
    item.append(link);
    tools.append(item);
  }
}

async function start() {
  // the providers' links (« Se connecter », « Créer un compte ») are not for staff: this page has its own login
  document.querySelectorAll('[data-when]').forEach((element) => { element.hidden = true; });
  const me = await staffApi('GET', '/api/staff/me');
  if (me.status === 401) {
    problem('Connectez-vous avec votre compte Camunda pour ouvrir cette page, puis revenez-y.',
      { href: CAMUNDA_LOGIN, label: 'Se connecter avec son compte Camunda' });
    return;
  }
  if (!me.ok) {
    problem('Cette page est réservée au personnel de justice.');
    return;
  }
  showStaff(me.body);
  if (!(me.body.groups || []).some((group) => group === 'analyste' || group === 'camunda-admin')) {
    problem('Cette page est réservée aux analystes et aux administrateurs.');
    return;
  }
  useStaffToken(me.body.csrfToken);
  const sections = document.getElementById('sections');
  const state = {};
  const reload = () => setTimeout(() => location.reload(), 1500);
  await tablesSection(sections, state);
  replaySection(sections, state);
  deploySection(sections, reload);
  migrationSection(sections, state);
  await historySection(sections, state, reload);
}

start().catch((error) => problem(`La page n'a pas pu être chargée : ${error.message}. Rechargez-la.`));
