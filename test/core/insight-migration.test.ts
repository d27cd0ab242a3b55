/** Migration 0040: the Inzicht indexes exist on a real file and the figures' queries use them. */
import { describe, expect, it } from 'vitest';
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
