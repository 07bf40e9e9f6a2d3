// form-js's date field, in French: typed and shown JJ/MM/AAAA, a French calendar (flatpickr, as form-js itself uses;
// opened by its button or ↓), the ISO date (AAAA-MM-JJ) in the form's data. What cannot be read as a real date (31/02/2026) stays in the field as
// typed, and the validator says so on the field. Time and date-time subtypes keep form-js's own component.
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import flatpickr from 'flatpickr';
import { French } from 'flatpickr/dist/l10n/fr.js';
import { Datetime, Description, Errors, Label } from '@bpmn-io/form-js-viewer';
import { frenchDate, fromIsoDate, parseFrenchDate, toIsoDate } from './dates.js';

const CALENDAR = {
  ...French,
  yearAriaLabel: 'Année',
  monthAriaLabel: 'Mois',
  hourAriaLabel: 'Heure',
  minuteAriaLabel: 'Minute',
};

export function FrenchDatetime(props) {
  return props.field.subtype === 'date' ? h(FrenchDate, props) : h(Datetime, props);
}
FrenchDatetime.config = Datetime.config;

function FrenchDate(props) {
  const { field, value, errors = [], domId, disabled, readonly } = props;
  const { description, dateLabel, label, validate = {}, disallowPassedDates } = field;
  const input = useRef();
  const anchor = useRef();
  const picker = useRef();
  const latest = useRef();
  latest.current = props;
  const descriptionId = `${domId}-description`;
  const errorId = `${domId}-error-message`;

  const change = (next) => {
    if (next !== (latest.current.value ?? null)) {
      latest.current.onChange({ field: latest.current.field, value: next });
    }
  };
  /** What was typed: an existing date becomes ISO, an empty field null, anything else stays as typed (and is refused). */
  const commit = (text) => {
    const typed = text.trim();
    const date = parseFrenchDate(typed);
    if (date) {
      input.current.value = frenchDate(toIsoDate(date));
      picker.current && picker.current.setDate(date, false);
    }
    change(typed === '' ? null : (date ? toIsoDate(date) : typed));
  };

  // flatpickr only draws the calendar: it sits on a hidden input of its own, so that it never rewrites (or blanks out)
  // what the person types in the visible field
  useEffect(() => {
    const instance = flatpickr(anchor.current, {
      locale: CALENDAR,
      dateFormat: 'Y-m-d',
      ariaDateFormat: 'l j F Y',
      clickOpens: false,
      positionElement: input.current,
      minDate: disallowPassedDates ? 'today' : undefined,
      errorHandler: () => {},
      onChange: (dates) => {
        if (dates.length > 0) {
          input.current.value = frenchDate(toIsoDate(dates[0]));
          change(toIsoDate(dates[0]));
        }
      },
      onClose: () => {
        if (instance.calendarContainer.contains(document.activeElement)) {
          input.current.focus();
        }
      },
    });
    picker.current = instance;
    return () => instance.destroy();
  }, [disallowPassedDates]);

  // what the form holds, shown as JJ/MM/AAAA (an unreadable date as it was typed), unless the person is typing
  useEffect(() => {
    const element = input.current;
    if (!element || document.activeElement === element) {
      return;
    }
    const date = fromIsoDate(value);
    if (date && picker.current) {
      picker.current.setDate(date, false);
    }
    element.value = frenchDate(value);
  }, [value]);

  const openCalendar = () => {
    const instance = picker.current;
    if (!instance || disabled || readonly) {
      return;
    }
    commit(input.current.value);
    instance.open();
    const day = instance.selectedDateElem || instance.todayDateElem || instance.daysContainer.querySelector('.flatpickr-day');
    day && day.focus();
  };
  const onKeyDown = (event) => {
    if (event.key === 'Enter') {
      commit(event.target.value);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      openCalendar();
    } else if (event.key === 'Escape' && picker.current && picker.current.isOpen) {
      picker.current.close();
    }
  };

  return h('div', { class: `fjs-form-field fjs-form-field-datetime${errors.length ? ' fjs-has-errors' : ''}` },
    h(Label, { htmlFor: domId, label: dateLabel || label, required: validate.required }),
    h('div', { class: 'fdj-date' },
      h('input', {
        ref: input,
        type: 'text',
        id: domId,
        class: 'fjs-input',
        inputMode: 'numeric',
        autoComplete: 'off',
        placeholder: 'JJ/MM/AAAA',
        disabled,
        readOnly: readonly,
        onBlur: (event) => {
          if (!(picker.current && picker.current.calendarContainer.contains(event.relatedTarget))) {
            commit(event.target.value);
            props.onBlur && props.onBlur();
          }
        },
        onKeyDown,
        onFocus: () => props.onFocus && props.onFocus(),
        'aria-invalid': errors.length > 0 ? 'true' : undefined,
        'aria-describedby': [`${domId}-format`, descriptionId, errorId].join(' '),
      }),
      h('button', {
        type: 'button',
        class: 'fdj-date-button',
        disabled: disabled || readonly,
        title: 'Choisir la date dans un calendrier',
        onClick: openCalendar,
      }, h('span', { class: 'fr-sr-only' }, 'Choisir la date dans un calendrier')),
      h('input', { ref: anchor, type: 'hidden', class: 'fdj-date-anchor', tabIndex: -1, 'aria-hidden': 'true' })),
    h('p', { id: `${domId}-format`, class: 'fjs-form-field-description fdj-date-format' },
      'Au format JJ/MM/AAAA, par exemple 28/02/2026.'),
    h(Description, { id: descriptionId, description }),
    h(Errors, { id: errorId, errors }));
}
