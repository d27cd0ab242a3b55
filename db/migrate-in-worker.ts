/**
 * The slow parts of an open, off the main thread. A migration that rebuilds something large (the full-text index
 * at 100,000 ideas: 15-25 s, after a pre-migration backup of several seconds) or the full `quick_check` (about 4 s
 * at 100,000 ideas, db/check-policy.ts) must not freeze the host before it has a window: `nextOpen` cheaply tells
 * whether the next open will migrate and how it will check the file, `migrateInWorker` runs openDatabase (check,
 * backup and migrations exactly as on a normal open; a passing full check is recorded in the file) in a
 * worker_threads Worker and reports done or a typed failure. The host then opens the file as always
 * (openService), which is quick once it is migrated and checked, or shows the recovery screen for the same failure.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { RecoveryReason } from '../shared/contract-maintenance';
import { decideCheck, type CheckDecision } from './check-policy';
import { observeFile, readLastFullCheck } from './file-check';
import { LATEST_VERSION } from './migrations';

export interface PendingMigration {
  /** The file's schema version. */
  from: number;
  /** The version this build migrates it to. */
  to: number;
}

/** What the next openDatabase of a file will do that can take long. */
export interface NextOpen {
  /** The schema migration it will run (after a pre-migration backup), or null. */
  migration: PendingMigration | null;
  /** How it will check the file: decideCheck's answer for the same facts openDatabase gathers. */
  check: CheckDecision;
}

export interface LookOptions {
  nativeBinding?: string;
  /** Clock for the age of the last full check (as openDatabase's `now`). */
  now?: () => Date;
}

/**
 * What the next open of the database at `dbPath` will do, read on a read-only connection that changes nothing
 * (how the last session ended is read from the files next to it first, as openDatabase does). Null for a missing,
 * unreadable, locked or newer file: openService deals with those (a new file is made in milliseconds; the others
 * end on the recovery screen). A check time that cannot be read (damage met reading it) counts as none on record,
 * so the answer is a full check, which then finds the damage.
 */
export function nextOpen(dbPath: string, options: LookOptions = {}): NextOpen | null {
  let db: Database.Database | null = null;
  try {
    if (!fs.statSync(dbPath).isFile()) return null;
    const state = observeFile(dbPath);
    db = new Database(dbPath, {
      readonly: true,
      fileMustExist: true,
      timeout: 1000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > LATEST_VERSION) return null;
    const migration = from > 0 && from < LATEST_VERSION ? { from, to: LATEST_VERSION } : null;
    let lastPassed: Date | null;
    try {
      lastPassed = readLastFullCheck(db);
    } catch {
      lastPassed = null;
    }
    const now = (options.now ?? (() => new Date()))();
    return { migration, check: decideCheck({ ...state, migrationPending: migration !== null, lastPassed, now }) };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Whether the database at `dbPath` holds data of an older schema (0 < user_version < LATEST_VERSION): nextOpen's
 * migration, with the same read-only look.
 */
export function pendingMigration(dbPath: string, options: { nativeBinding?: string } = {}): PendingMigration | null {
  return nextOpen(dbPath, options)?.migration ?? null;
}

/** What the host hands the worker (workerData). */
export interface MigrateRequest {
  dbPath: string;
  nativeBinding?: string;
}

/** Why the open in the worker did not finish: a reason of the recovery screen, or 'worker' when the worker itself failed. */
export interface MigrateFailure {
  reason: RecoveryReason | 'worker';
  detail: string;
}

/** What the worker posts back, once. */
export type MigrateReport = { ok: true; version: number } | { ok: false; failure: MigrateFailure };

export type MigrateOutcome = MigrateReport & { ms: number };

export interface MigrateInWorkerOptions {
  /** The worker's entry: out/main/migrate-worker.cjs in the Electron build (see build/scripts/build-electron.mjs). */
  workerFile: string;
  /** better_sqlite3.node built for the host's runtime, as for openDatabase. */
  nativeBinding?: string;
  /** Node options for the worker (for instance a loader when workerFile is TypeScript). */
  execArgv?: string[];
}

/**
 * Open (check, back up and migrate) the database in a worker thread and close it again. Never rejects: a failure of
 * the check or a migration, of opening the file or of the worker itself resolves as `{ ok: false, failure }`, and
 * the file is left as openDatabase leaves it (untouched when damaged or too new, rolled back when a migration
 * throws).
 */
export function migrateInWorker(dbPath: string, options: MigrateInWorkerOptions): Promise<MigrateOutcome> {
  const started = performance.now();
  const request: MigrateRequest = { dbPath, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (report: MigrateReport): void => {
      if (settled) return;
      settled = true;
      resolve({ ...report, ms: performance.now() - started });
    };
    const workerFailed = (detail: string): void => settle({ ok: false, failure: { reason: 'worker', detail: detail.slice(0, 500) } });
    let worker: Worker;
    try {
      worker = new Worker(options.workerFile, { workerData: request, ...(options.execArgv ? { execArgv: options.execArgv } : {}) });
    } catch (error) {
      workerFailed(error instanceof Error ? error.message : String(error));
      return;
    }
    worker.once('message', (report: MigrateReport) => settle(report));
    worker.once('error', (error) => workerFailed(error instanceof Error ? error.message : String(error)));
    worker.once('exit', (code) => workerFailed(`The migration worker stopped (exit code ${code}) without reporting`));
  });
}
