/** Migrations 0040 and 0080: the Inzicht indexes exist on a real file and the figures' queries use them. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/core-types';
import { seedDemo } from '../../db/index';
import { cycles, insightReport, leadTime, outcomes, timeInStage, wipExceeded, wipPerWeek, type InsightQuery } from '../../db/insight/figures';
import { makeCore } from './support';

describe('migration 0040 (insight indexes)', () => {
  it('creates the indexes, and the weekly count and the finished-ideas lookup use them', () => {
    const { db } = makeCore();
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all();
    expect(names).toEqual(expect.arrayContaining(['ideas_by_created', 'events_moves_into']));
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan("SELECT count(*) FROM ideas WHERE deleted_at IS NULL AND created_at >= '2026' AND created_at < '2027'")).toContain(
      'ideas_by_created',
    );
    expect(
      plan("SELECT idea_id, max(created_at) FROM events WHERE type = 'moved' AND to_stage = 'afgerond' GROUP BY idea_id"),
    ).toContain('events_moves_into');
  });
});

/** Runs `figure` on a spy of `db` and returns the query plan of every statement it ran, with that statement's values. */
function plansOf(db: Db, figure: (db: Db) => unknown): string {
  const plans: string[] = [];
  const explain = (sql: string, args: unknown[]) =>
    plans.push(
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n'),
    );
  const spy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') {
        return (sql: string) => {
          const prepared = target.prepare(sql);
          return new Proxy(prepared, {
            get(st, k) {
              const value: unknown = Reflect.get(st, k);
              if ((k === 'all' || k === 'get' || k === 'run') && typeof value === 'function') {
                return (...args: unknown[]) => {
                  explain(sql, args);
                  return (value as (...a: unknown[]) => unknown).apply(st, args);
                };
              }
              return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(st) : value;
            },
          });
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  figure(spy);
  return plans.join('\n---\n');
}

describe('migration 0080 (insight speed)', () => {
  const NOW = new Date('2026-11-23T12:00:00.000Z');
  const WEEK = 7 * 24 * 3_600_000;

  it('creates the partial indexes, and the finished figures and the board history read them', () => {
    const { db } = makeCore();
    seedDemo(db, { count: 400, seed: 3, now: NOW });
    db.exec('ANALYZE');
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN ('events_finishes', 'events_board_changes', 'events_stays')")
      .all() as { name: string; sql: string }[];
    expect(indexes.map((i) => i.name).sort()).toEqual(['events_board_changes', 'events_finishes', 'events_stays']);
    for (const index of indexes) expect(index.sql).toMatch(/ WHERE type /);

    const weeks = Array.from({ length: 13 }, (_, i) => new Date(NOW.getTime() - (12 - i) * WEEK).toISOString());
    const q: InsightQuery = {
      weeks,
      months: [weeks[0]!, weeks[12]!],
      filter: {},
      wipLimits: { nieuw: 3, plan: 2, do: 2, check: 1, act: 1, afgerond: null },
      now: NOW.toISOString(),
    };
    // The last move into Afgerond: one seek per finished idea, never a walk over every idea in Afgerond.
    const finished = plansOf(db, (spy) => cycles(spy, q));
    expect(finished).toContain('events_finishes');
    expect(finished).not.toMatch(/SCAN i\b|USING INDEX ideas_by_stage/);
    // The board's history reads the covering index, never the event rows.
    for (const figure of [wipPerWeek, wipExceeded]) {
      const plan = plansOf(db, (spy) => figure(spy, q));
      expect(plan, figure.name).toContain('COVERING INDEX events_board_changes');
      expect(plan, figure.name).not.toContain('events_by_time');
    }
    // The stays of the ideas that moved in the period: from covering indexes only.
    const stays = plansOf(db, (spy) => timeInStage(spy, q));
    expect(stays).toContain('COVERING INDEX events_stays');
    expect(stays).toContain('COVERING INDEX events_board_changes');
    expect(stays).not.toMatch(/events_by_idea|events_by_time/);
  });

  it('gives the same figures as before it on the same file (the indexes only change how they are read)', () => {
    const { db } = makeCore();
    seedDemo(db, { count: 300, seed: 5, now: NOW });
    const weeks = Array.from({ length: 13 }, (_, i) => new Date(NOW.getTime() - (12 - i) * WEEK).toISOString());
    const q: InsightQuery = {
      weeks,
      months: [weeks[0]!, weeks[6]!, weeks[12]!],
      filter: {},
      wipLimits: { nieuw: 3, plan: 2, do: 2, check: 1, act: 1, afgerond: null },
      now: NOW.toISOString(),
    };
    const withIndexes = insightReport(db, q);
    db.exec('DROP INDEX events_finishes; DROP INDEX events_board_changes; DROP INDEX events_stays');
    expect(insightReport(db, q)).toEqual(withIndexes);
    expect(withIndexes.cycles.reduce((n, c) => n + c.ideas, 0)).toBeGreaterThan(0);
    expect(withIndexes.wipPerWeek.some((w) => w.do > 0)).toBe(true);
  });
});

describe('the finished ideas found once per report (TEMP table)', () => {
  const NOW = new Date('2026-11-23T12:00:00.000Z');
  const WEEK = 7 * 24 * 3_600_000;

  it('never serves one call the finished ideas of another: another filter, another period, changed data', () => {
    const { db } = makeCore();
    seedDemo(db, { count: 300, seed: 7, now: NOW });
    const weeks = Array.from({ length: 13 }, (_, i) => new Date(NOW.getTime() - (12 - i) * WEEK).toISOString());
    const q: InsightQuery = {
      weeks,
      months: [weeks[0]!, weeks[12]!],
      filter: {},
      wipLimits: { nieuw: 3, plan: 2, do: 2, check: 1, act: 1, afgerond: null },
      now: NOW.toISOString(),
    };
    const all = insightReport(db, q);
    const total = all.cycles.reduce((n, c) => n + c.ideas, 0);
    expect(total).toBeGreaterThan(1);

    // A figure alone, with a filter, after a whole report: its own finished ideas, and the same as in its report.
    const kind = { ...q, filter: { kind: 'verleuk' as const } };
    const verleuk = cycles(db, kind);
    expect(verleuk.reduce((n, c) => n + c.ideas, 0)).toBeLessThan(total);
    expect(insightReport(db, kind).cycles).toEqual(verleuk);
    expect(cycles(db, q)).toEqual(all.cycles);

    // A shorter period: fewer finished ideas.
    const short = { ...q, weeks: weeks.slice(10) };
    expect(insightReport(db, short).cycles.reduce((n, c) => n + c.ideas, 0)).toBeLessThan(total);

    // Data that changed between calls: a finished idea deleted now counts nowhere.
    const finishedId = db
      .prepare(
        "SELECT idea_id FROM events WHERE type = 'moved' AND to_stage = 'afgerond' AND created_at >= ? AND created_at < ? LIMIT 1",
      )
      .pluck()
      .get(weeks[0], weeks[12]) as string;
    db.prepare('UPDATE ideas SET deleted_at = ? WHERE id = ?').run(NOW.toISOString(), finishedId);
    expect(cycles(db, q).reduce((n, c) => n + c.ideas, 0)).toBe(total - 1);
    expect(insightReport(db, q).outcomes).toEqual(outcomes(db, q));
    expect(leadTime(db, q).count).toBe(total - 1);
  });
});
