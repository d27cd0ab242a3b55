/** The board: cards by id, the order of each column, the filter, and the moves (optimistic, rolled back on failure). */
import type { CallInput, KaizenApi } from '../../shared/contract';
import type { CallError, Result } from '../../shared/result';
import {
  BOARD_DONE_MAX,
  BOARD_DONE_PAGE,
  KINDS,
  OPEN_STAGES,
  SEARCH_PAGE,
  STAGES,
  type OpenStage,
  type BoardCard,
  type BoardFilter,
  type Idea,
  type Kind,
  type Outcome,
  type Stage,
} from '../../shared/domain';
import type { SliceCreator } from './types';

export type Columns = Record<Stage, string[]>;

export interface MoveOptions {
  outcome?: Outcome;
  lesson?: string;
  /** Leave the move out of the undo history (used by undo itself). */
  skipUndo?: boolean;
}

export interface BoardSlice {
  cards: Record<string, BoardCard>;
  columns: Columns;
  filter: BoardFilter;
  boardLoading: boolean;
  /** Afgerond is paged: how many of its cards to ask for. */
  doneLimit: number;
  /** While searching, each open column is paged too: how many of its cards to ask for. */
  openLimits: Record<OpenStage, number>;
  /** Per column and kind, the cards that matched but were not sent. */
  hidden: Hidden;
  /** Per kind, whether Afgerond's count is a lower bound (a search counts its finished matches only so far). */
  doneCapped: Record<Kind, boolean>;
  loadBoard: () => Promise<void>;
  /** Ask for the next page of a column ("Toon meer"). */
  showMore: (stage: Stage) => Promise<void>;
  setFilter: (patch: Partial<BoardFilter>) => void;
  clearFilter: () => void;
  /** Log a new idea as the current person; returns it, or undefined when refused (a notice is shown). */
  createIdea: (input: Omit<CallInput<'ideas:create'>, 'actorId'>) => Promise<Idea | undefined>;
  /** Move a card below afterId (null: top) in toStage. */
  moveIdea: (id: string, toStage: Stage, afterId: string | null, options?: MoveOptions) => Promise<boolean>;
  /** From Act back to Plan for another PDCA cycle. */
  cycleIdea: (id: string) => Promise<boolean>;
  deleteIdea: (id: string, options?: { skipUndo?: boolean }) => Promise<boolean>;
  restoreIdea: (id: string) => Promise<boolean>;
  /**
   * Save edits to an idea; the board follows. With `onError` the caller shows the failure itself
   * (the detail view's save status) instead of a notice.
   */
  updateIdea: (
    id: string,
    patch: CallInput<'ideas:update'>['patch'],
    options?: { onError?: (error: CallError) => void },
  ) => Promise<Idea | undefined>;
}

export const emptyColumns = (): Columns =>
  Object.fromEntries(STAGES.map((s) => [s, [] as string[]])) as unknown as Columns;

/**
 * The column order of cards as the core lists them. With `previous`, a column whose ids did not change keeps its
 * array, so a reload (a save, a search letter) re-renders only the columns that did change.
 */
function columnsOf(cards: readonly BoardCard[], previous?: Columns): Columns {
  const columns = emptyColumns();
  for (const card of cards) columns[card.stage].push(card.id);
  if (previous) {
    for (const stage of STAGES) {
      const old = previous[stage];
      const ids = columns[stage];
      if (old.length === ids.length && old.every((id, i) => id === ids[i])) columns[stage] = old;
    }
  }
  return columns;
}

export type Hidden = Record<Stage, Record<Kind, number>>;

/** Afgerond's page: BOARD_DONE_PAGE on the board, SEARCH_PAGE (as every column) while searching. */
export const donePage = (filter: BoardFilter): number => (filter.query ? SEARCH_PAGE : BOARD_DONE_PAGE);

const noneHidden = (): Hidden => Object.fromEntries(STAGES.map((s) => [s, { verbeter: 0, verleuk: 0 }])) as Hidden;
const noneCapped = (): Record<Kind, boolean> => ({ verbeter: false, verleuk: false });
const searchPages = (): Record<OpenStage, number> => Object.fromEntries(OPEN_STAGES.map((s) => [s, SEARCH_PAGE])) as Record<OpenStage, number>;

function sameCard(a: BoardCard, b: BoardCard): boolean {
  for (const key of Object.keys(b) as (keyof BoardCard)[]) {
    if (key === 'valueIds') {
      if (a.valueIds.length !== b.valueIds.length || a.valueIds.some((v, i) => v !== b.valueIds[i])) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
}

/**
 * Cards by id from a fresh load, keeping the previous object of every card that did not change, so a reload
 * (a filter, a save elsewhere) re-renders only the cards that did.
 */
function mergeCards(previous: Record<string, BoardCard>, cards: readonly BoardCard[]): Record<string, BoardCard> {
  const out: Record<string, BoardCard> = {};
  for (const card of cards) {
    const old = previous[card.id];
    out[card.id] = old && sameCard(old, card) ? old : card;
  }
  return out;
}

function cardFromIdea(idea: Idea): BoardCard {
  return {
    id: idea.id,
    title: idea.title,
    kind: idea.kind,
    stage: idea.stage,
    position: idea.position,
    touchpointId: idea.touchpointId,
    authorId: idea.authorId,
    ownerId: idea.ownerId,
    valueIds: idea.valueIds,
    cycle: idea.cycle,
    stageEnteredAt: idea.stageEnteredAt,
    createdAt: idea.createdAt,
    outcome: idea.outcome,
  };
}

/** Column order with `id` taken out of wherever it was and placed below `afterId` in `toStage`. */
export function placeCard(columns: Columns, id: string, toStage: Stage, afterId: string | null): Columns {
  const next = { ...columns };
  for (const stage of STAGES) {
    if (next[stage].includes(id)) next[stage] = next[stage].filter((x) => x !== id);
  }
  const target = [...next[toStage]];
  // Below a card that is not in view (paged out, filtered out): at the end of what is shown.
  const after = afterId === null ? -1 : target.indexOf(afterId);
  target.splice(afterId === null ? 0 : after < 0 ? target.length : after + 1, 0, id);
  next[toStage] = target;
  return next;
}

let loadSeq = 0;

/** A card and the column order of the whole board (no filter), for an idea the current filter hides. */
async function wholeBoardPlace(api: KaizenApi, id: string): Promise<Result<{ card: BoardCard; columns: Columns }>> {
  // The first page of Afgerond first: the whole of it only for a finished idea further down (it can be 100k cards).
  let res = await api['board:get']({ filter: {} });
  if (res.ok && res.value.doneHidden > 0 && !res.value.cards.some((c) => c.id === id)) {
    res = await api['board:get']({ filter: {}, doneLimit: BOARD_DONE_MAX });
  }
  if (!res.ok) return res;
  const card = res.value.cards.find((c) => c.id === id);
  return card
    ? { ok: true, value: { card, columns: columnsOf(res.value.cards) } }
    : { ok: false, error: { code: 'not_found', message: 'The idea is not on the board', field: 'id' } };
}

export const createBoardSlice: SliceCreator<BoardSlice> = (api) => (set, get) => {
  const actor = () => get().settings.currentPersonId;

  const failed = (error: CallError) => {
    get().notify({ tone: 'error', error });
    return false;
  };

  return {
    cards: {},
    columns: emptyColumns(),
    filter: {},
    boardLoading: false,
    doneLimit: BOARD_DONE_PAGE,
    openLimits: searchPages(),
    hidden: noneHidden(),
    doneCapped: noneCapped(),

    loadBoard: async () => {
      const seq = ++loadSeq;
      set({ boardLoading: true });
      const { filter, doneLimit, openLimits } = get();
      // Search results page the open columns too (a one-letter search matches nearly every card).
      const res = await api['board:get'](filter.query ? { filter, doneLimit, openLimits } : { filter, doneLimit });
      // A newer load (e.g. typing in search) supersedes this one.
      if (seq !== loadSeq) return;
      if (!res.ok) {
        set({ boardLoading: false });
        failed(res.error);
        return;
      }
      const { cards: list, counts } = res.value;
      const hidden = noneHidden();
      for (const stage of STAGES) for (const kind of KINDS) hidden[stage][kind] = counts[stage][kind];
      for (const card of list) hidden[card.stage][card.kind] = Math.max(0, hidden[card.stage][card.kind] - 1);
      const { doneCapped } = res.value;
      set({ cards: mergeCards(get().cards, list), columns: columnsOf(list, get().columns), hidden, doneCapped, boardLoading: false });
    },

    showMore: async (stage) => {
      if (stage === 'afgerond') set({ doneLimit: Math.min(BOARD_DONE_MAX, get().doneLimit + donePage(get().filter)) });
      else {
        const openLimits = get().openLimits;
        set({ openLimits: { ...openLimits, [stage]: Math.min(BOARD_DONE_MAX, openLimits[stage] + SEARCH_PAGE) } });
      }
      await get().loadBoard();
    },

    setFilter: (patch) => {
      const filter = { ...get().filter, ...patch };
      for (const key of Object.keys(filter) as (keyof BoardFilter)[]) {
        if (filter[key] === undefined || filter[key] === '') delete filter[key];
      }
      set({ filter, doneLimit: donePage(filter), openLimits: searchPages() });
      void get().loadBoard();
    },
    clearFilter: () => {
      set({ filter: {}, doneLimit: BOARD_DONE_PAGE, openLimits: searchPages() });
      void get().loadBoard();
    },

    createIdea: async (input) => {
      const actorId = actor();
      if (!actorId) {
        get().openPersonPicker();
        return undefined;
      }
      const res = await api['ideas:create']({ ...input, actorId });
      if (!res.ok) {
        failed(res.error);
        return undefined;
      }
      set((s) => ({ settings: { ...s.settings, lastKind: res.value.kind, lastTouchpointId: res.value.touchpointId } }));
      await get().loadBoard();
      return res.value;
    },

    moveIdea: async (id, toStage, afterId, options = {}) => {
      const actorId = actor();
      if (!actorId) return false;
      const before = get();
      const inView = before.cards[id];
      // An idea the filter hides (undo after filtering, a move from its detail) is still moved by the core;
      // where it stands now comes from the whole board.
      const found = inView ? { ok: true as const, value: { card: inView, columns: before.columns } } : await wholeBoardPlace(api, id);
      if (!found.ok) return failed(found.error);
      const where = found.value;
      const { card } = where;
      const fromStage = card.stage;
      const fromColumn = where.columns[fromStage];
      const fromIndex = fromColumn.indexOf(id);
      const fromAfterId = fromIndex > 0 ? fromColumn[fromIndex - 1] : null;
      if (fromStage === toStage && fromAfterId === afterId) return true;

      const optimistic = inView
        ? { columns: placeCard(before.columns, id, toStage, afterId), cards: { ...before.cards, [id]: { ...card, stage: toStage } } }
        : null;
      if (optimistic) set(optimistic);
      const res = await api['ideas:move']({
        id,
        actorId,
        toStage,
        afterId,
        ...(options.outcome ? { outcome: options.outcome } : {}),
        ...(options.lesson !== undefined ? { lesson: options.lesson } : {}),
      });
      if (!res.ok) {
        // Roll back only what this move changed; when the board changed meanwhile, ask the core how it stands.
        const now = get();
        if (optimistic && now.columns === optimistic.columns && now.cards === optimistic.cards) {
          set({ columns: before.columns, cards: before.cards });
        } else if (optimistic) {
          await get().loadBoard();
        }
        return failed(res.error);
      }
      if (optimistic && get().columns[toStage].includes(id)) {
        set((s) => ({ cards: { ...s.cards, [id]: cardFromIdea(res.value) } }));
      } else {
        // Hidden before, or a board load that started before the move replaced the optimistic columns.
        await get().loadBoard();
      }
      if (!options.skipUndo) {
        get().pushUndo({
          type: 'move',
          id,
          title: card.title,
          fromStage,
          fromAfterId,
          fromOutcome: card.outcome,
          toStage,
        });
      }
      return true;
    },

    cycleIdea: async (id) => {
      const actorId = actor();
      if (!actorId) return false;
      const res = await api['ideas:cycle']({ id, actorId });
      if (!res.ok) return failed(res.error);
      await get().loadBoard();
      return true;
    },

    deleteIdea: async (id, options = {}) => {
      const actorId = actor();
      const card = get().cards[id];
      if (!actorId) return false;
      const res = await api['ideas:delete']({ id, actorId });
      if (!res.ok) return failed(res.error);
      if (get().ui.detailId === id) get().closeDetail();
      await get().loadBoard();
      if (!options.skipUndo) get().pushUndo({ type: 'delete', id, title: card?.title ?? res.value.title });
      return true;
    },

    restoreIdea: async (id) => {
      const actorId = actor();
      if (!actorId) return false;
      const res = await api['ideas:restore']({ id, actorId });
      if (!res.ok) return failed(res.error);
      await get().loadBoard();
      return true;
    },

    updateIdea: async (id, patch, options = {}) => {
      const actorId = actor();
      if (!actorId) return undefined;
      const res = await api['ideas:update']({ id, actorId, patch });
      if (!res.ok) {
        if (options.onError) options.onError(res.error);
        else failed(res.error);
        return undefined;
      }
      const filtered = Object.keys(get().filter).length > 0;
      if (filtered) await get().loadBoard();
      else if (get().cards[id]) set((s) => ({ cards: { ...s.cards, [id]: cardFromIdea(res.value) } }));
      return res.value;
    },
  };
};
