/**
 * How thoroughly openDatabase checks an existing file before it is used (db/open.ts). `PRAGMA quick_check` reads
 * every page: 3-4 s at 100,000 ideas (900 MB), on every start. It runs only when there is a reason to doubt the
 * file; otherwise the cheap checks of db/file-check.ts (header, schema, every b-tree's root page: milliseconds)
 * stand in for it, and damage on a page they do not read is met by the first call that reads it (SQLITE_CORRUPT:
 * the service answers 'damaged' and turns to the recovery screen, and the next start checks in full).
 */

/** A full check passes at least this often, whatever else is true. */
export const FULL_CHECK_MAX_AGE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CheckFacts {
  /** The last session did not end cleanly: a -wal with frames, or a -journal, lay next to the file at open. */
  unclean: boolean;
  /** The file's schema is about to be migrated (0 < user_version < the app's). */
  migrationPending: boolean;
  /** A call in an earlier session met damage (SQLITE_CORRUPT) that the checks at open had not found. */
  damageSeen: boolean;
  /** When a full check of this file last passed (stored in the file), or null when never or unknown. */
  lastPassed: Date | null;
  now: Date;
}

export type CheckReason = 'damage_seen' | 'unclean' | 'migration' | 'never' | 'clock' | 'stale' | 'recent';

export interface CheckDecision {
  level: 'full' | 'cheap';
  reason: CheckReason;
}

/** Full check or cheap checks, and why. Pure: the facts are gathered by openDatabase. */
export function decideCheck(facts: CheckFacts): CheckDecision {
  const full = (reason: CheckReason): CheckDecision => ({ level: 'full', reason });
  if (facts.damageSeen) return full('damage_seen');
  if (facts.unclean) return full('unclean');
  if (facts.migrationPending) return full('migration');
  if (!facts.lastPassed || Number.isNaN(facts.lastPassed.getTime())) return full('never');
  const age = facts.now.getTime() - facts.lastPassed.getTime();
  // A check "from the future" means the clock was wrong then or is now: do not trust it.
  if (age < 0) return full('clock');
  if (age >= FULL_CHECK_MAX_AGE_DAYS * DAY_MS) return full('stale');
  return { level: 'cheap', reason: 'recent' };
}
