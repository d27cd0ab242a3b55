/**
 * Core benchmarks under plain Node, on a real SQLite file filled by the demo generator: create (validated call vs a
 * raw insert of the same row), move, board load, search as you type, the stand-up and Inzicht calls, file size.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, type CallName } from '../../shared/contract';
import { insightCalls } from '../../shared/contract-insight';
import { INSIGHT_FIGURES } from '../../db/insight/figures';
import { insightQueryOf } from '../../db/insight/handlers';
import { standupCalls } from '../../shared/contract-standup';
import type { Board, Bootstrap, Stage } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { createCore, seedDemo, type Core } from '../../db/index';
import { figure, median, sample, type Budget, type Report } from './stats';

export interface CoreBenchOptions {
  sizes: readonly number[];
  /** Timed runs per figure (after warm-up). */
  runs: number;
  report: Report;
  /** Where the temporary databases go (removed afterwards, but for the largest with keepLargest). */
  tmp?: string;
  /** Keep the largest database (closed) and return its path, for the renderer benchmark. */
  keepLargest?: boolean;
}

/** "Now" of every generated database, so runs compare. */
export const BENCH_NOW = new Date('2026-11-23T12:00:00.000Z');
const TIME_ZONE = 'Europe/Amsterdam';
/** Typed one letter at a time into the search box: a word the demo content uses. */
export const TYPED_QUERY = 'terugbel';

export const label = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

function ok<T>(res: Result<T>, what: string): T {
  if (!res.ok) throw new Error(`${what} failed: ${JSON.stringify(res.error)}`);
  return res.value;
}

/** A fresh database with `count` demo ideas; returns the core and how long generating took. */
export function generate(dir: string, count: number): { core: Core; dbPath: string; seedMs: number } {
  const dbPath = path.join(dir, `bench-${count}.sqlite`);
  const core = createCore({ dbPath, now: () => BENCH_NOW, dailyBackups: false });
  const start = performance.now();
  seedDemo(core, { count, seed: 1, now: BENCH_NOW });
  const seedMs = performance.now() - start;
  // The generator writes everything in one transaction, which leaves a WAL as large as the file (1 GB at 100k) that
  // every read then goes through; an app's own commits are small and checkpointed as it runs. The figures are then
  // taken on the file opened again, as the app opens it.
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { core: createCore({ dbPath, now: () => BENCH_NOW, dailyBackups: false }), dbPath, seedMs };
}

/** Inputs to try for a feature call we know nothing about; the first its schema accepts is used. */
function candidateInputs(boot: Bootstrap): unknown[] {
  const week = 7 * 24 * 3_600_000;
  const end = BENCH_NOW.getTime();
  const weeks = Array.from({ length: 13 }, (_, i) => new Date(end - (12 - i) * week).toISOString());
  const months = Array.from({ length: 4 }, (_, i) => new Date(end - (3 - i) * 4 * week).toISOString());
  const person = boot.people[0]?.id;
  return [
    {},
    { timeZone: TIME_ZONE },
    { filter: {} },
    { weeks, months, filter: {} },
    { weeks, filter: {} },
    { id: person, timeZone: TIME_ZONE },
    { id: person },
  ];
}

/** Every call of the stand-up and Inzicht tables that we can call without knowing ids of their own data. */
function featureCalls(boot: Bootstrap): { name: CallName; input: unknown }[] {
  const names = [...Object.keys(standupCalls), ...Object.keys(insightCalls)] as CallName[];
  const out: { name: CallName; input: unknown }[] = [];
  for (const name of names) {
    const schema = contract[name].input;
    const input = candidateInputs(boot).find((c) => schema.safeParse(c).success);
    if (input !== undefined) out.push({ name, input });
  }
  return out;
}

const BUDGET_CREATE: Budget = { max: 2, of: 'ratio' };

export async function runCoreBench({ sizes, runs, report, tmp, keepLargest }: CoreBenchOptions): Promise<{ path: string; ideas: number } | undefined> {
  const dir = fs.mkdtempSync(path.join(tmp ?? os.tmpdir(), 'kaizenbord-bench-'));
  const largest = Math.max(...sizes);
  let kept: { path: string; ideas: number } | undefined;
  try {
    for (const size of sizes) {
      const file = await benchSize(dir, size, runs, report);
      if (keepLargest && size === largest) kept = { path: file, ideas: size };
      else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
    return kept;
  } finally {
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every figure at one size; returns the database file (closed). */
async function benchSize(dir: string, size: number, runs: number, report: Report): Promise<string> {
  const n = label(size);
  const { core, dbPath, seedMs } = generate(dir, size);
  const { api, db } = core;
  try {
    report.add(figure(`generate ${n} ideas (seedDemo)`, seedMs, 'ms'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    report.add(figure(`database size per 1,000 ideas @${n}`, fs.statSync(dbPath).size / 1_048_576 / (size / 1000), 'MB'));

    const boot = ok(await api['app:bootstrap']({}), 'bootstrap');
    const actorId = boot.settings.currentPersonId ?? boot.people[0]!.id;
    const touchpointId = boot.touchpoints[0]!.id;

    // Board load through the validated call; a raw read of the same rows (no values, no counts) is the baseline.
    const boardBudget: Budget | undefined = size >= 100_000 ? { max: 100 } : size >= 10_000 ? { max: 15 } : undefined;
    let last: Board | undefined;
    const loadTimes = await sample(async () => {
      last = ok(await api['board:get']({ filter: {} }), 'board');
    }, Math.max(10, Math.round(runs / 4)));
    const columns = 'id, title, kind, stage, position, touchpoint_id, author_id, owner_id, cycle, stage_entered_at, created_at, outcome';
    const rawOpen = db.prepare(`SELECT ${columns} FROM ideas WHERE deleted_at IS NULL AND stage <> 'afgerond'`);
    const rawDone = db.prepare(`SELECT ${columns} FROM ideas WHERE deleted_at IS NULL AND stage = 'afgerond' ORDER BY position LIMIT 100`);
    const rawAll = await sample(() => [rawOpen.all(), rawDone.all()], 10, 2);
    report.add(figure(`board load (${last!.cards.length} cards sent) @${n}`, median(loadTimes), 'ms', median(rawAll)), boardBudget);
    const kindTimes = await sample(() => api['board:get']({ filter: { kind: 'verleuk' } }), Math.max(10, Math.round(runs / 4)));
    report.add(figure(`board load, kind filter @${n}`, median(kindTimes), 'ms'), boardBudget);

    // Search as you type: every prefix of the word, as the search box sends it.
    const prefixes = Array.from({ length: TYPED_QUERY.length }, (_, i) => TYPED_QUERY.slice(0, i + 1));
    const perPrefix: number[] = [];
    for (const query of prefixes) {
      perPrefix.push(median(await sample(() => api['board:get']({ filter: { query } }), Math.max(5, Math.round(runs / 10)), 2)));
    }
    const searchBudget: Budget | undefined = size >= 100_000 ? { max: 10 } : undefined;
    report.add(figure(`search as you type, median of prefixes @${n}`, median(perPrefix), 'ms'), searchBudget);
    report.add(figure(`search as you type, slowest prefix @${n}`, Math.max(...perPrefix), 'ms'));

    // The stand-up and Inzicht calls that exist in this build.
    const featureBudget: Budget | undefined = size >= 100_000 ? { max: 100 } : undefined;
    for (const { name, input } of featureCalls(boot)) {
      const started = performance.now();
      const first = await core.call(name, input);
      const firstMs = performance.now() - started;
      if (!first.ok) {
        report.note(`${name} @${n}: skipped (${first.error.code}: needs data of its own)`);
        continue;
      }
      // The first call was the warm-up; a call of seconds gets fewer runs, one of many seconds none more.
      const more = firstMs > 5000 ? 0 : firstMs > 1000 ? 3 : Math.max(5, Math.round(runs / 20));
      const times = more
        ? await sample(async () => {
            const res = await core.call(name, input);
            ok(res, name);
          }, more, 0)
        : [firstMs];
      // The budget is per Inzicht figure: each is also timed on its own (finding the finished ideas itself).
      if (name === 'insight:get') {
        const query = insightQueryOf(db, input as Parameters<typeof insightQueryOf>[1], BENCH_NOW.toISOString());
        let slowest = { figure: '', ms: 0 };
        for (const [figureName, compute] of Object.entries(INSIGHT_FIGURES)) {
          const ms = median(await sample(() => compute(db, query), Math.max(3, Math.round(runs / 40)), 1));
          if (ms > slowest.ms) slowest = { figure: figureName, ms };
        }
        report.add(figure(`insight, slowest figure on its own (${slowest.figure}) @${n}`, slowest.ms, 'ms'), featureBudget);
        report.add(figure(`insight:get @${n}`, median(times), 'ms'));
        continue;
      }
      // insight:ideas is the CSV export of every idea: reported, but it is not a figure on screen.
      report.add(figure(`${name} @${n}`, median(times), 'ms'), name === 'insight:ideas' ? undefined : featureBudget);
    }
    // Create: the validated core call vs a raw insert of the same idea row in one transaction, interleaved.
    const raw = db.prepare(
      `INSERT INTO ideas (id, title, description, kind, stage, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
       VALUES (?, ?, '', 'verbeter', 'nieuw', ?, ?, ?, ?, ?, ?)`,
    );
    const rawInsert = db.transaction((i: number) => {
      const at = new Date().toISOString();
      raw.run(randomUUID(), `Ruw idee ${i}`, -1e9 - i, touchpointId, actorId, at, at, at);
    });
    let created = 0;
    const createPair = async (i: number, into: { core: number[]; raw: number[] }) => {
      const a = performance.now();
      ok(await api['ideas:create']({ actorId, title: `Bench idee ${created}`, kind: 'verbeter', touchpointId }), 'create');
      const b = performance.now();
      rawInsert(created++);
      const c = performance.now();
      if (i >= 0) {
        into.core.push(b - a);
        into.raw.push(c - b);
      }
    };
    const synced = { core: [] as number[], raw: [] as number[] };
    for (let i = -5; i < runs; i++) await createPair(i, synced);
    report.add(figure(`create idea (core call vs raw insert) @${n}`, median(synced.core), 'ms', median(synced.raw)), BUDGET_CREATE);
    report.add(figure(`create idea absolute @${n}`, median(synced.core), 'ms'), { max: 1 });
    // The same without the fsync of each commit (synchronous=OFF): what the core itself costs.
    db.pragma('synchronous = OFF');
    const unsynced = { core: [] as number[], raw: [] as number[] };
    for (let i = -5; i < runs; i++) await createPair(i, unsynced);
    db.pragma('synchronous = FULL');
    report.add(figure(`create idea without fsync (core vs raw) @${n}`, median(unsynced.core), 'ms', median(unsynced.raw)));

    // Move: a card from Plan to the top of Do and back, each with its event.
    const board = ok(await api['board:get']({ filter: {} }), 'board');
    const mover = board.cards.find((c) => c.stage === 'plan')!;
    const moveOnce = async (i: number) => {
      const to: Stage = (i & 1) === 0 ? 'do' : 'plan';
      ok(await api['ideas:move']({ id: mover.id, actorId, toStage: to, afterId: null }), 'move');
    };
    const moveTimes = await sample(moveOnce, runs * 2, 10);
    db.pragma('synchronous = OFF');
    const moveUnsynced = await sample(moveOnce, runs * 2, 10);
    db.pragma('synchronous = FULL');
    report.add(figure(`move idea @${n}`, median(moveTimes), 'ms'), { max: 1 });
    report.add(figure(`move idea without fsync @${n}`, median(moveUnsynced), 'ms'));

  } finally {
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
  }
  return dbPath;
}
