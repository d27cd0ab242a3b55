import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, migrate, DatabaseTooNewError, LATEST_VERSION, checkSqliteVersion } from '../../db/open';
import { assertMigrationList, MIGRATIONS, type Migration } from '../../db/migrations';
import { makeCore, tempDir, unwrap } from './support';

const TABLES = ['people', 'journeys', 'touchpoints', 'experience_values', 'ideas', 'idea_values', 'comments', 'events', 'settings', 'ideas_fts'];

function tableNames(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
}

describe('openDatabase', () => {
  it('creates every table with WAL, foreign keys, synchronous FULL and the latest user_version', () => {
    const file = path.join(tempDir(), 'k.db');
    const db = openDatabase(file);
    try {
      expect(tableNames(db)).toEqual(expect.arrayContaining(TABLES));
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      // Every table but the FTS index is STRICT.
      const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ideas_fts%'").all() as { name: string; strict: number }[];
      expect(strict.length).toBeGreaterThanOrEqual(9);
      for (const t of strict) expect(t, t.name).toMatchObject({ strict: 1 });
    } finally {
      db.close();
    }
  });

  it('is idempotent when reopened: nothing is migrated twice and the data stays', async () => {
    const first = makeCore();
    const person = await unwrap(first.api['people:create']({ name: 'Anna' }));
    const schema = first.db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    const second = first.reopen();
    expect(second.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(second.db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(schema);
    const boot = await unwrap(second.api['app:bootstrap']({}));
    expect(boot.people).toEqual([person]);
    // The starter set is inserted once, not on every open.
    expect(boot.journeys).toHaveLength(1);
    expect(boot.touchpoints).toHaveLength(6);
  });

  it('refuses a database from a newer version and leaves the file byte-identical', () => {
    const file = path.join(tempDir(), 'future.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY) STRICT');
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const before = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toMatchObject({ code: 'db_too_new', found: LATEST_VERSION + 10, known: LATEST_VERSION });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('keeps the events table append-only', async () => {
    const { api, db } = makeCore();
    const anna = await unwrap(api['people:create']({ name: 'Anna' }));
    const boot = await unwrap(api['app:bootstrap']({}));
    await unwrap(api['ideas:create']({ actorId: anna.id, title: 'Iets', kind: 'verbeter', touchpointId: boot.touchpoints[0]!.id }));
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    expect(() => db.prepare("UPDATE events SET type = 'moved'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT type FROM events').pluck().all()).toEqual(['created']);
  });

  it('enforces foreign keys and the finished-needs-outcome rule in the schema itself', async () => {
    const { api, db } = makeCore();
    expect(() =>
      db
        .prepare("INSERT INTO comments (id, idea_id, author_id, body, created_at, updated_at) VALUES ('c', 'nope', 'nope', 'x', 't', 't')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    const anna = await unwrap(api['people:create']({ name: 'Anna' }));
    const boot = await unwrap(api['app:bootstrap']({}));
    await unwrap(api['ideas:create']({ actorId: anna.id, title: 'Iets', kind: 'verbeter', touchpointId: boot.touchpoints[0]!.id }));
    expect(() => db.prepare("UPDATE ideas SET stage = 'afgerond'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE ideas SET outcome = 'adopted'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE ideas SET stage = 'afgerond', outcome = 'stopped'").run()).not.toThrow();
  });
});

describe('migrate', () => {
  const step = (version: number, sql: string): Migration => ({ version, name: `v${version}`, up: (db) => db.exec(sql) });

  it('applies each migration in its own transaction and stops at a failing one without a trace of it', () => {
    const db = new Database(path.join(tempDir(), 'm.db'));
    try {
      const list = [
        step(10, 'CREATE TABLE a (x INTEGER) STRICT'),
        step(20, 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1)'),
      ];
      expect(() => migrate(db, list)).toThrow(/nowhere/);
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      expect(tableNames(db)).toEqual(['a']);
      // A fixed migration completes the run.
      expect(migrate(db, [list[0]!, step(20, 'CREATE TABLE b (x INTEGER) STRICT')])).toEqual({ from: 10, to: 20 });
      expect(tableNames(db).sort()).toEqual(['a', 'b']);
    } finally {
      db.close();
    }
  });

  it('rejects a list that is not monotonic in steps of ten', () => {
    expect(() => assertMigrationList([step(10, ''), step(10, '')])).toThrow(/monotonic/);
    expect(() => assertMigrationList([step(20, ''), step(10, '')])).toThrow(/monotonic/);
    expect(() => assertMigrationList([step(15, '')])).toThrow(/monotonic/);
    expect(() => assertMigrationList(MIGRATIONS)).not.toThrow();
  });

  it('starts every migration module with a one-line comment', () => {
    const dir = fileURLToPath(new URL('../../db/migrations', import.meta.url));
    const modules = fs.readdirSync(dir).filter((f) => /^\d{4}-.+\.ts$/.test(f));
    expect(modules).toHaveLength(MIGRATIONS.length);
    for (const file of modules) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[0], file).toMatch(/^\/\/ \S.+/);
      expect(Number(file.slice(0, 4)), file).toBe(MIGRATIONS[modules.indexOf(file)]!.version);
    }
  });
});

describe('checkSqliteVersion', () => {
  it('accepts the bundled SQLite and knows which builds carry the WAL fix', () => {
    const db = new Database(':memory:');
    const bundled = checkSqliteVersion(db.prepare('SELECT sqlite_version()').pluck().get() as string);
    db.close();
    expect(bundled.supported).toBe(true);
    expect(checkSqliteVersion('3.43.2').supported).toBe(false);
    expect(checkSqliteVersion('3.44.5')).toMatchObject({ supported: true, walFix: false });
    expect(checkSqliteVersion('3.44.6').walFix).toBe(true);
    expect(checkSqliteVersion('3.50.6').walFix).toBe(false);
    expect(checkSqliteVersion('3.50.7').walFix).toBe(true);
    expect(checkSqliteVersion('3.51.2').walFix).toBe(false);
    expect(checkSqliteVersion('3.51.3').walFix).toBe(true);
    expect(checkSqliteVersion('3.52.0').walFix).toBe(true);
  });
});
