/** Form pieces of the detail view, wired to the editor (the draft plus save-by-themselves handlers). */
import type { ReactNode } from 'react';
import type { Draft, DraftField, TypedField } from './draft';
import { useT } from '../../i18n/use-t';

export interface Editor {
  draft: Draft;
  /** Prefix for element ids, unique per dialog. */
  idPrefix: string;
  /** The message for a field whose value cannot be saved, or null. */
  problem: (field: DraftField) => string | null;
  /** The person typed in a text-like field: saved after a pause. */
  type: (field: TypedField, value: string) => void;
  /** The person left a text-like field: saved now. */
  commit: (field: TypedField) => void;
  /** A choice (radio, select, checkbox): saved at once. */
  choose: <F extends DraftField>(field: F, value: Draft[F]) => void;
}

interface TextFieldProps {
  editor: Editor;
  field: TypedField;
  multiline?: boolean;
  hint?: string;
  inputType?: 'text' | 'date' | 'number';
  maxLength?: number;
  className?: string;
  label?: string;
  rows?: number;
}

export function TextField({ editor, field, multiline, hint, inputType = 'text', maxLength, className, label, rows = 2 }: TextFieldProps) {
  const t = useT();
  const id = `${editor.idPrefix}-${field}`;
  const error = editor.problem(field);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: editor.draft[field],
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => editor.commit(field),
  } as const;
  return (
    <div className={`field detail-field ${className ?? ''}`}>
      <label className="field__label" htmlFor={id}>
        {label ?? t(`detail.field.${field}`)}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={rows}
          maxLength={maxLength}
          onChange={(e) => editor.type(field, e.target.value)}
        />
      ) : inputType === 'number' ? (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          step={1}
          onChange={(e) => editor.type(field, e.target.value)}
        />
      ) : (
        <input
          {...common}
          type={inputType}
          maxLength={maxLength}
          autoComplete="off"
          onChange={(e) => editor.type(field, e.target.value)}
        />
      )}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error detail-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** Extra class on the option, e.g. to colour a kind. */
  className?: string;
}

interface RadioGroupProps {
  legend: string;
  name: string;
  options: ChoiceOption[];
  value: string | null;
  onChange: (value: string) => void;
  /** Offer "Wissen" to go back to no answer. */
  onClear?: () => void;
  layout?: 'row' | 'column';
  className?: string;
}

export function RadioGroup({ legend, name, options, value, onChange, onClear, layout = 'row', className }: RadioGroupProps) {
  const t = useT();
  return (
    <fieldset className={`detail-choices detail-choices--${layout} ${className ?? ''}`}>
      <legend>{legend}</legend>
      <div className="detail-choices__options">
        {options.map((option) => (
          <label key={option.value} className={`detail-choice ${option.className ?? ''}`}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
        {onClear && value !== null && (
          <button
            type="button"
            className="detail-link-button"
            aria-label={t('detail.clearAria', { field: legend })}
            onClick={onClear}
          >
            {t('detail.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
