/** Opening the one SQLite file: version checks, pragmas and migrations. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { backupDirFor, ownerOnly, vacuumBackup } from './backup';
import { decideCheck, type CheckReason } from './check-policy';
import { cheapCheck, observeFile, readLastFullCheck, recordFullCheck } from './file-check';
import { assertMigrationList, MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';

export type Db = Database.Database;

/** The file was written by a newer Kaizenbord; it is left exactly as it was. */
export class DatabaseTooNewError extends Error {
  readonly code = 'db_too_new';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`Database schema version ${found} is newer than this app knows (${known}); update Kaizenbord to open it.`);
    this.name = 'DatabaseTooNewError';
  }
}

/** quick_check or the cheap checks found damage; the file is left exactly as it was. */
export class DatabaseDamagedError extends Error {
  readonly code = 'db_damaged';
  constructor(readonly detail: string) {
    super(`The database failed its health check: ${detail.slice(0, 300)}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** A migration threw; its transaction rolled back, so the file is as it was before it. */
export class MigrationFailedError extends Error {
  readonly code = 'migration_failed';
  constructor(
    readonly version: number,
    readonly reason: string,
  ) {
    super(`Migration to schema ${version} failed and was rolled back: ${reason.slice(0, 300)}`);
    this.name = 'MigrationFailedError';
  }
}

/** The SQLite library linked into better-sqlite3 lacks features the schema needs. */
export class SqliteVersionError extends Error {
  readonly code = 'sqlite_too_old';
  constructor(readonly version: string) {
    super(`SQLite ${version} is too old; Kaizenbord needs ${MIN_SQLITE.join('.')} or newer.`);
    this.name = 'SqliteVersionError';
  }
}

/** group_concat(... ORDER BY ...) needs 3.44. */
const MIN_SQLITE = [3, 44, 0] as const;

function parseVersion(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

function atLeast(version: number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const a = version[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

export interface SqliteVersionInfo {
  version: string;
  /** New enough for the schema. */
  supported: boolean;
  /**
   * Has the fix for the WAL corruption with several writing connections (3.51.3, backported to 3.50.7 and 3.44.6).
   * Kaizenbord keeps one writing connection, so an unfixed build is still usable.
   */
  walFix: boolean;
}

export function checkSqliteVersion(version: string): SqliteVersionInfo {
  const v = parseVersion(version);
  const [major = 0, minor = 0] = v;
  const walFix =
    atLeast(v, [3, 51, 3]) ||
    (major === 3 && minor === 50 && atLeast(v, [3, 50, 7])) ||
    (major === 3 && minor === 44 && atLeast(v, [3, 44, 6]));
  return { version, supported: atLeast(v, MIN_SQLITE), walFix };
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (Electron). */
  nativeBinding?: string;
  /** Migrations to apply; defaults to the app's list (tests pass their own). */
  migrations?: readonly Migration[];
  /** How long to wait for a lock held by another program before giving up (ms, default 5000). */
  timeoutMs?: number;
  /** Where the pre-migration backup goes; defaults to the `backups` folder next to the file. */
  backupDir?: string;
  /** Clock for the backup's name and the age of the last full check. */
  now?: () => Date;
}

/** How an open checked the file (db/check-policy.ts): 'none' for a file it created. */
export interface OpenReport {
  check: 'full' | 'cheap' | 'none';
  reason: CheckReason | 'new_file';
  /** Time spent checking, ms. */
  checkMs: number;
}

const reports = new WeakMap<Db, OpenReport>();

/** How openDatabase checked this connection's file (undefined for a connection it did not open). */
export const openReportOf = (db: Db): OpenReport | undefined => reports.get(db);

/** Apply every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  assertMigrationList(migrations);
  const known = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > known) throw new DatabaseTooNewError(from, known);
  let current = from;
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      db.transaction(() => {
        m.up(db);
        // user_version lives in the file header and is part of this transaction.
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (error) {
      throw new MigrationFailedError(m.version, error instanceof Error ? error.message : String(error));
    }
    current = m.version;
  }
  return { from, to: current };
}

/**
 * Open (or create) the database at `path`: check the SQLite build, the schema version and the file's health
 * before anything is written (quick_check, or the cheap checks when db/check-policy.ts finds no reason to doubt
 * the file: openReportOf tells which), then set WAL, foreign keys, synchronous=FULL and a busy timeout,
 * back the file up (VACUUM INTO, when an existing schema is about to be migrated) and migrate.
 * Failures are typed (DatabaseTooNewError, DatabaseDamagedError, MigrationFailedError, SqliteError) and leave the
 * file as it was; db/recovery.ts turns them into the recovery screen.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  assertMigrationList(migrations);
  const known = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const onDisk = path !== ':memory:' && path !== '';
  const settings = {
    timeout: options.timeoutMs ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const now = options.now ?? (() => new Date());
  let report: OpenReport = { check: 'none', reason: 'new_file', checkMs: 0 };
  // Read-only checks first, on a read-only connection: a file from the future or a damaged one must stay
  // byte-identical, and so must its -wal (a read-write connection that fails may delete it when it closes).
  if (onDisk && fs.existsSync(path)) {
    // How the last session ended is read before any connection can change the -wal.
    const state = observeFile(path);
    const probe = new Database(path, { ...settings, readonly: true, fileMustExist: true });
    try {
      const found = checkFile(probe, known);
      const started = performance.now();
      const decision = decideCheck({
        ...state,
        migrationPending: found > 0 && found < known,
        lastPassed: readLastFullCheck(probe),
        now: now(),
      });
      if (decision.level === 'full') quickCheck(probe);
      else {
        const problem = cheapCheck(probe, path);
        if (problem) throw new DatabaseDamagedError(problem);
      }
      report = { check: decision.level, reason: decision.reason, checkMs: performance.now() - started };
    } finally {
      probe.close();
    }
  }
  const db = new Database(path, settings);
  try {
    if (onDisk) ownerOnly(path);
    const found = checkFile(db, known);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Second line of defence behind the per-migration transactions: a copy of the file before it is migrated.
    if (onDisk && found > 0 && found < known) {
      vacuumBackup(db, options.backupDir ?? backupDirFor(path), 'pre-migration', now());
    }
    migrate(db, migrations);
    // Written only after a full check passed (or into a file made just now), so a later start may skip one.
    // Bookkeeping only: a write that fails here (disk full, read-only folder) must not turn a healthy file into
    // a recovery screen; the next start simply checks in full again.
    if (onDisk && report.check !== 'cheap') {
      try {
        recordFullCheck(db, path, now());
      } catch {
        // The check passed; only its record is missing.
      }
    }
    reports.set(db, report);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The SQLite build and the schema version; returns the file's version. */
function checkFile(db: Db, known: number): number {
  const version = checkSqliteVersion(db.prepare('SELECT sqlite_version() AS v').pluck().get() as string);
  if (!version.supported) throw new SqliteVersionError(version.version);
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > known) throw new DatabaseTooNewError(found, known);
  return found;
}

function quickCheck(db: Db): void {
  const result = db.pragma('quick_check', { simple: true }) as string;
  if (result !== 'ok') throw new DatabaseDamagedError(String(result));
}

export { LATEST_VERSION };
