/**
 * The PDCA board: filter bar, six columns side by side, drag and drop (mouse and keyboard, with Dutch or
 * English announcements) and the outcome dialog for ideas that reach Afgerond.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import { STAGES, type Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import type { Columns } from '../../store/board-slice';
import { BoardContext, type BoardActions } from './board-context';
import { boardCollisions, dropTarget, findStage, moveAcross, projectedPlace } from './board-dnd';
import { CardOverlay } from './Card';
import { Column } from './Column';
import { FilterBar } from './FilterBar';
import { OutcomeDialog } from './OutcomeDialog';
import './board.css';

/**
 * Droppables are measured while a drag runs (windowed columns mount and unmount cards under it), never at rest:
 * measuring every column and card on each render of the board cost tens of milliseconds at 100k ideas.
 */
const measuring = { droppable: { strategy: MeasuringStrategy.WhileDragging } };
/**
 * The cards dim only when a load takes longer than this. Dimming on every load (styled off aria-busy) repainted the
 * whole board twice for each search as it is typed, also when the load took a few milliseconds.
 */
const SLOW_LOAD_MS = 400;

/** True once `on` has held for `ms` (and false as soon as it does not). */
function useLater(on: boolean, ms: number): boolean {
  const [later, setLater] = useState(false);
  useEffect(() => {
    if (!on) {
      setLater(false);
      return undefined;
    }
    const timer = window.setTimeout(() => setLater(true), ms);
    return () => window.clearTimeout(timer);
  }, [on, ms]);
  return later && on;
}
/**
 * Auto-scroll the columns and a column's list while dragging, never the page: a card dragged to the edge of a
 * narrow window would otherwise push the header and filters out of view along with the board.
 */
const autoScroll = {
  canScroll: (element: Element) => element !== document.scrollingElement && element !== document.body,
};

export function BoardView() {
  const t = useT();
  const store = useAppStoreApi();
  const columns = useApp((s) => s.columns);
  const filtered = useApp((s) => Object.keys(s.filter).length > 0);
  const loading = useApp((s) => s.boardLoading);
  const slow = useLater(loading, SLOW_LOAD_MS);

  // While dragging, the columns as they look with the card moved across (the store changes on drop only).
  const [live, setLive] = useState<Columns | null>(null);
  const [active, setActive] = useState<{ id: string; stage: Stage } | null>(null);
  const [targetStage, setTargetStage] = useState<Stage | null>(null);
  const shown = live ?? columns;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const draggingRef = useRef(false);
  const startStage = useRef<Stage | null>(null);
  /** The last place announced while dragging, so the same place is not repeated. */
  const lastPlace = useRef('');
  /**
   * Where the announced drag began. Separate from startStage: dnd-kit announces the drop or cancel after
   * onDragEnd/onDragCancel have already reset the drag state.
   */
  const announcedFrom = useRef<Stage | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens the idea; Space lifts and drops.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const collisionDetection = useMemo(() => boardCollisions(() => shownRef.current), []);
  const actions = useMemo<BoardActions>(() => ({ isDragging: () => draggingRef.current }), []);

  const titleOf = (id: UniqueIdentifier) => store.getState().cards[String(id)]?.title ?? '';
  const stageName = (stage: Stage | null) => (stage ? t(`stage.${stage}`) : '');

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active: a }) => {
        const stage = findStage(a.id, shownRef.current);
        announcedFrom.current = stage;
        lastPlace.current = stage ? `${stage}:${shownRef.current[stage].indexOf(String(a.id)) + 1}` : '';
        return t('board.dnd.start', { title: titleOf(a.id), stage: stageName(stage) });
      },
      onDragOver: ({ active: a, over }) => {
        const place = over ? projectedPlace(shownRef.current, String(a.id), over.id) : null;
        if (!place) return t('board.dnd.overNone', { title: titleOf(a.id) });
        // Say nothing while the card is still where it was picked up (keeps "opgepakt" audible).
        const key = `${place.stage}:${place.position}`;
        if (key === lastPlace.current) return undefined;
        lastPlace.current = key;
        return t('board.dnd.over', {
          title: titleOf(a.id),
          stage: stageName(place.stage),
          position: place.position,
          total: place.total,
        });
      },
      onDragEnd: ({ active: a, over }) => {
        const stage = over ? findStage(over.id, shownRef.current) : null;
        if (!stage) return t('board.dnd.endNone', { title: titleOf(a.id) });
        const key = stage === 'afgerond' && announcedFrom.current !== 'afgerond' ? 'board.dnd.endDone' : 'board.dnd.end';
        return t(key, { title: titleOf(a.id), stage: stageName(stage) });
      },
      onDragCancel: ({ active: a }) =>
        t('board.dnd.cancel', { title: titleOf(a.id), stage: stageName(announcedFrom.current) }),
    }),
    // titleOf/stageName only read refs, the store and t.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  const accessibility = useMemo(
    () => ({ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }),
    [announcements, t],
  );

  // Leaving the board mid-drag must not leave the global keys switched off.
  useEffect(() => () => store.getState().setDragging(false), [store]);

  const reset = () => {
    draggingRef.current = false;
    store.getState().setDragging(false);
    startStage.current = null;
    setActive(null);
    setTargetStage(null);
    setLive(null);
  };

  const onDragStart = ({ active: a }: DragStartEvent) => {
    const id = String(a.id);
    const stage = findStage(id, columns);
    if (!stage) return;
    draggingRef.current = true;
    store.getState().setDragging(true);
    startStage.current = stage;
    setActive({ id, stage });
    setTargetStage(stage);
    setLive(columns);
  };

  const onDragOver = ({ active: a, over }: DragOverEvent) => {
    if (!over) return;
    const current = shownRef.current;
    const overStage = findStage(over.id, current);
    if (overStage) setTargetStage(overStage);
    const translated = a.rect.current.translated;
    const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
    const next = moveAcross(current, String(a.id), over.id, below);
    if (next) {
      shownRef.current = next;
      setLive(next);
    }
  };

  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    const id = String(a.id);
    const from = startStage.current;
    let current = shownRef.current;
    reset();
    if (!over || !from) return;
    // A quick drop may arrive before the last "over": place it across first.
    const across = moveAcross(current, id, over.id, false);
    if (across) current = across;
    const target = dropTarget(current, id, over.id);
    if (!target) return;
    const s = store.getState();
    if (target.stage === 'afgerond' && from !== 'afgerond') {
      s.askFinish({ id, toStage: target.stage, afterId: target.afterId, title: s.cards[id]?.title ?? '' });
      return;
    }
    void s.moveIdea(id, target.stage, target.afterId);
  };

  return (
    <BoardContext.Provider value={actions}>
      <div className="board">
        <FilterBar />
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          measuring={measuring}
          autoScroll={autoScroll}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={reset}
        >
          <div
            className="board-columns"
            data-board=""
            data-slow={slow || undefined}
            aria-label={t('board.label')}
            aria-busy={loading || undefined}
            role="region"
          >
            {STAGES.map((stage) => (
              <Column
                key={stage}
                stage={stage}
                ids={shown[stage]}
                filtered={filtered}
                isTarget={active !== null && targetStage === stage}
                activeId={active?.id ?? null}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={{ duration: 160, easing: 'ease-out' }}>
            {active ? <CardOverlay id={active.id} stage={targetStage ?? active.stage} /> : null}
          </DragOverlay>
        </DndContext>
        <OutcomeDialog />
      </div>
    </BoardContext.Provider>
  );
}
