/** One PDCA column: a section with a heading (name and counts), a list named by the stage, and a friendly hint when empty. */
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Fragment, memo, useId } from 'react';
import { KINDS, type Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useAppShallow } from '../../store/store';
import { columnDroppableId } from './board-dnd';
import { SortableCard } from './Card';
import { KindIcon } from './kind';
import { WipBadge } from './WipBadge';

interface ColumnProps {
  stage: Stage;
  ids: string[];
  filtered: boolean;
  /** The column a lifted card would land in. */
  isTarget: boolean;
}

export const Column = memo(function Column({ stage, ids, filtered, isTarget }: ColumnProps) {
  const t = useT();
  const headingId = useId();
  const label = t(`stage.${stage}`);
  // How many cards of each kind, in KINDS order.
  const counts = useAppShallow((s) => KINDS.map((kind) => ids.reduce((n, id) => (s.cards[id]?.kind === kind ? n + 1 : n), 0)));
  const present = KINDS.map((kind, i) => ({ kind, count: counts[i]! })).filter((k) => k.count > 0);
  const { setNodeRef } = useDroppable({ id: columnDroppableId(stage), data: { type: 'column', stage } });

  const empty = filtered
    ? t('board.empty.filtered', { stage: label })
    : stage === 'nieuw'
      ? t('board.empty.nieuw')
      : stage === 'afgerond'
        ? t('board.empty.afgerond')
        : t('board.empty.other', { stage: label });

  return (
    <section className={`board-column board-column--${stage}${isTarget ? ' board-column--target' : ''}`} data-column={stage} aria-labelledby={headingId}>
      <h2 id={headingId} className="board-column__heading">
        <span className="board-column__name">{label}</span>{' '}
        <span className="board-column__total">{ids.length}</span>
        <WipBadge stage={stage} count={ids.length} filtered={filtered} />
        {present.length > 0 && (
          <span className="board-column__kinds">
            <span className="visually-hidden">{' · '}</span>
            {present.map(({ kind, count }, i) => (
              <Fragment key={kind}>
                {i > 0 && <span className="board-column__sep">{' · '}</span>}
                <span className={`board-column__kind board-column__kind--${kind}`}>
                  <KindIcon kind={kind} size={12} />
                  {t(`board.count.${kind}`, { count })}
                </span>
              </Fragment>
            ))}
          </span>
        )}
      </h2>
      <div ref={setNodeRef} className={`board-column__body${isTarget ? ' board-column__body--over' : ''}`}>
        <SortableContext id={stage} items={ids} strategy={verticalListSortingStrategy}>
          <ul role="list" aria-label={label} className="board-list">
            {ids.map((id) => (
              <SortableCard key={id} id={id} stage={stage} />
            ))}
          </ul>
        </SortableContext>
        {ids.length === 0 && <p className="board-column__empty">{empty}</p>}
      </div>
    </section>
  );
});
