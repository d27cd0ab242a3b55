/**
 * The slow part of an open off the main thread (db/migrate-in-worker.ts): the cheap look at what the next open
 * will do, and the worker as the Electron build bundles it (build/scripts/build-electron.mjs), on real SQLite files
 * at an older schema, after an unclean end, with a stale check, after damage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, MIGRATE_WORKER_FILE } from '../../build/scripts/build-electron.mjs';
import { listBackups, backupDirFor } from '../../db/backup';
import { seedDemo } from '../../db/demo';
import { startHarness } from '../../db/harness';
import { FULL_CHECK_MAX_AGE_DAYS } from '../../db/check-policy';
import { damageMarkerFor } from '../../db/file-check';
import { migrateInWorker, nextOpen, pendingMigration } from '../../db/migrate-in-worker';
import { MIGRATIONS } from '../../db/migrations';
import { LATEST_VERSION, openDatabase, openReportOf } from '../../db/open';
import { damagePages, leaveUnclean } from './start-files';
import { tempDir } from './support';

const require = createRequire(import.meta.url);
let workerFile: string;

beforeAll(async () => {
  const root = tempDir();
  await buildElectron(path.join(root, 'out'));
  workerFile = path.join(root, 'out', 'main', MIGRATE_WORKER_FILE);
  // The bundle keeps better-sqlite3 external, as in the app: let it resolve from the temp folder.
  fs.mkdirSync(path.join(root, 'node_modules'));
  fs.symlinkSync(path.dirname(require.resolve('better-sqlite3/package.json')), path.join(root, 'node_modules', 'better-sqlite3'), 'dir');
}, 60_000);

/** A database file at schema 0090 with a demo board of `count` ideas, closed. */
function file90(count = 300, dir = tempDir()): string {
  const file = path.join(dir, 'kaizenbord.sqlite');
  const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) });
  seedDemo(db, { count, seed: 7, now: new Date('2026-03-02T09:00:00Z') });
  db.close();
  return file;
}

function version(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** A file written by a Kaizenbord ten versions ahead. */
function futureFile(file: string): string {
  const raw = new Database(file);
  raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
  raw.close();
  return file;
}

const ideaCount = (db: Database.Database) => db.prepare('SELECT count(*) FROM ideas').pluck().get() as number;

/** A database file at the current schema with a demo board of `count` ideas, opened and closed cleanly once. */
function currentFile(count = 50): string {
  const file = path.join(tempDir(), 'kaizenbord.sqlite');
  const db = openDatabase(file);
  seedDemo(db, { count, seed: 5, now: new Date('2026-03-02T09:00:00Z') });
  db.close();
  return file;
}

const DAY = 24 * 60 * 60 * 1000;

describe('pendingMigration', () => {
  it('is the file and target version for data at an older schema', () => {
    expect(pendingMigration(file90(5))).toEqual({ from: 90, to: LATEST_VERSION });
  });

  it('is null for a current file, a missing, empty, unreadable or newer one, and a folder', () => {
    const dir = tempDir();
    const current = path.join(dir, 'current.sqlite');
    openDatabase(current).close();
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'not a database '.repeat(200));
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const future = futureFile(path.join(dir, 'future.sqlite'));
    for (const file of [current, path.join(dir, 'missing.sqlite'), garbage, empty, future, dir]) expect(pendingMigration(file), file).toBeNull();
    // It looked without writing: nothing was created, the garbage is as it was, and a read-only connection to a
    // WAL file leaves at most an empty -wal (as openDatabase's own read-only check does).
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
    expect(fs.readFileSync(garbage, 'utf8')).toBe('not a database '.repeat(200));
    expect(fs.readFileSync(empty).length).toBe(0);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('-wal'))) expect(fs.statSync(path.join(dir, name)).size, name).toBe(0);
  });
});

describe('nextOpen: what the next open will do, without changing anything', () => {
  it('a clean file with a recent check: cheap checks, no migration', () => {
    expect(nextOpen(currentFile())).toEqual({ migration: null, check: { level: 'cheap', reason: 'recent' } });
  });

  it('after an unclean end: the full check, and the look leaves the -wal for the open to recover', () => {
    const file = currentFile();
    leaveUnclean(file);
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    expect(nextOpen(file)).toEqual({ migration: null, check: { level: 'full', reason: 'unclean' } });
    expect(fs.readFileSync(`${file}-wal`).equals(wal)).toBe(true);
    // What openDatabase itself then does.
    const db = openDatabase(file);
    expect(openReportOf(db)).toMatchObject({ check: 'full', reason: 'unclean' });
    db.close();
  });

  it(`when no check passed for ${FULL_CHECK_MAX_AGE_DAYS} days: the full check`, () => {
    const file = currentFile();
    const later = (days: number) => () => new Date(Date.now() + days * DAY);
    expect(nextOpen(file, { now: later(FULL_CHECK_MAX_AGE_DAYS - 1) })?.check).toEqual({ level: 'cheap', reason: 'recent' });
    expect(nextOpen(file, { now: later(FULL_CHECK_MAX_AGE_DAYS) })?.check).toEqual({ level: 'full', reason: 'stale' });
    expect(nextOpen(file, { now: later(-1) })?.check).toEqual({ level: 'full', reason: 'clock' });
  });

  it('with a migration pending: the migration and the full check before it', () => {
    expect(nextOpen(file90(5))).toEqual({ migration: { from: 90, to: LATEST_VERSION }, check: { level: 'full', reason: 'migration' } });
  });

  it('after a call met damage: the full check, even when the check time itself cannot be read', () => {
    const file = currentFile();
    fs.writeFileSync(damageMarkerFor(file), 'SQLITE_CORRUPT\n');
    expect(nextOpen(file)?.check).toEqual({ level: 'full', reason: 'damage_seen' });
    fs.rmSync(damageMarkerFor(file));
    // The settings table's root page, where the check time is kept, overwritten: the open would fail reading it.
    const probe = new Database(file, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'settings'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, (root - 1) * pageSize, root * pageSize);
    fs.writeFileSync(file, bytes);
    expect(nextOpen(file)).toEqual({ migration: null, check: { level: 'full', reason: 'never' } });
  });

  it('is null where openService decides alone (missing, unreadable, newer), and writes nothing', () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'not a database '.repeat(200));
    const future = futureFile(path.join(dir, 'future.sqlite'));
    const bytes = fs.readFileSync(future);
    for (const file of [path.join(dir, 'missing.sqlite'), garbage, future, dir]) expect(nextOpen(file), file).toBeNull();
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
    expect(fs.readFileSync(future).equals(bytes)).toBe(true);
  });
});

describe('migrateInWorker (the bundled worker)', () => {
  it('backs up and migrates a 0090 file in a worker while the main thread keeps running; then it opens without migrating', async () => {
    const file = file90(1500);
    const before = new Database(file, { readonly: true });
    const ideas = ideaCount(before);
    before.close();
    expect(listBackups(backupDirFor(file))).toEqual([]);

    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const outcome = await migrateInWorker(file, { workerFile });
    clearInterval(timer);

    expect(outcome).toMatchObject({ ok: true, version: LATEST_VERSION });
    // The timer fired while the worker ran: the migration did not hold the main thread.
    expect(ticks).toBeGreaterThan(0);
    expect(version(file)).toBe(LATEST_VERSION);
    expect(pendingMigration(file)).toBeNull();
    // The pre-migration backup, made by openDatabase exactly as on a normal open, holds the file as it was.
    const backups = listBackups(backupDirFor(file));
    expect(backups.map((b) => b.kind)).toEqual(['pre-migration']);
    expect(version(path.join(backupDirFor(file), backups[0]!.name))).toBe(90);

    const db = openDatabase(file);
    try {
      // The worker checked the file in full before migrating it and recorded that: this open does not check again.
      expect(openReportOf(db)).toMatchObject({ check: 'cheap', reason: 'recent' });
      expect(ideaCount(db)).toBe(ideas);
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'ideas_fts'").pluck().get()).toMatch(/prefix = '1 2 3 4'/);
    } finally {
      db.close();
    }
    // Opening again migrated nothing, so it made no second backup.
    expect(listBackups(backupDirFor(file))).toHaveLength(1);
  });

  it('reports a damaged file as damaged and leaves it byte-identical, without a backup', async () => {
    const file = file90(300);
    // Keep the header (and its user_version) but scribble over pages further on.
    const bytes = damagePages(file);
    expect(pendingMigration(file)).toEqual({ from: 90, to: LATEST_VERSION });

    const outcome = await migrateInWorker(file, { workerFile });
    expect(outcome).toMatchObject({ ok: false, failure: { reason: 'damaged' } });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(backupDirFor(file))).toBe(false);
    expect(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
  });

  it('reports a file from a newer Kaizenbord as too new and leaves it as it was', async () => {
    const file = futureFile(path.join(tempDir(), 'kaizenbord.sqlite'));
    const bytes = fs.readFileSync(file);
    expect(await migrateInWorker(file, { workerFile })).toMatchObject({ ok: false, failure: { reason: 'too_new' } });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('runs the full check of a file left unclean and records it: the open after it recovers nothing and checks cheaply', async () => {
    const file = currentFile(300);
    leaveUnclean(file);
    expect(await migrateInWorker(file, { workerFile })).toMatchObject({ ok: true, version: LATEST_VERSION });
    // The worker's connection was the last: it wrote the -wal back into the file and removed it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(nextOpen(file)).toEqual({ migration: null, check: { level: 'cheap', reason: 'recent' } });
    const db = openDatabase(file);
    try {
      expect(openReportOf(db)).toMatchObject({ check: 'cheap', reason: 'recent' });
    } finally {
      db.close();
    }
    // No migration, so no backup.
    expect(fs.existsSync(backupDirFor(file))).toBe(false);
  });

  it('a damaged file due for its full check is reported damaged and left byte-identical', async () => {
    const file = currentFile(300);
    fs.writeFileSync(damageMarkerFor(file), 'SQLITE_CORRUPT\n');
    const bytes = damagePages(file);
    expect(await migrateInWorker(file, { workerFile })).toMatchObject({ ok: false, failure: { reason: 'damaged' } });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(damageMarkerFor(file))).toBe(true);
  });

  it('resolves as a worker failure, never rejects, when the worker cannot start or run', async () => {
    const file = file90(5);
    const missing = await migrateInWorker(file, { workerFile: path.join(tempDir(), 'nope.cjs') });
    expect(missing).toMatchObject({ ok: false, failure: { reason: 'worker' } });
    const throwing = path.join(tempDir(), 'throws.cjs');
    fs.writeFileSync(throwing, "throw new Error('boom');\n");
    expect(await migrateInWorker(file, { workerFile: throwing })).toMatchObject({ ok: false, failure: { reason: 'worker', detail: 'boom' } });
    const silent = path.join(tempDir(), 'silent.cjs');
    fs.writeFileSync(silent, '');
    expect(await migrateInWorker(file, { workerFile: silent })).toMatchObject({ ok: false, failure: { reason: 'worker' } });
    expect(version(file)).toBe(90);
  });
});

describe('npm run harness on a file that needs migrating', () => {
  it('prints one line before the migration and the time it took after', async () => {
    const dir = tempDir();
    file90(50, dir);
    const lines: string[] = [];
    const harness = await startHarness({ port: 0, dataDir: dir, staticDir: tempDir(), log: (line) => lines.push(line) });
    await harness.close();
    expect(lines[0]).toBe('Database wordt bijgewerkt (eenmalig)…');
    expect(lines[1]).toMatch(/^Database bijgewerkt in \d+\.\d s \(schema 90 → \d+\)$/);
    expect(lines).toHaveLength(2);
    expect(version(path.join(dir, 'kaizenbord.sqlite'))).toBe(LATEST_VERSION);

    // The next start has nothing to migrate and says nothing about it.
    lines.length = 0;
    await (await startHarness({ port: 0, dataDir: dir, staticDir: tempDir(), log: (line) => lines.push(line) })).close();
    expect(lines).toEqual([]);
  });
});
