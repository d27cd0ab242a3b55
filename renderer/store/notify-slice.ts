/** Notifications: the one place where failures and undoable actions become visible messages. */
import type { CallError } from '../../shared/result';
import type { SliceCreator } from './types';

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  /** Either a translation key with vars, or a core error to be described in the user's language. */
  key?: string;
  vars?: Record<string, string | number>;
  error?: CallError;
  /** Offer an "Ongedaan maken" button that undoes the undo entry with this key. */
  undoKey?: number;
}

export interface NotifySlice {
  notices: Notice[];
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
  /** Text for screen readers in the polite live region (set to re-announce). */
  announcement: string;
  announce: (text: string) => void;
}

let nextId = 1;

export const createNotifySlice: SliceCreator<NotifySlice> = () => (set) => ({
  notices: [],
  notify: (notice) => {
    const id = nextId++;
    // Keep the list short: the newest few messages are what a person reads.
    set((s) => ({ notices: [...s.notices.slice(-3), { ...notice, id }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  announcement: '',
  announce: (text) => set({ announcement: text }),
});
