// Password fields of the portal's forms: form-js has no password type, so the components marked with the custom
// property "password" get one, and those marked "strength" a live meter of the server's rule (12 characters, 3 of the
// 4 kinds: upper case, lower case, digits, special characters).

const LABELS = ['Trop faible', 'Trop faible', 'Faible', 'Correct', 'Fort'];

export function strength(password) {
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
  const longEnough = [...password].length >= 12;
  if (!longEnough || kinds < 3) {
    return { score: Math.min(kinds, longEnough ? 2 : 1), accepted: false };
  }
  return { score: kinds === 4 && [...password].length >= 16 ? 4 : 3, accepted: true };
}

function inputOf(host, component) {
  return host.querySelector(`[id$="-${component.id}"]`);
}

export function enhancePasswordFields(form, schema, host) {
  for (const component of schema.components || []) {
    const properties = component.properties || {};
    if (properties.password !== 'true') {
      continue;
    }
    const input = inputOf(host, component);
    if (!input) {
      continue;
    }
    input.type = 'password';
    input.autocomplete = component.key === 'password' && !properties.strength ? 'current-password' : 'new-password';
    if (properties.strength === 'true') {
      addMeter(input);
    }
  }
}

function addMeter(input) {
  const meter = document.createElement('meter');
  meter.min = 0;
  meter.max = 4;
  meter.low = 2;
  meter.high = 3;
  meter.optimum = 4;
  meter.value = 0;
  meter.id = `${input.id}-strength`;
  meter.setAttribute('aria-label', 'Robustesse du mot de passe');
  const text = document.createElement('span');
  text.className = 'strength';
  text.setAttribute('aria-live', 'polite');
  text.id = `${input.id}-strength-text`;
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') || ''} ${text.id}`.trim());
  // under the field, not beside it: after form-js's input group (a row holding the input and its adorners)
  const below = document.createElement('div');
  below.className = 'fdj-strength';
  below.append(meter, text);
  (input.closest('.fjs-input-group') || input).insertAdjacentElement('afterend', below);
  const update = () => {
    const { score, accepted } = strength(input.value);
    meter.value = score;
    text.textContent = input.value ? `Robustesse : ${LABELS[score]}${accepted ? '' : ' (au moins 12 caractères et 3 sortes)'}` : '';
  };
  input.addEventListener('input', update);
  update();
}
