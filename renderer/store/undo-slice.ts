/** Undo (Ctrl/Cmd+Z) for the last moves and deletes. */
import type { Outcome, Stage } from '../../shared/domain';
import type { SliceCreator } from './types';

export type UndoEntry =
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

export interface UndoSlice {
  undoStack: UndoEntry[];
  pushUndo: (entry: UndoEntry) => void;
  /** Undo the most recent move or delete; returns false when there was nothing to undo or it failed. */
  undo: () => Promise<boolean>;
}

const UNDO_DEPTH = 20;

export const createUndoSlice: SliceCreator<UndoSlice> = () => (set, get) => ({
  undoStack: [],
  pushUndo: (entry) => {
    set((s) => ({ undoStack: [...s.undoStack.slice(-(UNDO_DEPTH - 1)), entry] }));
    get().notify({
      tone: 'info',
      key: entry.type === 'move' ? 'undo.moved' : 'undo.deleted',
      vars: entry.type === 'move' ? { title: entry.title, stageKey: entry.toStage } : { title: entry.title },
      undoable: true,
    });
  },
  undo: async () => {
    const stack = get().undoStack;
    const entry = stack[stack.length - 1];
    if (!entry) {
      get().notify({ tone: 'info', key: 'undo.nothing' });
      return false;
    }
    set({ undoStack: stack.slice(0, -1) });
    let done: boolean;
    if (entry.type === 'delete') {
      done = await get().restoreIdea(entry.id);
    } else {
      done = await get().moveIdea(entry.id, entry.fromStage, entry.fromAfterId, {
        skipUndo: true,
        ...(entry.fromStage === 'afgerond' && entry.fromOutcome ? { outcome: entry.fromOutcome } : {}),
      });
    }
    if (done) {
      get().notify({ tone: 'info', key: entry.type === 'delete' ? 'undo.restored' : 'undo.done', vars: { title: entry.title } });
    }
    return done;
  },
});
