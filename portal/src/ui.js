// The bricks every page builds with, in the State's design system (DSFR): cells, tables, sections, confirmations,
// buttons calling the API, amounts, numbers and dates written the French way.
import { callApi } from './api.js';

export function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text ?? '';
  return element;
}

/** A row's cell: a ready-made cell (linkCell) as it is, else a td holding the text, the node or the nodes given. */
function tableCell(value) {
  if (value instanceof HTMLTableCellElement) {
    return value;
  }
  const td = document.createElement('td');
  if (Array.isArray(value)) {
    value.forEach((node, i) => td.append(...(i > 0 ? [' ', node] : [node])));
  } else if (value instanceof Node) {
    td.append(value);
  } else {
    td.textContent = value ?? '';
  }
  return td;
}

/**
 * A DSFR table (fr-table) with its caption and column headers; a cell is a text, a node, several nodes, or a
 * ready-made cell (linkCell).
 */
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
    row.forEach((value) => tr.append(tableCell(value)));
    body.append(tr);
  });
  return element;
}

/**
 * Puts every table a page adds (with table() or by hand) in its DSFR frame (div.fr-table), once it is in the page: the
 * pages keep the table element itself (table.tBodies[0]…). form-js's own tables are left to form-js.
 */
export function frameTables(root) {
  const frame = (table) => {
    if (table.closest('.fr-table, .fjs-container') || !table.parentNode) {
      return;
    }
    const wrapper = document.createElement('div');
    wrapper.className = 'fr-table fr-table--no-caption-top';
    table.parentNode.insertBefore(wrapper, table);
    wrapper.append(table);
  };
  root.querySelectorAll('table').forEach(frame);
  new MutationObserver((mutations) => mutations.forEach((mutation) => mutation.addedNodes.forEach((node) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      (node.tagName === 'TABLE' ? [node] : node.querySelectorAll('table')).forEach(frame);
    }
  }))).observe(root, { childList: true, subtree: true });
}

/**
 * DSFR pagination (fr-pagination) for a list of pages (1-based): hrefFor(n) gives the address of page n; onSelect(n),
 * if given, is called instead of following the link (a page that redraws its results in place).
 */
export function pagination(target, current, pages, hrefFor, onSelect) {
  const nav = document.createElement('nav');
  nav.className = 'fr-pagination fr-mt-3w';
  nav.setAttribute('aria-label', 'Pagination');
  const list = document.createElement('ul');
  list.className = 'fr-pagination__list';
  const item = (label, n, className, title) => {
    const li = document.createElement('li');
    const link = cell('a', label);
    link.className = `fr-pagination__link ${className || ''}`.trim();
    if (title) {
      link.title = title;
    }
    if (n === current) {
      link.setAttribute('aria-current', 'page');
    } else if (n >= 1 && n <= pages) {
      link.href = hrefFor(n);
      if (onSelect) {
        link.addEventListener('click', (event) => {
          event.preventDefault();
          onSelect(n);
        });
      }
    } else {
      link.setAttribute('aria-disabled', 'true');
      link.setAttribute('role', 'link');
    }
    li.append(link);
    return li;
  };
  list.append(item('Précédente', current > 1 ? current - 1 : 0, 'fr-pagination__link--prev fr-pagination__link--lg-label'));
  for (let n = 1; n <= pages; n += 1) {
    list.append(item(String(n), n, '', `Page ${n}`));
  }
  list.append(item('Suivante', current < pages ? current + 1 : 0, 'fr-pagination__link--next fr-pagination__link--lg-label'));
  nav.append(list);
  target.append(nav);
  return nav;
}

/** A paragraph saying what happened and, optionally, linking to what comes next ({ href, label }). */
function messageWithLink(text, link) {
  const message = cell('p', text);
  if (link) {
    const a = cell('a', link.label);
    a.href = link.href;
    a.className = 'fr-link';
    message.append(' ', a);
  }
  return message;
}

/** A DSFR success alert with what happened and, optionally, a link to what comes next ({ href, label }). */
export function success(target, text, link) {
  const box = document.createElement('div');
  box.className = 'fr-alert fr-alert--success fr-alert--sm fr-mb-3w success';
  box.setAttribute('role', 'status');
  const message = messageWithLink(text, link);
  box.append(message);
  target.append(box);
}

const PARIS = 'Europe/Paris';

/**
 * A day as read in France: 02/12/2026. An instant is read in Paris time, the time the server decides dates in, whatever
 * the browser's zone (at 00:30 in Paris a UTC browser said « hier »); a date without time is a calendar day as it is.
 */
export function day(value) {
  if (!value) {
    return '';
  }
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) {
    return String(value);
  }
  const timeZone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : PARIS;
  return when.toLocaleDateString('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** A date and time as read in France, in Paris time: 02/12/2026 14:05. */
export const dateTime = (instant) => {
  const date = day(instant);
  if (!date || /^\d{4}-\d{2}-\d{2}$/.test(instant) || Number.isNaN(new Date(instant).getTime())) {
    return date;
  }
  return `${date} ${new Date(instant).toLocaleTimeString('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' })}`;
};

/** A table cell holding a link. */
export function linkCell(text, href) {
  const link = cell('a', text);
  link.href = href;
  link.className = 'fr-link';
  const td = document.createElement('td');
  td.append(link);
  return td;
}

/** A titled section appended to the target; returns the container a form mounts in. */
export function section(target, title) {
  const element = document.createElement('section');
  element.className = 'fr-mt-4w';
  element.append(cell('h2', title));
  element.firstChild.className = 'fr-h4';
  const container = document.createElement('div');
  element.append(container);
  target.append(element);
  return container;
}

/** A DSFR button that POSTs to the API; on success hands the answer to then, else shows the problem beside it. */
export function actionButton(target, label, url, then) {
  const button = cell('button', label);
  button.type = 'button';
  button.className = 'fr-btn fr-btn--secondary fr-mr-2w fr-mb-2w';
  const error = cell('p', '');
  error.className = 'fr-error-text';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  button.addEventListener('click', async () => {
    button.disabled = true;
    const answer = await callApi('POST', url, {});
    if (answer.ok) {
      then(answer.body);
    } else {
      button.disabled = false;
      error.textContent = (answer.body && answer.body.detail) || 'Action impossible pour le moment.';
      error.hidden = false;
    }
  });
  target.append(button, error);
}

/** An amount in French format: 1 234,56 €. */
export const euros = (amount) => (amount === null || amount === undefined || amount === '' ? ''
  : `${Number(amount).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`);

/** A number in French format: 1,5 ; 1 234 ; up to three decimals. */
export const number = (value) => (value === null || value === undefined || value === '' ? ''
  : Number(value).toLocaleString('fr-FR', { maximumFractionDigits: 3 }));

const NOTICE_KEY = 'fdj-notice';

/**
 * Says at the top of the page, in a DSFR success alert, what an action did and what comes next (link optional:
 * { href, label }), and moves the focus there so that a screen reader reads it.
 */
export function announce(text, link) {
  const box = document.getElementById('notice');
  if (!box) {
    return;
  }
  const message = messageWithLink(text, link);
  box.replaceChildren(message);
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
