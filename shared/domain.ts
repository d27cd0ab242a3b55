/**
 * Domain types of Kaizenbord, shared by the core (db/), the shell (electron/) and the UI (renderer/).
 * Pure data: no Node, DOM or Electron imports here.
 */

/** The PDCA board's columns, in board order. */
export const STAGES = ['nieuw', 'plan', 'do', 'check', 'act', 'afgerond'] as const;
export type Stage = (typeof STAGES)[number];
/** The columns an idea is worked on in: every stage but Afgerond. */
export type OpenStage = Exclude<Stage, 'afgerond'>;
export const OPEN_STAGES = STAGES.filter((s): s is OpenStage => s !== 'afgerond');

/** verbeter = make it better (fewer errors, less waste, faster); verleuk = make it more enjoyable. */
export const KINDS = ['verbeter', 'verleuk'] as const;
export type Kind = (typeof KINDS)[number];

/** Service pyramid: 1 basis op orde, 2 negatieve emoties voorkomen, 3 positieve emoties oproepen. */
export const PYRAMID_LEVELS = [1, 2, 3] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

export const EXPECTATION_MET = ['ja', 'deels', 'nee'] as const;
export type ExpectationMet = (typeof EXPECTATION_MET)[number];

/** Act decision: adopt as the new standard, run another cycle, or stop. */
export const ACT_DECISIONS = ['standaard', 'cyclus', 'stoppen'] as const;
export type ActDecision = (typeof ACT_DECISIONS)[number];

/** How a finished (Afgerond) idea ended. */
export const OUTCOMES = ['adopted', 'stopped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const TITLE_MAX = 200;
export const NAME_MAX = 80;
export const TEXT_MAX = 5000;
export const COMMENT_MAX = 2000;
export const QUERY_MAX = 200;

/** ISO 8601 timestamp in UTC, e.g. 2026-11-23T13:37:50.000Z. */
export type Timestamp = string;
/** Calendar date yyyy-MM-dd. */
export type DateOnly = string;

interface Row {
  id: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Person extends Row {
  name: string;
  archived: boolean;
}

export interface Journey extends Row {
  name: string;
  position: number;
  archived: boolean;
}

export interface Touchpoint extends Row {
  journeyId: string;
  name: string;
  position: number;
  archived: boolean;
}

/** A belevingswaarde (experience value), attached to one pyramid level. */
export interface ExperienceValue extends Row {
  name: string;
  level: PyramidLevel;
  position: number;
  archived: boolean;
}

/** The fields of an idea that can be edited in its detail view. */
export interface IdeaFields {
  title: string;
  description: string;
  kind: Kind;
  touchpointId: string;
  ownerId: string | null;
  valueIds: string[];
  pyramidLevel: PyramidLevel | null;
  // Plan
  problem: string;
  proposal: string;
  expectedResult: string;
  // Do
  doTest: string;
  doStartDate: DateOnly | null;
  // Check
  checkResult: string;
  gradeBefore: number | null;
  gradeAfter: number | null;
  expectationMet: ExpectationMet | null;
  // Act
  actDecision: ActDecision | null;
  /** The new standard (when adopted) or what was learned. */
  actNote: string;
  /** "Check op": the day the team looks at this idea again (set during the stand-up); null = none. */
  checkOn: DateOnly | null;
}

export interface Idea extends Row, IdeaFields {
  stage: Stage;
  /** Sparse sort key within the stage: smaller is higher on the board. */
  position: number;
  authorId: string;
  /** 1 for the first PDCA cycle, +1 for every "Nog een cyclus". */
  cycle: number;
  stageEnteredAt: Timestamp;
  outcome: Outcome | null;
  /** What we learned, given when the idea was finished. */
  lesson: string;
}

/** What a board card needs: a small subset of an idea. */
export interface BoardCard {
  id: string;
  title: string;
  kind: Kind;
  stage: Stage;
  position: number;
  touchpointId: string;
  authorId: string;
  ownerId: string | null;
  valueIds: string[];
  cycle: number;
  stageEnteredAt: Timestamp;
  createdAt: Timestamp;
  outcome: Outcome | null;
}

export interface Comment {
  id: string;
  ideaId: string;
  authorId: string;
  body: string;
  createdAt: Timestamp;
}

export const EVENT_TYPES = ['created', 'moved', 'edited', 'cycle', 'deleted', 'restored', 'commented', 'thanked'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One line of an idea's append-only history. */
export interface IdeaEvent {
  id: string;
  ideaId: string;
  personId: string | null;
  type: EventType;
  fromStage: Stage | null;
  toStage: Stage | null;
  /** For 'edited': the names of the fields that changed; for 'thanked': [id of the person thanked]. */
  fields: string[];
  createdAt: Timestamp;
}

export interface IdeaDetail {
  idea: Idea;
  comments: Comment[];
  events: IdeaEvent[];
}

export const THANKS_MAX = 500;

/** A bedankje: fromId thanks toId, optionally for an idea. */
export interface Thanks extends Row {
  fromId: string;
  toId: string;
  ideaId: string | null;
  message: string;
}

export const STANDUP_NOTES_MAX = 5000;
export const STANDUP_ACTION_MAX = 500;

/** An agreed action (afspraak) of a stand-up. */
export interface StandupAction {
  id: string;
  text: string;
  ownerId: string | null;
  ideaId: string | null;
}

/** A finished stand-up (dagstart). */
export interface Standup extends Row {
  /** Local calendar day it was held (in timeZone). */
  date: DateOnly;
  startedAt: Timestamp;
  endedAt: Timestamp;
  durationSeconds: number;
  /** IANA time zone of the laptop it was held on, e.g. Europe/Amsterdam. */
  timeZone: string;
  leadId: string | null;
  notes: string;
  attendeeIds: string[];
  /** Ideas discussed, in the order they came up. */
  ideaIds: string[];
  actions: StandupAction[];
}

export interface Settings {
  language: Language;
  theme: Theme;
  /** The person using this laptop right now; null until "Wie ben je?" is answered. */
  currentPersonId: string | null;
  lastKind: Kind;
  lastTouchpointId: string | null;
  /** Stand-up: an idea in Do for more than this many working days is ready for Check. */
  standupDoDays: number;
  /** Stand-up: an idea with no move or edit for more than this many working days is stuck. */
  standupStuckDays: number;
  /** Stand-up: length of the countdown in minutes (it warns, never stops). */
  standupMinutes: number;
  /** Work-in-progress limit per board column; null = no limit. */
  wipLimits: WipLimits;
  /** CSV export separator: ';' (Dutch Excel) or ','. */
  csvSeparator: CsvSeparator;
}

export type WipLimits = { [S in Stage]: number | null };
export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];
/** Bounds of the numeric settings. */
export const SETTING_LIMITS = {
  standupDoDays: { min: 1, max: 60 },
  standupStuckDays: { min: 1, max: 120 },
  standupMinutes: { min: 1, max: 120 },
  wipLimit: { min: 1, max: 999 },
} as const;

/** Settings of a new laptop. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  language: 'nl',
  theme: 'system',
  currentPersonId: null,
  lastKind: 'verbeter',
  lastTouchpointId: null,
  standupDoDays: 5,
  standupStuckDays: 10,
  standupMinutes: 15,
  wipLimits: { nieuw: null, plan: null, do: null, check: null, act: null, afgerond: null },
  csvSeparator: ';',
};

/** Everything the UI needs at start besides the board. */
export interface Bootstrap {
  settings: Settings;
  people: Person[];
  journeys: Journey[];
  touchpoints: Touchpoint[];
  values: ExperienceValue[];
}

export interface BoardFilter {
  kind?: Kind;
  touchpointId?: string;
  /** Matches author or owner. */
  personId?: string;
  valueId?: string;
  /** Free text, searched with FTS5 over title, description and PDCA fields. */
  query?: string;
}

/** How many Afgerond cards the board shows at first and adds per "show more". */
export const BOARD_DONE_PAGE = 100;
export const BOARD_DONE_MAX = 100_000;
/**
 * While searching, how many matching cards each column (Afgerond too) shows at first and adds per "show more": a
 * one-letter search matches nearly the whole board, and search as you type must not send thousands of cards.
 */
export const SEARCH_PAGE = 50;
/**
 * A search counts Afgerond's matches of each kind up to this many (or the requested page, if larger) and says
 * "1000+" beyond: an exact count of tens of thousands of finished matches costs more than the rest of the search.
 */
export const SEARCH_COUNT_CAP = 1000;

/** Matching cards per column and kind, also those of Afgerond that were not sent. */
export type BoardCounts = { [S in Stage]: { [K in Kind]: number } };

export interface Board {
  /** The open columns whole, then Afgerond's first page, each in board order. */
  cards: BoardCard[];
  counts: BoardCounts;
  /** Afgerond cards that match but were left out (ask again with a larger doneLimit); a lower bound when doneCapped. */
  doneHidden: number;
  /** Cards of the open columns that match but were left out (ask again with a larger openLimit). */
  openHidden: number;
  /** Per kind, whether Afgerond's count is a lower bound: a search counts its finished matches only up to SEARCH_COUNT_CAP. */
  doneCapped: Record<Kind, boolean>;
}
