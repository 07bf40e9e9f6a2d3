// How each page shows a successful answer.

const TYPES = { TRIBUNAL_JUDICIAIRE: 'Tribunal judiciaire', COUR_APPEL: "Cour d'appel" };

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text ?? '';
  return element;
}

function table(caption, headers, rows) {
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

const renderers = {
  jurisdictions(list, target) {
    if (list.length === 0) {
      target.append(cell('p', 'Aucune juridiction ne correspond à ces critères.'));
      return;
    }
    target.append(table(`${list.length} juridiction(s)`, ['Code', 'Nom', 'Type', 'Département', "Cour d'appel"],
      list.map((j) => [j.code, j.name, TYPES[j.type] || j.type, j.departement, j.courAppel])));
  },
  message(body, target) {
    const box = cell('p', (body && body.message) || 'Votre demande a été enregistrée.');
    box.className = 'success';
    target.append(box);
  },
};

export function renderResult(name, body, target) {
  target.replaceChildren();
  (renderers[name] || renderers.message)(body, target);
}
