/**
 * The daily backup: once per local day, on the first call of that day (and at start). It counts only once its
 * check passed (db/maintenance/verify.ts: off the main thread; a damaged one is removed and marks the live file
 * damage-seen); then the daily backups are pruned to 14, and one found damaged never counts toward them.
 */
import { backupDirFor, createBackup, hasDailyBackupFor, localDay, pruneDailyBackups } from '../backup';
import { enqueue, type CoreControl } from './handlers';
import { tracked, verifyNewBackup, type VerifyOutcome } from './verify';

export class DailyBackups {
  private lastDay: string | null = null;
  /** The day's backup this process started: made, checked and pruned when it resolves (null: none made). */
  last: Promise<VerifyOutcome | null> = Promise.resolve(null);

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
    const made = enqueue(async () => {
      if (hasDailyBackupFor(dir, at) || !control.db.open) return null;
      const source = control.db;
      return { source, name: (await createBackup(source, dir, 'daily', at)).name };
    });
    const verified = made.then(
      (backup) =>
        backup &&
        verifyNewBackup(control, dir, backup.name, { source: backup.source, removeIfDamaged: true, then: () => pruneDailyBackups(dir) }),
      (error: unknown) => {
        // A core closed mid-backup (the app quitting) is not worth a warning.
        if (control.db.open) console.warn(`Daily backup failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      },
    );
    this.last = tracked(verified);
  }
}
