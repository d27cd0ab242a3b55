/**
 * How much the open checks (db/check-policy.ts): the pure decision, then real files. A clean start reads a few
 * pages, a start after a kill, before a migration, after damage met by a call, or a week after the last full
 * check runs quick_check. Damage the cheap checks do not read is met by the first call that reads it, as the
 * 'damaged' error and the recovery screen, and the file is never written.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildChild } from '../../build/scripts/crash-soak';
import { decideCheck, FULL_CHECK_MAX_AGE_DAYS, type CheckFacts } from '../../db/check-policy';
import { seedDemo } from '../../db/demo';
import { cheapCheck, damageMarkerFor, LAST_FULL_CHECK_KEY } from '../../db/file-check';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase, openReportOf, type OpenReport } from '../../db/open';
import { openService, type Service } from '../../db/recovery';
import { createCore } from '../../db/service';
import type { RecoveryStatus } from '../../shared/contract-maintenance';
import type { Result } from '../../shared/result';
import { createTranslator, describeError } from '../../renderer/i18n/i18n';
import { frozenClock, setupTeam, tempDir, unwrap } from './support';

const DAY = 24 * 60 * 60 * 1000;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('decideCheck', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const base: CheckFacts = { unclean: false, migrationPending: false, damageSeen: false, lastPassed: new Date(now.getTime() - DAY), now };
  const cases: [string, Partial<CheckFacts>, ReturnType<typeof decideCheck>][] = [
    ['a clean start with a recent check', {}, { level: 'cheap', reason: 'recent' }],
    ['a check just under the limit', { lastPassed: new Date(now.getTime() - FULL_CHECK_MAX_AGE_DAYS * DAY + 1) }, { level: 'cheap', reason: 'recent' }],
    ['a check exactly at the limit', { lastPassed: new Date(now.getTime() - FULL_CHECK_MAX_AGE_DAYS * DAY) }, { level: 'full', reason: 'stale' }],
    ['no check on record', { lastPassed: null }, { level: 'full', reason: 'never' }],
    ['an unreadable check time', { lastPassed: new Date('nonsense') }, { level: 'full', reason: 'never' }],
    ['a check time in the future', { lastPassed: new Date(now.getTime() + 60_000) }, { level: 'full', reason: 'clock' }],
    ['an unclean end of the last session', { unclean: true }, { level: 'full', reason: 'unclean' }],
    ['a pending migration', { migrationPending: true }, { level: 'full', reason: 'migration' }],
    ['damage met by a call', { damageSeen: true }, { level: 'full', reason: 'damage_seen' }],
    ['damage first, whatever else holds', { damageSeen: true, unclean: true, migrationPending: true, lastPassed: null }, { level: 'full', reason: 'damage_seen' }],
    ['an unclean end before a migration', { unclean: true, migrationPending: true }, { level: 'full', reason: 'unclean' }],
  ];
  it.each(cases)('%s', (_what, facts, expected) => {
    expect(decideCheck({ ...base, ...facts })).toEqual(expected);
  });
});

/** Open and close the file with the app's openDatabase; how it checked. */
function openAndClose(file: string, now?: () => Date): OpenReport {
  const db = openDatabase(file, now ? { now } : {});
  try {
    return openReportOf(db)!;
  } finally {
    db.close();
  }
}

/** A closed database of the current schema with a team and `ideas` ideas with long descriptions. */
async function fileWithIdeas(ideas: number, clock = frozenClock('2026-11-23T09:00:00.000Z')): Promise<string> {
  const dbPath = path.join(tempDir(), 'kaizenbord.sqlite');
  const core = createCore({ dbPath, now: clock.now, dailyBackups: false });
  const team = await setupTeam(core.api);
  for (let i = 0; i < ideas; i++) {
    await unwrap(
      core.api['ideas:create']({
        actorId: team.anna.id,
        title: `Idee ${i}`,
        description: `Beschrijving ${i} `.repeat(40),
        kind: 'verbeter',
        touchpointId: team.touchpoints[0]!.id,
      }),
    );
  }
  core.close();
  return dbPath;
}

/** The leaf pages of a table that are not its root, read from SQLite's own page map. */
function leafPages(file: string, table: string): { pageSize: number; pages: number[] } {
  const db = new Database(file, { readonly: true });
  try {
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' AND path != '/'").pluck().all(table) as number[];
    return { pageSize: db.pragma('page_size', { simple: true }) as number, pages };
  } finally {
    db.close();
  }
}

function overwritePages(file: string, pageSize: number, pages: readonly number[]): void {
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

async function status(service: Service): Promise<RecoveryStatus> {
  return unwrap(service.call('recovery:status', {})) as Promise<RecoveryStatus>;
}

/** The real core in a child process (the crash test's child), killed with SIGKILL after its first write. */
function killAfterFirstWrite(dbPath: string): Promise<void> {
  const childFile = buildChild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, '--child', dbPath, 'kill'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!killed && chunk.includes('ack ')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve();
      else reject(new Error(`The child ended by itself (code ${code}, signal ${signal})`));
    });
  });
}

describe('what an open checks, on real files', () => {
  it('a new file needs no check; a clean close and reopen does the cheap checks only', () => {
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    expect(openAndClose(file)).toMatchObject({ check: 'none', reason: 'new_file' });
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(openAndClose(file)).toMatchObject({ check: 'cheap', reason: 'recent' });
    expect(openAndClose(file)).toMatchObject({ check: 'cheap', reason: 'recent' });
  });

  it('after the process was killed mid-session the next open runs the full check, and the one after is cheap again', async () => {
    const file = await fileWithIdeas(0);
    await killAfterFirstWrite(file);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(openAndClose(file)).toMatchObject({ check: 'full', reason: 'unclean' });
    expect(openAndClose(file)).toMatchObject({ check: 'cheap', reason: 'recent' });
  }, 30_000);

  it('an empty -wal left by a read-only look (pendingMigration, the read-only checks) is not a crash', () => {
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    openAndClose(file);
    const look = new Database(file, { readonly: true });
    look.pragma('user_version', { simple: true });
    look.close();
    fs.writeFileSync(`${file}-wal`, '');
    expect(openAndClose(file)).toMatchObject({ check: 'cheap' });
  });

  it(`runs the full check when none passed for ${FULL_CHECK_MAX_AGE_DAYS} days (or the clock went back), then trusts it again`, () => {
    const clock = frozenClock('2026-11-01T08:00:00.000Z');
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    openAndClose(file, clock.now);
    clock.advance(FULL_CHECK_MAX_AGE_DAYS * DAY - 60_000);
    expect(openAndClose(file, clock.now)).toMatchObject({ check: 'cheap', reason: 'recent' });
    clock.advance(60_000);
    expect(openAndClose(file, clock.now)).toMatchObject({ check: 'full', reason: 'stale' });
    // The passing check was recorded in the file at its own time.
    const db = new Database(file, { readonly: true });
    expect(JSON.parse(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LAST_FULL_CHECK_KEY) as string)).toBe(
      clock.now().toISOString(),
    );
    db.close();
    clock.advance(DAY);
    expect(openAndClose(file, clock.now)).toMatchObject({ check: 'cheap', reason: 'recent' });
    clock.advance(-3 * DAY);
    expect(openAndClose(file, clock.now)).toMatchObject({ check: 'full', reason: 'clock' });
  });

  it('checks in full before a migration, and not again on the next open', () => {
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) }).close();
    expect(openAndClose(file)).toMatchObject({ check: 'full', reason: 'migration' });
    expect(openAndClose(file)).toMatchObject({ check: 'cheap', reason: 'recent' });
  });

  it('a file from before this check policy (no check on record) gets one full check', () => {
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    openAndClose(file);
    const raw = new Database(file);
    raw.prepare('DELETE FROM settings WHERE key = ?').run(LAST_FULL_CHECK_KEY);
    raw.close();
    expect(openAndClose(file)).toMatchObject({ check: 'full', reason: 'never' });
    expect(openAndClose(file)).toMatchObject({ check: 'cheap' });
  });
});

describe('cheapCheck', () => {
  it('passes every root page of a healthy demo board (leaf and interior, tables and indexes) and flags each one damaged', () => {
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    const db = openDatabase(file);
    seedDemo(db, { count: 1200, seed: 3, now: new Date('2026-11-23T09:00:00Z') });
    db.close();
    const probe = new Database(file, { readonly: true });
    try {
      expect(probe.pragma('quick_check', { simple: true })).toBe('ok');
      expect(cheapCheck(probe, file)).toBeNull();
      const pageSize = probe.pragma('page_size', { simple: true }) as number;
      const roots = probe.prepare('SELECT rootpage FROM sqlite_schema WHERE rootpage > 0').pluck().all() as number[];
      const bytes = fs.readFileSync(file);
      // The board is large enough for roots of all four page types, so both header layouts were read.
      const types = new Set(roots.map((root) => bytes[(root - 1) * pageSize]));
      expect([...types].sort((a, b) => a! - b!)).toEqual([2, 5, 10, 13]);
      for (const root of roots) {
        // Each root alone gets a page header no b-tree page has; the rest of the file stays as it was.
        const damaged = Buffer.from(bytes);
        damaged.fill(0xff, (root - 1) * pageSize, (root - 1) * pageSize + 8);
        fs.writeFileSync(file, damaged);
        expect(cheapCheck(probe, file), `root ${root}`).toMatch(new RegExp(`^root page ${root} of `));
      }
      fs.writeFileSync(file, bytes);
      expect(cheapCheck(probe, file)).toBeNull();
    } finally {
      probe.close();
    }
  }, 30_000);
});

describe('damage on a clean start', () => {
  it('a damaged root page is caught by the cheap checks at open: recovery screen, file untouched', async () => {
    const file = await fileWithIdeas(5);
    const root = (() => {
      const db = new Database(file, { readonly: true });
      const page = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'ideas'").pluck().get() as number;
      const size = db.pragma('page_size', { simple: true }) as number;
      db.close();
      return { page, size };
    })();
    overwritePages(file, root.size, [root.page]);
    const hash = sha(file);
    const service = openService({ dbPath: file, dailyBackups: false });
    try {
      const s = await status(service);
      expect(s).toMatchObject({ state: 'recovery', reason: 'damaged' });
      expect(s.state === 'recovery' && s.detail).toMatch(/root page \d+ of ideas/);
      expect(sha(file)).toBe(hash);
    } finally {
      service.close();
    }
  });

  it('a truncated file is caught at open', async () => {
    const file = await fileWithIdeas(30);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 8192));
    const service = openService({ dbPath: file, dailyBackups: false });
    try {
      expect(await status(service)).toMatchObject({ state: 'recovery', reason: 'damaged' });
    } finally {
      service.close();
    }
  });

  it('a damaged page deeper in the file: the first call that reads it says so in nl and en, the app turns to the recovery screen, the next start checks in full', async () => {
    const file = await fileWithIdeas(60);
    const { pageSize, pages } = leafPages(file, 'ideas');
    expect(pages.length).toBeGreaterThan(3);
    overwritePages(file, pageSize, pages);
    const hash = sha(file);

    const service = openService({ dbPath: file, dailyBackups: false });
    expect(openReportOf(service.core!.db)).toMatchObject({ check: 'cheap' });
    const board = (await service.call('board:get', { filter: {} })) as Result<unknown>;
    expect(board).toMatchObject({ ok: false, error: { code: 'damaged' } });
    if (board.ok) return;
    // Before: code 'internal', which the UI shows as "something went wrong while saving, try again".
    expect(describeError(createTranslator('nl'), board.error)).toMatch(/^Het databasebestand blijkt beschadigd\..*Herlaad het venster/);
    expect(describeError(createTranslator('en'), board.error)).toMatch(/^The database file turns out to be damaged\..*Reload the window/);
    expect(service.core).toBeNull();
    expect(await status(service)).toMatchObject({ state: 'recovery', reason: 'damaged' });
    expect(await service.call('app:bootstrap', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    service.close();
    expect(sha(file)).toBe(hash);
    expect(fs.existsSync(damageMarkerFor(file))).toBe(true);

    // The next start does not trust the last check: quick_check finds the damage at open.
    const again = openService({ dbPath: file, dailyBackups: false });
    try {
      expect(await status(again)).toMatchObject({ state: 'recovery', reason: 'damaged' });
      expect(sha(file)).toBe(hash);
      // Starting empty leaves the damaged file aside; the new file passes and the marker goes.
      expect(await unwrap(again.call('recovery:reset', {}))).toEqual({ state: 'ok' });
      expect(fs.existsSync(damageMarkerFor(file))).toBe(false);
    } finally {
      again.close();
    }
  });

  it('a page damaged while the file is open is met as the same clear error', async () => {
    const file = await fileWithIdeas(60);
    const { pageSize, pages } = leafPages(file, 'ideas');
    const service = openService({ dbPath: file, dailyBackups: false });
    try {
      expect(service.core).not.toBeNull();
      overwritePages(file, pageSize, pages);
      const hash = sha(file);
      expect(await service.call('board:get', { filter: {} })).toMatchObject({ ok: false, error: { code: 'damaged' } });
      expect(await status(service)).toMatchObject({ state: 'recovery', reason: 'damaged' });
      expect(sha(file)).toBe(hash);
    } finally {
      service.close();
    }
  });
});

describe('the record of a passing check is bookkeeping', () => {
  it('a file whose check record cannot be written still opens (and checks in full again next time)', () => {
    const file = path.join(tempDir(), 'kaizenbord.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare('DELETE FROM settings WHERE key = ?').run(LAST_FULL_CHECK_KEY);
    raw.exec(`CREATE TRIGGER no_insert BEFORE INSERT ON settings BEGIN SELECT RAISE(ABORT, 'disk full'); END;
              CREATE TRIGGER no_update BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    raw.close();
    const first = openDatabase(file);
    expect(openReportOf(first)).toMatchObject({ check: 'full' });
    first.close();
    const second = openDatabase(file);
    expect(openReportOf(second)).toMatchObject({ check: 'full' });
    second.close();
  });
});
