/**
 * Writing and reading the exchange file (shared/exchange-format.ts): the envelope, the SHA-256 checksum and a
 * structural check of every row, in one JSON.parse and one linear pass so a 50 MB file stays fast.
 */
import { createHash } from 'node:crypto';
import {
  EXCHANGE_FILE_KINDS,
  EXCHANGE_FORMAT,
  EXCHANGE_TABLES,
  EXCHANGE_VERSION,
  type ExchangeContent,
  type ExchangeFileKind,
  type ExchangeRow,
  type ExchangeTable,
} from '../../shared/exchange-format';
import { conflict, type DomainError } from '../errors';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The file text for some content: the checksum covers exactly JSON.stringify(content). */
export function writeFile(content: ExchangeContent): string {
  const body = JSON.stringify(content);
  return `{"format":${JSON.stringify(EXCHANGE_FORMAT)},"version":${EXCHANGE_VERSION},"checksum":"${sha256(body)}","content":${body}}`;
}

const refuse = (reason: Parameters<typeof conflict>[0], message: string): DomainError => conflict(reason, message, 'text');

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Tables keyed by something other than an `id` column. */
const KEYLESS: ReadonlySet<ExchangeTable> = new Set(['idea_values', 'settings']);
const COLUMN_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function checkRow(table: ExchangeTable, row: unknown, index: number): ExchangeRow {
  const where = `${table}[${index}]`;
  if (!isPlainObject(row)) throw refuse('file_invalid', `${where} is not an object`);
  for (const [key, value] of Object.entries(row)) {
    if (!COLUMN_NAME.test(key)) throw refuse('file_invalid', `${where} has an invalid column name`);
    const type = typeof value;
    if (value !== null && type !== 'string' && !(type === 'number' && Number.isFinite(value))) {
      throw refuse('file_invalid', `${where}.${key} is not a string, number or null`);
    }
  }
  if (!KEYLESS.has(table) && !(typeof row.id === 'string' && ID.test(row.id))) throw refuse('file_invalid', `${where}.id is not an id`);
  if (!(typeof row.updated_at === 'string' && INSTANT.test(row.updated_at))) {
    throw refuse('file_invalid', `${where}.updated_at is not a timestamp`);
  }
  return row as ExchangeRow;
}

export interface ReadFile {
  kind: ExchangeFileKind;
  exportedAt: string;
  tables: Record<ExchangeTable, ExchangeRow[]>;
  /** SHA-256 of the whole text (the preview token). */
  token: string;
}

/** Parse and verify a file; every way it can be wrong is a typed refusal (conflict with a file_* reason). */
export function readFile(text: string): ReadFile {
  if (text.trim() === '') throw refuse('file_damaged', 'The file is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('file_damaged', 'The file is not complete JSON (damaged or truncated)');
  }
  if (!isPlainObject(parsed) || parsed.format !== EXCHANGE_FORMAT) throw refuse('file_foreign', 'This is not a Kaizenbord file');
  const { version } = parsed;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw refuse('file_invalid', 'The file has no valid version');
  if (version > EXCHANGE_VERSION) throw refuse('file_too_new', `The file has version ${version}; this app reads up to ${EXCHANGE_VERSION}`);
  if (typeof parsed.checksum !== 'string' || !isPlainObject(parsed.content)) throw refuse('file_damaged', 'The file misses its checksum or content');
  if (sha256(JSON.stringify(parsed.content)) !== parsed.checksum.toLowerCase()) {
    throw refuse('file_tampered', 'The content does not match its checksum');
  }
  const content = parsed.content;
  const kind = content.kind;
  if (!(EXCHANGE_FILE_KINDS as readonly unknown[]).includes(kind)) throw refuse('file_invalid', 'Unknown file kind');
  if (typeof content.exportedAt !== 'string' || !INSTANT.test(content.exportedAt)) throw refuse('file_invalid', 'No export time');
  if (!isPlainObject(content.tables)) throw refuse('file_invalid', 'No tables');
  const tables = {} as Record<ExchangeTable, ExchangeRow[]>;
  for (const key of Object.keys(content.tables)) {
    if (!(EXCHANGE_TABLES as readonly string[]).includes(key)) throw refuse('file_invalid', `Unknown table ${key.slice(0, 40)}`);
  }
  for (const table of EXCHANGE_TABLES) {
    const rows = content.tables[table] ?? [];
    if (!Array.isArray(rows)) throw refuse('file_invalid', `${table} is not a list`);
    tables[table] = rows.map((row, i) => checkRow(table, row, i));
  }
  return { kind: kind as ExchangeFileKind, exportedAt: content.exportedAt, tables, token: sha256(text) };
}
