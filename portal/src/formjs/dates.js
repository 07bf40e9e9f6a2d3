// Dates as a French reader writes them (JJ/MM/AAAA) and as the API takes them (ISO 8601, AAAA-MM-JJ).

const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function existing(year, month, day) {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/**
 * « 28/02/2026 » → a Date, or null when the text is not a date that exists (31/02/2026, 12/13/2026, « demain »). A date
 * pasted in ISO form (2026-02-28, as a spreadsheet or another application gives it) is read too.
 */
export function parseFrenchDate(text) {
  const typed = (text || '').trim();
  const match = FRENCH.exec(typed);
  return match ? existing(Number(match[3]), Number(match[2]), Number(match[1])) : fromIsoDate(typed);
}

export function toIsoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** « 2026-02-28 » → « 28/02/2026 »; any other text is shown as it is (what the person typed). */
export function frenchDate(value) {
  const match = ISO.exec(value || '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (value || '');
}

export function fromIsoDate(value) {
  const match = ISO.exec(value || '');
  return match ? existing(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** A date field's value that is neither empty nor an existing ISO date: what the person typed and could not be read. */
export function isImpossibleDate(value) {
  return typeof value === 'string' && value !== '' && !fromIsoDate(value);
}
