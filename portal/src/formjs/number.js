// form-js's number field, in French: typed and shown with a decimal comma (« 1,5 », « 1 234,56 »), no English
// « Increment / Decrement » buttons. form-js's own field turns « 1,5 » into « 1.5 » as one types.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Description, Errors, Label, Numberfield } from '@bpmn-io/form-js-viewer';

/** « 1234.5 » → « 1234,5 »: what the field shows of its value. */
function shown(value) {
  return value === null || value === undefined || value === '' ? '' : String(value).replace('.', ',');
}

/** What a typed text is worth: null when empty, « NaN » when it is no number (the validator says so), else the number. */
function worth(text, field) {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (plain === '') {
    return null;
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(plain)) {
    return 'NaN';
  }
  return Numberfield.config.sanitizeValue({ value: plain, formField: field });
}

export function FrenchNumber(props) {
  const { field, value, onChange, onBlur, onFocus, domId, errors = [], disabled, readonly } = props;
  const { label, description, validate = {} } = field;
  const [text, setText] = useState(shown(value));

  // a value set from outside (a reset, a line copied) shows; the one being typed stays as typed
  useEffect(() => {
    if (String(worth(text, field)) !== String(value ?? null)) {
      setText(shown(value));
    }
  }, [value]);

  const onInput = (event) => {
    setText(event.target.value);
    onChange({ field, value: worth(event.target.value, field) });
  };
  const descriptionId = `${domId}-description`;
  const errorId = `${domId}-error-message`;
  return h('div', { class: `fjs-form-field fjs-form-field-number${errors.length ? ' fjs-has-errors' : ''}` },
    h(Label, { htmlFor: domId, label, required: validate.required }),
    h('input', {
      class: 'fjs-input',
      id: domId,
      type: 'text',
      inputMode: 'decimal',
      autoComplete: 'off',
      value: text,
      disabled,
      readOnly: readonly,
      required: validate.required,
      'aria-invalid': errors.length > 0,
      'aria-describedby': [descriptionId, errorId].join(' '),
      onInput,
      onBlur: () => onBlur && onBlur(),
      onFocus: () => onFocus && onFocus(),
    }),
    h(Description, { id: descriptionId, description }),
    h(Errors, { id: errorId, errors }));
}

FrenchNumber.config = Numberfield.config;
