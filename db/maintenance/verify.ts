/**
 * Every backup the running app makes (daily, manual, pre-restore) is checked with integrity_check off the main
 * thread (db/backup-check.ts) once it is written, so latestGoodBackup and the recovery screen find its verdict and
 * read no backup themselves. The check (several seconds at 100,000 ideas) runs outside the queue of backups and
 * restores, so the Backups screen keeps answering; only acting on the verdict is queued.
 *
 * A backup of the live file that fails copied damage from it (a clean start reads only a few of its pages): the
 * live file is marked damage-seen, so the next start checks it in full and shows the recovery screen, unless a
 * restore replaced the file meanwhile. A daily one is removed (it never counts and never pushes out a good one);
 * a backup the user asked for stays, marked damaged, and is never offered for recovery.
 */
import path from 'node:path';
import type { Db } from '../core-types';
import { removeBackup } from '../backup';
import { checkOffThread, writeCheckMark, type FileVerdict } from '../backup-check';
import { markDamageSeen } from '../file-check';
import { enqueue, type CoreControl } from './handlers';

/** What became of a new backup: its check passed, found damage, or could not run (it stays unmarked). */
export interface VerifyOutcome {
  name: string;
  check: 'passed' | 'damaged' | 'unchecked';
  detail?: string;
}

export interface VerifyOptions {
  /** The connection the backup was copied from; damage marks the live file only while it is still open. */
  source: Db | null;
  /** Remove a damaged backup (daily ones) instead of keeping it marked damaged. */
  removeIfDamaged: boolean;
  /** More work on the queue right after the verdict (pruning the daily backups). */
  then?: () => void;
}

const running = new Set<Promise<unknown>>();

/** Resolves once every backup started so far is made, checked and acted on (tests; a host that quits tidily). */
export async function backupChecksSettled(): Promise<void> {
  while (running.size) await Promise.all(running);
}

/** Count `work` (never rejecting) among what backupChecksSettled waits for; returns it. */
export function tracked<T>(work: Promise<T>): Promise<T> {
  running.add(work);
  void work.finally(() => running.delete(work));
  return work;
}

function act(control: CoreControl, dir: string, name: string, verdict: FileVerdict, options: VerifyOptions): VerifyOutcome {
  const file = path.join(dir, name);
  try {
    if (verdict.ok) {
      writeCheckMark(file, verdict, control.now());
      return { name, check: 'passed' };
    }
    if (!verdict.certain) {
      // Locked, unreadable, no worker: without a mark latestGoodBackup checks it when it is needed.
      console.warn(`Backup ${name} could not be checked: ${verdict.detail}`);
      return { name, check: 'unchecked', detail: verdict.detail };
    }
    if (options.removeIfDamaged) removeBackup(dir, name);
    else writeCheckMark(file, verdict, control.now());
    // Still the file it was copied from (a restore meanwhile replaced it with another connection), open or closed.
    const live = options.source !== null && options.source === control.db;
    if (live) markDamageSeen(control.dbPath, `The backup ${name} failed its check: ${verdict.detail}`, control.now());
    console.warn(`Backup ${name} failed its check${options.removeIfDamaged ? ' and was removed' : ''}: ${verdict.detail}`);
    return { name, check: 'damaged', detail: verdict.detail };
  } finally {
    options.then?.();
  }
}

/** Check a backup just made in `dir`, then act on the verdict on the queue. Never rejects. */
export function verifyNewBackup(control: CoreControl, dir: string, name: string, options: VerifyOptions): Promise<VerifyOutcome> {
  const work = checkOffThread(path.join(dir, name), control.nativeBinding)
    .then((verdict) => enqueue(async () => act(control, dir, name, verdict, options)))
    .catch((error: unknown): VerifyOutcome => ({ name, check: 'unchecked', detail: error instanceof Error ? error.message : String(error) }));
  return tracked(work);
}
