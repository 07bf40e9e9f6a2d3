// dmn-js in French: its viewers' texts through its own translate service (additionalModules), never a patch.
const FRENCH = {
  When: 'Si', And: 'Et', Then: 'Alors', Annotations: 'Annotations', Annotation: 'Annotation',
  'View DRD': 'Voir le DRD', 'Hit policy:': 'Politique de résultat :', 'Hit policy': 'Politique de résultat',
  Unique: 'Unique', First: 'Première', Priority: 'Priorité', Any: 'Quelconque', Collect: 'Collecte',
  'Rule order': 'Ordre des règles', 'Output order': 'Ordre des sorties',
  'Decision name': 'Nom de la décision', 'Decision name: ': 'Nom de la décision : ',
  'Input label': "Libellé de l'entrée", 'Input label: ': "Libellé de l'entrée : ", Input: 'Entrée', Output: 'Sortie',
  'Input expression': "Expression de l'entrée", 'Input expression: ': "Expression de l'entrée : ",
  'Output label': 'Libellé de la sortie', 'Output label: ': 'Libellé de la sortie : ',
  'Output name': 'Nom de la sortie', 'Output name: ': 'Nom de la sortie : ', 'Input type': "Type de l'entrée",
  'Output type': 'Type de la sortie', 'Input values': "Valeurs de l'entrée", 'Output values': 'Valeurs de la sortie',
  Expression: 'Expression', 'Expression language: {expressionLanguageLabel}': 'Langage : {expressionLanguageLabel}',
  'Open {element}': 'Ouvrir {element}',
};

function translate(template, replacements) {
  const text = FRENCH[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements ? replacements[key] : `{${key}}`));
}

/** The options of the dmn-js Viewer that put each of its viewers in French. */
export const frenchViewers = {
  drd: { additionalModules: [{ translate: ['value', translate] }] },
  decisionTable: { additionalModules: [{ translate: ['value', translate] }] },
  literalExpression: { additionalModules: [{ translate: ['value', translate] }] },
};
