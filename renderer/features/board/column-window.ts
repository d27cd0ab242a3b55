/**
 * Windowing for a board column: only the cards in and near the column's visible part are rendered, with padding
 * above and below standing in for the rest, so a column of thousands of cards costs what a screenful costs.
 * Cards are measured once laid out (titles wrap), and the card being dragged or holding focus stays rendered
 * wherever it is, so drag and drop and keyboard focus work across the whole list.
 *
 * Without layout (jsdom) the column has no height: it then counts as FALLBACK_RECT high and every card as
 * CARD_ESTIMATE, so the first cards render as in a browser.
 */
import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
} from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { registerColumnWindow } from './board-dnd';

/** Height of an average card plus nothing else; measured heights replace it as cards render. */
export const CARD_ESTIMATE = 116;
/** The gap between cards (--space-2 in .board-list). */
const GAP = 8;
/** Cards rendered beyond each edge of the view. */
const OVERSCAN = 8;
/**
 * Cards rendered beyond each edge while a column shows a new list (a search result, a filter, a move): the cards in
 * view are rendered at once and the rest of the overscan once the page is idle (NEXT_OVERSCAN_WAIT_MS at the most).
 * Mounting a new result's overscan with it more than doubled the work a key typed in search waited for.
 */
const FIRST_OVERSCAN = 1;
const NEXT_OVERSCAN_WAIT_MS = 300;
/** What a column without layout counts as: a tall window's column. */
export const FALLBACK_RECT: Rect = { width: 300, height: 1000 };
/** The scrolling body's padding-top and the list's (board.css), above the first card. */
const BODY_PAD = 4;
const LIST_OFFSET = BODY_PAD + 2;

export interface WindowItem {
  index: number;
  id: string;
  /** Set for a card kept rendered outside the window (dragged or focused): its place in the list. */
  top?: number;
}

export interface ColumnWindow {
  items: WindowItem[];
  padTop: number;
  padBottom: number;
  /** Ref callback for each rendered card (measures its height). */
  measure: (el: HTMLElement | null) => void;
}

interface Options {
  ids: string[];
  activeId: string | null;
  sectionRef: RefObject<HTMLElement | null>;
  bodyRef: RefObject<HTMLDivElement | null>;
}

export function useColumnWindow({ ids, activeId, sectionRef, bodyRef }: Options): ColumnWindow {
  const idsRef = useRef(ids);
  idsRef.current = ids;
  // The card that has focus in this column, kept rendered while it is scrolled away.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const activeIndex = activeId === null ? -1 : ids.indexOf(activeId);
  const focusedIndex = focusedId === null ? -1 : ids.indexOf(focusedId);
  /** The first and last index of the window itself, before the kept cards are added. */
  const windowRange = useRef<[number, number]>([0, -1]);
  const overscan = useOverscan(ids, activeId !== null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      windowRange.current = indexes.length ? [indexes[0]!, indexes[indexes.length - 1]!] : [0, -1];
      for (const extra of [activeIndex, focusedIndex]) {
        if (extra >= 0 && !indexes.includes(extra)) indexes.push(extra);
      }
      return indexes;
    },
    [activeIndex, focusedIndex],
  );

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
    count: ids.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (index) => idsRef.current[index] ?? index,
    overscan,
    gap: GAP,
    paddingStart: LIST_OFFSET,
    initialRect: FALLBACK_RECT,
    rangeExtractor,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT)),
    // A card is measured by the ResizeObserver's entry (after layout), never by reading its height as it mounts: that
    // read forced a layout per new card, and a search result mounting a hundred cards spent 100-500 ms in them.
    // Until its entry arrives (before the next paint) a new card counts as its last known height or the estimate.
    measureElement: (element, entry, instance) => {
      if (!entry) return instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? CARD_ESTIMATE;
      const size = measureElement(element, entry, instance);
      return size > 0 ? size : CARD_ESTIMATE;
    },
  });

  // Focus moving within the column (j/k, Tab, a click) marks the card to keep.
  useEffect(() => {
    const section = sectionRef.current;
    if (!section) return undefined;
    const onFocus = (e: FocusEvent) => {
      const card = (e.target as HTMLElement | null)?.closest?.('[data-card-id]');
      setFocusedId(card ? card.getAttribute('data-card-id') : null);
    };
    const onBlur = (e: FocusEvent) => {
      if (!section.contains(e.relatedTarget as Node | null)) setFocusedId(null);
    };
    section.addEventListener('focusin', onFocus);
    section.addEventListener('focusout', onBlur);
    return () => {
      section.removeEventListener('focusin', onFocus);
      section.removeEventListener('focusout', onBlur);
    };
  }, [sectionRef]);

  // Keyboard focus can ask for a card that is not rendered: render it and scroll the window to it.
  useEffect(() => {
    const section = sectionRef.current;
    if (!section) return undefined;
    return registerColumnWindow(section, {
      ids: () => idsRef.current,
      // Keep the card rendered (it is about to get focus) and scroll the window to it.
      reveal: (index) => {
        const id = idsRef.current[index];
        if (id === undefined) return;
        setFocusedId(id);
        virtualizer.scrollToIndex(index, { align: 'auto' });
      },
    });
  }, [sectionRef, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  return useMemo(() => {
    const [from, to] = windowRange.current;
    const inWindow = virtualItems.filter((v) => v.index >= from && v.index <= to).sort((a, b) => a.index - b.index);
    const outside = virtualItems.filter((v) => v.index < from || v.index > to);
    const first = inWindow[0];
    const last = inWindow[inWindow.length - 1];
    const items: WindowItem[] = [
      ...inWindow.map((v) => ({ index: v.index, id: ids[v.index]! })),
      // Out of the flow, at its place in the list (positioned against the list's padding edge).
      ...outside.map((v) => ({ index: v.index, id: ids[v.index]!, top: v.start - BODY_PAD })),
    ].filter((item) => item.id !== undefined);
    return {
      items,
      padTop: first ? Math.max(0, first.start - LIST_OFFSET) : 0,
      padBottom: last ? Math.max(0, total - last.end) : 0,
      measure: virtualizer.measureElement,
    };
  }, [virtualItems, total, ids, virtualizer]);
}

/**
 * The overscan for this render: FIRST_OVERSCAN when the column's list just changed (never during a drag, where the
 * list changes as the card moves across), OVERSCAN again once the browser is idle after it was painted.
 */
function useOverscan(ids: string[], dragging: boolean): number {
  const [shown, setShown] = useState(ids);
  const [overscan, setOverscan] = useState(OVERSCAN);
  if (shown !== ids) {
    // Derived from the previous render (React re-renders at once, before committing).
    setShown(ids);
    if (!dragging && overscan !== FIRST_OVERSCAN) setOverscan(FIRST_OVERSCAN);
  }
  useEffect(() => {
    if (overscan === OVERSCAN) return undefined;
    const grow = () => setOverscan(OVERSCAN);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(grow, { timeout: NEXT_OVERSCAN_WAIT_MS });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(grow, 0);
    return () => window.clearTimeout(handle);
  }, [overscan]);
  return overscan;
}
