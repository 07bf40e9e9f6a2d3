// form-js's select, in French and usable with the keyboard: a combobox whose list opens on a click, Alt+↓, ↓, Space
// or typing (a searchable select), never on mere focus (tabbing through a form does not drop a list over the next
// field). The list keeps form-js's classes (fjs-dropdownlist-item), so that form-js's styling still applies.
import { h } from 'preact';
import { useContext, useMemo, useRef, useState } from 'preact/hooks';
import { FormContext, Description, Errors, Label, Select, useExpressionEvaluation } from '@bpmn-io/form-js-viewer';

const NONE = { label: 'Aucune sélection', value: null };

function normalized(options) {
  return (Array.isArray(options) ? options : [])
    .filter((option) => option !== null && option !== undefined)
    .map((option) => (typeof option === 'object'
      ? { label: String(option.label ?? option.value), value: option.value ?? option.label }
      : { label: String(option), value: option }));
}

/** The options as form-js takes them: a key of the initial data, the field's own values, or a FEEL expression. */
function useOptions(field) {
  const { getService } = useContext(FormContext);
  const evaluated = useExpressionEvaluation(field.valuesExpression);
  const initialData = getService('form')._getState().initialData || {};
  const source = field.valuesKey !== undefined ? initialData[field.valuesKey]
    : field.values !== undefined ? field.values : evaluated;
  return useMemo(() => normalized(source), [JSON.stringify(source)]);
}

const same = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function FrenchSelect(props) {
  const { field, value, errors = [], domId, disabled, readonly, onChange } = props;
  const { label, description, searchable = false, validate = {} } = field;
  const options = useOptions(field);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState(null);
  const [active, setActive] = useState(-1);
  const input = useRef();
  const listId = `${domId}-options`;
  const selected = options.find((option) => same(option.value, value));
  const choices = [...(validate.required || value === null || value === undefined ? [] : [NONE]),
    ...(filter ? options.filter((o) => o.label.toLowerCase().includes(filter.toLowerCase())) : options)];
  const usable = !disabled && !readonly;

  const show = () => {
    if (!usable) {
      return;
    }
    setOpen(true);
    setActive(Math.max(0, choices.findIndex((option) => same(option.value, value))));
  };
  const close = () => {
    setOpen(false);
    setFilter(null);
    setActive(-1);
  };
  const pick = (option) => {
    onChange({ field, value: option.value });
    close();
  };
  const onKeyDown = (event) => {
    if (!usable) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        show();
      } else {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((index) => Math.min(Math.max(0, index + step), choices.length - 1));
      }
    } else if (event.key === 'Enter') {
      // Enter picks in an open list, and never sends the form from a select
      event.preventDefault();
      event.stopPropagation();
      if (open && choices[active]) {
        pick(choices[active]);
      } else if (!open) {
        show();
      }
    } else if (event.key === ' ' && !searchable) {
      event.preventDefault();
      open ? choices[active] && pick(choices[active]) : show();
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };
  const activeId = open && choices[active] ? `${listId}-${active}` : undefined;

  return h('div', { class: `fjs-form-field fjs-form-field-select${errors.length ? ' fjs-has-errors' : ''}` },
    h(Label, { htmlFor: domId, label, required: validate.required }),
    h('div', {
      class: `fjs-input-group${disabled ? ' disabled' : ''}${readonly ? ' readonly' : ''}${errors.length ? ' hasErrors' : ''}`,
      onMouseDown: (event) => {
        if (!usable) {
          return;
        }
        event.preventDefault();
        input.current && input.current.focus();
        open ? close() : show();
      },
    },
    h('input', {
      ref: input,
      id: domId,
      class: 'fjs-input fdj-select-input',
      role: 'combobox',
      autoComplete: 'off',
      readOnly: !searchable || readonly,
      disabled,
      value: filter ?? (selected ? selected.label : ''),
      placeholder: searchable ? 'Rechercher…' : 'Sélectionnez une option',
      'aria-expanded': open ? 'true' : 'false',
      'aria-controls': open ? listId : undefined,
      'aria-autocomplete': searchable ? 'list' : 'none',
      'aria-activedescendant': activeId,
      'aria-invalid': errors.length > 0 ? 'true' : undefined,
      'aria-describedby': [`${domId}-description`, `${domId}-error-message`].join(' '),
      onKeyDown,
      onInput: (event) => {
        setFilter(event.target.value);
        setOpen(true);
        setActive(0);
      },
      onFocus: () => props.onFocus && props.onFocus(),
      onBlur: () => {
        close();
        props.onBlur && props.onBlur();
      },
    }),
    h('span', { class: 'fjs-select-arrow fdj-select-arrow', 'aria-hidden': 'true' })),
    h('div', { class: 'fjs-select-anchor' }, open && h('ul', {
      id: listId,
      role: 'listbox',
      class: 'fjs-dropdownlist',
      'aria-label': typeof label === 'string' ? label : undefined,
      onMouseDown: (event) => event.preventDefault(),
    }, choices.length === 0
      ? h('li', { class: 'fjs-dropdownlist-empty', role: 'option', 'aria-disabled': 'true' }, 'Aucun résultat')
      : choices.map((option, index) => h('li', {
        id: `${listId}-${index}`,
        key: index,
        role: 'option',
        'aria-selected': same(option.value, value) ? 'true' : 'false',
        class: `fjs-dropdownlist-item${index === active ? ' focused' : ''}`,
        onMouseEnter: () => setActive(index),
        onMouseDown: (event) => {
          event.preventDefault();
          pick(option);
        },
      }, option.label)))),
    h(Description, { id: `${domId}-description`, description }),
    h(Errors, { id: `${domId}-error-message`, errors }));
}
FrenchSelect.config = Select.config;
