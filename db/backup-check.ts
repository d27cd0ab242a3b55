/**
 * Checking a backup file off the main thread, and remembering the verdict.
 *
 * A clean start reads only a few pages of the live file (db/check-policy.ts), so the online backup copies damage
 * deeper in it without complaint. Every new backup (db/maintenance/verify.ts) is therefore checked with
 * `PRAGMA integrity_check`, about 15 s of reading at 100,000 ideas: `checkOffThread` runs it in a worker_threads
 * Worker (entry db/backup-check-worker.ts, bundled as out/main/backup-check-worker.cjs next to main.cjs) while the
 * app keeps serving calls. Without that bundle (plain Node: tests, the tsx harness) it runs in the thread instead.
 *
 * The verdict is kept next to the backup in `<backup>.checked` (written only after the check ran), tied to the
 * backup's size and modification time: `latestGoodBackup` trusts it instead of reading the backup again, and a
 * backup that changed since counts as unchecked. This module imports no more than the worker needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * What a check of a backup file found. `certain` tells damage (integrity_check failed, SQLite found no database or a
 * corrupt one) from a failure that says nothing about the file (locked, unreadable, missing): only damage is kept.
 */
export type FileVerdict = { ok: true; version: number } | { ok: false; certain: boolean; detail: string };

const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

/** Open `file` read-only: PRAGMA integrity_check must say ok; reports the schema version (user_version). */
export function integrityCheckFile(file: string, nativeBinding?: string): FileVerdict {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const result = db.pragma('integrity_check', { simple: true }) as string;
    if (result !== 'ok') return { ok: false, certain: true, detail: `integrity_check: ${String(result).slice(0, 200)}` };
    return { ok: true, version: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, certain: DAMAGE_CODES.test(code), detail: (code ? `${code}: ${message}` : message).slice(0, 300) };
  } finally {
    db?.close();
  }
}

// The remembered verdict

/** Next to a backup: the verdict of its check. Never matches BACKUP_NAME_PATTERN, so it is never listed as a backup. */
export const CHECK_MARK_SUFFIX = '.checked';

export const checkMarkFor = (backupFile: string): string => `${backupFile}${CHECK_MARK_SUFFIX}`;

interface CheckMark {
  ok: boolean;
  version?: number;
  detail?: string;
  /** The backup as it was checked: a different size or modification time makes the mark void. */
  size: number;
  mtimeMs: number;
  at: string;
}

/**
 * Remember a verdict after its check ran (an uncertain failure is not remembered). Written to a temporary name
 * and renamed, so a half-written mark never exists. Never throws: without the mark the backup is checked again.
 */
export function writeCheckMark(backupFile: string, verdict: FileVerdict, at: Date): void {
  if (!verdict.ok && !verdict.certain) return;
  const mark = checkMarkFor(backupFile);
  const partial = `${mark}.partial`;
  try {
    const stat = fs.statSync(backupFile);
    const body: CheckMark = {
      ok: verdict.ok,
      ...(verdict.ok ? { version: verdict.version } : { detail: verdict.detail }),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      at: at.toISOString(),
    };
    fs.writeFileSync(partial, `${JSON.stringify(body)}\n`, { mode: 0o600 });
    fs.renameSync(partial, mark);
  } catch {
    fs.rmSync(partial, { force: true });
  }
}

/** The remembered verdict of a backup, or null: no mark, an unreadable one, or the backup changed since. */
export function readCheckMark(backupFile: string): FileVerdict | null {
  try {
    const mark = JSON.parse(fs.readFileSync(checkMarkFor(backupFile), 'utf8')) as Partial<CheckMark>;
    const stat = fs.statSync(backupFile);
    if (mark.size !== stat.size || mark.mtimeMs !== stat.mtimeMs) return null;
    if (mark.ok === true && typeof mark.version === 'number') return { ok: true, version: mark.version };
    if (mark.ok === false) return { ok: false, certain: true, detail: String(mark.detail ?? 'damaged') };
    return null;
  } catch {
    return null;
  }
}

// The worker

/** The worker's file name, next to main.cjs (build/scripts/build-electron.mjs writes it there). */
export const BACKUP_CHECK_WORKER_FILE = 'backup-check-worker.cjs';

/** What the host hands the worker (workerData); it posts one FileVerdict back. */
export interface BackupCheckRequest {
  file: string;
  nativeBinding?: string;
}

let configuredWorker: string | null | undefined;

/** Use this worker file (a host or a test that built it), null for none, undefined for the default lookup. */
export function setBackupCheckWorker(file: string | null | undefined): void {
  configuredWorker = file;
}

/** The worker entry: the configured one, else backup-check-worker.cjs next to the running bundle, else null. */
export function backupCheckWorkerFile(): string | null {
  if (configuredWorker !== undefined) return configuredWorker;
  // In the Electron bundle this module is part of out/main/main.cjs; under ESM (tests, tsx) there is no __dirname.
  if (typeof __dirname !== 'string') return null;
  const bundled = path.join(__dirname, BACKUP_CHECK_WORKER_FILE);
  return fs.existsSync(bundled) ? bundled : null;
}

/** Check `file` in a worker thread. Rejects when the worker cannot start or stops without an answer. */
export function checkInWorker(file: string, workerFile: string, nativeBinding?: string): Promise<FileVerdict> {
  const request: BackupCheckRequest = { file, ...(nativeBinding ? { nativeBinding } : {}) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: request });
    worker.once('message', (verdict: FileVerdict) => resolve(verdict));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The backup check worker stopped (exit code ${code}) without an answer`)));
  });
}

/**
 * Check `file` in the worker when there is one (the desktop app), else in this thread. Never rejects: a worker
 * that fails is an uncertain verdict (nothing is known about the file).
 */
export function checkOffThread(file: string, nativeBinding?: string): Promise<FileVerdict> {
  const workerFile = backupCheckWorkerFile();
  if (!workerFile) return Promise.resolve(integrityCheckFile(file, nativeBinding));
  return checkInWorker(file, workerFile, nativeBinding).catch(
    (error: unknown): FileVerdict => ({ ok: false, certain: false, detail: error instanceof Error ? error.message : String(error) }),
  );
}
