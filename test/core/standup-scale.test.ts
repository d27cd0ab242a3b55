/**
 * The SQL-backed digest (db/standup/digest-queries.ts) against the pure rules (db/standup/digest.ts) on a board of
 * a few thousand demo ideas: for random moments, thresholds, time zones and list caps, every list, its order and
 * its count are the same as capDigest(digestRules(every live idea)). Not a timing test: figures go in the report.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_LIST_CAP, WALK_COLUMN_CAP } from '../../shared/contract-standup';
import { STAGES } from '../../shared/domain';
import { seedDemo } from '../../db/demo';
import { capDigest, digestRules, type IdeaFacts } from '../../db/standup/digest';
import { queryDigest } from '../../db/standup/digest-queries';
import { factsOf, listLiveCards, listMovesSince, listThanksSince } from '../../db/standup/queries';
import { makeCore, unwrap, type TestCore } from './support';

const IDEAS = 3000;
const ZONES = ['Europe/Amsterdam', 'UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham'];
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;

let t: TestCore;
let facts: IdeaFacts[];

beforeAll(() => {
  t = makeCore();
  seedDemo(t.db, { count: IDEAS, seed: 7, now: new Date(NOW) });
  // Check-op dates on open and finished ideas, and a few deleted ideas the digest must leave out.
  t.db.exec(`UPDATE ideas SET check_on = date('2026-03-02', '-' || (rowid % 40) || ' days', '+20 days') WHERE rowid % 5 = 0`);
  t.db.exec(`UPDATE ideas SET deleted_at = '2026-03-01T12:00:00.000Z' WHERE rowid % 97 = 0`);
  facts = listLiveCards(t.db).map(factsOf);
}, 60_000);

function reference(q: { now: string; since: string; timeZone: string; doDays: number; stuckDays: number; cap: number }) {
  const full = digestRules({
    ...q,
    ideas: facts,
    moves: listMovesSince(t.db, q.since),
    thanks: listThanksSince(t.db, q.since),
  });
  return capDigest(full, q.cap);
}

describe('standup digest at scale', () => {
  it('has the demo board it claims to test: thousands of ideas, long lists past the cap', () => {
    const q = { now: new Date(NOW).toISOString(), since: new Date(NOW - 14 * DAY).toISOString(), timeZone: ZONES[0]!, doDays: 2, stuckDays: 3, cap: DIGEST_LIST_CAP };
    const d = queryDigest(t.db, q);
    expect(listLiveCards(t.db).length).toBeGreaterThan(2900);
    expect(d.counts.stuck).toBeGreaterThan(DIGEST_LIST_CAP);
    expect(d.counts.moved).toBeGreaterThan(DIGEST_LIST_CAP);
    expect(d.stuck).toHaveLength(DIGEST_LIST_CAP);
    expect(d.counts.checkDue).toBeGreaterThan(0);
    expect(d).toEqual(reference(q));
  });

  it('gives the same lists, order and counts as the pure rules for random moments, thresholds, zones and caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 }),
        fc.integer({ min: 1, max: 40 * 24 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (hoursBack, windowHours, timeZone, doDays, stuckDays, cap) => {
          const now = NOW - hoursBack * 3_600_000;
          const q = {
            now: new Date(now).toISOString(),
            since: new Date(now - windowHours * 3_600_000).toISOString(),
            timeZone,
            doDays,
            stuckDays,
            cap,
          };
          expect(queryDigest(t.db, q)).toEqual(reference(q));
        },
      ),
      { numRuns: 40, seed: 20260302 },
    );
  });

  it('reads the long lists from the indexes of migration 0060, not a scan of every idea', () => {
    const plan = (sql: string) =>
      (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-01-01T00:00:00.000Z') as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan("SELECT count(*) FROM ideas WHERE deleted_at IS NULL AND stage = 'do' AND stage_entered_at < ?")).toContain(
      'ideas_by_stage_entered',
    );
    expect(plan("SELECT count(*) FROM ideas WHERE deleted_at IS NULL AND stage <> 'afgerond' AND updated_at < ?")).toContain(
      'ideas_open_by_change',
    );
    expect(plan("SELECT id FROM events WHERE created_at >= ? AND type IN ('moved', 'cycle')")).toContain('events_by_time');
  });

  it('returns the cards its lists mention and a walk capped per column with the totals', async () => {
    const d = await unwrap(t.api['standup:digest']({ timeZone: 'Europe/Amsterdam' }));
    const mentioned = new Set([
      ...d.newIdeas.flatMap((g) => g.ideaIds),
      ...[d.moved, d.readyForCheck, d.stuck, d.checkDue].flatMap((l) => l.map((e) => e.ideaId)),
      ...d.withoutOwner,
      ...d.adopted,
    ]);
    expect(new Set(d.cards.map((c) => c.id))).toEqual(mentioned);
    const live = listLiveCards(t.db).map((r) => r.card);
    for (const stage of STAGES) {
      const column = d.walk.filter((c) => c.stage === stage);
      const expected =
        stage === 'afgerond'
          ? live.filter((c) => c.stage === stage && c.stageEnteredAt >= d.since).length
          : live.filter((c) => c.stage === stage).length;
      expect(d.walkTotals[stage]).toBe(expected);
      expect(column.length).toBe(Math.min(expected, WALK_COLUMN_CAP));
      if (stage !== 'afgerond') {
        expect(column.map((c) => c.id)).toEqual(live.filter((c) => c.stage === stage).slice(0, WALK_COLUMN_CAP).map((c) => c.id));
      }
    }
    const finished = d.walk.filter((c) => c.stage === 'afgerond').map((c) => c.stageEnteredAt);
    expect(finished).toEqual([...finished].sort().reverse());
  });
});
