/**
 * The stand-up: the digest since last time, the running meeting (who is there, what was discussed, notes and
 * agreed actions, which column the walk is in), past stand-ups, the Dankmuur and the person page.
 * The running meeting lives here so switching views loses nothing; "Stand-up afronden" saves it.
 */
import type { CallInput } from '../../shared/contract';
import type { PersonPage, StandupDigest, StandupRecord, ThanksEntry } from '../../shared/contract-standup';
import type { CallError } from '../../shared/result';
import type { SliceCreator } from './types';

/** An agreed action being written; key is local (the core gives ids when it is saved). */
export interface DraftAction {
  key: number;
  text: string;
  ownerId: string | null;
  ideaId: string | null;
}

export interface StandupSession {
  /** When this meeting started (ms since epoch, this laptop's clock). */
  startedAt: number;
  attendeeIds: string[];
  /** Ideas that came up (shown in the walk or opened), in order. */
  discussedIds: string[];
  notes: string;
  actions: DraftAction[];
  /** The column the walk shows: index into WALK_ORDER, null when the digest is shown. */
  walkIndex: number | null;
}

export type StandupTab = 'meeting' | 'past' | 'wall';

export interface StandupState {
  tab: StandupTab;
  digest: StandupDigest | null;
  digestError: CallError | null;
  session: StandupSession;
  past: StandupRecord[] | null;
  wall: ThanksEntry[] | null;
  personPage: { id: string; data: PersonPage | null; error: CallError | null } | null;
  presenter: boolean;
  /** The stand-up finished last in this window (its confirmation shows until the next one starts). */
  lastFinished: StandupRecord | null;
}

export interface StandupSlice {
  standup: StandupState;
  setStandupTab: (tab: StandupTab) => void;
  loadDigest: () => Promise<void>;
  /** Change the running meeting (notes, walk position, attendees, actions). */
  updateSession: (patch: Partial<StandupSession>) => void;
  toggleAttendee: (personId: string) => void;
  /** Remember ideas as discussed (keeps the first order). */
  markDiscussed: (ideaIds: readonly string[]) => void;
  /** Start the meeting over: a fresh clock, nothing ticked or written. */
  restartStandup: () => void;
  /** Save the meeting; on success a new one begins and the digest counts from now. */
  finishStandup: () => Promise<StandupRecord | undefined>;
  /** False when loading failed (a notice says why). */
  loadPastStandups: () => Promise<boolean>;
  loadThanksWall: () => Promise<boolean>;
  addThanks: (input: Omit<CallInput<'thanks:add'>, 'fromId'>) => Promise<ThanksEntry | undefined>;
  openPersonPage: (personId: string) => Promise<void>;
  closePersonPage: () => void;
  setPresenter: (on: boolean) => void;
  /** Owner and check-op date from the stand-up: saved through ideas:update, mirrored in the walk. */
  setIdeaPlan: (ideaId: string, patch: { ownerId?: string | null; checkOn?: string | null }) => Promise<boolean>;
}

/** The IANA time zone of this laptop; the core counts working days on its calendar. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const newSession = (now = Date.now()): StandupSession => ({
  startedAt: now,
  attendeeIds: [],
  discussedIds: [],
  notes: '',
  actions: [],
  walkIndex: null,
});

const THANKS_WALL = 60;

/**
 * The running meeting is kept in this window's localStorage as it changes, so a reload or a crash in the middle
 * of a stand-up loses no ticks, notes or actions. A meeting older than the longest stand-up is not restored.
 */
const SESSION_KEY = 'kaizenbord.standup.session';
/** The longest stand-up the core records (STANDUP_MAX_SECONDS in shared/contract-standup.ts, which pulls in zod). */
const MAX_SECONDS = 12 * 3600;
const SESSION_MAX_MS = MAX_SECONDS * 1000;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

function saveSession(session: StandupSession): void {
  try {
    storage()?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage full or blocked: the meeting still runs in memory.
  }
}

const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The saved meeting, if it is recent and well-formed; anything else starts a fresh one. */
function restoreSession(now = Date.now()): StandupSession {
  try {
    const raw = storage()?.getItem(SESSION_KEY);
    if (!raw) return newSession(now);
    const s = JSON.parse(raw) as Partial<StandupSession>;
    const actions = Array.isArray(s.actions) ? s.actions : [];
    const valid =
      typeof s.startedAt === 'number' &&
      now - s.startedAt >= 0 &&
      now - s.startedAt < SESSION_MAX_MS &&
      isIdList(s.attendeeIds) &&
      isIdList(s.discussedIds) &&
      typeof s.notes === 'string' &&
      (s.walkIndex === null || (typeof s.walkIndex === 'number' && Number.isInteger(s.walkIndex))) &&
      actions.every(
        (a: Partial<DraftAction>) =>
          typeof a.key === 'number' &&
          typeof a.text === 'string' &&
          (a.ownerId === null || typeof a.ownerId === 'string') &&
          (a.ideaId === null || typeof a.ideaId === 'string'),
      );
    return valid ? (s as StandupSession) : newSession(now);
  } catch {
    return newSession(now);
  }
}

export const createStandupSlice: SliceCreator<StandupSlice> = (api) => (set, get) => {
  const patch = (p: Partial<StandupState>) => {
    set((s) => ({ standup: { ...s.standup, ...p } }));
    if (p.session) saveSession(p.session);
  };
  const failed = (error: CallError) => get().notify({ tone: 'error', error });

  return {
    standup: {
      tab: 'meeting',
      digest: null,
      digestError: null,
      session: restoreSession(),
      past: null,
      wall: null,
      personPage: null,
      presenter: false,
      lastFinished: null,
    },

    setStandupTab: (tab) => patch({ tab }),

    loadDigest: async () => {
      const res = await api['standup:digest']({ timeZone: localTimeZone() });
      if (!res.ok) {
        patch({ digestError: res.error });
        return;
      }
      patch({ digest: res.value, digestError: null });
    },

    updateSession: (p) => patch({ session: { ...get().standup.session, ...p } }),

    toggleAttendee: (personId) => {
      const { attendeeIds } = get().standup.session;
      get().updateSession({
        attendeeIds: attendeeIds.includes(personId) ? attendeeIds.filter((id) => id !== personId) : [...attendeeIds, personId],
      });
    },

    markDiscussed: (ideaIds) => {
      const { discussedIds } = get().standup.session;
      const fresh = ideaIds.filter((id) => !discussedIds.includes(id));
      if (fresh.length) get().updateSession({ discussedIds: [...discussedIds, ...fresh] });
    },

    restartStandup: () => patch({ session: newSession(), lastFinished: null }),

    finishStandup: async () => {
      const { session, digest } = get().standup;
      // Only ids this database knows go along: a meeting restored from another data folder or an idea deleted
      // meanwhile must not block saving the rest.
      const live = new Set(get().people.map((p) => p.id));
      const ideas = new Set([...(digest?.cards.map((c) => c.id) ?? []), ...(digest?.walk.map((c) => c.id) ?? []), ...Object.keys(get().cards)]);
      const res = await api['standup:finish']({
        timeZone: localTimeZone(),
        durationSeconds: Math.max(0, Math.min(MAX_SECONDS, Math.round((Date.now() - session.startedAt) / 1000))),
        leadId: get().settings.currentPersonId,
        attendeeIds: session.attendeeIds.filter((id) => live.has(id)),
        ideaIds: session.discussedIds.filter((id) => ideas.has(id)),
        notes: session.notes,
        actions: session.actions
          .filter((a) => a.text.trim() !== '')
          .map((a) => ({
            text: a.text.trim(),
            ownerId: a.ownerId !== null && live.has(a.ownerId) ? a.ownerId : null,
            ideaId: a.ideaId !== null && ideas.has(a.ideaId) ? a.ideaId : null,
          })),
      });
      if (!res.ok) {
        // The meeting stays as it is, so nothing typed is lost.
        failed(res.error);
        return undefined;
      }
      const past = get().standup.past;
      patch({ session: newSession(), past: past ? [res.value, ...past] : null, lastFinished: res.value });
      await get().loadDigest();
      return res.value;
    },

    loadPastStandups: async () => {
      const res = await api['standup:list']({ limit: 100 });
      if (res.ok) patch({ past: res.value });
      else failed(res.error);
      return res.ok;
    },

    loadThanksWall: async () => {
      const res = await api['thanks:list']({ limit: THANKS_WALL });
      if (res.ok) patch({ wall: res.value });
      else failed(res.error);
      return res.ok;
    },

    addThanks: async (input) => {
      const fromId = get().settings.currentPersonId;
      if (!fromId) return undefined;
      const res = await api['thanks:add']({ ...input, fromId });
      if (!res.ok) {
        failed(res.error);
        return undefined;
      }
      const { wall, digest, personPage } = get().standup;
      patch({
        wall: wall ? [res.value, ...wall] : null,
        digest: digest ? { ...digest, thanks: [res.value, ...digest.thanks] } : null,
      });
      if (personPage) await get().openPersonPage(personPage.id);
      return res.value;
    },

    openPersonPage: async (personId) => {
      const current = get().standup.personPage;
      patch({ personPage: { id: personId, data: current?.id === personId ? current.data : null, error: null } });
      const res = await api['people:page']({ id: personId, timeZone: localTimeZone() });
      if (get().standup.personPage?.id !== personId) return;
      patch({ personPage: res.ok ? { id: personId, data: res.value, error: null } : { id: personId, data: null, error: res.error } });
    },

    closePersonPage: () => patch({ personPage: null }),

    setPresenter: (on) => patch({ presenter: on }),

    setIdeaPlan: async (ideaId, p) => {
      const idea = await get().updateIdea(ideaId, p);
      if (!idea) return false;
      const digest = get().standup.digest;
      if (digest) {
        const withPlan = <C extends { id: string }>(c: C) => (c.id === ideaId ? { ...c, ownerId: idea.ownerId, checkOn: idea.checkOn } : c);
        // The digest lists at most its first entries: an idea that got an owner leaves the count only if it was listed.
        const owned = idea.ownerId !== null && digest.withoutOwner.includes(ideaId);
        patch({
          digest: {
            ...digest,
            cards: digest.cards.map(withPlan),
            walk: digest.walk.map(withPlan),
            withoutOwner: owned ? digest.withoutOwner.filter((id) => id !== ideaId) : digest.withoutOwner,
            counts: { ...digest.counts, withoutOwner: digest.counts.withoutOwner - (owned ? 1 : 0) },
          },
        });
      }
      return true;
    },
  };
};
