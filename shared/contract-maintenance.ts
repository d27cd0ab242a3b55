/** Contract calls of one feature (Issue 5: backups, restore and database health.) Spread into the one table in shared/contract.ts. */
import { z } from 'zod';
import { call, returns } from './contract-kit';

/** Why a backup was made: once a day on first use, by hand, before a migration, before a restore. */
export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Daily backups kept; pre-migration, manual and pre-restore backups are never pruned. */
export const DAILY_BACKUPS_KEPT = 14;

/** File names of backups: kaizenbord-<kind>-<UTC stamp>[-n].sqlite, nothing else (no paths). */
export const BACKUP_NAME_PATTERN = /^kaizenbord-(daily|manual|pre-migration|pre-restore)-(\d{8}T\d{9}Z)(?:-(\d{1,4}))?\.sqlite$/;

export interface BackupInfo {
  /** File name inside the backups folder next to the database. */
  name: string;
  kind: BackupKind;
  /** When it was made (ISO 8601, UTC). */
  at: string;
  /** Size in bytes. */
  size: number;
  /** Its integrity check: passed, found it damaged, or not run yet (it runs in the background after each backup). */
  check: BackupCheckState;
}

export const BACKUP_CHECKS = ['ok', 'damaged', 'unchecked'] as const;
export type BackupCheckState = (typeof BACKUP_CHECKS)[number];

/** Why the database could not be opened at start. */
export const RECOVERY_REASONS = ['damaged', 'unreadable', 'locked', 'too_new', 'unsupported', 'migration_failed'] as const;
export type RecoveryReason = (typeof RECOVERY_REASONS)[number];

export type RecoveryStatus =
  | { state: 'ok' }
  | {
      state: 'recovery';
      reason: RecoveryReason;
      /** Developer-facing detail (English); the screen explains the reason in the user's language. */
      detail: string;
      /** The database file's name (not its folder). */
      file: string;
      /** The newest backup that passes integrity_check and this version can open, if any. */
      latestBackup: BackupInfo | null;
      /** Restoring or starting empty is possible (not while another program holds the file). */
      canReplace: boolean;
    };

const backupName = z.string().max(80).regex(BACKUP_NAME_PATTERN);
const none = z.strictObject({});

export const maintenanceCalls = {
  // Backups (db/maintenance, db/backup.ts)
  'backups:list': call('The backups next to the database, newest first.', none, returns<BackupInfo[]>()),
  'backups:create': call('Make a backup now (SQLite online backup API).', none, returns<BackupInfo>()),
  'backups:restore': call(
    'Replace the database with a backup that passes integrity_check; the current file is backed up first.',
    z.strictObject({ name: backupName }),
    returns<{ restored: BackupInfo; safety: BackupInfo }>(),
  ),
  // Recovery: served by the host even when the database cannot be opened (db/recovery.ts)
  'recovery:status': call('Whether the database opened, or why not and what can be done.', none, returns<RecoveryStatus>()),
  'recovery:retry': call('Try to open the database again (e.g. after another program let go of it).', none, returns<RecoveryStatus>()),
  'recovery:restore': call(
    'Recovery mode: keep the unusable file aside under a dated name and open the newest good backup.',
    none,
    returns<RecoveryStatus>(),
  ),
  'recovery:reset': call(
    'Recovery mode: keep the unusable file aside under a dated name and begin with an empty database.',
    none,
    returns<RecoveryStatus>(),
  ),
} as const;
