// The bricks every page builds with: cells, tables, sections, confirmations, buttons calling the API.
import { callApi } from './api.js';

export function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text ?? '';
  return element;
}

export function table(caption, headers, rows) {
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

export function success(target, text, link) {
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

export const dateTime = (instant) => (instant ? new Date(instant).toLocaleString('fr-FR') : '');

/** A table cell holding a link. */
export function linkCell(text, href) {
  const link = cell('a', text);
  link.href = href;
  const td = document.createElement('td');
  td.append(link);
  return td;
}

/** A titled section appended to the target; returns the container a form mounts in. */
export function section(target, title) {
  const element = document.createElement('section');
  element.append(cell('h3', title));
  const container = document.createElement('div');
  element.append(container);
  target.append(element);
  return container;
}

/** A button that POSTs to the API; on success hands the answer to then, else shows the problem beside it. */
export function actionButton(target, label, url, then) {
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

/** An amount in French format: 1 234,56 €. */
export const euros = (amount) => (amount === null || amount === undefined ? ''
  : `${Number(amount).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`);

const NOTICE_KEY = 'fdj-notice';

/**
 * Says at the top of the page what an action did and what comes next (link optional: { href, label }), and moves the
 * focus there so that a screen reader reads it.
 */
export function announce(text, link) {
  const box = document.getElementById('notice');
  if (!box) {
    return;
  }
  box.replaceChildren(cell('p', text));
  if (link) {
    const a = cell('a', link.label);
    a.href = link.href;
    box.firstChild.append(' ', a);
  }
  box.hidden = false;
  box.focus();
}

/** The same, for an action followed by a reload or another page: the next page shows it on opening. */
export function announceOnNextPage(text, link) {
  sessionStorage.setItem(NOTICE_KEY, JSON.stringify({ text, link }));
}

export function showPendingNotice() {
  const pending = sessionStorage.getItem(NOTICE_KEY);
  if (pending) {
    sessionStorage.removeItem(NOTICE_KEY);
    const { text, link } = JSON.parse(pending);
    announce(text, link);
  }
}
