/**
 * A card on the board. The <li> is the visible card; inside it the card itself is the one focusable element
 * (role button, named "title, kind, touchpoint, time in stage…"), with the "Verplaats naar…" menu button and,
 * in Act, "Nog een cyclus" next to it (never nested inside it). Cards read their data by id from the store
 * and are memoised, so a drag re-renders only what moves.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Ban, CircleCheck, Clock, MapPin, RefreshCw } from 'lucide-react';
import { memo, useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Stage } from '../../../shared/domain';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { useBoardActions } from './board-context';
import { focusAcross, focusInColumn } from './board-dnd';
import { initials } from '../people/initials';
import { cardLabel, cardPerson, hueFor, timeInColumn } from './card-text';
import { KindBadge } from './kind';
import { cycleCard, MoveMenu } from './MoveMenu';
import { useMinute } from './use-minute';

/** Name of a touchpoint by id ('' when unknown). */
function useTouchpointName(id: string | undefined): string {
  return useApp((s) => (id ? (s.touchpoints.find((tp) => tp.id === id)?.name ?? '') : ''));
}

/** The card's face: kind, title, touchpoint, time in column, cycle, outcome and who carries it. */
const CardContent = memo(function CardContent({ id, stage, titleId }: { id: string; stage: Stage; titleId?: string }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const card = useApp((s) => s.cards[id]);
  const touchpoint = useTouchpointName(card?.touchpointId);
  const people = useApp((s) => s.people);
  useMinute();
  if (!card) return null;
  const { person, isOwner } = cardPerson(card, people);
  const time = timeInColumn(t, card.stageEnteredAt, dateLocale);
  return (
    <>
      <div className="board-card__top">
        <KindBadge kind={card.kind} />
        {card.cycle > 1 && (
          <span className="board-card__cycle">
            <RefreshCw aria-hidden="true" focusable="false" size={12} />
            {t('board.card.cycle', { cycle: card.cycle })}
          </span>
        )}
        {card.outcome && stage === 'afgerond' && (
          <span className={`board-card__outcome board-card__outcome--${card.outcome}`}>
            {card.outcome === 'adopted' ? (
              <CircleCheck aria-hidden="true" focusable="false" size={13} />
            ) : (
              <Ban aria-hidden="true" focusable="false" size={13} />
            )}
            {t(`outcome.${card.outcome}`)}
          </span>
        )}
      </div>
      <p className="board-card__title" id={titleId}>
        {card.title}
      </p>
      <p className="board-card__touchpoint">
        <MapPin aria-hidden="true" focusable="false" size={13} />
        <span>{touchpoint || t('board.card.noTouchpoint')}</span>
      </p>
      <div className="board-card__footer">
        <span className="board-card__time" title={t('board.card.time', { time })}>
          <Clock aria-hidden="true" focusable="false" size={13} />
          <span className="board-card__time-text">{time}</span>
        </span>
        {person && (
          <span
            className={`board-avatar${isOwner ? '' : ' board-avatar--author'}`}
            style={{ '--avatar-hue': hueFor(person.id) } as React.CSSProperties}
            title={t(isOwner ? 'board.card.owner' : 'board.card.author', { name: person.name })}
            aria-label={person.name}
            role="img"
          >
            {initials(person.name)}
          </span>
        )}
      </div>
    </>
  );
});

interface SortableCardProps {
  id: string;
  stage: Stage;
  /** Place in the whole column (0-based) and the column's size, for the list semantics of a windowed column. */
  index?: number;
  setSize?: number;
  /** Set when the card is kept rendered outside the column's window: its offset in the list. */
  top?: number;
  /** Measures the rendered card for the column's window. */
  measureRef?: (el: HTMLElement | null) => void;
}

/** The sortable card in a column. */
export const SortableCard = memo(function SortableCard({ id, stage, index, setSize, top, measureRef }: SortableCardProps) {
  const t = useT();
  const { dateLocale } = useLocale();
  const store = useAppStoreApi();
  const board = useBoardActions();
  const titleId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  const card = useApp((s) => s.cards[id]);
  const touchpoint = useTouchpointName(card?.touchpointId);
  const people = useApp((s) => s.people);
  const minute = useMinute();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    data: { type: 'card', stage },
    attributes: { roleDescription: t('board.card.roledescription') },
  });

  const label = useMemo(() => {
    if (!card) return '';
    const { person, isOwner } = cardPerson(card, people);
    return cardLabel(t, card, {
      stage,
      touchpoint: touchpoint || t('board.card.noTouchpoint'),
      time: timeInColumn(t, card.stageEnteredAt, dateLocale),
      personName: person?.name,
      isOwner,
    });
    // `minute` keeps the time in the name fresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [card, people, stage, touchpoint, t, dateLocale, minute]);

  const onMenuOpenChange = useCallback((open: boolean) => setMenuOpen(open), []);
  const itemRef = useCallback(
    (el: HTMLLIElement | null) => {
      setNodeRef(el);
      measureRef?.(el);
    },
    [setNodeRef, measureRef],
  );

  if (!card) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || board.isDragging()) return;
    if (!e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      const el = e.currentTarget;
      let handled = true;
      switch (e.key) {
        case 'Enter':
          store.getState().openDetail(id);
          break;
        case 'j':
        case 'ArrowDown':
          focusInColumn(el, 1);
          break;
        case 'k':
        case 'ArrowUp':
          focusInColumn(el, -1);
          break;
        case 'h':
        case 'ArrowLeft':
          focusAcross(el, -1);
          break;
        case 'l':
        case 'ArrowRight':
          focusAcross(el, 1);
          break;
        case 'Home':
          focusInColumn(el, 'first');
          break;
        case 'End':
          focusInColumn(el, 'last');
          break;
        case 'm':
          setMenuOpen(true);
          break;
        default:
          handled = false;
      }
      if (handled) {
        e.preventDefault();
        return;
      }
    }
    // Space lifts the card (dnd-kit keyboard sensor).
    listeners?.onKeyDown?.(e);
  };

  return (
    <li
      ref={itemRef}
      className={`board-card board-card--${card.kind}${isDragging ? ' board-card--placeholder' : ''}${top !== undefined ? ' board-card--kept' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition, top }}
      data-index={index}
      aria-posinset={index === undefined ? undefined : index + 1}
      aria-setsize={setSize}
    >
      <div
        ref={setActivatorNodeRef}
        className="board-card__main"
        data-card-id={id}
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-keyshortcuts="Enter Space M"
        onKeyDown={onKeyDown}
        onClick={() => store.getState().openDetail(id)}
      >
        <CardContent id={id} stage={stage} titleId={titleId} />
      </div>
      <div className="board-card__actions">
        <MoveMenu
          id={id}
          stage={stage}
          title={card.title}
          titleId={titleId}
          open={menuOpen}
          onOpenChange={onMenuOpenChange}
        />
      </div>
      {stage === 'act' && (
        <button
          type="button"
          className="board-card__cycle-button"
          aria-describedby={titleId}
          onClick={() => void cycleCard(store, id)}
        >
          <RefreshCw aria-hidden="true" focusable="false" size={14} />
          {t('board.card.cycleAgain')}
        </button>
      )}
    </li>
  );
});

/** What follows the pointer while dragging. */
export function CardOverlay({ id, stage }: { id: string; stage: Stage }) {
  const kind = useApp((s) => s.cards[id]?.kind ?? 'verbeter');
  // dnd-kit measures the outer box; the tilt stays on the inner card so it never skews that measurement.
  return (
    <div className="board-overlay">
      <div className={`board-card board-card--${kind} board-card--overlay`}>
        <div className="board-card__main">
          <CardContent id={id} stage={stage} />
        </div>
      </div>
    </div>
  );
}
