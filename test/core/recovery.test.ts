/** Recovery mode: damaged, truncated, newer and locked files never crash, are never overwritten, and can be recovered. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDirFor } from '../../db/backup';
import { LATEST_VERSION } from '../../db/migrations';
import { openService, type Service } from '../../db/recovery';
import type { RecoveryStatus } from '../../shared/contract-maintenance';
import { frozenClock, makeCore, setupTeam, tempDir, unwrap } from './support';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A database with a team and one manual backup, closed; returns its path. */
async function preparedFile(): Promise<{ dir: string; dbPath: string }> {
  const t = makeCore();
  await setupTeam(t.api);
  await unwrap(t.api['backups:create']({}));
  t.core.close();
  return { dir: t.dir, dbPath: t.dbPath };
}

async function status(service: Service): Promise<RecoveryStatus> {
  const result = await service.call('recovery:status', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as RecoveryStatus;
}

const clock = frozenClock('2026-11-23T15:20:00.000Z');

const damages: [string, (file: string) => void][] = [
  ['garbage bytes', (file) => fs.writeFileSync(file, Buffer.alloc(16384, 0x5a))],
  [
    'a truncated file',
    (file) => {
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
  ],
  [
    'a page overwritten in the middle',
    (file) => {
      const bytes = fs.readFileSync(file);
      bytes.fill(0xff, 4096 * 2, 4096 * 3);
      fs.writeFileSync(file, bytes);
    },
  ],
];

describe('recovery mode', () => {
  for (const [what, damage] of damages) {
    it(`serves the recovery screen for ${what}, never touches the file, and restores the latest backup`, async () => {
      const { dir, dbPath } = await preparedFile();
      damage(dbPath);
      const hash = sha(dbPath);
      const service = openService({ dbPath, now: clock.now, dailyBackups: false });
      try {
        expect(service.core).toBeNull();
        const s = await status(service);
        expect(s).toMatchObject({ state: 'recovery', reason: 'damaged', file: 'kaizenbord.db', canReplace: true });
        expect(s.state === 'recovery' && s.latestBackup?.kind).toBe('manual');
        // Every other call is refused, typed, and the file is untouched.
        expect(await service.call('app:bootstrap', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
        expect(await service.call('recovery:status', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
        expect(sha(dbPath)).toBe(hash);

        expect(await unwrap(service.call('recovery:restore', {}))).toEqual({ state: 'ok' });
        const boot = (await unwrap(service.call('app:bootstrap', {}))) as { people: { name: string }[] };
        expect(boot.people.map((p) => p.name).sort()).toEqual(['Anna', 'Bram']);
        // The damaged file is kept aside, byte for byte.
        const aside = path.join(dir, 'kaizenbord.damaged-20261123T152000000Z.db');
        expect(sha(aside)).toBe(hash);
      } finally {
        service.close();
      }
    });
  }

  it('starts empty on request, keeping the damaged file aside', async () => {
    const { dir, dbPath } = await preparedFile();
    fs.writeFileSync(dbPath, 'not a database at all, but long enough to be read as a header........');
    fs.writeFileSync(`${dbPath}-wal`, 'stale wal');
    const hash = sha(dbPath);
    const service = openService({ dbPath, now: clock.now, dailyBackups: false });
    try {
      expect((await status(service)).state).toBe('recovery');
      expect(await unwrap(service.call('recovery:reset', {}))).toEqual({ state: 'ok' });
      const boot = (await unwrap(service.call('app:bootstrap', {}))) as { people: unknown[] };
      expect(boot.people).toEqual([]);
      expect(sha(path.join(dir, 'kaizenbord.damaged-20261123T152000000Z.db'))).toBe(hash);
      expect(fs.readFileSync(path.join(dir, 'kaizenbord.damaged-20261123T152000000Z.db-wal'), 'utf8')).toBe('stale wal');
    } finally {
      service.close();
    }
  });

  it('refuses a database from a newer version with a message and leaves it byte-identical', async () => {
    const { dbPath } = await preparedFile();
    const raw = new Database(dbPath);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const hash = sha(dbPath);
    const service = openService({ dbPath, now: clock.now, dailyBackups: false });
    try {
      const s = await status(service);
      expect(s).toMatchObject({ state: 'recovery', reason: 'too_new' });
      expect(s.state === 'recovery' && s.detail).toMatch(/newer/);
      expect(sha(dbPath)).toBe(hash);
    } finally {
      service.close();
    }
  });

  it('reports a file locked by another program, moves nothing, and opens once the lock is gone', async () => {
    const { dir, dbPath } = await preparedFile();
    const holder = new Database(dbPath);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const service = openService({ dbPath, now: clock.now, dailyBackups: false, timeoutMs: 50 });
    try {
      expect(await status(service)).toMatchObject({ state: 'recovery', reason: 'locked', canReplace: false });
      expect(await service.call('recovery:reset', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(await service.call('recovery:restore', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(fs.readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
      holder.exec('COMMIT');
      holder.close();
      expect(await unwrap(service.call('recovery:retry', {}))).toEqual({ state: 'ok' });
      expect(service.core).not.toBeNull();
    } finally {
      if (holder.open) holder.close();
      service.close();
    }
  });

  it('reports an unreadable database (a folder where the file should be) and can start empty beside it', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'kaizenbord.sqlite');
    fs.mkdirSync(dbPath);
    fs.writeFileSync(path.join(dbPath, 'keep.txt'), 'mine');
    const service = openService({ dbPath, now: clock.now, dailyBackups: false });
    try {
      expect(await status(service)).toMatchObject({ state: 'recovery', reason: 'unreadable', canReplace: true });
      expect(await unwrap(service.call('recovery:reset', {}))).toEqual({ state: 'ok' });
      expect(fs.readFileSync(path.join(dir, 'kaizenbord.damaged-20261123T152000000Z.sqlite', 'keep.txt'), 'utf8')).toBe('mine');
    } finally {
      service.close();
    }
  });

  it('says when there is no usable backup, and skips damaged backups', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'kaizenbord.sqlite');
    fs.mkdirSync(backupDirFor(dbPath));
    fs.writeFileSync(path.join(backupDirFor(dbPath), 'kaizenbord-manual-20261101T100000000Z.sqlite'), 'broken');
    fs.writeFileSync(dbPath, Buffer.alloc(8192, 1));
    const service = openService({ dbPath, now: clock.now, dailyBackups: false });
    try {
      expect(await status(service)).toMatchObject({ state: 'recovery', latestBackup: null });
      expect(await service.call('recovery:restore', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(fs.readFileSync(dbPath)).toEqual(Buffer.alloc(8192, 1));
    } finally {
      service.close();
    }
  });

  it('on an open database the recovery calls only report that all is well', async () => {
    const t = makeCore();
    expect(await unwrap(t.api['recovery:status']({}))).toEqual({ state: 'ok' });
    expect(await t.api['recovery:reset']({})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
