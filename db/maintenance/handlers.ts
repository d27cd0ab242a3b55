/**
 * Core handlers for the calls in shared/contract-maintenance.ts.
 * Backups and restore cannot run inside runCall's transaction (the online backup API is asynchronous, a restore
 * closes the connection), so they are "outside" calls: validated against the contract like every call, then run
 * one at a time on a queue with the core's control handle. The recovery calls run inside a transaction like the
 * rest; on an open database they only report that all is well (db/recovery.ts serves them when it is not).
 */
import path from 'node:path';
import type { BackupInfo, maintenanceCalls } from '../../shared/contract-maintenance';
import type { CallOutput, ParsedInput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { validateCall } from '../../shared/validate';
import { backupDirFor, createBackup, installBackup, judgeBackup, listBackups } from '../backup';
import { checkOffThread, writeCheckMark } from '../backup-check';
import type { Db, HandlersFor } from '../core-types';
import { DomainError, invalid, notFound } from '../errors';
import { LATEST_VERSION } from '../migrations';
import { verifyNewBackup } from './verify';

/** What the outside calls may do with the core: its connection, file, clock, and closing and opening it again. */
export interface CoreControl {
  readonly db: Db;
  readonly dbPath: string;
  now: () => Date;
  nativeBinding: string | undefined;
  /** Close the connection (if open) and open the file at dbPath again, migrating it. */
  reopen: () => void;
}

export const OUTSIDE_CALLS = ['backups:list', 'backups:create', 'backups:restore'] as const;
export type OutsideCall = (typeof OUTSIDE_CALLS)[number];
const OUTSIDE: ReadonlySet<string> = new Set(OUTSIDE_CALLS);

export const isOutsideCall = (name: string): name is OutsideCall => OUTSIDE.has(name);

const notInRecovery = () => new DomainError('unavailable', 'The database is open; this works only on the recovery screen');

export const maintenanceHandlers: HandlersFor<Omit<typeof maintenanceCalls, OutsideCall>> = {
  'recovery:status': () => ({ state: 'ok' }),
  'recovery:retry': () => ({ state: 'ok' }),
  'recovery:restore': () => {
    throw notInRecovery();
  },
  'recovery:reset': () => {
    throw notInRecovery();
  },
};

function backupDir(control: CoreControl): string {
  if (control.dbPath === ':memory:' || control.dbPath === '') {
    throw new DomainError('unavailable', 'A database in memory has no backups');
  }
  return backupDirFor(control.dbPath);
}

async function restore(control: CoreControl, name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
  const dir = backupDir(control);
  const restored = listBackups(dir).find((b) => b.name === name);
  if (!restored) throw notFound('name', 'Backup');
  const file = path.join(dir, name);
  // Read in full before it replaces anything, off the main thread (several seconds at 100,000 ideas).
  const verdict = await checkOffThread(file, control.nativeBinding);
  writeCheckMark(file, verdict, control.now());
  const check = judgeBackup(verdict, LATEST_VERSION);
  if (!check.ok) {
    throw invalid('name', 'invalid_value', `The backup cannot be restored (${check.problem}): ${check.detail}`);
  }
  // The current file first, so the restore itself can be undone.
  const safety = await createBackup(control.db, dir, 'pre-restore', control.now());
  // From here on everything is synchronous: no other call runs until the new file is open.
  control.db.close();
  try {
    installBackup(file, control.dbPath);
    control.reopen();
  } catch (error) {
    // Put the file from just before the restore back and keep serving it.
    installBackup(path.join(dir, safety.name), control.dbPath);
    control.reopen();
    throw error;
  } finally {
    // A copy of the file being replaced: checked like every new backup, but damage in it marks nothing live.
    void verifyNewBackup(control, dir, safety.name, { source: null, removeIfDamaged: false });
  }
  return { restored, safety };
}

type OutsideHandlers = { [K in OutsideCall]: (control: CoreControl, input: ParsedInput<K>) => Promise<CallOutput<K>> };

const outsideHandlers: OutsideHandlers = {
  'backups:list': async (control) => listBackups(backupDir(control)),
  'backups:create': async (control) => {
    const dir = backupDir(control);
    const source = control.db;
    const backup = await createBackup(source, dir, 'manual', control.now());
    // Checked in the background (db/maintenance/verify.ts); the call answers once the copy is written.
    void verifyNewBackup(control, dir, backup.name, { source, removeIfDamaged: false });
    return backup;
  },
  'backups:restore': async (control, { name }) => restore(control, name),
};

/** One outside call at a time, in arrival order (a restore must not overlap a backup). */
let queue: Promise<unknown> = Promise.resolve();

/** Queue work that must not overlap a backup or restore (the daily backup uses it too). */
export function enqueue<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Validate and run an outside call; like runCall it never throws or rejects. */
export function runOutsideCall(control: CoreControl, name: OutsideCall, input: unknown): Promise<Result<unknown>> {
  const validated = validateCall(name, input);
  if (!validated.ok) return Promise.resolve(validated);
  const handler = outsideHandlers[name] as (control: CoreControl, input: unknown) => Promise<unknown>;
  return enqueue(async (): Promise<Result<unknown>> => {
    try {
      return { ok: true, value: await handler(control, validated.value) };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toCallError() };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: control.db.open ? 'internal' : 'unavailable', message: message.slice(0, 500) } };
    }
  });
}
