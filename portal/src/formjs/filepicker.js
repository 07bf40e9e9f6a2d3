// form-js's file picker, in French: « Choisir un fichier », « Aucun fichier sélectionné », the chosen files' names.
// The files go to form-js's file registry as form-js's own picker does (form.submit() hands them over).
import { h } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { Errors, FilePicker, FormContext, Label } from '@bpmn-io/form-js-viewer';

const PREFIX = 'files::';
let sequence = 0;

function selection(files) {
  if (files.length === 0) {
    return 'Aucun fichier sélectionné';
  }
  return files.length === 1 ? files[0].name : `${files.length} fichiers : ${files.map((file) => file.name).join(', ')}`;
}

export function FrenchFilePicker(props) {
  const { field, onChange, domId, errors = [], disabled, readonly, value: filesKey = '' } = props;
  const { label, multiple = false, accept = '', validate = {} } = field;
  const { getService } = useContext(FormContext);
  const registry = getService('fileRegistry', false);
  const input = useRef();
  const files = registry && filesKey ? registry.getFiles(filesKey) : [];
  const unusable = disabled || readonly || !registry;

  useEffect(() => {
    if (filesKey && registry && !registry.hasKey(filesKey)) {
      onChange({ field, value: null });
    }
  }, [registry, filesKey]);

  const onFileChange = (event) => {
    const chosen = Array.from(event.target.files || []);
    if (chosen.length === 0) {
      if (filesKey) {
        registry.deleteFiles(filesKey);
      }
      onChange({ field, value: null });
      return;
    }
    const key = filesKey || `${PREFIX}fdj-${++sequence}`;
    registry.setFiles(key, chosen);
    onChange({ field, value: key });
  };

  return h('div', { class: `fjs-form-field fjs-form-field-filepicker${errors.length ? ' fjs-has-errors' : ''}` },
    h(Label, { id: `${domId}-label`, htmlFor: domId, label, required: validate.required }),
    h('input', {
      ref: input,
      type: 'file',
      class: 'fjs-hidden',
      id: domId,
      name: domId,
      disabled: unusable,
      multiple: multiple === true || undefined,
      accept: typeof accept === 'string' && accept && !accept.startsWith('=') ? accept : undefined,
      required: validate.required,
      onChange: onFileChange,
    }),
    h('div', { class: 'fjs-filepicker-container' },
      h('button', {
        type: 'button',
        id: `${domId}-button`,
        class: 'fr-btn fr-btn--secondary fr-btn--sm fjs-filepicker-button',
        disabled: unusable,
        'aria-labelledby': `${domId}-label ${domId}-button`,
        'aria-describedby': `${domId}-chosen ${domId}-error-message`,
        onClick: () => input.current.click(),
      }, multiple === true ? 'Choisir des fichiers' : 'Choisir un fichier'),
      h('span', { id: `${domId}-chosen`, class: 'fdj-filepicker-chosen', 'aria-live': 'polite' }, selection(files))),
    h(Errors, { id: `${domId}-error-message`, errors }));
}
FrenchFilePicker.config = FilePicker.config;
