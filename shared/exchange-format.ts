/**
 * The team setup file and the ideas file (issue 3): one JSON document with a format identifier, a version, a
 * SHA-256 checksum and the content, which holds database rows per table (column names as in db/migrations).
 *
 *   {"format":"kaizenbord.exchange","version":1,"checksum":"<hex sha256 of JSON.stringify(content)>","content":{…}}
 *
 * The checksum covers the content as JSON.stringify writes it, so a file that was re-indented still verifies but
 * one whose data was edited does not. Pure types and limits: no Node, DOM or zod imports.
 */
import { OPEN_FILE_MAX_BYTES } from './host';

export const EXCHANGE_FORMAT = 'kaizenbord.exchange';
/** The version this build writes and the newest it reads. */
export const EXCHANGE_VERSION = 1;
/** Longest file text the core accepts (characters; the same bound as the host's file open). */
export const EXCHANGE_MAX_CHARS = OPEN_FILE_MAX_BYTES;
/** Offered in save and open dialogs; the file names end in .kaizenbord.json. */
export const EXCHANGE_EXTENSIONS = ['json'];
export const EXCHANGE_SUFFIX = '.kaizenbord.json';

/** setup: journeys, touchpoints, belevingswaarden, people and the team settings; ideas: the same plus ideas. */
export const EXCHANGE_FILE_KINDS = ['setup', 'ideas'] as const;
export type ExchangeFileKind = (typeof EXCHANGE_FILE_KINDS)[number];

/** The tables a file may carry, in the order an import applies them. */
export const EXCHANGE_TABLES = [
  'journeys',
  'touchpoints',
  'experience_values',
  'people',
  'settings',
  'ideas',
  'idea_values',
  'comments',
  'events',
  'thanks',
] as const;
export type ExchangeTable = (typeof EXCHANGE_TABLES)[number];

const ROW = ['created_at', 'updated_at'] as const;

/**
 * The columns of each table that version 1 carries. Columns a laptop keeps for itself (sort helpers, search keys)
 * never travel; a column this list lacks is never read from a file.
 */
export const EXCHANGE_COLUMNS: Record<ExchangeTable, readonly string[]> = {
  journeys: ['id', 'name', 'position', 'archived', ...ROW],
  touchpoints: ['id', 'journey_id', 'name', 'position', 'archived', ...ROW],
  experience_values: ['id', 'name', 'level', 'position', 'archived', ...ROW],
  people: ['id', 'name', 'archived', ...ROW],
  settings: ['key', 'value', ...ROW],
  ideas: [
    'id',
    'title',
    'description',
    'kind',
    'stage',
    'position',
    'touchpoint_id',
    'author_id',
    'owner_id',
    'pyramid_level',
    'problem',
    'proposal',
    'expected_result',
    'do_test',
    'do_start_date',
    'check_result',
    'grade_before',
    'grade_after',
    'expectation_met',
    'act_decision',
    'act_note',
    'cycle',
    'stage_entered_at',
    'outcome',
    'lesson',
    'check_on',
    'deleted_at',
    ...ROW,
  ],
  idea_values: ['idea_id', 'value_id', ...ROW],
  comments: ['id', 'idea_id', 'author_id', 'body', ...ROW],
  events: ['id', 'idea_id', 'person_id', 'type', 'from_stage', 'to_stage', 'fields', ...ROW],
  thanks: ['id', 'from_id', 'to_id', 'idea_id', 'message', ...ROW],
};

/** One database row as the file carries it (no nested values). */
export type ExchangeRow = Record<string, string | number | null>;

export interface ExchangeContent {
  kind: ExchangeFileKind;
  /** When the file was written (ISO 8601, UTC). */
  exportedAt: string;
  tables: Partial<Record<ExchangeTable, ExchangeRow[]>>;
}

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: number;
  checksum: string;
  content: ExchangeContent;
}

/** What an import counts, per kind of record (idea_values travel with their idea). */
export const RECORD_KINDS = [
  'journeys',
  'touchpoints',
  'values',
  'people',
  'settings',
  'ideas',
  'comments',
  'events',
  'thanks',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface KindCount {
  /** Not on this laptop yet. */
  added: number;
  /** On this laptop, and the file's version is the later change. */
  updated: number;
  /** Already the same here, or this laptop's version is the later change. */
  skipped: number;
}

export type ExchangeCounts = Record<RecordKind, KindCount>;

/** What exchange:preview reports and exchange:apply did. */
export interface ExchangeSummary {
  kind: ExchangeFileKind;
  exportedAt: string;
  counts: ExchangeCounts;
  /** SHA-256 of the whole file text; exchange:apply refuses a text with another hash. */
  token: string;
}

/** What an export returns: the file text to save and how many records of each kind it holds. */
export interface ExchangeExport {
  text: string;
  exportedAt: string;
  totals: Record<RecordKind, number>;
}
