/** A small "add by name" form: one labelled text field, a submit button, and a clear message when the name cannot be used. */
import { useId, useState, type ReactNode, type RefObject } from 'react';
import { NAME_MAX } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { checkName, nameProblemText } from './name-rules';
import './settings.css';

interface NameFormProps {
  label: string;
  submitLabel: string;
  /** A fuller accessible name for the button, when several such forms share one screen. */
  submitAriaLabel?: string;
  /** Active names in the same list, to refuse duplicates. */
  taken?: readonly string[];
  /** Text for a duplicate name, instead of the generic one. */
  duplicateText?: (name: string) => string;
  /** Returns whether the name was saved; the field is emptied when it was. */
  onSubmit: (name: string) => Promise<boolean>;
  /** More controls between the field and the button (e.g. a level). */
  children?: ReactNode;
  className?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  placeholder?: string;
}

export function NameForm({
  label,
  submitLabel,
  submitAriaLabel,
  taken = [],
  duplicateText,
  onSubmit,
  children,
  className,
  inputRef,
  placeholder,
}: NameFormProps) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = checkName(value, taken);
    if (problem) {
      setError(problem === 'duplicate' && duplicateText ? duplicateText(value.trim()) : nameProblemText(t, problem, value));
      inputRef?.current?.focus();
      return;
    }
    setBusy(true);
    const saved = await onSubmit(value.trim());
    setBusy(false);
    if (saved) {
      setValue('');
      setError(null);
    }
  };

  return (
    <form className={`settings-nameform ${className ?? ''}`} onSubmit={(e) => void submit(e)} noValidate>
      <div className="field settings-nameform__field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {label}
        </label>
        <input
          ref={inputRef}
          id={`${id}-name`}
          type="text"
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          maxLength={NAME_MAX + 40}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            if (error) setError(null);
          }}
        />
      </div>
      {children}
      <button type="submit" className="button" aria-label={submitAriaLabel} disabled={busy}>
        {submitLabel}
      </button>
      {error && (
        <p id={`${id}-error`} className="field__error settings-nameform__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
