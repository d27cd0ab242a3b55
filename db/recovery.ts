/**
 * Recovery mode: what the hosts (db/harness.ts, electron/main.ts) serve instead of crashing when the database
 * cannot be opened. `openService` tries createCore; when that fails it keeps the reason and answers the recovery
 * calls of shared/contract-maintenance.ts itself (every other call gets 'unavailable'), until one of them opens a
 * database: the same file again, the newest good backup, or an empty one. The unusable file is never deleted or
 * overwritten: it is moved aside under a dated name with its -wal and -shm first.
 */
import path from 'node:path';
import type { RecoveryReason, RecoveryStatus } from '../shared/contract-maintenance';
import type { Result } from '../shared/result';
import { validateCall } from '../shared/validate';
import { backupDirFor, installBackup, latestGoodBackup, moveAside } from './backup';
import { LATEST_VERSION } from './migrations';
import { DatabaseDamagedError, DatabaseTooNewError, MigrationFailedError, SqliteVersionError } from './open';
import { createCore, type Core, type CoreOptions } from './service';

export interface OpenFailure {
  reason: RecoveryReason;
  detail: string;
}

const DAMAGED_CODES = /^SQLITE_(NOTADB|CORRUPT)/;
const LOCKED_CODES = /^SQLITE_(BUSY|LOCKED)/;

/** Sort an error thrown by createCore into the reasons the recovery screen explains. */
export function classifyOpenError(error: unknown): OpenFailure {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (error instanceof DatabaseTooNewError) return { reason: 'too_new', detail };
  if (error instanceof DatabaseDamagedError) return { reason: 'damaged', detail };
  if (error instanceof MigrationFailedError) return { reason: 'migration_failed', detail };
  if (error instanceof SqliteVersionError) return { reason: 'unsupported', detail };
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (DAMAGED_CODES.test(code)) return { reason: 'damaged', detail };
  if (LOCKED_CODES.test(code)) return { reason: 'locked', detail };
  return { reason: 'unreadable', detail };
}

export interface Service {
  /** Any contract call: to the core when the database is open, else the recovery calls. Never rejects. */
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** The open core, or null while in recovery mode. */
  readonly core: Core | null;
  /** Why the database could not be opened, or null when it is open. */
  readonly failure: OpenFailure | null;
  close(): void;
}

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'unavailable', message } });

/** Open the core at options.dbPath, or serve recovery mode when that fails. Never throws. */
export function openService(options: CoreOptions): Service {
  let core: Core | null = null;
  let failure: OpenFailure | null = null;
  const now = options.now ?? (() => new Date());
  const dbPath = path.resolve(options.dbPath);
  const backups = backupDirFor(dbPath);

  const tryOpen = (): void => {
    try {
      core = createCore({ ...options, dbPath });
      failure = null;
    } catch (error) {
      core = null;
      failure = classifyOpenError(error);
    }
  };

  const status = async (): Promise<RecoveryStatus> => {
    if (!failure) return { state: 'ok' };
    const { reason, detail } = failure;
    // Backups keep the verdict of their check (db/backup-check.ts); one without it is checked off the main thread.
    const latestBackup = await latestGoodBackup(backups, LATEST_VERSION, options.nativeBinding);
    return { state: 'recovery', reason, detail, file: path.basename(dbPath), latestBackup, canReplace: reason !== 'locked' };
  };

  const refuseWhileLocked = (): Result<never> | null =>
    failure?.reason === 'locked'
      ? unavailable('Another program holds the database; close it and try again (nothing was moved)')
      : null;

  const recoveryCall = async (name: string): Promise<Result<unknown>> => {
    switch (name) {
      case 'recovery:status':
        return { ok: true, value: await status() };
      case 'recovery:retry':
        tryOpen();
        return { ok: true, value: await status() };
      case 'recovery:restore': {
        const refused = refuseWhileLocked();
        if (refused) return refused;
        const backup = await latestGoodBackup(backups, LATEST_VERSION, options.nativeBinding);
        if (!backup) return { ok: false, error: { code: 'not_found', message: 'No usable backup', field: 'name' } };
        moveAside(dbPath, now());
        installBackup(path.join(backups, backup.name), dbPath);
        tryOpen();
        return { ok: true, value: await status() };
      }
      case 'recovery:reset': {
        const refused = refuseWhileLocked();
        if (refused) return refused;
        moveAside(dbPath, now());
        tryOpen();
        return { ok: true, value: await status() };
      }
      default:
        return unavailable('The database could not be opened; the app is in recovery mode');
    }
  };

  /** Recovery calls one at a time: a restore waiting for a backup's check must not interleave with a reset. */
  let recovering: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = recovering.then(work, work);
    recovering = run.catch(() => undefined);
    return run;
  };

  tryOpen();

  /**
   * A call met damage the checks at open did not read (db/check-policy.ts): stop serving the file and show the
   * recovery screen, as if the open had found it. The connection closes without writing anything new.
   */
  const damagedMidSession = (open: Core, detail: string): void => {
    open.close();
    if (core === open) core = null;
    failure = { reason: 'damaged', detail: detail.slice(0, 500) };
  };

  const serveOpen = async (open: Core, name: string, input: unknown): Promise<Result<unknown>> => {
    const result = await open.call(name, input);
    if (!result.ok && result.error.code === 'damaged') damagedMidSession(open, result.error.message);
    return result;
  };

  return {
    async call(name, input) {
      if (core) return serveOpen(core, name, input);
      const validated = validateCall(name, input);
      if (!validated.ok) return validated;
      try {
        // A restore ahead of this call may have opened a database meanwhile: then the core serves it.
        return await oneAtATime(() => (core ? serveOpen(core, name, input) : recoveryCall(name)));
      } catch (error) {
        return unavailable(error instanceof Error ? error.message : String(error));
      }
    },
    get core() {
      return core;
    },
    get failure() {
      return failure;
    },
    close() {
      core?.close();
      core = null;
    },
  };
}
