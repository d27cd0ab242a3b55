/**
 * Every new backup is checked off the main thread (db/backup-check.ts, the worker as the Electron build bundles it,
 * db/maintenance/verify.ts) before it counts: a healthy one is marked, a daily one copied from a file with a damaged
 * leaf page is removed and marks the live file damage-seen, and pruning keeps the 14 good ones. latestGoodBackup (recovery:status) trusts the marks.
 * Real SQLite files in temp folders throughout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBundleOptions } from '../../build/scripts/build-electron.mjs';
import {
  backupChecksRun,
  backupDirFor,
  createBackup,
  latestGoodBackup,
  listBackups,
  pruneDailyBackups,
} from '../../db/backup';
import {
  BACKUP_CHECK_WORKER_FILE,
  checkInWorker,
  checkMarkFor,
  integrityCheckFile,
  readCheckMark,
  setBackupCheckWorker,
  writeCheckMark,
  type FileVerdict,
} from '../../db/backup-check';
import { seedDemo } from '../../db/demo';
import { damageMarkerFor } from '../../db/file-check';
import { DailyBackups } from '../../db/maintenance/daily';
import { backupChecksSettled } from '../../db/maintenance/verify';
import type { CoreControl } from '../../db/maintenance/handlers';
import { LATEST_VERSION } from '../../db/migrations';
import { openDatabase, openReportOf } from '../../db/open';
import { openService } from '../../db/recovery';
import type { RecoveryStatus } from '../../shared/contract-maintenance';
import { frozenClock, makeCore, tempDir, unwrap } from './support';

const require = createRequire(import.meta.url);
const DAY = 24 * 60 * 60 * 1000;
const posix = process.platform !== 'win32';
let workerFile: string;

beforeAll(async () => {
  const root = tempDir();
  workerFile = path.join(root, 'out', 'main', BACKUP_CHECK_WORKER_FILE);
  await build(electronBundleOptions('db/backup-check-worker.ts', workerFile));
  // The bundle keeps better-sqlite3 external, as in the app: let it resolve from the temp folder.
  fs.mkdirSync(path.join(root, 'node_modules'));
  fs.symlinkSync(path.dirname(require.resolve('better-sqlite3/package.json')), path.join(root, 'node_modules', 'better-sqlite3'), 'dir');
  setBackupCheckWorker(workerFile);
}, 60_000);

afterAll(() => setBackupCheckWorker(undefined));

/** A database with a demo board of `count` ideas whose last full check passed at `at`; open. */
function boardFile(dir: string, at: Date, count = 1500): { file: string; db: Database.Database } {
  const file = path.join(dir, 'kaizenbord.sqlite');
  const db = openDatabase(file, { now: () => at });
  seedDemo(db, { count, seed: 3, now: at });
  return { file, db };
}

/** Scribble over the cell pointers of the last leaf page of the ideas table (closed file), as the reviewer did. */
function damageIdeasLeaf(file: string): void {
  const db = new Database(file, { readonly: true });
  const leaf = db.prepare("SELECT pageno FROM dbstat WHERE name = 'ideas' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(200, 0xff), 0, 200, (leaf - 1) * pageSize + 8);
  fs.closeSync(fd);
}

/** The core's handle as createCore builds it, over one connection (the daily backup needs no more). */
function controlOf(db: Database.Database, dbPath: string, now: () => Date): CoreControl {
  return { db, dbPath, now, nativeBinding: undefined, reopen: () => undefined };
}

const dailyNames = (dir: string) => listBackups(dir).filter((b) => b.kind === 'daily').map((b) => b.name);

describe('the daily backup is checked before it counts', () => {
  it('a healthy backup is checked in the worker and marked with its verdict', async () => {
    const t = makeCore();
    const [daily] = await unwrap(t.api['backups:list']({})); // waits for the daily backup on the queue
    await backupChecksSettled();
    expect(daily).toMatchObject({ kind: 'daily' });
    const file = path.join(backupDirFor(t.dbPath), daily!.name);
    expect(readCheckMark(file)).toEqual({ ok: true, version: LATEST_VERSION });
    if (posix) expect(fs.statSync(checkMarkFor(file)).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(damageMarkerFor(t.dbPath))).toBe(false);

    // A mark is void once the backup changes.
    fs.appendFileSync(file, Buffer.alloc(512));
    expect(readCheckMark(file)).toBeNull();
  });

  it('a backup of a file with a damaged leaf page fails, is removed, marks the live file, and the 14 good ones stay', async () => {
    const dir = tempDir();
    const day15 = new Date('2026-03-15T09:00:00.000Z');
    const { file, db } = boardFile(dir, new Date(day15.getTime() - DAY));
    const backups = backupDirFor(file);
    for (let day = 14; day >= 1; day--) {
      const made = await createBackup(db, backups, 'daily', new Date(day15.getTime() - day * DAY));
      const copy = path.join(backups, made.name);
      writeCheckMark(copy, integrityCheckFile(copy), day15);
    }
    const good = dailyNames(backups);
    expect(good).toHaveLength(14);
    db.close();
    damageIdeasLeaf(file);

    // A clean start with a recent full check reads only the root pages: the damage passes.
    const live = openDatabase(file, { now: () => day15 });
    expect(openReportOf(live)).toMatchObject({ check: 'cheap' });
    const daily = new DailyBackups(controlOf(live, file, () => day15));
    daily.check();
    const outcome = await daily.last;
    live.close();

    expect(outcome).toMatchObject({ check: 'damaged' });
    expect(outcome!.detail).toMatch(/integrity_check/);
    expect(fs.existsSync(path.join(backups, outcome!.name))).toBe(false);
    expect(fs.existsSync(checkMarkFor(path.join(backups, outcome!.name)))).toBe(false);
    expect(fs.readFileSync(damageMarkerFor(file), 'utf8')).toMatch(/backup kaizenbord-daily-\S+ failed its check: integrity_check/);
    expect(dailyNames(backups)).toEqual(good);
    expect(fs.readdirSync(backups).filter((name) => name.endsWith('.partial'))).toEqual([]);

    // The next start checks in full, finds the damage and shows the recovery screen with the newest good backup.
    const before = backupChecksRun.count;
    const service = openService({ dbPath: file, now: () => day15 });
    expect(service.failure?.reason).toBe('damaged');
    const status = (await service.call('recovery:status', {})) as { ok: true; value: RecoveryStatus };
    expect(status.value).toMatchObject({ state: 'recovery', latestBackup: { name: good[0] } });
    expect(backupChecksRun.count).toBe(before);
  });

  it('a manual backup is checked in the background: marked when healthy; of a damaged file kept, marked damaged, never offered', async () => {
    const dir = tempDir();
    const at = new Date('2026-03-02T09:00:00.000Z');
    const { file, db } = boardFile(dir, new Date(at.getTime() - DAY));
    db.close();
    const t = makeCore({ dir: tempDir(), clock: frozenClock(at.toISOString()) });
    const healthy = await unwrap(t.api['backups:create']({}));
    await backupChecksSettled();
    expect(readCheckMark(path.join(backupDirFor(t.dbPath), healthy.name))).toEqual({ ok: true, version: LATEST_VERSION });

    damageIdeasLeaf(file);
    const service = openService({ dbPath: file, now: () => at, dailyBackups: false });
    expect(service.core).not.toBeNull();
    const made = (await service.call('backups:create', {})) as { ok: true; value: { name: string } };
    await backupChecksSettled();
    const copy = path.join(backupDirFor(file), made.value.name);
    expect(fs.existsSync(copy)).toBe(true);
    expect(readCheckMark(copy)).toMatchObject({ ok: false, certain: true });
    expect(fs.existsSync(damageMarkerFor(file))).toBe(true);
    expect(await latestGoodBackup(backupDirFor(file), LATEST_VERSION)).toBeNull();
    service.close();
  });

  it('a backup the worker cannot check stays, unmarked, and marks nothing', async () => {
    const dir = tempDir();
    const at = new Date('2026-03-02T09:00:00.000Z');
    const { file, db } = boardFile(dir, at, 20);
    setBackupCheckWorker(path.join(dir, 'missing-worker.cjs'));
    try {
      const daily = new DailyBackups(controlOf(db, file, () => at));
      daily.check();
      expect(await daily.last).toMatchObject({ check: 'unchecked' });
    } finally {
      setBackupCheckWorker(workerFile);
      db.close();
    }
    const [backup] = listBackups(backupDirFor(file));
    expect(readCheckMark(path.join(backupDirFor(file), backup!.name))).toBeNull();
    expect(fs.existsSync(damageMarkerFor(file))).toBe(false);
  });

  it('without a worker bundle (plain Node) the check runs in the thread and still marks', async () => {
    setBackupCheckWorker(null);
    try {
      const t = makeCore({ clock: frozenClock('2026-05-01T09:00:00.000Z') });
      const [daily] = await unwrap(t.api['backups:list']({}));
      await backupChecksSettled();
      expect(readCheckMark(path.join(backupDirFor(t.dbPath), daily!.name))).toEqual({ ok: true, version: LATEST_VERSION });
    } finally {
      setBackupCheckWorker(workerFile);
    }
  });

  it('the main thread keeps running while the worker checks a backup', async () => {
    const dir = tempDir();
    const at = new Date('2026-03-02T09:00:00.000Z');
    const { file, db } = boardFile(dir, at);
    db.close();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      expect(integrityCheckFile(file)).toMatchObject({ ok: true });
      // In the thread, the timer cannot fire until the check is done.
      expect(ticks).toBe(0);
      expect(await checkInWorker(file, workerFile)).toEqual({ ok: true, version: LATEST_VERSION });
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('pruning and the remembered verdicts', () => {
  const name = (day: number) => `kaizenbord-daily-202603${String(day).padStart(2, '0')}T090000000Z.sqlite`;
  const ok: FileVerdict = { ok: true, version: LATEST_VERSION };
  const damaged: FileVerdict = { ok: false, certain: true, detail: 'integrity_check: page 7' };

  it('a damaged daily backup never counts toward the 14 kept, so it never pushes out a good one', () => {
    const dir = tempDir();
    for (let day = 1; day <= 16; day++) {
      fs.writeFileSync(path.join(dir, name(day)), `backup ${day}`);
      writeCheckMark(path.join(dir, name(day)), day === 16 || day === 10 ? damaged : ok, new Date());
    }
    expect(pruneDailyBackups(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, name(17)), 'backup 17');
    writeCheckMark(path.join(dir, name(17)), ok, new Date());
    expect(pruneDailyBackups(dir)).toEqual([name(1)]);
    expect(fs.existsSync(checkMarkFor(path.join(dir, name(1))))).toBe(false);
    expect(dailyNames(dir)).toHaveLength(16);
  });

  it('latestGoodBackup checks an unmarked backup once and then trusts its mark', async () => {
    const dir = tempDir();
    for (let day = 1; day <= 3; day++) fs.writeFileSync(path.join(dir, name(day)), `backup ${day}`);
    writeCheckMark(path.join(dir, name(1)), ok, new Date());
    const checked: string[] = [];
    const checker = async (file: string): Promise<FileVerdict> => {
      checked.push(path.basename(file));
      return path.basename(file) === name(3) ? damaged : ok;
    };
    expect((await latestGoodBackup(dir, LATEST_VERSION, undefined, checker))?.name).toBe(name(2));
    expect(checked).toEqual([name(3), name(2)]);
    expect((await latestGoodBackup(dir, LATEST_VERSION, undefined, checker))?.name).toBe(name(2));
    expect(checked).toHaveLength(2);
    // A backup from a newer schema is remembered as checked, and still not offered.
    writeCheckMark(path.join(dir, name(2)), { ok: true, version: LATEST_VERSION + 1 }, new Date());
    expect((await latestGoodBackup(dir, LATEST_VERSION, undefined, checker))?.name).toBe(name(1));
    expect(checked).toHaveLength(2);
  });

  it('recovery:status reads an unmarked backup once; with marks it reads none', async () => {
    const t = makeCore();
    await unwrap(t.api['backups:create']({}));
    const backups = await unwrap(t.api['backups:list']({}));
    await backupChecksSettled();
    t.core.close();
    // The newest backup without its mark, as one made before marks existed.
    fs.rmSync(checkMarkFor(path.join(backupDirFor(t.dbPath), backups[0]!.name)));
    fs.writeFileSync(t.dbPath, Buffer.alloc(16384, 0x5a));

    const service = openService({ dbPath: t.dbPath, now: t.clock.now });
    const status = async () => ((await service.call('recovery:status', {})) as { ok: true; value: RecoveryStatus }).value;
    const start = backupChecksRun.count;
    expect(await status()).toMatchObject({ state: 'recovery', reason: 'damaged', latestBackup: { name: backups[0]!.name } });
    expect(backupChecksRun.count).toBe(start + 1);
    for (let i = 0; i < 3; i++) await status();
    expect(backupChecksRun.count).toBe(start + 1);
    service.close();
  });

  it('recovery calls wait for each other: a reset asked while a restore checks a backup meets the restored database', async () => {
    const t = makeCore();
    const [backup] = await unwrap(t.api['backups:list']({}));
    await backupChecksSettled();
    t.core.close();
    fs.rmSync(checkMarkFor(path.join(backupDirFor(t.dbPath), backup!.name)));
    fs.writeFileSync(t.dbPath, Buffer.alloc(16384, 0x5a));

    const service = openService({ dbPath: t.dbPath, now: t.clock.now, dailyBackups: false });
    const [restored, reset] = await Promise.all([service.call('recovery:restore', {}), service.call('recovery:reset', {})]);
    expect(restored).toMatchObject({ ok: true, value: { state: 'ok' } });
    // The reset reached the open database, which refuses it; only the damaged file was moved aside.
    expect(reset).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(fs.readdirSync(t.dir).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
    expect(service.core).not.toBeNull();
    service.close();
  });
});
