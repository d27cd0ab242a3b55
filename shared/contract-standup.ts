/**
 * Contract calls of one feature (Issue 3: stand-up mode, thanks (bedankjes), person pages.) Spread into the one
 * table in shared/contract.ts.
 *
 * Time zones: the renderer sends its IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone); the core
 * counts working days (Monday to Friday) on the local calendar of that zone, so a weekend or a daylight-saving change
 * never shifts a count, and a stand-up is dated on the day it was held where it was held.
 */
import { z } from 'zod';
import {
  STANDUP_ACTION_MAX,
  STANDUP_NOTES_MAX,
  THANKS_MAX,
  type BoardCard,
  type DateOnly,
  type Person,
  type Stage,
  type Standup,
  type Thanks,
  type Timestamp,
} from './domain';
import { call, id, returns } from './contract-kit';

/** An IANA time zone name; the core checks that it knows it. */
const timeZone = z.string().trim().min(1).max(64);

/** Longest stand-up the app records (a forgotten countdown still saves): 12 hours. */
const STANDUP_MAX_SECONDS = 12 * 3600;
const STANDUP_MAX_ACTIONS = 50;
const STANDUP_MAX_IDEAS = 1000;
const STANDUP_LIST_MAX = 200;

/** A card as the stand-up walk and the person page show it: the board card plus its check-op date. */
export interface StandupCard extends BoardCard {
  checkOn: DateOnly | null;
  /** Working days since it entered its stage (local calendar of the digest's time zone). */
  workingDaysInStage: number;
}

/** Thanks as lists show them: with the title of the idea, if any (null without an idea). */
export interface ThanksEntry extends Thanks {
  ideaTitle: string | null;
}

export interface DigestNewIdeas {
  personId: string;
  /** Oldest first; at most DIGEST_LIST_CAP of them. */
  ideaIds: string[];
  /** All new ideas of this person (may be more than ideaIds holds). */
  count: number;
}

/** Each digest list holds at most this many entries; `counts` says how many there are in all. */
export const DIGEST_LIST_CAP = 50;
/** The walk holds at most this many cards per column; `walkTotals` says how many there are in all. */
export const WALK_COLUMN_CAP = 100;

export type DigestList = 'newIdeas' | 'moved' | 'readyForCheck' | 'stuck' | 'withoutOwner' | 'adopted' | 'checkDue';

export interface DigestMove {
  ideaId: string;
  /** Stage at its first move since last time; null when unknown. */
  fromStage: Stage | null;
  /** Stage after its last move since last time. */
  toStage: Stage;
  at: Timestamp;
}

export interface DigestDays {
  ideaId: string;
  workingDays: number;
}

/** What happened since the previous finished stand-up (or the last 7 days when there was none). */
export interface StandupDigest {
  /** Start of the period: the end of the last stand-up, or local midnight 7 days ago. */
  since: Timestamp;
  /** The previous finished stand-up, null when the digest covers the last 7 days. */
  sinceStandupId: string | null;
  until: Timestamp;
  /** Today on the local calendar. */
  today: DateOnly;
  timeZone: string;
  newIdeas: DigestNewIdeas[];
  moved: DigestMove[];
  /** In Do for more than settings.standupDoDays working days. */
  readyForCheck: DigestDays[];
  /** No move or edit for more than settings.standupStuckDays working days (Afgerond excluded). */
  stuck: DigestDays[];
  /** Open ideas (not Afgerond) without an owner. */
  withoutOwner: string[];
  /** Finished as a new standard since last time. */
  adopted: string[];
  /** Open ideas whose check-op date is today or earlier. */
  checkDue: { ideaId: string; checkOn: DateOnly }[];
  /** Thanks since last time, newest first. */
  thanks: ThanksEntry[];
  /** How many entries each list has in all (its array holds the first DIGEST_LIST_CAP; newIdeas: ideas, not people). */
  counts: Record<DigestList, number>;
  /** The cards the lists above mention (titles, stages), in no particular order. */
  cards: StandupCard[];
  /**
   * What the walk shows: per open column its first WALK_COLUMN_CAP cards in board order; of Afgerond only what was
   * finished since last time, most recently finished first.
   */
  walk: StandupCard[];
  /** Cards per column in the walk in all (Afgerond: finished since last time). */
  walkTotals: Record<Stage, number>;
}

/** A finished stand-up as the list shows it: with the titles of the ideas discussed (deleted ones left out). */
export interface StandupRecord extends Standup {
  ideaTitles: Record<string, string>;
}

/** How many of a person's finished ideas their page lists (the most recently finished). */
export const PERSON_DONE_PAGE = 50;

export interface PersonPage {
  person: Person;
  /** Live ideas this person logged or owns, in board order: the open ones, then the first PERSON_DONE_PAGE of Afgerond. */
  ideas: StandupCard[];
  /** All their live ideas, also those of Afgerond that were not sent. */
  ideasTotal: number;
  /** Newest first. */
  thanksGot: ThanksEntry[];
  thanksGiven: ThanksEntry[];
}

const thanksMessage = z.string().trim().min(1).max(THANKS_MAX);

export const standupCalls = {
  'standup:digest': call(
    'What happened since the last finished stand-up (or the last 7 days), counted in working days in timeZone, each list capped with its count, with the cards to walk.',
    z.strictObject({ timeZone }),
    returns<StandupDigest>(),
  ),
  'standup:finish': call(
    'Save a finished stand-up: it ends now and lasted durationSeconds; the next digest counts from its end.',
    z.strictObject({
      timeZone,
      durationSeconds: z.number().int().min(0).max(STANDUP_MAX_SECONDS),
      leadId: id.nullable(),
      attendeeIds: z.array(id).max(500),
      ideaIds: z.array(id).max(STANDUP_MAX_IDEAS),
      notes: z.string().max(STANDUP_NOTES_MAX),
      actions: z
        .array(
          z.strictObject({
            text: z.string().trim().min(1).max(STANDUP_ACTION_MAX),
            ownerId: id.nullable(),
            ideaId: id.nullable(),
          }),
        )
        .max(STANDUP_MAX_ACTIONS),
    }),
    returns<StandupRecord>(),
  ),
  'standup:list': call(
    'Finished stand-ups, newest first.',
    z.strictObject({ limit: z.number().int().min(1).max(STANDUP_LIST_MAX).optional() }),
    returns<StandupRecord[]>(),
  ),
  'standup:get': call('One finished stand-up.', z.strictObject({ id }), returns<StandupRecord>()),

  'thanks:add': call(
    'Thank a person (optionally for an idea) with a short message; recorded in the idea history too.',
    z.strictObject({ fromId: id, toId: id, ideaId: id.nullable(), message: thanksMessage }),
    returns<ThanksEntry>(),
  ),
  'thanks:list': call(
    'Recent thanks, newest first (the Dankmuur); with ideaId only the thanks for that idea.',
    z.strictObject({ ideaId: id.optional(), limit: z.number().int().min(1).max(STANDUP_LIST_MAX).optional() }),
    returns<ThanksEntry[]>(),
  ),

  'people:page': call(
    "A person's page: their ideas (logged or owned) and the thanks they got and gave.",
    z.strictObject({ id, timeZone }),
    returns<PersonPage>(),
  ),
} as const;
