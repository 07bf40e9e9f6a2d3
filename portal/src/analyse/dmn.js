// What the page reads of a DMN file itself (the browser's XML parser): its decisions, and for each the inputs to type,
// the outputs and their labels. The server decides; this only builds forms and labels.

const DMN = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

function children(element, name) {
  return Array.from(element.children).filter((child) => child.localName === name);
}

function text(element) {
  const node = element && Array.from(element.children).find((child) => child.localName === 'text');
  return node ? node.textContent.trim() : '';
}

/** Every decision of a DMN file: { key, name, inputs: [{ variable, label, type }], outputs: [{ name, label }], requires }. */
export function decisionsOf(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) {
    return [];
  }
  return Array.from(doc.getElementsByTagNameNS(DMN, 'decision')).map((decision) => {
    const table = children(decision, 'decisionTable')[0];
    const inputs = table ? children(table, 'input').map((input) => {
      const expression = children(input, 'inputExpression')[0];
      return {
        variable: text(expression),
        label: input.getAttribute('label') || text(expression),
        type: expression ? expression.getAttribute('typeRef') || 'string' : 'string',
      };
    }) : [];
    const outputs = table ? children(table, 'output').map((output) => ({
      name: output.getAttribute('name'),
      label: output.getAttribute('label') || output.getAttribute('name'),
    })) : [];
    const requires = children(decision, 'informationRequirement')
      .map((requirement) => children(requirement, 'requiredDecision')[0])
      .filter(Boolean)
      .map((required) => required.getAttribute('href').replace(/^#/, ''));
    return { key: decision.getAttribute('id'), name: decision.getAttribute('name') || decision.getAttribute('id'), inputs, outputs, requires };
  });
}

/** The inputs an analyst types to try a decision: its own and those of the decisions it requires, but not what they give. */
export function inputsToType(decisions, key) {
  const byKey = Object.fromEntries(decisions.map((d) => [d.key, d]));
  const inputs = new Map();
  const given = new Set();
  const visit = (k, seen) => {
    const decision = byKey[k];
    if (!decision || seen.has(k)) {
      return;
    }
    seen.add(k);
    decision.requires.forEach((required) => {
      (byKey[required] ? byKey[required].outputs : []).forEach((output) => given.add(output.name));
      visit(required, seen);
    });
    decision.inputs.forEach((input) => {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(input.variable) && !inputs.has(input.variable)) {
        inputs.set(input.variable, input);
      }
    });
  };
  visit(key, new Set());
  return Array.from(inputs.values()).filter((input) => !given.has(input.variable));
}

/** Labels of every input variable and output name of a file, to show labels instead of names. */
export function labelsOf(decisions) {
  const labels = {};
  decisions.forEach((decision) => {
    decision.inputs.forEach((input) => { labels[input.variable] = labels[input.variable] || input.label; });
    decision.outputs.forEach((output) => { labels[output.name] = labels[output.name] || output.label; });
  });
  return labels;
}
