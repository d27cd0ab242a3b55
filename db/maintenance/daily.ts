/**
 * The daily backup: once per local day, on the first call of that day (and at start), then prune to 14.
 * Each new one is checked with integrity_check off the main thread (db/backup-check.ts) before it counts: one that
 * passes gets its `.checked` mark; one that is damaged copied damage from the live file (a clean start reads only a
 * few of its pages), so it is removed, never pushing out a good backup, and the live file is marked damage-seen:
 * the next start checks it in full and shows the recovery screen if the damage is there.
 */
import path from 'node:path';
import { backupDirFor, createBackup, hasDailyBackupFor, localDay, pruneDailyBackups, removeBackup } from '../backup';
import { checkOffThread, writeCheckMark } from '../backup-check';
import { markDamageSeen } from '../file-check';
import { enqueue, type CoreControl } from './handlers';

/** What became of the day's backup; `check` tells whether it passed, failed (removed) or could not be checked. */
export interface DailyOutcome {
  name: string;
  check: 'passed' | 'damaged' | 'unchecked';
  detail?: string;
}

/** Check a new daily backup and keep, mark or remove it. Never throws. */
async function settle(control: CoreControl, dir: string, name: string): Promise<DailyOutcome> {
  const file = path.join(dir, name);
  const verdict = await checkOffThread(file, control.nativeBinding).catch((error: unknown) => ({
    ok: false as const,
    certain: false,
    detail: error instanceof Error ? error.message : String(error),
  }));
  if (verdict.ok) {
    writeCheckMark(file, verdict, control.now());
    return { name, check: 'passed' };
  }
  if (!verdict.certain) {
    // Locked, unreadable or no worker: the backup stays without a mark; latestGoodBackup checks it when asked.
    console.warn(`Daily backup ${name} could not be checked: ${verdict.detail}`);
    return { name, check: 'unchecked', detail: verdict.detail };
  }
  removeBackup(dir, name);
  markDamageSeen(control.dbPath, `The daily backup failed its check: ${verdict.detail}`, control.now());
  console.warn(`Daily backup ${name} failed its check and was removed; the next start checks the database in full: ${verdict.detail}`);
  return { name, check: 'damaged', detail: verdict.detail };
}

export class DailyBackups {
  private lastDay: string | null = null;
  /** The last daily backup this process queued, until it is made, checked and pruned (tests await it). */
  last: Promise<DailyOutcome | null> = Promise.resolve(null);

  constructor(private readonly control: CoreControl) {}

  /** Cheap when today's backup is known to exist; otherwise queues one. Never throws. */
  check(): void {
    const { control } = this;
    if (control.dbPath === ':memory:' || control.dbPath === '') return;
    const at = control.now();
    const day = localDay(at);
    if (day === this.lastDay) return;
    // Once per day per process, even when the backup fails (a full disk is not retried on every call).
    this.lastDay = day;
    const dir = backupDirFor(control.dbPath);
    // On the queue, so a backup or restore asked for meanwhile waits; calls of the board keep being served.
    this.last = enqueue(async () => {
      if (hasDailyBackupFor(dir, at) || !control.db.open) return null;
      const backup = await createBackup(control.db, dir, 'daily', at);
      const outcome = await settle(control, dir, backup.name);
      pruneDailyBackups(dir);
      return outcome;
    }).catch((error: unknown) => {
      // A core closed mid-backup (the app quitting) is not worth a warning.
      if (control.db.open) console.warn(`Daily backup failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
  }
}
