/**
 * Backups of the one SQLite file, in a `backups` folder next to it (owner-only permissions).
 *
 * Two ways to copy a live database, each where it fits:
 * - SQLite's online backup API (better-sqlite3 `db.backup()`, asynchronous, copies pages in steps between other
 *   calls and picks up this connection's writes made meanwhile): daily, manual and pre-restore backups, which are
 *   made while the app keeps serving calls.
 * - `VACUUM INTO` (synchronous, a compact and consistent copy in one statement): the pre-migration backup, which is
 *   taken inside the synchronous open path before anything else uses the connection.
 * Both write to a `.partial` name first and rename when complete, so a half-written backup never looks like one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  BACKUP_NAME_PATTERN,
  DAILY_BACKUPS_KEPT,
  type BackupCheckState,
  type BackupInfo,
  type BackupKind,
} from '../shared/contract-maintenance';
import { checkMarkFor, checkOffThread, integrityCheckFile, readCheckMark, writeCheckMark, type FileVerdict } from './backup-check';

type Db = Database.Database;

export const BACKUP_DIR_NAME = 'backups';
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), BACKUP_DIR_NAME);
}

/** Owner-only permissions where the platform has them (a no-op on Windows). */
export function ownerOnly(file: string, mode: number = FILE_MODE): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(file, mode);
  } catch {
    // A file on a file system without modes (FAT, some network shares) keeps what it has.
  }
}

/** Create a folder (and its parents) readable by the owner only. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  ownerOnly(dir, DIR_MODE);
}

/** 2026-11-23T15:20:00.123Z → 20261123T152000123Z */
function stampOf(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function atOfStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** The local calendar day of a moment, YYYY-MM-DD: "once a day" follows the user's clock. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Parse a backup file name; null for anything else in the folder. */
export function parseBackupName(name: string): { kind: BackupKind; at: string } | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  return { kind: m[1] as BackupKind, at: atOfStamp(m[2]!) };
}

/** Every backup in `dir`, newest first (by the time in its name, then by name). */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const list: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      if (stat.isFile()) list.push({ name, ...parsed, size: stat.size, check: checkOf(file) });
    } catch {
      // Gone meanwhile.
    }
  }
  return list.sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
}

/** A backup's remembered check verdict (see backup-check.ts); a changed backup counts as unchecked. */
function checkOf(file: string): BackupCheckState {
  const verdict = readCheckMark(file);
  return verdict === null ? 'unchecked' : verdict.ok ? 'ok' : 'damaged';
}

/** A fresh, unused file name for a backup of `kind` made at `at`. */
function freshName(dir: string, kind: BackupKind, at: Date): string {
  const base = `kaizenbord-${kind}-${stampOf(at)}`;
  let name = `${base}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${base}-${n}.sqlite`;
  return name;
}

function info(dir: string, name: string): BackupInfo {
  const parsed = parseBackupName(name)!;
  const file = path.join(dir, name);
  return { name, ...parsed, size: fs.statSync(file).size, check: checkOf(file) };
}

function finish(dir: string, partial: string, name: string): BackupInfo {
  ownerOnly(partial);
  fs.renameSync(partial, path.join(dir, name));
  return info(dir, name);
}

/** Online backup (asynchronous) of an open connection into `dir`. */
export async function createBackup(db: Db, dir: string, kind: BackupKind, at: Date): Promise<BackupInfo> {
  ensurePrivateDir(dir);
  const name = freshName(dir, kind, at);
  const partial = path.join(dir, `${name}.partial`);
  try {
    await db.backup(partial);
    return finish(dir, partial, name);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Synchronous copy with VACUUM INTO; for the open path, outside any transaction. */
export function vacuumBackup(db: Db, dir: string, kind: BackupKind, at: Date): BackupInfo {
  ensurePrivateDir(dir);
  const name = freshName(dir, kind, at);
  const partial = path.join(dir, `${name}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    return finish(dir, partial, name);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Remove a backup and the mark of its check. */
export function removeBackup(dir: string, name: string): void {
  const file = path.join(dir, name);
  fs.rmSync(file, { force: true });
  fs.rmSync(checkMarkFor(file), { force: true });
}

/**
 * Keep the newest DAILY_BACKUPS_KEPT daily backups that are not known to be damaged; every other kind stays.
 * A backup whose check found damage (db/backup-check.ts) never counts, so it never pushes out a good one; it goes
 * once it is older than the oldest one kept. Returns the names removed.
 */
export function pruneDailyBackups(dir: string, keep: number = DAILY_BACKUPS_KEPT): string[] {
  const daily = listBackups(dir).filter((b) => b.kind === 'daily');
  const removed: string[] = [];
  let kept = 0;
  for (const backup of daily) {
    if (kept < keep) {
      if (readCheckMark(path.join(dir, backup.name))?.ok !== false) kept++;
      continue;
    }
    removeBackup(dir, backup.name);
    removed.push(backup.name);
  }
  return removed;
}

/** Whether the backups folder already holds a daily backup made on the local day of `at`. */
export function hasDailyBackupFor(dir: string, at: Date): boolean {
  const day = localDay(at);
  return listBackups(dir).some((b) => b.kind === 'daily' && localDay(new Date(b.at)) === day);
}

export type BackupCheck = { ok: true; version: number } | { ok: false; problem: 'damaged' | 'too_new'; detail: string };

/** How many backup files checkBackupFile and latestGoodBackup have read in full to check them; tests watch it. */
export const backupChecksRun = { count: 0 };

/** Open a backup read-only and check it: PRAGMA integrity_check must say ok and its schema must not be newer. */
export function checkBackupFile(file: string, knownVersion: number, nativeBinding?: string): BackupCheck {
  backupChecksRun.count++;
  return judgeBackup(integrityCheckFile(file, nativeBinding), knownVersion);
}

/** A verdict of db/backup-check.ts as a backup to restore: damaged, from a newer schema, or good. */
export function judgeBackup(verdict: FileVerdict, knownVersion: number): BackupCheck {
  if (!verdict.ok) return { ok: false, problem: 'damaged', detail: verdict.detail };
  if (verdict.version > knownVersion) return { ok: false, problem: 'too_new', detail: `schema ${verdict.version} > ${knownVersion}` };
  return { ok: true, version: verdict.version };
}

/** A check of one backup file, as latestGoodBackup runs it when the backup has no mark yet. Never rejects. */
export type BackupChecker = (file: string) => Promise<FileVerdict>;

/**
 * The newest backup in `dir` that passed integrity_check and is not from a newer schema, or null. A backup's
 * remembered verdict (its `.checked` mark, db/backup-check.ts) is trusted; one without a mark (made before marks
 * existed, a pre-migration backup, one whose check could not run) is checked once, off the main thread where the
 * worker is available, and its verdict remembered: a recovery screen that asks again reads no backup twice.
 */
export async function latestGoodBackup(
  dir: string,
  knownVersion: number,
  nativeBinding?: string,
  check: BackupChecker = (file) => {
    backupChecksRun.count++;
    return checkOffThread(file, nativeBinding);
  },
): Promise<BackupInfo | null> {
  for (const backup of listBackups(dir)) {
    const file = path.join(dir, backup.name);
    let verdict = readCheckMark(file);
    if (!verdict) {
      verdict = await check(file);
      writeCheckMark(file, verdict, new Date());
    }
    if (judgeBackup(verdict, knownVersion).ok) return backup;
  }
  return null;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every file system lets a folder be synced.
  }
}

/**
 * Put a checked backup in the place of the (closed) database: copy it next to the database, sync it, drop the old
 * -wal/-shm (they belong to the old file) and rename the copy over the database in one step.
 */
export function installBackup(source: string, dbPath: string): void {
  const staging = `${dbPath}.restoring`;
  fs.copyFileSync(source, staging);
  ownerOnly(staging);
  fsyncFile(staging);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
  fs.renameSync(staging, dbPath);
  fsyncDir(path.dirname(dbPath));
}

/**
 * Keep an unusable database aside under a dated name, with its -wal and -shm, instead of deleting it.
 * kaizenbord.sqlite → kaizenbord.damaged-20261123T152000123Z.sqlite (+ -wal, -shm). Returns the new name.
 */
export function moveAside(dbPath: string, at: Date, label = 'damaged'): string | null {
  const dir = path.dirname(dbPath);
  const ext = path.extname(dbPath);
  const base = path.basename(dbPath, ext);
  const target = path.join(dir, `${base}.${label}-${stampOf(at)}${ext}`);
  let moved: string | null = null;
  if (fs.existsSync(dbPath)) {
    fs.renameSync(dbPath, target);
    moved = path.basename(target);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(`${dbPath}${suffix}`)) fs.renameSync(`${dbPath}${suffix}`, `${target}${suffix}`);
  }
  fsyncDir(dir);
  return moved;
}
