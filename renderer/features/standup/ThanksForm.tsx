/**
 * Thank a person (bedankje): whom, and a short message. Used inline on the idea detail, in a dialog from the
 * walk, and on the Dankmuur. Bad input gets a message and keeps what was typed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { THANKS_MAX } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';

interface ThanksFormProps {
  /** The idea the thanks are for (null: just the person). */
  ideaId: string | null;
  /** Who is chosen at first (e.g. the idea's author), when that is someone else than the current person. */
  suggestedToId?: string | null;
  onDone: (sent: boolean) => void;
  /** Put the cursor in the message when the form appears (it opens on request, so typing is the next step). */
  focusOnOpen?: boolean;
}

export function ThanksForm({ ideaId, suggestedToId, onDone, focusOnOpen }: ThanksFormProps) {
  const t = useT();
  const id = useId();
  const me = useApp((s) => s.settings.currentPersonId);
  const people = useApp((s) => s.people);
  const addThanks = useApp((s) => s.addThanks);
  const announce = useApp((s) => s.announce);
  const others = people.filter((p) => !p.archived && p.id !== me);
  const initial = suggestedToId && others.some((p) => p.id === suggestedToId) ? suggestedToId : (others[0]?.id ?? '');
  const [toId, setToId] = useState(initial);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusOnOpen) messageRef.current?.focus();
    // Once, when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!me) return <p className="standup-none">{t('standup.thanks.needPerson')}</p>;
  if (others.length === 0) return <p className="standup-none">{t('standup.thanks.nobody')}</p>;

  const submit = async () => {
    const text = message.trim();
    if (text === '') {
      setProblem(t('standup.thanks.required'));
      messageRef.current?.focus();
      return;
    }
    if (text.length > THANKS_MAX) {
      setProblem(t('standup.thanks.tooLong', { max: THANKS_MAX, count: text.length }));
      messageRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    const sent = await addThanks({ toId, ideaId, message: text });
    setBusy(false);
    if (!sent) return;
    announce(t('standup.thanks.sent', { name: people.find((p) => p.id === toId)?.name ?? '' }));
    setMessage('');
    onDone(true);
  };

  return (
    <form
      className="standup-thanks-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-to`}>
          {t('standup.thanks.person')}
        </label>
        <select id={`${id}-to`} value={toId} onChange={(e) => setToId(e.target.value)}>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-message`}>
          {t('standup.thanks.message')}
        </label>
        <textarea
          id={`${id}-message`}
          ref={messageRef}
          rows={2}
          value={message}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setMessage(e.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('standup.thanks.messageHint', { max: THANKS_MAX })}
        </p>
        {problem && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="standup-thanks-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('standup.thanks.submit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('standup.thanks.cancel')}
        </button>
      </div>
    </form>
  );
}
