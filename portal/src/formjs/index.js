// form-js in French, through its extension points (additionalModules): no fork, no patch of node_modules.
import { Form } from '@bpmn-io/form-js-viewer';
import { FrenchValidator } from './validator.js';
import { FrenchDatetime } from './date.js';
import { FrenchSelect } from './select.js';
import { FrenchFilePicker } from './filepicker.js';
import { FrenchNumber } from './number.js';

class FrenchFields {
  constructor(formFields) {
    formFields.register('datetime', FrenchDatetime);
    formFields.register('select', FrenchSelect);
    formFields.register('filepicker', FrenchFilePicker);
    formFields.register('number', FrenchNumber);
  }
}
FrenchFields.$inject = ['formFields'];

export const frenchFormJs = {
  __init__: ['frenchFields'],
  frenchFields: ['type', FrenchFields],
  validator: ['type', FrenchValidator],
};

/**
 * A form-js form speaking French, as every page of the portal renders them. Each keystroke reaches the form at once
 * (debounce: false): form-js's 300 ms delay let any redraw in between put the old value back in the field, and send it.
 */
export function frenchForm(container) {
  return new Form({ container, additionalModules: [frenchFormJs], debounce: false });
}
