/** Settings of this laptop, stored as JSON values under fixed keys. */
import type Database from 'better-sqlite3';
import { CSV_SEPARATORS, DEFAULT_SETTINGS, KINDS, LANGUAGES, SETTING_LIMITS, STAGES, THEMES, type Settings } from '../../shared/domain';
import { stmt } from './statements';

type Db = Database.Database;

export { DEFAULT_SETTINGS };

type Key = keyof Settings;
const KEYS = Object.keys(DEFAULT_SETTINGS) as Key[];

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);
const idOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const intIn =
  ({ min, max }: { min: number; max: number }) =>
  (v: unknown): v is number =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const limitOrNull = intIn(SETTING_LIMITS.wipLimit);
const isWipLimits = (v: unknown): v is Settings['wipLimits'] =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length === STAGES.length &&
  STAGES.every((s) => {
    const limit = (v as Record<string, unknown>)[s];
    return limit === null || limitOrNull(limit);
  });

/** A stored value that no longer fits (hand-edited file, older build) falls back to the default. */
const VALID: { [K in Key]: (v: unknown) => v is Settings[K] } = {
  language: oneOf(LANGUAGES),
  theme: oneOf(THEMES),
  currentPersonId: idOrNull,
  lastKind: oneOf(KINDS),
  lastTouchpointId: idOrNull,
  standupDoDays: intIn(SETTING_LIMITS.standupDoDays),
  standupStuckDays: intIn(SETTING_LIMITS.standupStuckDays),
  standupMinutes: intIn(SETTING_LIMITS.standupMinutes),
  wipLimits: isWipLimits,
  csvSeparator: oneOf(CSV_SEPARATORS),
};

export function readSettings(db: Db): Settings {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (!(KEYS as string[]).includes(key)) continue;
    const parsed: unknown = JSON.parse(value);
    if (VALID[key as Key](parsed)) settings[key] = parsed;
  }
  return settings as unknown as Settings;
}

/** Internal keys (not part of Settings) use the same table, e.g. when the starter set was inserted. */
export function readRawSetting(db: Db, key: string): unknown {
  const value = stmt(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as unknown);
}

export function writeSetting(db: Db, key: string, value: unknown, at: string): void {
  stmt(
    db,
    `INSERT INTO settings (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
     WHERE settings.value IS NOT excluded.value`,
  ).run(key, JSON.stringify(value), at, at);
}
