/** Drag-and-drop plumbing for the board: droppable ids, collision detection, placing and keyboard focus between cards. */
import {
  closestCenter,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { STAGES, type Stage } from '../../../shared/domain';
import type { Columns } from '../../store/board-slice';

const COLUMN_PREFIX = 'column:';

/** Each column body is a droppable too, so an empty column accepts a card. */
export const columnDroppableId = (stage: Stage) => `${COLUMN_PREFIX}${stage}`;

function columnOf(id: UniqueIdentifier): Stage | null {
  const text = String(id);
  if (!text.startsWith(COLUMN_PREFIX)) return null;
  const stage = text.slice(COLUMN_PREFIX.length);
  return (STAGES as readonly string[]).includes(stage) ? (stage as Stage) : null;
}

/** The stage holding a card id, or the stage a column droppable id names. */
export function findStage(id: UniqueIdentifier, columns: Columns): Stage | null {
  const column = columnOf(id);
  if (column) return column;
  const text = String(id);
  return STAGES.find((s) => columns[s].includes(text)) ?? null;
}

/**
 * Pointer first (what is under the mouse), else rectangle overlap (keyboard). When the hit is a column
 * that holds cards, the closest card in it wins, so the drop lands between cards rather than at the end.
 */
export function boardCollisions(getColumns: () => Columns): CollisionDetection {
  let lastOverId: UniqueIdentifier | null = null;
  return (args) => {
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    let overId = getFirstCollision(hits, 'id');
    if (overId == null) return lastOverId != null ? [{ id: lastOverId }] : [];
    const stage = columnOf(overId);
    if (stage) {
      const items = getColumns()[stage];
      if (items.length > 0) {
        const inner = closestCenter({
          ...args,
          droppableContainers: args.droppableContainers.filter((c) => c.id !== overId && items.includes(String(c.id))),
        });
        const first = getFirstCollision(inner, 'id');
        if (first != null) overId = first;
      }
    }
    lastOverId = overId;
    return [{ id: overId }];
  };
}

/** Columns with `id` moved into the column of `overId` while dragging (between columns only). */
export function moveAcross(
  columns: Columns,
  id: string,
  overId: UniqueIdentifier,
  below: boolean,
): Columns | null {
  const from = findStage(id, columns);
  const to = findStage(overId, columns);
  if (!from || !to || from === to) return null;
  const target = columns[to];
  const overIndex = target.indexOf(String(overId));
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  return {
    ...columns,
    [from]: columns[from].filter((x) => x !== id),
    [to]: [...target.slice(0, index), id, ...target.slice(index)],
  };
}

/** Where a drop ends: the stage and the card directly above (null: top). */
export function dropTarget(
  columns: Columns,
  id: string,
  overId: UniqueIdentifier,
): { stage: Stage; afterId: string | null } | null {
  const activeStage = findStage(id, columns);
  const overStage = findStage(overId, columns);
  if (!activeStage || !overStage || activeStage !== overStage) return null;
  let list = columns[overStage];
  const from = list.indexOf(id);
  const to = columnOf(overId) ? from : list.indexOf(String(overId));
  if (from >= 0 && to >= 0 && from !== to) list = arrayMove(list, from, to);
  const index = list.indexOf(id);
  return { stage: overStage, afterId: index > 0 ? list[index - 1] : null };
}

/** Position (1-based) and total of the card in the column it is over, for announcements. */
export function projectedPlace(
  columns: Columns,
  id: string,
  overId: UniqueIdentifier,
): { stage: Stage; position: number; total: number } | null {
  const stage = findStage(overId, columns);
  if (!stage) return null;
  const list = columns[stage];
  const contains = list.includes(id);
  const total = contains ? list.length : list.length + 1;
  if (columnOf(overId)) {
    const i = list.indexOf(id);
    return { stage, position: i >= 0 ? i + 1 : total, total };
  }
  return { stage, position: list.indexOf(String(overId)) + 1, total };
}

// Focus between cards (j/k/h/l and arrows) works on the DOM: what is shown is what you move through. A long
// column renders only the cards near its view (column-window.ts); it registers here so focus can reach the rest.

interface ColumnWindowHandle {
  /** Every card id of the column, rendered or not, in order. */
  ids: () => string[];
  /** Render the card at this index (even outside the window) and scroll the column to it. */
  reveal: (index: number) => void;
}

const columnWindows = new WeakMap<Element, ColumnWindowHandle>();

/** Called by a column on mount; returns the unregister function. */
export function registerColumnWindow(column: Element, handle: ColumnWindowHandle): () => void {
  columnWindows.set(column, handle);
  return () => {
    if (columnWindows.get(column) === handle) columnWindows.delete(column);
  };
}

function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
}

/** The rendered cards of a column in list order (a card kept rendered outside the window sits last in the DOM). */
function cardsIn(column: Element): HTMLElement[] {
  const cards = Array.from(column.querySelectorAll<HTMLElement>('[data-card-id]'));
  const handle = columnWindows.get(column);
  if (!handle) return cards;
  const order = new Map(handle.ids().map((id, i) => [id, i]));
  return cards.sort((a, b) => (order.get(a.dataset.cardId!) ?? 0) - (order.get(b.dataset.cardId!) ?? 0));
}

function focusCard(el: HTMLElement): void {
  el.focus();
  el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

/** Focus the next/previous card in the same column (or its first/last); returns whether focus moved. */
export function focusInColumn(from: HTMLElement, delta: number | 'first' | 'last'): boolean {
  const column = from.closest('[data-column]');
  if (!column) return false;
  const handle = columnWindows.get(column);
  if (handle) {
    // By index in the whole column: the card may not be rendered yet.
    const ids = handle.ids();
    const index = ids.indexOf(from.dataset.cardId ?? '');
    const target = delta === 'first' ? 0 : delta === 'last' ? ids.length - 1 : index + delta;
    const id = ids[target];
    if (index < 0 || id === undefined || target === index) return false;
    const el = cardElement(id);
    if (el) {
      focusCard(el);
    } else {
      handle.reveal(target);
      focusCardSoon(id);
    }
    return true;
  }
  const cards = cardsIn(column);
  const index = cards.indexOf(from);
  const next =
    delta === 'first' ? cards[0] : delta === 'last' ? cards[cards.length - 1] : cards[index + delta];
  if (!next || next === from) return false;
  focusCard(next);
  return true;
}

/** Focus a card in the nearest non-empty column to the left (-1) or right (+1), at about the same height. */
export function focusAcross(from: HTMLElement, direction: -1 | 1): boolean {
  const column = from.closest('[data-column]');
  const board = from.closest('[data-board]');
  if (!column || !board) return false;
  const columns = Array.from(board.querySelectorAll('[data-column]'));
  const index = cardsIn(column).indexOf(from);
  for (let i = columns.indexOf(column) + direction; i >= 0 && i < columns.length; i += direction) {
    const cards = cardsIn(columns[i]);
    if (cards.length === 0) continue;
    focusCard(cards[Math.min(Math.max(index, 0), cards.length - 1)]!);
    return true;
  }
  return false;
}

/** Focus a card once it has been (re)rendered, e.g. after it moved to another column. */
export function focusCardSoon(id: string, attempts = 10): void {
  setTimeout(() => {
    const el = cardElement(id);
    if (el) {
      if (document.activeElement !== el) el.focus();
      el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    } else if (attempts > 0) {
      focusCardSoon(id, attempts - 1);
    }
  }, 30);
}
