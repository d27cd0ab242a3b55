/**
 * One PDCA column: a section with a heading (name and counts), a list named by the stage, and a friendly hint when
 * empty. Only the cards in and near view are rendered (see useColumnWindow); a column the core pages (Afgerond, and
 * every column while searching) ends with "Toon meer".
 */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Fragment, memo, useEffect, useId, useRef } from 'react';
import { KINDS, SEARCH_PAGE, type Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { donePage } from '../../store/board-slice';
import { useApp, useAppShallow } from '../../store/store';
import { columnDroppableId } from './board-dnd';
import { SortableCard } from './Card';
import { useColumnWindow } from './column-window';
import { KindIcon } from './kind';
import { WipBadge } from './WipBadge';

interface ColumnProps {
  stage: Stage;
  ids: string[];
  filtered: boolean;
  /** The column a lifted card would land in. */
  isTarget: boolean;
  /** The card being dragged, kept rendered while it is in this column. */
  activeId: string | null;
}

export const Column = memo(function Column({ stage, ids, filtered, isTarget, activeId }: ColumnProps) {
  const t = useT();
  const headingId = useId();
  const label = t(`stage.${stage}`);
  const done = stage === 'afgerond';
  // How many cards of each kind, in KINDS order, also those the core has not sent yet (paged columns).
  const counts = useAppShallow((s) =>
    KINDS.map((kind) => ids.reduce((n, id) => (s.cards[id]?.kind === kind ? n + 1 : n), s.hidden[stage][kind])),
  );
  const hidden = useApp((s) => s.hidden[stage].verbeter + s.hidden[stage].verleuk);
  // A search counts Afgerond's matches only so far: "1000+".
  const capped = useAppShallow((s) => KINDS.map((kind) => done && s.doneCapped[kind]));
  const anyCapped = capped.some(Boolean);
  const total = ids.length + hidden;
  const present = KINDS.map((kind, i) => ({ kind, count: counts[i]!, atLeast: capped[i]! })).filter((k) => k.count > 0);
  const { setNodeRef } = useDroppable({ id: columnDroppableId(stage), data: { type: 'column', stage } });
  const sectionRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const view = useColumnWindow({ ids, activeId, sectionRef, bodyRef });
  // Another filter is another list: it starts at its top, not at the place scrolled to in the previous one.
  const filter = useApp((s) => s.filter);
  useEffect(() => {
    const body = bodyRef.current;
    if (body && body.scrollTop > 0) body.scrollTop = 0;
  }, [filter]);
  const bodyNode = (el: HTMLDivElement | null) => {
    bodyRef.current = el;
    setNodeRef(el);
  };

  const empty = filtered
    ? t('board.empty.filtered', { stage: label })
    : stage === 'nieuw'
      ? t('board.empty.nieuw')
      : stage === 'afgerond'
        ? t('board.empty.afgerond')
        : t('board.empty.other', { stage: label });

  return (
    <section
      ref={sectionRef}
      className={`board-column board-column--${stage}${isTarget ? ' board-column--target' : ''}`}
      data-column={stage}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="board-column__heading">
        <span className="board-column__name">{label}</span>{' '}
        <span className="board-column__total">{anyCapped ? t('board.total.capped', { total }) : t('board.total', { total })}</span>
        <WipBadge stage={stage} count={total} filtered={filtered} />
        {present.length > 0 && (
          <span className="board-column__kinds">
            <span className="visually-hidden">{' · '}</span>
            {present.map(({ kind, count, atLeast }, i) => (
              <Fragment key={kind}>
                {i > 0 && <span className="board-column__sep">{' · '}</span>}
                <span className={`board-column__kind board-column__kind--${kind}`}>
                  <KindIcon kind={kind} size={12} />
                  {atLeast ? t(`board.count.${kind}.capped`, { count }) : t(`board.count.${kind}`, { count })}
                </span>
              </Fragment>
            ))}
          </span>
        )}
      </h2>
      <div ref={bodyNode} className={`board-column__body${isTarget ? ' board-column__body--over' : ''}`}>
        <SortableContext id={stage} items={ids} strategy={verticalListSortingStrategy}>
          <ul
            role="list"
            aria-label={label}
            className="board-list"
            style={{ paddingTop: view.padTop || undefined, paddingBottom: view.padBottom || undefined }}
          >
            {view.items.map(({ index, id, top }) => (
              <SortableCard key={id} id={id} stage={stage} index={index} setSize={total} top={top} measureRef={view.measure} />
            ))}
          </ul>
        </SortableContext>
        {ids.length === 0 && hidden === 0 && <p className="board-column__empty">{empty}</p>}
        {hidden > 0 && <MoreButton stage={stage} hidden={hidden} capped={anyCapped} />}
      </div>
    </section>
  );
});

/** "Toon meer" under a paged column: the next page of its cards. Apart, so that only it follows every load. */
function MoreButton({ stage, hidden, capped }: { stage: Stage; hidden: number; capped: boolean }) {
  const t = useT();
  const showMore = useApp((s) => s.showMore);
  const page = useApp((s) => (stage === 'afgerond' ? donePage(s.filter) : SEARCH_PAGE));
  const loading = useApp((s) => s.boardLoading);
  return (
    <button type="button" className="board-column__more" aria-busy={loading || undefined} onClick={() => void showMore(stage)}>
      {t(capped ? 'board.more.capped' : 'board.more', { count: Math.min(hidden, page), hidden })}
    </button>
  );
}
