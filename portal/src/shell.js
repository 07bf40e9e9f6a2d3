// The shell around every page (home page and portal): who is logged in, what they may open, logging out.
// The header's links for a visitor are in the HTML; once GET /api/me answers, a logged-in person's replace them.
import { callApi } from './api.js';
import { announceOnNextPage } from './ui.js';

/** « Dernière connexion le 02/12/2026 à 14:05 ». */
export function lastLogin(instant) {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) {
    return '';
  }
  const date = when.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = when.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
  return `Dernière connexion le ${date} à ${time}`;
}

function show(loggedIn) {
  document.querySelectorAll('[data-when]').forEach((element) => {
    element.hidden = element.dataset.when !== (loggedIn ? 'logged-in' : 'anonymous');
  });
}

function markCurrentPage() {
  document.querySelectorAll('.fr-nav__link').forEach((link) => {
    if (new URL(link.href, location.href).pathname === location.pathname) {
      link.setAttribute('aria-current', 'page');
    }
  });
}

async function logOut(button) {
  button.disabled = true;
  await callApi('DELETE', '/api/session', {});
  announceOnNextPage('Vous êtes déconnecté. À bientôt sur frais-de-justice.',
    { href: '/portail/connexion', label: 'Se connecter de nouveau' });
  location.assign('/');
}

export async function startShell() {
  markCurrentPage();
  // the DSFR script copies the header's links into the mobile menu: one listener serves both copies
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-logout]');
    if (button) {
      logOut(button);
    }
  });
  const me = await callApi('GET', '/api/me', {});
  if (!me.ok || !me.body) {
    show(false);
    return null;
  }
  const name = [me.body.firstName, me.body.lastName].filter(Boolean).join(' ') || me.body.loginEmail || '';
  document.querySelectorAll('[data-identity]').forEach((element) => {
    element.textContent = name;
  });
  document.querySelectorAll('[data-last-login]').forEach((element) => {
    element.textContent = me.body.lastLoginAt ? lastLogin(me.body.lastLoginAt) : '';
    element.hidden = !me.body.lastLoginAt;
  });
  show(true);
  return me.body;
}
