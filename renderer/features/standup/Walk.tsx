/**
 * "Loop het bord": one column at a time from right to left (Afgerond → Nieuw), large readable cards with owner and
 * check-op date to set on the spot. → / PageDown is the next column, ← / PageUp the previous one (as with a
 * presentation clicker); every card shown counts as discussed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ChevronLeft, ChevronRight, Heart } from 'lucide-react';
import { STAGES, type Stage } from '../../../shared/domain';
import type { StandupCard } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { KindBadge } from '../board/kind';
import { formatShortDay, nameLookup } from './format';
import { ThanksForm } from './ThanksForm';

export const WALK_ORDER: readonly Stage[] = [...STAGES].reverse();

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
}

export function Walk({ cards, totals, index }: { cards: readonly StandupCard[]; totals: Record<Stage, number>; index: number }) {
  const t = useT();
  const store = useAppStoreApi();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stage = WALK_ORDER[index]!;
  const shown = cards.filter((c) => c.stage === stage);
  // The digest sends each column's first cards; the rest stay on the board.
  const rest = Math.max(0, totals[stage] - shown.length);
  const shownKey = shown.map((c) => c.id).join(',');
  const [thanking, setThanking] = useState<StandupCard | null>(null);

  const go = (next: number) => {
    const clamped = Math.max(0, Math.min(WALK_ORDER.length - 1, next));
    if (clamped !== index) store.getState().updateSession({ walkIndex: clamped });
  };
  const goRef = useRef(go);
  goRef.current = go;

  // Every card of a column that was on screen came up in the meeting.
  useEffect(() => {
    if (shownKey) store.getState().markDiscussed(shownKey.split(','));
  }, [shownKey, store]);

  // A new column: announce it and move focus to its heading so reading starts there.
  const first = useRef(true);
  useEffect(() => {
    const s = store.getState();
    s.announce(t('standup.walk.announce', { stage: t(`stage.${stage}`), count: totals[stage] }));
    if (first.current) {
      first.current = false;
      // Opened with "Begin bij Afgerond": that button is gone, so focus starts at the column instead of the page.
      if (!document.activeElement || document.activeElement === document.body) headingRef.current?.focus();
      return;
    }
    headingRef.current?.focus();
    // Only when the column changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const step = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[e.key];
      if (step === undefined) return;
      if (isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      goRef.current(WALK_ORDER.indexOf(stage) + step);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stage]);

  return (
    <section className="standup-walk" aria-labelledby="standup-walk-heading">
      <div className="standup-walk__bar">
        <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0} aria-keyshortcuts="ArrowLeft">
          <ChevronLeft size={18} aria-hidden="true" />
          {t('standup.walk.prev')}
        </button>
        <ol className="standup-walk__steps" aria-label={t('standup.walk.title')}>
          {WALK_ORDER.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="standup-walk__step"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => go(i)}
              >
                {t(`stage.${s}`)}
                <span className="standup-count standup-count--small">{totals[s]}</span>
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button"
          onClick={() => go(index + 1)}
          disabled={index === WALK_ORDER.length - 1}
          aria-keyshortcuts="ArrowRight"
        >
          {t('standup.walk.next')}
          <ChevronRight size={18} aria-hidden="true" />
        </button>
      </div>
      <h3 id="standup-walk-heading" className="standup-walk__heading" tabIndex={-1} ref={headingRef}>
        {t(`stage.${stage}`)}
        <span className="standup-walk__position">
          {t('standup.walk.position', { index: index + 1, total: WALK_ORDER.length, stage: t(`stage.${stage}`) })} ·{' '}
          {t('standup.walk.count', { count: totals[stage] })}
        </span>
      </h3>
      {stage === 'afgerond' && <p className="standup-digest__hint">{t('standup.walk.afgerondHint')}</p>}
      {shown.length === 0 ? (
        <p className="standup-walk__empty">{t('standup.walk.empty', { stage: t(`stage.${stage}`) })}</p>
      ) : (
        <ul className="standup-walk__cards">
          {shown.map((card) => (
            <WalkCard key={card.id} card={card} onThank={() => setThanking(card)} />
          ))}
        </ul>
      )}
      {rest > 0 && <p className="standup-walk__rest">{t('standup.walk.rest', { count: rest })}</p>}
      {thanking && (
        <Dialog title={t('standup.thanks.dialog', { title: thanking.title })} onClose={() => setThanking(null)}>
          <ThanksForm ideaId={thanking.id} suggestedToId={thanking.ownerId ?? thanking.authorId} onDone={() => setThanking(null)} focusOnOpen />
        </Dialog>
      )}
    </section>
  );
}

function WalkCard({ card, onThank }: { card: StandupCard; onThank: () => void }) {
  const t = useT();
  const id = useId();
  const { dateLocale } = useLocale();
  const people = useApp((s) => s.people);
  const touchpoints = useApp((s) => s.touchpoints);
  const digest = useApp((s) => s.standup.digest);
  const setIdeaPlan = useApp((s) => s.setIdeaPlan);
  const openDetail = useApp((s) => s.openDetail);
  const announce = useApp((s) => s.announce);
  const nameOf = nameLookup(people, t);
  const [checkOn, setCheckOn] = useState(card.checkOn ?? '');
  const [dateProblem, setDateProblem] = useState(false);
  useEffect(() => setCheckOn(card.checkOn ?? ''), [card.checkOn]);

  const ready = digest?.readyForCheck.some((d) => d.ideaId === card.id) ?? false;
  const stuck = digest?.stuck.some((d) => d.ideaId === card.id) ?? false;
  const touchpoint = touchpoints.find((tp) => tp.id === card.touchpointId)?.name;
  const owners = people.filter((p) => !p.archived || p.id === card.ownerId);

  const saveCheckOn = async (value: string) => {
    if (value === (card.checkOn ?? '')) return;
    if (value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      setDateProblem(true);
      return;
    }
    setDateProblem(false);
    if (await setIdeaPlan(card.id, { checkOn: value === '' ? null : value })) announce(t('standup.card.saved', { title: card.title }));
  };

  return (
    <li className={`standup-card standup-card--${card.kind}`} aria-labelledby={`${id}-title`}>
      <div className="standup-card__top">
        <KindBadge kind={card.kind} />
        {ready && <span className="standup-flag standup-flag--ready">{t('standup.card.ready')}</span>}
        {stuck && <span className="standup-flag standup-flag--stuck">{t('standup.card.stuck')}</span>}
      </div>
      <h4 id={`${id}-title`} className="standup-card__title">
        {card.title}
      </h4>
      <p className="standup-card__meta">
        {touchpoint && <span>{touchpoint}</span>}
        <span>{t('standup.card.by', { name: nameOf(card.authorId) })}</span>
        <span>{t('standup.card.inStage', { count: card.workingDaysInStage, stage: t(`stage.${card.stage}`) })}</span>
        {card.checkOn && <span>{t('standup.digest.checkOn', { date: formatShortDay(card.checkOn, dateLocale) })}</span>}
      </p>
      <div className="standup-card__plan">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-owner`}>
            {t('standup.card.owner')}
          </label>
          <select
            id={`${id}-owner`}
            value={card.ownerId ?? ''}
            onChange={(e) => {
              const ownerId = e.target.value || null;
              void setIdeaPlan(card.id, { ownerId }).then((ok) => ok && announce(t('standup.card.saved', { title: card.title })));
            }}
          >
            <option value="">{t('standup.card.noOwner')}</option>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-check`}>
            {t('standup.card.checkOn')}
          </label>
          <input
            id={`${id}-check`}
            type="date"
            value={checkOn}
            aria-invalid={dateProblem || undefined}
            aria-describedby={dateProblem ? `${id}-check-error` : undefined}
            onChange={(e) => setCheckOn(e.target.value)}
            onBlur={(e) => void saveCheckOn(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void saveCheckOn(e.currentTarget.value);
            }}
          />
          {dateProblem && (
            <p id={`${id}-check-error`} className="field__error" role="alert">
              {t('standup.card.checkOn.invalid')}
            </p>
          )}
        </div>
      </div>
      <div className="standup-card__actions">
        <button type="button" className="button button--small" onClick={() => openDetail(card.id)} aria-label={t('standup.open', { title: card.title })}>
          {t('standup.card.open')}
        </button>
        <button type="button" className="button button--small" onClick={onThank} aria-label={t('standup.thanks.dialog', { title: card.title })}>
          <Heart size={14} aria-hidden="true" />
          {t('standup.card.thank')}
        </button>
      </div>
    </li>
  );
}
