/**
 * "Nieuw idee" saves in the background: each save waits for the ones asked before it, and an idea whose save failed
 * is kept whole (title, description, kind, touchpoint) until it is back in the form. It is never merged into what is
 * being typed, and it outlives the dialog: closing it loses nothing.
 */
import type { Idea, Kind } from '../../shared/domain';
import type { CallError } from '../../shared/result';
import { createTranslator, describeError } from '../i18n/i18n';
import type { SliceCreator } from './types';

/** An idea as typed in the form. */
export interface CaptureDraft {
  title: string;
  description: string;
  kind: Kind;
  touchpointId: string;
}

/** An idea whose save failed, waiting to come back into the form. */
export interface FailedDraft extends CaptureDraft {
  id: number;
}

export interface CaptureSlice {
  /** Saves asked for and not finished yet. */
  captureSaving: number;
  /** Ideas whose save failed, oldest first, until each is back in the form. */
  captureDrafts: FailedDraft[];
  /**
   * Save an idea after those asked before it. Resolves to the idea, or to undefined when it was not saved: then it is
   * kept in `captureDrafts` and a notice names it.
   */
  saveCapture: (draft: CaptureDraft) => Promise<Idea | undefined>;
  /** Take the oldest failed idea out, to put it back in the form. */
  takeCaptureDraft: () => FailedDraft | undefined;
  /** Keep an idea first in line again (the dialog closed while a failed idea was back in its form). */
  keepCaptureDraft: (draft: FailedDraft) => void;
}

let nextDraftId = 1;

export const createCaptureSlice: SliceCreator<CaptureSlice> = (api) => (set, get) => {
  let queue: Promise<unknown> = Promise.resolve();

  const keep = (draft: CaptureDraft, why: CallError | 'noPerson') => {
    set((s) => ({ captureDrafts: [...s.captureDrafts, { ...draft, id: nextDraftId++ }] }));
    const t = createTranslator(get().settings.language);
    const reason = why === 'noPerson' ? t('capture.failed.noPerson') : describeError(t, why);
    get().notify({ tone: 'error', key: 'capture.failed', vars: { title: draft.title, reason } });
  };

  const create = async (draft: CaptureDraft): Promise<Idea | undefined> => {
    const actorId = get().settings.currentPersonId;
    if (!actorId) {
      keep(draft, 'noPerson');
      get().openPersonPicker();
      return undefined;
    }
    const { title, kind, touchpointId, description } = draft;
    const res = await api['ideas:create']({ title, kind, touchpointId, actorId, ...(description ? { description } : {}) }).catch(
      (e: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: String(e) } }),
    );
    if (!res.ok) {
      keep(draft, res.error);
      return undefined;
    }
    set((s) => ({ settings: { ...s.settings, lastKind: res.value.kind, lastTouchpointId: res.value.touchpointId } }));
    await get().loadBoard();
    return res.value;
  };

  return {
    captureSaving: 0,
    captureDrafts: [],
    saveCapture: (draft) => {
      set((s) => ({ captureSaving: s.captureSaving + 1 }));
      const saved = queue.then(() => create(draft)).finally(() => set((s) => ({ captureSaving: s.captureSaving - 1 })));
      queue = saved.catch(() => undefined);
      return saved;
    },
    takeCaptureDraft: () => {
      const [first, ...rest] = get().captureDrafts;
      if (first) set({ captureDrafts: rest });
      return first;
    },
    keepCaptureDraft: (draft) => set((s) => ({ captureDrafts: [draft, ...s.captureDrafts.filter((d) => d.id !== draft.id)] })),
  };
};
