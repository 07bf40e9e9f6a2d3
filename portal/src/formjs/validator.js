// form-js's validator, in French: the same checks as form-js 1.23's own Validator (required, pattern, min/max,
// min/max length, e-mail, phone, number decimals and increments), its English messages written in French, plus the
// dates of our date fields (JJ/MM/AAAA), which must exist.
import Big from 'big.js';
import { runExpressionEvaluation } from '@bpmn-io/form-js-viewer';
import { isImpossibleDate } from './dates.js';

const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const PHONE = /^(\+|00)[1-9]\d{6,14}$|^0\d{9}$/;
const EVALUATED = ['min', 'max', 'minLength', 'maxLength'];

const number = (value) => String(value).replace('.', ',');

export class FrenchValidator {
  constructor(expressionLanguage, formFieldRegistry) {
    this._expressionLanguage = expressionLanguage;
    this._formFieldRegistry = formFieldRegistry;
  }

  /** form-js's deprecated entry point: the field's own definition, FEEL left unevaluated. */
  validateField(field, value) {
    return check(field, field.validate || {}, value);
  }

  validateFieldInstance(fieldInstance, value) {
    const field = this._formFieldRegistry.get(fieldInstance.id);
    if (!field) {
      return [];
    }
    const validate = { ...(field.validate || {}) };
    for (const property of EVALUATED) {
      if (property in validate) {
        const evaluated = runExpressionEvaluation(this._expressionLanguage, validate[property], fieldInstance.expressionContextInfo);
        if (evaluated === null || evaluated === undefined) {
          delete validate[property];
        } else {
          validate[property] = evaluated;
        }
      }
    }
    return check(field, validate, value);
  }
}
FrenchValidator.$inject = ['expressionLanguage', 'formFieldRegistry'];

function check(field, validate, value) {
  const errors = [];
  if (field.type === 'number') {
    errors.push(...numberErrors(field, value));
  }
  if (field.type === 'datetime' && field.subtype === 'date' && isImpossibleDate(value)) {
    errors.push(`La date « ${value} » n'existe pas : écrivez-la JJ/MM/AAAA, par exemple 28/02/2026.`);
    return errors;
  }
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    || (field.type === 'checkbox' && value === false);
  if (validate.pattern && value && !new RegExp(validate.pattern).test(value)) {
    errors.push(validate.patternErrorMessage || 'Ce champ n\'est pas au format attendu.');
  }
  if (validate.required && empty) {
    errors.push(field.type === 'checkbox' ? 'Cochez cette case pour continuer.' : 'Ce champ est obligatoire.');
  }
  if ('min' in validate && (value || value === 0) && compare(value, validate.min) < 0) {
    errors.push(`La valeur doit être au moins ${number(validate.min)}.`);
  }
  if ('max' in validate && (value || value === 0) && compare(value, validate.max) > 0) {
    errors.push(`La valeur doit être au plus ${number(validate.max)}.`);
  }
  if ('minLength' in validate && typeof value === 'string' && value && value.trim().length < validate.minLength) {
    errors.push(`Saisissez au moins ${validate.minLength} caractères.`);
  }
  if ('maxLength' in validate && typeof value === 'string' && value && value.trim().length > validate.maxLength) {
    errors.push(`Saisissez au plus ${validate.maxLength} caractères.`);
  }
  if (validate.validationType === 'email' && value && !EMAIL.test(value)) {
    errors.push('Saisissez une adresse électronique valide, par exemple nom@exemple.fr.');
  }
  if (validate.validationType === 'phone' && value && !PHONE.test(String(value).replace(/[\s.]/g, ''))) {
    errors.push('Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89 ou +33 1 23 45 67 89.');
  }
  return errors;
}

function compare(value, limit) {
  try {
    return Big(value).cmp(Big(limit));
  } catch (error) {
    return 0;
  }
}

function numberErrors(field, value) {
  if (value === 'NaN') {
    return ['Saisissez un nombre, par exemple 1,5.'];
  }
  if (!value && value !== 0) {
    return [];
  }
  const errors = [];
  const decimals = (String(value).split('.')[1] || '').length;
  if (field.decimalDigits >= 0 && decimals > field.decimalDigits) {
    errors.push(field.decimalDigits === 0 ? 'Saisissez un nombre entier.'
      : `Saisissez au plus ${field.decimalDigits} chiffre${field.decimalDigits > 1 ? 's' : ''} après la virgule.`);
  }
  if (field.increment) {
    const offset = Big(value).mod(Big(field.increment));
    if (offset.cmp(0) !== 0) {
      const previous = Big(value).minus(offset);
      errors.push(`Choisissez une valeur valide : les deux plus proches sont ${number(previous)} et ${number(previous.plus(field.increment))}.`);
    }
  }
  return errors;
}
