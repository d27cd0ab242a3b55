/** The editable starter set a new database begins with: one klantreis and belevingswaarden on all three levels. */
import type Database from 'better-sqlite3';
import type { PyramidLevel } from '../shared/domain';
import { renumbered } from '../shared/ordering';
import { insertJourney, insertTouchpoint, insertValue } from './queries/reference';
import { readRawSetting, writeSetting, DEFAULT_SETTINGS } from './queries/settings';

type Db = Database.Database;

const STARTER_JOURNEY = 'Klantreis';

export const STARTER_TOUCHPOINTS = [
  'Eerste contact',
  'Informatie & advies',
  'Aanvraag & bestelling',
  'Levering & service',
  'Factuur & betaling',
  'Klacht & nazorg',
] as const;

const STARTER_VALUES: readonly { name: string; level: PyramidLevel }[] = [
  // 1 · basis op orde
  { name: 'Betrouwbaar', level: 1 },
  { name: 'Duidelijk', level: 1 },
  { name: 'Perfectie', level: 1 },
  // 2 · negatieve emoties voorkomen
  { name: 'Gemak', level: 2 },
  { name: 'Gerustheid', level: 2 },
  // 3 · positieve emoties oproepen
  { name: 'Warmte', level: 3 },
  { name: 'Verwondering', level: 3 },
  { name: 'Persoonlijke aandacht', level: 3 },
];

/** Marks in settings that the starter set was inserted once; it is never inserted again. */
const STARTER_KEY = 'starterSetAt';

/**
 * Insert the starter set and the default settings into a database that has never had one.
 * Returns whether anything was inserted. Runs inside the caller's transaction.
 */
export function ensureStarterSet(db: Db, at: string, uuid: () => string): boolean {
  if (readRawSetting(db, STARTER_KEY) !== undefined) return false;
  const hasData = db.prepare('SELECT EXISTS (SELECT 1 FROM journeys) OR EXISTS (SELECT 1 FROM experience_values)').pluck().get();
  if (!hasData) {
    const journeyId = uuid();
    insertJourney(db, { id: journeyId, name: STARTER_JOURNEY, position: renumbered(1)[0]!, at });
    const touchpointPositions = renumbered(STARTER_TOUCHPOINTS.length);
    STARTER_TOUCHPOINTS.forEach((name, i) =>
      insertTouchpoint(db, { id: uuid(), journeyId, name, position: touchpointPositions[i]!, at }),
    );
    const valuePositions = renumbered(STARTER_VALUES.length);
    STARTER_VALUES.forEach((v, i) => insertValue(db, { id: uuid(), name: v.name, level: v.level, position: valuePositions[i]!, at }));
  }
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    if (readRawSetting(db, key) === undefined) writeSetting(db, key, value, at);
  }
  writeSetting(db, STARTER_KEY, at, at);
  return !hasData;
}
