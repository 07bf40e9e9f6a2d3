// The mémoire pages: choosing the structure, a draft being entered, a sent mémoire followed to payment, and the
// check of a certificat de dépôt.
import { frenchForm } from '../formjs/index.js';
import { callApi, problemMessage } from '../api.js';
import { MEMOIRE_STATUSES } from '../labels.js';
import {
  actionButton, announceOnNextPage, cell, dateTime, euros, section, success, table,
} from '../ui.js';

const MODIFICATION = 'FRAIS_DE_JUSTICE_MODIFICATION';
const AUTHORITIES = ['OPJ', 'Procureur de la République', "Juge d'instruction", 'Juge des enfants', 'Juridiction de jugement'];
const KINDS = {
  REQUISITION: 'Réquisition', ATTESTATION_MISSION: 'Attestation de mission', BORDEREAU_FRAIS: 'Bordereau de frais',
  RIB: "Relevé d'identité bancaire", AUTRE: 'Autre pièce',
};
const VAT_TYPES = { TVA_SUR_DEBIT: 'TVA sur les débits', TVA_SUR_ENCAISSEMENT: 'TVA sur les encaissements', EXONERATION: 'Exonération' };
const ARTICLES = {
  'R.92': 'liste des frais de justice criminelle, correctionnelle et de police',
  'R.106': 'honoraires et indemnités des experts',
  'R.117': 'tarif des examens médicaux et psychologiques',
  'R.118': 'tarif des analyses et examens de laboratoire',
  'R.121': 'tarif des enquêtes sociales et de personnalité',
  'R.122': 'tarif des interprètes et traducteurs',
  'R.122-1': 'indemnisation des délégués et médiateurs du procureur',
  'R.147': "frais d'enlèvement, de garde et de fourrière",
  'R.213-1': 'tarif des réquisitions aux opérateurs de communications électroniques',
  'R.216': 'indemnisation des administrateurs ad hoc',
};

const frenchDate = (iso) => (iso ? iso.split('-').reverse().join('/') : '');
const decimal = (value) => (value === null || value === undefined ? '' : Number(value).toLocaleString('fr-FR'));
const articleText = (article) => `article ${article} du code de procédure pénale${ARTICLES[article] ? ` (${ARTICLES[article]})` : ''}`;

/** A table in the DSFR wrapper, which scrolls sideways on a narrow screen rather than overflowing the page. */
function wrapped(element) {
  const wrapper = document.createElement('div');
  wrapper.className = 'fr-table';
  wrapper.style.overflowX = 'auto';
  element.classList.add('fr-table');
  wrapper.append(element);
  return wrapper;
}

function link(text, href, className = 'fr-link') {
  const a = cell('a', text);
  a.href = href;
  a.className = className;
  return a;
}

function button(text, label, className, onClick) {
  const element = cell('button', text);
  element.type = 'button';
  element.className = className;
  if (label) {
    element.setAttribute('aria-label', label);
  }
  element.addEventListener('click', onClick);
  return element;
}

function showProblem(message) {
  const box = document.getElementById('problem');
  box.textContent = message;
  box.hidden = false;
  box.scrollIntoView({ block: 'center' });
}

/** Option lists the API gives, as form-js selects take them. */
async function options(url, valueField, label = (item) => item.name || item.label) {
  const answer = await callApi('GET', url, {});
  return answer.ok ? answer.body.filter((item) => item.active !== false).map((item) => ({ label: label(item), value: item[valueField] })) : [];
}

/**
 * A form of forms/ whose payload the page shapes before sending (send returns the API's answer); the API's problems
 * are shown next to the fields they name.
 */
async function ownForm(formId, container, initial, send, onDone) {
  const schema = await (await fetch(`/portail/formulaires/${encodeURIComponent(formId)}`)).json();
  const form = frenchForm(container);
  await form.importSchema(schema, initial);
  const ids = {};
  (schema.components || []).filter((c) => c.key).forEach((c) => { ids[c.key] = c.id; });
  form.on('submit', async ({ data, errors }) => {
    if (Object.keys(errors).length > 0) {
      return;
    }
    document.getElementById('problem').hidden = true;
    const payload = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== ''));
    const answer = await send(payload);
    if (!answer.ok) {
      const fieldErrors = {};
      ((answer.body && answer.body.errors) || []).filter((e) => ids[e.field]).forEach((e) => {
        fieldErrors[ids[e.field]] = [...(fieldErrors[ids[e.field]] || []), e.detail];
      });
      form._setState({ errors: fieldErrors });
      showProblem(problemMessage(answer.body));
      return;
    }
    await onDone(answer.body, payload);
  });
  return form;
}

/** Sets a field's value as if the person had typed it (form-js keeps no public setter). */
function setField(form, key, value) {
  const instance = form.get('formFieldInstanceRegistry').getAllKeyed().find((i) => i.valuePath.join('.') === key);
  if (instance) {
    form._update({ fieldInstance: instance, value });
  }
}

// --- the line form: tariff filled from the type de prestation, autorité requérante from a list ---

function lineInitial(line, editing) {
  if (!line) {
    return { editing };
  }
  const listed = AUTHORITIES.includes(line.requestingAuthority);
  return {
    editing,
    caseNumber: line.caseNumber,
    requisitionDate: line.requisitionDate,
    requestingAuthority: listed ? line.requestingAuthority : 'Autre',
    requestingAuthorityOther: listed ? undefined : line.requestingAuthority,
  };
}

function lineEntry(line) {
  const entry = {};
  ['caseNumber', 'requisitionDate', 'requestingAuthority', 'serviceType', 'serviceDate', 'quantity', 'unitPriceExclVat',
    'vatRate', 'sundryCosts', 'sundryCostsDetail', 'disbursements', 'withOption', 'night', 'weekend', 'firstHour']
    .forEach((key) => { entry[key] = line[key]; });
  entry.vatRate = String(Number(line.vatRate));
  return entry;
}

function lineEntryFromForm(payload) {
  const entry = { ...payload };
  if (entry.requestingAuthority === 'Autre') {
    entry.requestingAuthority = entry.requestingAuthorityOther;
  }
  delete entry.requestingAuthorityOther;
  delete entry.editing;
  return entry;
}

async function lineForm(container, memoire, serviceTypes, line, editing) {
  const initial = editing ? { ...lineEntry(line), ...lineInitial(line, true) } : lineInitial(line, false);
  const tariffNote = cell('p', '');
  tariffNote.id = `tarif-${editing ? 'modification' : 'ajout'}`;
  tariffNote.className = 'fr-sr-only';
  Object.assign(tariffNote.style, {  // read by screen readers only, as .fr-sr-only does
    position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap',
  });
  tariffNote.setAttribute('aria-live', 'polite');
  const holder = document.createElement('div');
  container.append(holder, tariffNote);
  const url = editing ? `/api/memoires/${memoire.number}/lines/${line.id}` : `/api/memoires/${memoire.number}/lines`;
  const form = await ownForm('memoire-line', holder, { ...initial, serviceTypes }, (payload) => callApi(editing ? 'PUT' : 'POST', url, lineEntryFromForm(payload)),
    (saved) => {
      announceOnNextPage(editing ? `Ligne ${saved.position} modifiée : les totaux du mémoire sont recalculés.`
        : `Ligne ${saved.position} ajoutée. La ligne suivante reprend son n° d'affaire, sa date de réquisition et son autorité requérante.`);
      location.reload();
    });
  let lastType = initial.serviceType;
  // said under the price (its description, read with it) and again in a live region for screen readers
  const describe = (data) => {
    const type = serviceTypes.find((t) => t.value === data.serviceType);
    const price = Number(data.unitPriceExclVat);
    const priced = data.unitPriceExclVat !== undefined && data.unitPriceExclVat !== null && data.unitPriceExclVat !== '';
    let note = null;
    if (type && !type.tariffed) {
      note = `« ${type.name} » n'est pas tarifé par le code de procédure pénale : saisissez votre prix.`;
    } else if (type && priced && price > type.price) {
      note = `Attention : le tarif saisi (${euros(price)}) dépasse le tarif CPP de « ${type.name} » (${euros(type.price)} HT par ${type.unit}) :`
        + ' le greffe pourra le ramener au tarif.';
    } else if (type) {
      note = `Tarif CPP de « ${type.name} » : ${euros(type.price)} HT par ${type.unit}.`;
    }
    tariffNote.textContent = note || '';
    const state = form._getState();
    if ((state.data.tariffNote || null) !== note) {
      form._setState({ data: { ...state.data, tariffNote: note } });
    }
  };
  form.on('changed', ({ data }) => {
    if (data.serviceType !== lastType) {
      lastType = data.serviceType;
      const type = serviceTypes.find((t) => t.value === data.serviceType);
      if (type && type.tariffed) {
        setField(form, 'unitPriceExclVat', Number(type.price));
        return;  // the update fires 'changed' again, with the tariff
      }
    }
    describe(data);
  });
  describe(initial);
  return form;
}

// --- a draft ---

function linesTable(memoire, editable, onEdit) {
  const headers = ['N°', "N° d'affaire", 'Réquisition', 'Prestation', 'Quantité', 'Tarif HT', 'TVA', 'HT', 'TTC'];
  const element = table('Lignes de prestation', editable ? [...headers, 'Actions'] : headers, []);
  memoire.lines.forEach((l) => {
    const tr = document.createElement('tr');
    [String(l.position), l.caseNumber, `${frenchDate(l.requisitionDate)}, ${l.requestingAuthority}`,
      `${l.serviceTypeLabel || l.serviceType}, le ${frenchDate(l.serviceDate)}`, decimal(l.quantity),
      `${euros(l.unitPriceExclVat)}${l.aboveTariff ? ` — au-dessus du tarif CPP (${euros(l.tariffExclVat)})` : ''}`,
      `${decimal(l.vatRate)} %`, euros(l.amountExclVat), euros(l.amountInclVat)]
      .forEach((text) => tr.append(cell('td', text)));
    [...tr.cells].slice(6).forEach((td) => { td.style.whiteSpace = 'nowrap'; });
    if (editable) {
      const actions = document.createElement('td');
      actions.append(
        button('Modifier', `Modifier la ligne ${l.position}`, 'fr-btn fr-btn--sm fr-btn--secondary', () => onEdit(l)),
        ' ',
        button('Dupliquer', `Dupliquer la ligne ${l.position}`, 'fr-btn fr-btn--sm fr-btn--tertiary', async () => {
          const answer = await callApi('POST', `/api/memoires/${memoire.number}/lines`, lineEntry(l));
          if (!answer.ok) {
            showProblem(problemMessage(answer.body));
            return;
          }
          announceOnNextPage(`Ligne ${l.position} dupliquée : la copie est la ligne ${answer.body.position}, modifiez-la si besoin.`);
          location.reload();
        }),
        ' ',
        button('Supprimer', `Supprimer la ligne ${l.position}`, 'fr-btn fr-btn--sm fr-btn--tertiary', async () => {
          const answer = await callApi('DELETE', `/api/memoires/${memoire.number}/lines/${l.id}`, {});
          if (!answer.ok) {
            showProblem(problemMessage(answer.body));
            return;
          }
          announceOnNextPage(`Ligne ${l.position} supprimée : les totaux du mémoire sont recalculés.`);
          location.reload();
        }),
      );
      tr.append(actions);
    }
    element.tBodies[0].append(tr);
  });
  return wrapped(element);
}

function totalsTable(memoire) {
  const row = (label, a) => [label, euros(a.exclVat), euros(a.sundryCosts), euros(a.vat), euros(a.disbursements), euros(a.inclVat)];
  const rows = (memoire.totals.byVatRate || []).map((r) => row(`TVA ${decimal(r.vatRate)} %`, r.amounts));
  rows.push(row('Total', memoire.totals.overall));
  return wrapped(table('Totaux par taux de TVA', ['Taux', 'HT', 'Frais divers', 'TVA', 'Débours', 'TTC'], rows));
}

function attachmentsTable(memoire, attachments, editable) {
  const positions = Object.fromEntries(memoire.lines.map((l) => [l.id, l.position]));
  const element = table('Pièces jointes', ['Fichier', 'Nature', 'Ligne', 'Désignation', ...(editable ? ['Action'] : [])], []);
  attachments.forEach((a) => {
    const tr = document.createElement('tr');
    const file = document.createElement('td');
    file.append(link(a.fileName, `/api/memoires/${memoire.number}/attachments/${a.id}`));
    tr.append(file, cell('td', a.kindLabel || KINDS[a.kind] || a.kind),
      cell('td', a.lineId && positions[a.lineId] ? `Ligne ${positions[a.lineId]}` : 'Tout le mémoire'), cell('td', a.designation || ''));
    if (editable) {
      const action = document.createElement('td');
      action.append(button('Supprimer', `Supprimer la pièce ${a.fileName}${a.designation ? ` — ${a.designation}` : ''}`, 'fr-btn fr-btn--sm fr-btn--tertiary', async () => {
        const answer = await callApi('DELETE', `/api/memoires/${memoire.number}/attachments/${a.id}`, {});
        if (!answer.ok) {
          showProblem(problemMessage(answer.body));
          return;
        }
        announceOnNextPage(`Pièce « ${a.fileName} » retirée du mémoire.`);
        location.reload();
      }));
      tr.append(action);
    }
    element.tBodies[0].append(tr);
  });
  return wrapped(element);
}

/** The mission ended more than a year ago (CPP art. 800): the same rule as the API's. */
function lateness(memoire) {
  const ends = memoire.lines.map((l) => l.serviceDate).sort();
  if (ends.length === 0) {
    return { late: false };
  }
  const missionEnd = ends[ends.length - 1];
  const limit = new Date(`${missionEnd}T00:00:00`);
  limit.setFullYear(limit.getFullYear() + 1);
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return { late: limit < today, missionEnd: frenchDate(missionEnd) };
}

async function headerLookups(memoire) {
  const structure = memoire.structureId;
  return {
    jurisdictions: await options('/api/jurisdictions', 'code'),
    bankAccounts: await options(`/api/structures/${structure}/bank-accounts`, 'id'),
    categories: await options('/api/reference/provider-categories', 'code'),
    services: await options(`/api/structures/${structure}/services`, 'code'),
  };
}

/** The types de prestation of the mémoire's category, with their tariff; each line gets its type's label. */
async function serviceTypesOf(memoire) {
  const types = await callApi('GET', `/api/reference/service-types?category=${memoire.providerCategory}`, {});
  const serviceTypes = (types.ok ? types.body : []).map((t) => ({
    label: t.tariffed ? `${t.label} — tarif ${euros(t.unitPriceExclVat)}` : t.label,
    value: t.code, name: t.label, tariffed: t.tariffed, price: Number(t.unitPriceExclVat), unit: t.unit,
  }));
  const labels = Object.fromEntries(serviceTypes.map((t) => [t.value, t.name]));
  memoire.lines.forEach((l) => { l.serviceTypeLabel = labels[l.serviceType]; });
  return serviceTypes;
}

async function draft(memoire, target, mountForm, attachments, serviceTypes) {

  const header = document.createElement('details');
  header.append(cell('summary', "Modifier l'en-tête"));
  const headerForm = document.createElement('div');
  header.append(headerForm);
  target.append(header);
  const lookups = await headerLookups(memoire);
  await mountForm('memoire-header', headerForm, {
    ...lookups,
    editing: true,
    jurisdictionCode: memoire.jurisdictionCode,
    bankAccountId: memoire.bankAccountId,
    providerCategory: memoire.providerCategory,
    vatType: memoire.vatType,
    serviceCode: memoire.serviceCode || undefined,
    providerInvoiceNumber: memoire.providerInvoiceNumber || undefined,
  }, 'PUT', `/api/memoires/${memoire.number}`, () => {
    announceOnNextPage("En-tête enregistré : le mémoire reste un brouillon jusqu'à son envoi.");
    location.reload();
  });

  const lineSection = document.createElement('section');
  const lineTitle = cell('h3', 'Ajouter une ligne');
  const lineHolder = document.createElement('div');
  lineSection.append(lineTitle, lineHolder);
  const byPosition = [...memoire.lines].sort((a, b) => a.position - b.position);
  const showLineForm = async (line, editing) => {
    lineHolder.replaceChildren();
    lineTitle.textContent = editing ? `Modifier la ligne ${line.position}` : 'Ajouter une ligne';
    await lineForm(lineHolder, memoire, serviceTypes, line, editing);
    if (editing) {
      lineHolder.append(button('Annuler la modification', null, 'fr-btn fr-btn--tertiary', () => showLineForm(byPosition[byPosition.length - 1], false)));
      lineTitle.tabIndex = -1;
      lineTitle.focus();
    }
  };
  if (memoire.lines.length > 0) {
    target.append(linesTable(memoire, true, (line) => showLineForm(line, true)), totalsTable(memoire));
  } else {
    target.append(cell('p', "Aucune ligne pour l'instant : ajoutez la première ci-dessous."));
  }
  target.append(lineSection);
  await showLineForm(byPosition[byPosition.length - 1], false);

  target.append(attachments.length > 0 ? attachmentsTable(memoire, attachments, true)
    : cell('p', 'Aucune pièce jointe pour l\'instant : la réquisition est souvent demandée par le greffe.'));
  const lines = byPosition.map((l) => ({ label: `Ligne ${l.position} — ${l.caseNumber} — ${l.serviceTypeLabel || l.serviceType}`, value: l.id }));
  await mountForm('memoire-attachment', section(target, 'Joindre une pièce'), { lines }, 'POST',
    `/api/memoires/${memoire.number}/attachments`, (added) => {
      announceOnNextPage(`Pièce « ${added.fileName} » jointe au mémoire.`);
      location.reload();
    }, '@fields');
  const available = await callApi('GET', `/api/memoires/${memoire.number}/available-attachments`, {});
  if (available.ok && available.body.length > 0) {
    const choices = available.body.map((a) => ({
      label: `${a.designation || a.fileName} — ${a.kindLabel} — mémoire ${a.memoireNumber}`, value: a.id,
    }));
    await mountForm('memoire-reuse', section(target, 'Pièces disponibles'), { available: choices, lines }, 'POST',
      `/api/memoires/${memoire.number}/attachments/reuse`, (added) => {
        announceOnNextPage(`Pièce « ${added.fileName} » reprise d'un autre mémoire et jointe à celui-ci.`);
        location.reload();
      });
  }

  await warnOfRepeatedLines(memoire, target);
  await mountForm('memoire-submission', section(target, 'Valider et envoyer'), lateness(memoire), 'POST',
    `/api/memoires/${memoire.number}/submission`, (sent) => {
      announceOnNextPage(`Mémoire envoyé sous le numéro ${sent.number}, statut « Envoyé » : la juridiction va le traiter,`
        + ' et chaque étape s\'affiche sur cette page.', { href: `/api/memoires/${sent.number}/certificate`, label: 'Télécharger le certificat de dépôt' });
      location.assign(`/portail/memoire?numero=${encodeURIComponent(sent.number)}`);
    });
  const remove = document.createElement('section');
  remove.append(cell('h3', 'Supprimer le brouillon'));
  remove.append(button('Supprimer ce brouillon', null, 'fr-btn fr-btn--tertiary', async () => {
    const answer = await callApi('DELETE', `/api/memoires/${memoire.number}`, {});
    if (!answer.ok) {
      showProblem(problemMessage(answer.body));
      return;
    }
    announceOnNextPage(`Brouillon ${memoire.number} supprimé.`);
    location.assign('/portail/synthese');
  }));
  target.append(remove);
}

// --- a sent mémoire ---

/** Where it stands, its history, and what the provider may do next. */
/** Lines that repeat a line already sent by the structure: the provider checks before sending (double facturation). */
async function warnOfRepeatedLines(memoire, target) {
  const answer = await callApi('GET', `/api/memoires/${memoire.number}/repeated-lines`, {});
  if (!answer.ok || answer.body.length === 0) {
    return;
  }
  const box = document.createElement('div');
  box.className = 'fr-alert fr-alert--warning fr-mb-3w';
  box.append(cell('h3', 'Double facturation possible'));
  const list = document.createElement('ul');
  answer.body.forEach((repeat) => {
    const item = cell('li', `La ligne ${repeat.position} répète la ligne ${repeat.otherPosition} du mémoire `);
    item.append(link(repeat.otherNumber, `/portail/memoire?numero=${encodeURIComponent(repeat.otherNumber)}`),
      ', déjà envoyé (même n° d\'affaire, prestation, dates et montants).');
    list.append(item);
  });
  box.append(list, cell('p', 'Vérifiez qu\'il ne s\'agit pas de la même prestation : le greffe en sera averti.'));
  target.append(box);
}

async function followUp(memoire, target, mountForm) {
  if (memoire.grantedAmount !== undefined && memoire.grantedAmount !== null) {
    target.append(cell('p', `Montant retenu : ${euros(memoire.grantedAmount)}`));
  }
  if (memoire.paymentDate) {
    target.append(cell('p', `Payé le ${frenchDate(memoire.paymentDate)} : ${euros(memoire.paidAmount)}`));
  }
  target.append(table('Historique', ['Date', 'Statut', 'Par', 'Motif ou précision'],
    (memoire.history || []).map((s) => [dateTime(s.changedAt), s.label, s.actor, s.reason || ''])));
  const actions = memoire.availableActions || [];
  const reload = () => location.reload();
  if (actions.includes('COMPLETER')) {
    target.append(cell('p', `Le greffe demande : ${memoire.complementRequest}`));
    await mountForm('memoire-attachment', section(target, 'Joindre une pièce'), {}, 'POST',
      `/api/memoires/${memoire.number}/attachments`, reload, '@fields');
    await mountForm('memoire-complement', section(target, 'Répondre au greffe'), {}, 'POST',
      `/api/memoires/${memoire.number}/complement`, reload);
  }
  if (actions.includes('FORMER_RECOURS')) {
    await mountForm('memoire-appeal', section(target, `Former un recours (jusqu'au ${dateTime(memoire.appealDeadline)})`), {}, 'POST',
      `/api/memoires/${memoire.number}/appeal`, reload);
  }
  const buttons = [
    ['DUPLIQUER', 'Dupliquer pour corriger et renvoyer', 'duplicate', (copy) => { location.href = `/portail/memoire?numero=${copy.number}`; }],
    ['ABANDONNER', 'Abandonner ce mémoire', 'abandon', reload],
  ];
  for (const [, label, path, then] of buttons.filter(([a]) => actions.includes(a))) {
    actionButton(target, label, `/api/memoires/${memoire.number}/${path}`, then);
  }
}

function ticketSubcategory(memoire) {
  if (memoire.status === 'REFUSE') {
    return 'REFUS_MEMOIRE';
  }
  return ['MANDATE', 'MIS_EN_PAIEMENT'].includes(memoire.status) ? 'PAIEMENT_MEMOIRE' : 'SUIVI_MEMOIRE';
}

async function summary(memoire, target) {
  const jurisdiction = await callApi('GET', `/api/jurisdictions/${encodeURIComponent(memoire.jurisdictionCode)}`, {});
  const services = memoire.serviceCode ? await options(`/api/structures/${memoire.structureId}/services`, 'code') : [];
  const service = services.find((s) => s.value === memoire.serviceCode);
  const facts = document.createElement('ul');
  [
    `Juridiction destinataire : ${jurisdiction.ok ? jurisdiction.body.name : memoire.jurisdictionCode}`,
    `Texte de référence : ${articleText(memoire.referenceText)}`,
    `Type de TVA : ${VAT_TYPES[memoire.vatType] || memoire.vatType}`,
    ...(memoire.serviceCode ? [`Service : ${service ? service.label : memoire.serviceCode}`] : []),
    ...(memoire.providerInvoiceNumber ? [`Votre n° de facture : ${memoire.providerInvoiceNumber}`] : []),
  ].forEach((text) => facts.append(cell('li', text)));
  target.append(facts);
  const links = cell('p', '');
  links.append(link('Visualiser le mémoire (PDF)', `/api/memoires/${memoire.number}/document`, 'fr-btn fr-btn--secondary'), ' ',
    link('Ouvrir une sollicitation sur ce mémoire',
      `/portail/nouvelle-sollicitation?objet=${encodeURIComponent(memoire.number)}&sous-categorie=${ticketSubcategory(memoire)}`,
      'fr-btn fr-btn--tertiary'));
  target.append(links);
}

/** Whether the account has the « modification » profile in the mémoire's structure (the API checks it again). */
async function maySend(memoire) {
  const me = await callApi('GET', '/api/me', {});
  const membership = me.ok ? (me.body.structures || []).find((s) => s.id === memoire.structureId) : null;
  return Boolean(membership && (membership.profiles || []).includes(MODIFICATION));
}

export const renderers = {
  /** « Saisir mémoire »: straight to the header with one structure, a choice with several. */
  'memoire-start'(me, target) {
    const structures = (me.structures || []).filter((s) => (s.profiles || []).includes(MODIFICATION));
    if (structures.length === 1) {
      location.replace(`/portail/nouveau-memoire?structure=${structures[0].id}`);
      return;
    }
    if (structures.length === 0) {
      const box = cell('p', (me.structures || []).length === 0
        ? "Votre compte n'est rattaché à aucune structure : créez la vôtre ou demandez à rejoindre celle qui vous emploie. "
        : 'Votre profil ne permet pas de saisir de mémoire : demandez le profil « Frais de justice modification » au gestionnaire principal de votre structure. ');
      box.className = 'fr-alert fr-alert--info';
      if ((me.structures || []).length === 0) {
        box.append(link('Créer ou rejoindre une structure', '/portail/structure'));
      }
      target.append(box);
      return;
    }
    const list = document.createElement('ul');
    structures.forEach((s) => {
      const item = document.createElement('li');
      item.append(link(`Saisir un mémoire pour ${s.name} (identifiant ${s.identifier})`, `/portail/nouveau-memoire?structure=${s.id}`));
      list.append(item);
    });
    target.append(cell('h2', 'Pour quelle structure ?'), list);
  },

  async memoire(memoire, target, { mountForm }) {
    const statusLabel = MEMOIRE_STATUSES[memoire.status] || memoire.statusLabel || memoire.status;
    target.append(cell('h2', `${memoire.number} — ${statusLabel}`));
    if (memoire.status !== 'BROUILLON') {
      const status = cell('p', `Statut : ${memoire.statusLabel}${memoire.statusReason ? ` — ${memoire.statusReason}` : ''}`);
      status.className = 'status';
      target.append(status);
      if (memoire.fingerprint) {
        const deposit = cell('p', `Envoyé le ${dateTime(memoire.depositedAt)}${memoire.late ? ", plus d'un an après la fin de la mission" : ''}. `);
        deposit.append(link('Télécharger le certificat de dépôt', `/api/memoires/${memoire.number}/certificate`));
        target.append(deposit);
      } else if (memoire.depositedAt) {
        target.append(cell('p', `Mémoire repris de l'ancien portail, déposé le ${dateTime(memoire.depositedAt)} : `
          + 'il se consulte ici, en lecture seule, sans certificat de dépôt.'));
      }
    }
    await summary(memoire, target);
    const attachments = await callApi('GET', `/api/memoires/${memoire.number}/attachments`, {});
    const files = attachments.ok ? attachments.body : [];
    const serviceTypes = await serviceTypesOf(memoire);
    if (memoire.status === 'BROUILLON' && await maySend(memoire)) {
      await draft(memoire, target, mountForm, files, serviceTypes);
      return;
    }
    if (memoire.status === 'BROUILLON') {
      const box = cell('p', 'Votre profil permet de consulter ce brouillon, pas de le modifier ni de l\'envoyer : '
        + 'le gestionnaire principal de votre structure peut vous donner le profil « Frais de justice modification ».');
      box.className = 'fr-alert fr-alert--info';
      target.append(box);
    }
    if (memoire.lines.length > 0) {
      target.append(linesTable(memoire, false));
    }
    target.append(totalsTable(memoire));
    if (files.length > 0) {
      target.append(attachmentsTable(memoire, files, false));
    }
    await followUp(memoire, target, mountForm);
  },

  'certificate-verification'(answer, target, { data }) {
    if (answer.valid) {
      success(target, `Ce certificat est authentique : le mémoire ${data.number} est enregistré tel qu'il a été déposé.`);
      return;
    }
    const box = cell('p', `Ce certificat ne correspond à aucun mémoire déposé tel qu'il est enregistré : vérifiez le numéro `
      + "et l'empreinte recopiés. S'ils sont exacts, le document présenté n'est pas fiable.");
    box.className = 'fr-alert fr-alert--error';
    box.setAttribute('role', 'alert');
    target.append(box);
  },
};
