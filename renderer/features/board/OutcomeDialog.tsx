/**
 * Finishing an idea: a drop into Afgerond waits here for the outcome ("Standaard geworden" / "Gestopt")
 * and what was learned. Cancelling leaves the card where it was.
 */
import { Ban, CircleCheck } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { OUTCOMES, TEXT_MAX, type Outcome } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import type { PendingFinish } from '../../store/ui-slice';
import { Dialog } from '../../ui/Dialog';
import { focusCardSoon } from './board-dnd';

export function OutcomeDialog() {
  const pending = useApp((s) => s.ui.pendingFinish);
  if (!pending) return null;
  return <OutcomeForm key={pending.id} pending={pending} />;
}

function OutcomeForm({ pending }: { pending: PendingFinish }) {
  const t = useT();
  const store = useAppStoreApi();
  const title = useApp((s) => s.cards[pending.id]?.title ?? pending.title);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [lesson, setLesson] = useState('');
  const touched = useRef(false);
  const [missing, setMissing] = useState(false);

  // An idea finished before (and reopened) keeps its lesson: show it so it is edited, not silently reused.
  useEffect(() => {
    let live = true;
    void store
      .getState()
      .api['ideas:get']({ id: pending.id })
      .then((res) => {
        if (live && res.ok && res.value.idea.lesson && !touched.current) setLesson(res.value.idea.lesson);
      });
    return () => {
      live = false;
    };
  }, [store, pending.id]);
  const firstRadio = useRef<HTMLInputElement>(null);
  const ids = { intro: useId(), error: useId(), lesson: useId(), lessonHint: useId() };

  const cancel = () => {
    store.getState().cancelFinish();
    focusCardSoon(pending.id);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) {
      setMissing(true);
      firstRadio.current?.focus();
      return;
    }
    const s = store.getState();
    const text = lesson.trim();
    void s.moveIdea(pending.id, pending.toStage, pending.afterId, { outcome, lesson: text });
    s.cancelFinish();
    focusCardSoon(pending.id);
  };

  return (
    <Dialog title={t('board.outcome.title', { title })} onClose={cancel} describedBy={ids.intro} className="board-outcome" initialFocus={firstRadio}>
      <form onSubmit={submit} noValidate className="board-outcome__form">
        <p id={ids.intro} className="board-outcome__intro">
          {t('board.outcome.intro')}
        </p>
        <fieldset
          className="board-outcome__choices"
          aria-describedby={missing ? ids.error : undefined}
          aria-invalid={missing || undefined}
        >
          <legend>
            {t('board.outcome.legend')} <span aria-hidden="true">*</span>
          </legend>
          {OUTCOMES.map((value, i) => {
            const hintId = `${ids.intro}-${value}`;
            return (
              <label key={value} className={`board-choice board-choice--${value}`}>
                <input
                  ref={i === 0 ? firstRadio : undefined}
                  type="radio"
                  name="outcome"
                  value={value}
                  required
                  checked={outcome === value}
                  aria-describedby={hintId}
                  onChange={() => {
                    setOutcome(value);
                    setMissing(false);
                  }}
                />
                {value === 'adopted' ? (
                  <CircleCheck aria-hidden="true" focusable="false" size={18} className="board-choice__icon" />
                ) : (
                  <Ban aria-hidden="true" focusable="false" size={18} className="board-choice__icon" />
                )}
                <span className="board-choice__word">{t(`outcome.${value}`)}</span>
                <span className="board-choice__hint" id={hintId} aria-hidden="true">
                  {t(`board.outcome.${value}.hint`)}
                </span>
              </label>
            );
          })}
          {missing && (
            <p id={ids.error} className="field__error" role="alert">
              {t('board.outcome.required')}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.lesson} className="field__label">
            {t('board.outcome.lesson')}
          </label>
          <textarea
            id={ids.lesson}
            value={lesson}
            maxLength={TEXT_MAX}
            rows={4}
            aria-describedby={ids.lessonHint}
            onChange={(e) => {
              touched.current = true;
              setLesson(e.target.value);
            }}
          />
          <span id={ids.lessonHint} className="field__hint">
            {t('board.outcome.lesson.hint')}
          </span>
        </div>
        <div className="board-outcome__buttons">
          <button type="button" className="button" onClick={cancel}>
            {t('action.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('board.outcome.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
