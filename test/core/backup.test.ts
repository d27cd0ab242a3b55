/** Backups: the calls, daily backup and retention, pre-migration backup, restore, permissions. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDirFor, checkBackupFile, listBackups, moveAside } from '../../db/backup';
import { openDatabase, MigrationFailedError } from '../../db/open';
import { backupChecksSettled } from '../../db/maintenance/verify';
import { MIGRATIONS, LATEST_VERSION, type Migration } from '../../db/migrations';
import { checksum, frozenClock, makeCore, setupTeam, tempDir, unwrap } from './support';

const DAY = 24 * 60 * 60 * 1000;
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const posix = process.platform !== 'win32';

describe('backups', () => {
  it('makes one daily backup on first use, lists it, and makes manual ones on request', async () => {
    const t = makeCore();
    const first = await unwrap(t.api['backups:list']({}));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'daily', at: '2026-03-02T09:00:00.000Z' });
    expect(first[0]!.size).toBeGreaterThan(0);

    await setupTeam(t.api);
    const manual = await unwrap(t.api['backups:create']({}));
    expect(manual.kind).toBe('manual');
    // The same day: no second daily backup.
    const list = await unwrap(t.api['backups:list']({}));
    expect(list.map((b) => b.kind).sort()).toEqual(['daily', 'manual']);
    const dir = backupDirFor(t.dbPath);
    expect(checkBackupFile(path.join(dir, manual.name), LATEST_VERSION)).toEqual({ ok: true, version: LATEST_VERSION });
    // The manual backup holds the team; no partial files are left.
    const copy = new Database(path.join(dir, manual.name), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM people').pluck().get()).toBe(2);
    copy.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    if (posix) {
      expect(mode(dir)).toBe(0o700);
      expect(mode(path.join(dir, manual.name))).toBe(0o600);
      expect(mode(t.dbPath)).toBe(0o600);
    }
  });

  it('keeps the last 14 daily backups: the 15th drops the oldest, other kinds stay', async () => {
    const clock = frozenClock('2026-03-01T09:00:00.000Z');
    const t = makeCore({ clock });
    await unwrap(t.api['backups:create']({}));
    for (let day = 1; day < 14; day++) {
      clock.advance(DAY);
      await unwrap(t.api['app:bootstrap']({})); // first use of the day
    }
    let daily = (await unwrap(t.api['backups:list']({}))).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(14);
    const oldest = daily[daily.length - 1]!;
    expect(oldest.at).toBe('2026-03-01T09:00:00.000Z');

    clock.advance(DAY);
    await unwrap(t.api['app:bootstrap']({}));
    // Pruning waits for the new backup's check (db/maintenance/verify.ts): only one that passed counts.
    await backupChecksSettled();
    const all = await unwrap(t.api['backups:list']({}));
    daily = all.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily.some((b) => b.name === oldest.name)).toBe(false);
    expect(daily[0]!.at).toBe('2026-03-15T09:00:00.000Z');
    expect(all.filter((b) => b.kind === 'manual')).toHaveLength(1);
  });

  it('restores a backup: the current file is backed up first, the data comes back, the core keeps serving', async () => {
    const t = makeCore();
    const team = await setupTeam(t.api);
    const before = checksum(t.core.db);
    const backup = await unwrap(t.api['backups:create']({}));
    await unwrap(t.api['people:create']({ name: 'Carla' }));
    const withCarla = checksum(t.core.db);

    const { restored, safety } = await unwrap(t.api['backups:restore']({ name: backup.name }));
    expect(restored.name).toBe(backup.name);
    expect(safety.kind).toBe('pre-restore');
    expect(checksum(t.core.db)).toBe(before);
    const people = (await unwrap(t.api['app:bootstrap']({}))).people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining([team.anna.name, team.bram.name]));
    expect(people).not.toContain('Carla');
    // Writes go to the restored file.
    await unwrap(t.api['people:create']({ name: 'Dirk' }));
    // And the restore can be undone with the safety copy.
    await unwrap(t.api['backups:restore']({ name: safety.name }));
    expect(checksum(t.core.db)).toBe(withCarla);
    const reopened = t.reopen();
    expect(checksum(reopened.db)).toBe(withCarla);
  });

  it('refuses a damaged backup, a missing one and a path, and changes nothing', async () => {
    const t = makeCore();
    await setupTeam(t.api);
    const backup = await unwrap(t.api['backups:create']({}));
    const file = path.join(backupDirFor(t.dbPath), backup.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192); // overwrite a page in the middle
    fs.writeFileSync(file, bytes);
    const before = checksum(t.core.db);
    const count = (await unwrap(t.api['backups:list']({}))).length;

    const damaged = await t.api['backups:restore']({ name: backup.name });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    const missing = await t.api['backups:restore']({ name: 'kaizenbord-manual-20990101T000000000Z.sqlite' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const traversal = await t.api['backups:restore']({ name: '../kaizenbord.db' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'validation' } });

    expect(checksum(t.core.db)).toBe(before);
    expect((await unwrap(t.api['backups:list']({}))).length).toBe(count);
  });

  it('refuses a backup from a newer version', async () => {
    const t = makeCore();
    const backup = await unwrap(t.api['backups:create']({}));
    const file = path.join(backupDirFor(t.dbPath), backup.name);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    expect(await t.api['backups:restore']({ name: backup.name })).toMatchObject({ ok: false, error: { field: 'name' } });
  });
});

describe('migrations and backups', () => {
  const failing: Migration = {
    version: LATEST_VERSION + 10,
    name: 'fails halfway',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      db.exec("UPDATE people SET name = 'changed'");
      throw new Error('deliberate failure');
    },
  };

  it('backs the file up before migrating, and a failing migration leaves the file exactly as it was', async () => {
    const dir = tempDir();
    const t = makeCore({ dir });
    await setupTeam(t.api);
    t.core.close();
    const before = (() => {
      const db = new Database(t.dbPath);
      const sum = checksum(db);
      db.close();
      return sum;
    })();
    fs.rmSync(backupDirFor(t.dbPath), { recursive: true, force: true });

    let error: unknown;
    try {
      openDatabase(t.dbPath, { migrations: [...MIGRATIONS, failing] }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationFailedError);
    const db = new Database(t.dbPath);
    expect(checksum(db)).toBe(before);
    db.close();
    const backups = listBackups(backupDirFor(t.dbPath));
    expect(backups.map((b) => b.kind)).toEqual(['pre-migration']);
    const copy = new Database(path.join(backupDirFor(t.dbPath), backups[0]!.name), { readonly: true });
    expect(checksum(copy)).toBe(before);
    copy.close();
  });

  it('makes no pre-migration backup for a new, empty file', () => {
    const dir = tempDir();
    openDatabase(path.join(dir, 'new.sqlite')).close();
    expect(listBackups(backupDirFor(path.join(dir, 'new.sqlite')))).toEqual([]);
  });

  it('moves a file aside with its -wal and -shm under a dated name', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kaizenbord.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.writeFileSync(f, 'x');
    const moved = moveAside(file, new Date('2026-11-23T15:20:00.000Z'));
    expect(moved).toBe('kaizenbord.damaged-20261123T152000000Z.sqlite');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'kaizenbord.damaged-20261123T152000000Z.sqlite',
      'kaizenbord.damaged-20261123T152000000Z.sqlite-shm',
      'kaizenbord.damaged-20261123T152000000Z.sqlite-wal',
    ]);
  });
});
