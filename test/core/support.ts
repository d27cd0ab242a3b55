/** Helpers for core tests: a real SQLite file in a fresh temp folder, a frozen clock and predictable ids. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import type { ExperienceValue, Journey, Person, Touchpoint } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { createCore, type Core } from '../../db/index';
import type { Db } from '../../db/open';

const cleanups: (() => void)[] = [];

// After the whole file, so a core opened in beforeAll lives through every test of it.
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder under the OS temp dir, removed when the test file is done. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-core-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestClock {
  now: () => Date;
  set: (iso: string) => void;
  advance: (ms: number) => void;
}

export function frozenClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Valid v4-shaped UUIDs counting up: 00000000-0000-4000-8000-000000000001, … */
export function sequentialIds(prefix = 0): () => string {
  let n = 0;
  return () => `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

export interface TestCore {
  core: Core;
  api: KaizenApi;
  db: Db;
  clock: TestClock;
  dir: string;
  dbPath: string;
  /** Close and open the same file again (ids continue from a new range so they never collide). */
  reopen: () => TestCore;
}

let generation = 0;

export function makeCore(options: { dir?: string; clock?: TestClock } = {}): TestCore {
  const dir = options.dir ?? tempDir();
  const dbPath = path.join(dir, 'kaizenbord.db');
  const clock = options.clock ?? frozenClock();
  const core = createCore({ dbPath, now: clock.now, uuid: sequentialIds(++generation) });
  cleanups.unshift(() => core.close());
  const self: TestCore = {
    core,
    api: core.api,
    db: core.db,
    clock,
    dir,
    dbPath,
    reopen: () => {
      core.close();
      return makeCore({ dir, clock });
    },
  };
  return self;
}

/** The value of an ok result; fails the test with the error otherwise. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A fingerprint of every row of every table (FTS shadow tables included) and the schema version. */
export function checksum(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all();
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  hash.update(String(db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}

export interface Team {
  anna: Person;
  bram: Person;
  journey: Journey;
  touchpoints: Touchpoint[];
  values: ExperienceValue[];
}

/** Two people plus the starter journey, touchpoints and belevingswaarden. */
export async function setupTeam(api: KaizenApi): Promise<Team> {
  const anna = await unwrap(api['people:create']({ name: 'Anna' }));
  const bram = await unwrap(api['people:create']({ name: 'Bram' }));
  const boot = await unwrap(api['app:bootstrap']({}));
  return { anna, bram, journey: boot.journeys[0]!, touchpoints: boot.touchpoints, values: boot.values };
}
