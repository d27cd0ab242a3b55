/** The daily backup: once per local day, on the first call of that day (and at start), then prune to 14. */
import { backupDirFor, createBackup, hasDailyBackupFor, localDay, pruneDailyBackups } from '../backup';
import { enqueue, type CoreControl } from './handlers';

export class DailyBackups {
  private lastDay: string | null = null;

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
    void enqueue(async () => {
      if (hasDailyBackupFor(dir, at) || !control.db.open) return;
      await createBackup(control.db, dir, 'daily', at);
      pruneDailyBackups(dir);
    }).catch((error: unknown) => {
      // A core closed mid-backup (the app quitting) is not worth a warning.
      if (control.db.open) console.warn(`Daily backup failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
