/**
 * "Nieuw idee": log an idea in seconds. Enter in the title saves; the form stays open and empties
 * (kind and touchpoint stay) for the next idea; Esc closes. The idea lands at the top of Nieuw.
 * Saves run in the background (the store's capture slice); an idea whose save failed comes back whole into the
 * form as soon as the form is as Enter or opening left it, never into an idea being typed.
 */
import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { KINDS, TEXT_MAX, TITLE_MAX, type Kind } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import type { FailedDraft } from '../../store/capture-slice';
import { useApp, useAppShallow, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { KindIcon } from '../board/kind';
import { TouchpointCombobox, usableTouchpointGroups } from './TouchpointCombobox';
import './capture.css';

/** The counter appears from this many characters on. */
const COUNTER_FROM = 160;

type TitleError = 'required' | 'tooLong' | null;

type Form = Omit<FailedDraft, 'id' | 'touchpointId'> & { touchpointId: string | null };

export function CaptureDialog() {
  const t = useT();
  const store = useAppStoreApi();
  const closeCapture = useApp((s) => s.closeCapture);
  const { lastKind, lastTouchpointId } = useAppShallow((s) => ({
    lastKind: s.settings.lastKind,
    lastTouchpointId: s.settings.lastTouchpointId,
  }));
  const { journeys, touchpoints } = useAppShallow((s) => ({ journeys: s.journeys, touchpoints: s.touchpoints }));
  const groups = useMemo(() => usableTouchpointGroups(journeys, touchpoints), [journeys, touchpoints]);
  const usable = useMemo(() => groups.flatMap((g) => g.touchpoints), [groups]);

  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>(lastKind);
  const [touchpointId, setTouchpointId] = useState<string | null>(() =>
    usable.some((tp) => tp.id === lastTouchpointId) ? lastTouchpointId : (usable[0]?.id ?? null),
  );
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  /** Ideas asked to be saved and not saved yet. */
  const saving = useApp((s) => s.captureSaving);
  /** Ideas whose save failed, waiting to come back into the form. */
  const drafts = useApp((s) => s.captureDrafts);
  /** The form is as Enter or opening left it (nothing typed or chosen since): a failed idea may come back into it. */
  const fresh = useRef(true);
  /** The failed idea now in the form: closing the dialog keeps it (as it is now) for the next time. */
  const restored = useRef<number | null>(null);
  /** The form as last rendered, for closing. */
  const latest = useRef<Form>({ title: '', description: '', kind, touchpointId });
  const [saved, setSaved] = useState<{ title: string; hidden: boolean } | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const touchpointRef = useRef<HTMLInputElement>(null);
  const announceToggle = useRef(false);
  const ids = {
    title: useId(),
    titleHint: useId(),
    titleError: useId(),
    counter: useId(),
    kindLegend: useId(),
    touchpoint: useId(),
    touchpointHint: useId(),
    touchpointError: useId(),
    description: useId(),
    descriptionHint: useId(),
    saved: useId(),
  };

  // The chosen touchpoint was archived meanwhile, or a default arrived: fall back to the first usable one.
  useEffect(() => {
    if (touchpointId && usable.some((tp) => tp.id === touchpointId)) return;
    setTouchpointId(usable[0]?.id ?? null);
  }, [usable, touchpointId]);

  useLayoutEffect(() => {
    latest.current = { title, description, kind, touchpointId };
  });

  const announce = useCallback(
    (text: string) => {
      // Alternate a trailing no-break space so the same words are announced again.
      announceToggle.current = !announceToggle.current;
      store.getState().announce(`${text}${announceToggle.current ? '' : '\u00a0'}`);
    },
    [store],
  );

  // A failed idea comes back whole, at once when the form is fresh, else after the next Enter or opening. Layout
  // effect: no key can land in the form between the failure's render and this.
  useLayoutEffect(() => {
    if (!fresh.current || drafts.length === 0) return;
    const draft = store.getState().takeCaptureDraft();
    if (!draft) return;
    fresh.current = false;
    restored.current = draft.id;
    latest.current = { title: draft.title, description: draft.description, kind: draft.kind, touchpointId: draft.touchpointId };
    setTitle(draft.title);
    setDescription(draft.description);
    setKind(draft.kind);
    setTouchpointId(draft.touchpointId);
    setSubmitted(false);
    setSaved(null);
    announce(t('capture.restored', { title: draft.title }));
    // The title empties on every Enter: the form is fresh again.
  }, [drafts, title, store, announce, t]);

  // Closing with a failed idea back in the form keeps it for the next time (emptied by hand, it is let go).
  useLayoutEffect(
    () => () => {
      const id = restored.current;
      const form = latest.current;
      if (id === null) return;
      if (!form.title.trim() && !form.description.trim()) {
        store.getState().releaseCaptureDraft();
        return;
      }
      store.getState().keepCaptureDraft({ ...form, id, touchpointId: form.touchpointId ?? '' });
      // A remount of the same form (StrictMode) takes it back.
      restored.current = null;
      fresh.current = true;
    },
    [store],
  );

  const touched = () => {
    fresh.current = false;
  };

  const length = title.trim().length;
  const titleError: TitleError = length > TITLE_MAX ? 'tooLong' : submitted && length === 0 ? 'required' : null;
  const touchpointMissing = submitted && !touchpointId;
  const showCounter = title.length >= COUNTER_FROM;

  const save = () => {
    setSubmitted(true);
    if (length === 0 || length > TITLE_MAX) {
      titleRef.current?.focus();
      return;
    }
    if (!touchpointId) {
      touchpointRef.current?.focus();
      return;
    }
    const draft = { title: title.trim(), description: description.trim(), kind, touchpointId };
    // Empty the form at once: the next idea can be typed while this one is saved and the board reloads (at
    // 100,000 ideas 100-300 ms, and keys typed meanwhile were erased when the form emptied afterwards). Saves run
    // one after another, in the order they were asked for; one that fails is kept whole by the store.
    setTitle('');
    setDescription('');
    setSubmitted(false);
    fresh.current = true;
    restored.current = null;
    latest.current = { ...latest.current, title: '', description: '' };
    titleRef.current?.focus();
    store
      .getState()
      .saveCapture(draft)
      .then((idea) => {
        if (!idea) return;
        setSaved({ title: idea.title, hidden: !store.getState().cards[idea.id] });
        announce(t('capture.saved'));
      })
      .catch(() => undefined);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  const titleDescribedBy = [
    titleError ? ids.titleError : null,
    showCounter ? ids.counter : null,
    ids.titleHint,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Dialog title={t('capture.title')} onClose={closeCapture} initialFocus={titleRef} className="capture-dialog">
      <form className="capture-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <div className="capture-label-row">
            <label htmlFor={ids.title} className="field__label">
              {t('capture.field.title')}
            </label>
            {showCounter && (
              <span
                id={ids.counter}
                className={`capture-counter${length > TITLE_MAX ? ' capture-counter--over' : ''}`}
              >
                {t('capture.counter', { count: title.length, max: TITLE_MAX })}
              </span>
            )}
          </div>
          <input
            ref={titleRef}
            id={ids.title}
            type="text"
            value={title}
            required
            autoComplete="off"
            placeholder={t('capture.field.title.placeholder')}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleDescribedBy}
            onChange={(e) => {
              touched();
              setTitle(e.target.value);
              if (saved) setSaved(null);
            }}
          />
          {titleError && (
            <p id={ids.titleError} className="field__error" role="alert">
              {titleError === 'required'
                ? t('capture.error.required')
                : t('capture.error.tooLong', { max: TITLE_MAX, count: length })}
            </p>
          )}
          <span id={ids.titleHint} className="field__hint">
            {t('capture.keys')}
          </span>
        </div>

        <fieldset className="capture-kinds">
          <legend id={ids.kindLegend}>{t('capture.field.kind')}</legend>
          {KINDS.map((k) => {
            const hintId = `${ids.kindLegend}-${k}`;
            return (
              <label key={k} className={`capture-kind capture-kind--${k}`}>
                <input
                  type="radio"
                  name="capture-kind"
                  value={k}
                  checked={kind === k}
                  aria-describedby={hintId}
                  onChange={() => {
                    touched();
                    setKind(k);
                  }}
                />
                <span className="capture-kind__icon">
                  <KindIcon kind={k} size={18} />
                </span>
                <span className="capture-kind__word">{t(`kind.${k}`)}</span>
                <span id={hintId} className="capture-kind__hint" aria-hidden="true">
                  {t(`kind.${k}.hint`)}
                </span>
              </label>
            );
          })}
        </fieldset>

        <div className="field">
          <label htmlFor={ids.touchpoint} id={`${ids.touchpoint}-label`} className="field__label">
            {t('capture.field.touchpoint')}
          </label>
          {groups.length === 0 ? (
            <p className="capture-empty" role="alert">
              {t('capture.noTouchpoints')}
            </p>
          ) : (
            <TouchpointCombobox
              ref={touchpointRef}
              id={ids.touchpoint}
              groups={groups}
              value={touchpointId}
              onChange={(id) => {
                touched();
                setTouchpointId(id);
              }}
              invalid={touchpointMissing}
              describedBy={touchpointMissing ? `${ids.touchpointError} ${ids.touchpointHint}` : ids.touchpointHint}
            />
          )}
          {touchpointMissing && groups.length > 0 && (
            <p id={ids.touchpointError} className="field__error" role="alert">
              {t('capture.error.touchpoint')}
            </p>
          )}
          <span id={ids.touchpointHint} className="field__hint">
            {t('capture.field.touchpoint.hint')}
          </span>
        </div>

        <div className="field">
          <label htmlFor={ids.description} className="field__label">
            {t('capture.field.description')} <span className="capture-optional">{t('capture.optional')}</span>
          </label>
          <textarea
            id={ids.description}
            value={description}
            rows={3}
            maxLength={TEXT_MAX}
            aria-describedby={ids.descriptionHint}
            onChange={(e) => {
              touched();
              setDescription(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                save();
              }
            }}
          />
          <span id={ids.descriptionHint} className="field__hint">
            {t('capture.field.description.hint')}
          </span>
        </div>

        {drafts.length > 0 && (
          <p className="capture-waiting">
            <AlertTriangle aria-hidden="true" focusable="false" size={16} />
            {t('capture.waiting', { count: drafts.length, title: drafts[0]!.title })}
          </p>
        )}

        <div className="capture-footer">
          <p className="capture-saved" id={ids.saved}>
            {saved && (
              <>
                <CheckCircle2 aria-hidden="true" focusable="false" size={16} />
                {t(saved.hidden ? 'capture.savedHidden' : 'capture.savedVisible', { title: saved.title })}
              </>
            )}
          </p>
          <div className="capture-buttons">
            <button type="button" className="button" onClick={closeCapture}>
              {t('capture.close')}
            </button>
            <button type="submit" className="button button--primary" disabled={groups.length === 0}>
              {saving > 0 ? t('capture.saving') : t('capture.save')}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
