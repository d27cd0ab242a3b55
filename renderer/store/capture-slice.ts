/**
 * "Nieuw idee" saves in the background: each save waits for the ones asked before it, and an idea whose save failed
 * is kept whole (title, description, kind, touchpoint) until it is back in the form. It is never merged into what is
 * being typed, and it outlives the dialog: closing it loses nothing.
 *
 * It outlives the window too: every idea not known to be saved (failed, back in the form, or still waiting for its
 * save) is kept in this window's localStorage, and a new window (a reload, a restart after a crash or a restore)
 * offers them again in Nieuw idee, with a notice. An idea whose save was under way when the window went may have
 * been saved after all: it is offered once more, never saved behind the person's back.
 */
import { KINDS, type Idea, type Kind } from '../../shared/domain';
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
  /** Let go of the failed idea back in the form (it was emptied by hand and the dialog closed). */
  releaseCaptureDraft: () => void;
}

let nextDraftId = 1;

/** Where the ideas not known to be saved are kept between windows. */
export const CAPTURE_DRAFTS_KEY = 'kaizenbord.capture.drafts';
/** More than any form holds; a longer stored text is not an idea typed here. */
const MAX_STORED_TEXT = 20_000;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STORED_TEXT;

/** The ideas a previous window left unsaved; anything malformed in storage is dropped, never shown half. */
function restoreDrafts(): FailedDraft[] {
  try {
    const raw = storage()?.getItem(CAPTURE_DRAFTS_KEY);
    if (!raw) return [];
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list
      .filter(
        (d: Partial<CaptureDraft> | null): d is CaptureDraft =>
          typeof d === 'object' &&
          d !== null &&
          isText(d.title) &&
          d.title.trim() !== '' &&
          isText(d.description) &&
          isText(d.touchpointId) &&
          (KINDS as readonly unknown[]).includes(d.kind),
      )
      .map(({ title, description, kind, touchpointId }) => ({ title, description, kind, touchpointId, id: nextDraftId++ }));
  } catch {
    return [];
  }
}

function storeDrafts(drafts: readonly CaptureDraft[]): void {
  try {
    const store = storage();
    if (!store) return;
    if (drafts.length === 0) store.removeItem(CAPTURE_DRAFTS_KEY);
    else store.setItem(CAPTURE_DRAFTS_KEY, JSON.stringify(drafts.map(({ title, description, kind, touchpointId }) => ({ title, description, kind, touchpointId }))));
  } catch {
    // Storage full or blocked: the ideas are still kept in memory.
  }
}

export const createCaptureSlice: SliceCreator<CaptureSlice> = (api) => (set, get) => {
  let queue: Promise<unknown> = Promise.resolve();
  /** The failed idea taken back into the form, until it is saved, kept again or let go. */
  let held: CaptureDraft | null = null;
  /** Saves asked for and not finished. */
  const pending = new Map<number, CaptureDraft>();
  let nextSave = 1;
  /** Kept in the order they were asked: a failed save was asked before every save still waiting. */
  const remember = () => storeDrafts([...(held ? [held] : []), ...get().captureDrafts, ...pending.values()]);

  const restored = restoreDrafts();
  if (restored.length > 0) {
    // After the store exists: the notice is part of the app's state.
    queueMicrotask(() => get().notify({ tone: 'info', key: 'capture.unsaved', vars: { count: restored.length } }));
  }

  const keep = (draft: CaptureDraft, why: CallError | 'noPerson') => {
    set((s) => ({ captureDrafts: [...s.captureDrafts, { ...draft, id: nextDraftId++ }] }));
    remember();
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
    captureDrafts: restored,
    saveCapture: (draft) => {
      const token = nextSave++;
      // What the form held is what is saved now (as typed): the failed idea it came from is let go.
      held = null;
      pending.set(token, draft);
      remember();
      set((s) => ({ captureSaving: s.captureSaving + 1 }));
      const saved = queue
        .then(() => create(draft))
        .finally(() => {
          pending.delete(token);
          remember();
          set((s) => ({ captureSaving: s.captureSaving - 1 }));
        });
      queue = saved.catch(() => undefined);
      return saved;
    },
    takeCaptureDraft: () => {
      const [first, ...rest] = get().captureDrafts;
      if (first) {
        held = first;
        set({ captureDrafts: rest });
        remember();
      }
      return first;
    },
    keepCaptureDraft: (draft) => {
      held = null;
      set((s) => ({ captureDrafts: [draft, ...s.captureDrafts.filter((d) => d.id !== draft.id)] }));
      remember();
    },
    releaseCaptureDraft: () => {
      held = null;
      remember();
    },
  };
};
