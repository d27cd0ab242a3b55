/** Undo (Ctrl/Cmd+Z) for the last moves and deletes. */
import type { Outcome, Stage } from '../../shared/domain';
import type { SliceCreator } from './types';

export type UndoAction =
  | {
      type: 'move';
      id: string;
      title: string;
      fromStage: Stage;
      fromAfterId: string | null;
      fromOutcome: Outcome | null;
      toStage: Stage;
    }
  | { type: 'delete'; id: string; title: string };

/** An action on the undo stack; `key` ties it to the message that offers to undo it. */
export type UndoEntry = UndoAction & { key: number };

export interface UndoSlice {
  undoStack: UndoEntry[];
  pushUndo: (action: UndoAction) => void;
  /**
   * Undo one move or delete: the one with this key (from its message's button), else the most recent.
   * Returns false when there was nothing to undo or it failed.
   */
  undo: (key?: number) => Promise<boolean>;
}

const UNDO_DEPTH = 20;

let nextKey = 1;

export const createUndoSlice: SliceCreator<UndoSlice> = () => (set, get) => {
  /** Remove the "Ongedaan maken" messages of these entries: what they offer is gone or would now do something else. */
  const dismissOffers = (keys: number[]) => {
    for (const notice of get().notices) {
      if (notice.undoKey !== undefined && keys.includes(notice.undoKey)) get().dismiss(notice.id);
    }
  };

  return {
    undoStack: [],
    pushUndo: (action) => {
      const entry: UndoEntry = { ...action, key: nextKey++ };
      // An older message about the same idea would undo a state that no longer holds.
      dismissOffers(get().undoStack.filter((e) => e.id === entry.id).map((e) => e.key));
      set((s) => ({ undoStack: [...s.undoStack.slice(-(UNDO_DEPTH - 1)), entry] }));
      get().notify({
        tone: 'info',
        key: entry.type === 'move' ? 'undo.moved' : 'undo.deleted',
        vars: entry.type === 'move' ? { title: entry.title, stageKey: entry.toStage } : { title: entry.title },
        undoKey: entry.key,
      });
    },
    undo: async (key) => {
      const stack = get().undoStack;
      const entry = key === undefined ? stack[stack.length - 1] : stack.find((e) => e.key === key);
      if (!entry) {
        get().notify({ tone: 'info', key: 'undo.nothing' });
        return false;
      }
      set({ undoStack: stack.filter((e) => e !== entry) });
      dismissOffers([entry.key]);
      let done: boolean;
      if (entry.type === 'delete') {
        done = await get().restoreIdea(entry.id);
      } else {
        // The card it sat below may have moved on since (an older move undone out of order): then back on top.
        const below = entry.fromAfterId === null ? undefined : get().cards[entry.fromAfterId];
        const afterId = below && below.stage !== entry.fromStage ? null : entry.fromAfterId;
        done = await get().moveIdea(entry.id, entry.fromStage, afterId, {
          skipUndo: true,
          ...(entry.fromStage === 'afgerond' && entry.fromOutcome ? { outcome: entry.fromOutcome } : {}),
        });
      }
      if (done) {
        get().notify({ tone: 'info', key: entry.type === 'delete' ? 'undo.restored' : 'undo.done', vars: { title: entry.title } });
      }
      return done;
    },
  };
};
