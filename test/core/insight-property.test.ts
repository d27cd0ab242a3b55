/**
 * Property tests: every Inzicht figure computed in SQL equals a straightforward computation in TypeScript over the
 * raw ideas and events, for random histories built through the real core calls with a frozen, advancing clock
 * (several calls in the same millisecond included), random periods, filters and WIP limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InsightFilter, InsightReport } from '../../shared/contract-insight';
import { STAGES, type Stage, type WipLimits } from '../../shared/domain';
import type { KaizenApi } from '../../shared/contract';
import { frozenClock, makeCore, setupTeam, type Team, type TestClock } from './support';

const H = 3_600_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');

type Step =
  | { dt: number; type: 'create'; person: number; kind: number; tp: number }
  /** stage -1: the next column. */
  | { dt: number; type: 'move'; idea: number; stage: number; outcome: number }
  | { dt: number; type: 'cycle' | 'delete' | 'restore'; idea: number }
  | { dt: number; type: 'grade'; idea: number; before: number | null; after: number | null; values: number[]; level: number | null }
  | { dt: number; type: 'archive'; tp: number };

// Time steps: often nothing (the same millisecond), else minutes to days.
const dt = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 90 * 60_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 24 * H }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ dt, type: fc.constant('create' as const), person: fc.nat(2), kind: fc.nat(1), tp: fc.nat(3) }) },
  { weight: 8, arbitrary: fc.record({ dt, type: fc.constant('move' as const), idea: fc.nat(12), stage: fc.oneof(fc.constant(-1), fc.constant(-1), fc.nat(5)), outcome: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ dt, type: fc.constantFrom('cycle' as const, 'delete' as const, 'restore' as const), idea: fc.nat(12) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      dt,
      type: fc.constant('grade' as const),
      idea: fc.nat(12),
      before: fc.option(fc.integer({ min: 1, max: 10 })),
      after: fc.option(fc.integer({ min: 1, max: 10 })),
      values: fc.uniqueArray(fc.nat(4), { maxLength: 3 }),
      level: fc.option(fc.constantFrom(1, 2, 3)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ dt, type: fc.constant('archive' as const), tp: fc.nat(3) }) },
);

interface IdeaRow {
  id: string;
  kind: string;
  stage: Stage;
  touchpoint_id: string;
  author_id: string;
  owner_id: string | null;
  pyramid_level: number | null;
  grade_before: number | null;
  grade_after: number | null;
  cycle: number;
  outcome: string | null;
  deleted_at: string | null;
  created_at: string;
}
interface EventRow {
  seq: number;
  idea_id: string;
  type: string;
  from_stage: Stage | null;
  to_stage: Stage | null;
  created_at: string;
}

const ms = (a: string, b: string) => Date.parse(a) - Date.parse(b);
const inRange = (at: string, from: string, to: string) => at >= from && at < to;

/** Nearest rank: the value at position ceil(p·n) of the sorted list. */
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, medianMs: null, p85Ms: null };
  return { count: n, medianMs: sorted[Math.ceil(n / 2) - 1]!, p85Ms: sorted[Math.ceil((85 * n) / 100) - 1]! };
}

/** The whole report, computed the plain way from the rows. */
function reference(
  rows: { ideas: IdeaRow[]; events: EventRow[]; people: { id: string; archived: number }[]; values: { id: string; archived: number }[]; ideaValues: { idea_id: string; value_id: string }[] },
  weeks: string[],
  months: string[],
  filter: InsightFilter,
  limits: WipLimits,
  now: string,
) {
  const from = weeks[0]!;
  const to = weeks.at(-1)!;
  const recent = weeks[Math.max(0, weeks.length - 5)]!;
  const matches = (i: IdeaRow) =>
    (!filter.kind || i.kind === filter.kind) &&
    (!filter.touchpointId || i.touchpoint_id === filter.touchpointId) &&
    (!filter.personId || i.author_id === filter.personId || i.owner_id === filter.personId);
  const live = rows.ideas.filter((i) => i.deleted_at === null && matches(i));
  const byId = new Map(rows.ideas.map((i) => [i.id, i]));
  const eventsOf = (id: string) => rows.events.filter((e) => e.idea_id === id);
  const buckets = (b: string[]) => b.slice(0, -1).map((start, n) => ({ start, end: b[n + 1]! }));

  const team = rows.people.filter((p) => p.archived === 0 && (!filter.personId || p.id === filter.personId));
  const authored = (personId: string, a: string, b: string) => live.some((i) => i.author_id === personId && inRange(i.created_at, a, b));

  const doneAt = (i: IdeaRow) =>
    eventsOf(i.id)
      .filter((e) => e.type === 'moved' && e.to_stage === 'afgerond')
      .map((e) => e.created_at)
      .sort()
      .at(-1);
  const finished = live.filter((i) => {
    const d = doneAt(i);
    return i.stage === 'afgerond' && d !== undefined && inRange(d, from, to);
  });

  // Time in stage: consecutive transitions of each live idea.
  const stays: Record<string, number[]> = {};
  for (const i of live) {
    const moves = eventsOf(i.id).filter((e) => ['created', 'moved', 'cycle'].includes(e.type));
    moves.forEach((e, k) => {
      const next = moves[k + 1];
      if (next && inRange(next.created_at, from, to) && e.to_stage !== 'afgerond') {
        (stays[e.to_stage!] ??= []).push(ms(next.created_at, e.created_at));
      }
    });
  }

  // Where a card stands at a moment (null: not on the board), by replaying its events.
  const standing = (id: string, before: string): Stage | null => {
    let where: Stage | null = null;
    for (const e of eventsOf(id)) {
      if (e.created_at >= before) break;
      if (e.type === 'deleted') where = null;
      else if (['created', 'moved', 'cycle', 'restored'].includes(e.type)) where = e.to_stage;
    }
    return where;
  };

  // WIP limits: per column, its count after each event that touched it, in (time, seq) order.
  const ordered = [...rows.events].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq));
  const end = now < to ? now : to;
  const wipExceeded = STAGES.filter((s) => limits[s] !== null).map((stage) => {
    const limit = limits[stage]!;
    const steps: { at: string; count: number; prev: number }[] = [];
    let count = 0;
    for (const e of ordered) {
      const into = ['created', 'moved', 'cycle', 'restored'].includes(e.type) && e.to_stage === stage;
      const out = ['moved', 'cycle', 'deleted'].includes(e.type) && e.from_stage === stage;
      if (!into && !out) continue;
      const prev = count;
      count += into ? 1 : -1;
      steps.push({ at: e.created_at, count, prev });
    }
    const opening = steps.filter((s) => s.at < from).at(-1)?.count ?? 0;
    const inside = steps.filter((s) => inRange(s.at, from, to));
    const times = inside.filter((s) => s.count > limit && s.prev <= limit).length + (opening > limit ? 1 : 0);
    let msOver = 0;
    steps.forEach((s, k) => {
      if (s.count <= limit) return;
      const a = s.at > from ? s.at : from;
      const nextAt = steps[k + 1]?.at ?? end;
      const b = nextAt < end ? nextAt : end;
      if (b > a) msOver += ms(b, a);
    });
    const peak = Math.max(opening, ...inside.map((s) => s.count));
    return { stage, limit, times, msOver, peak };
  });

  const graded = finished.filter((i) => i.grade_before !== null && i.grade_after !== null);
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const createdIn = live.filter((i) => inRange(i.created_at, from, to));

  return {
    ideasPerWeek: buckets(weeks).map((b) => ({
      start: b.start,
      verbeter: live.filter((i) => i.kind === 'verbeter' && inRange(i.created_at, b.start, b.end)).length,
      verleuk: live.filter((i) => i.kind === 'verleuk' && inRange(i.created_at, b.start, b.end)).length,
    })),
    ideasPerMonth: buckets(months).map((b) => {
      const ideas = live.filter((i) => inRange(i.created_at, b.start, b.end));
      return { start: b.start, ideas: ideas.length, authors: new Set(ideas.map((i) => i.author_id)).size };
    }),
    activeShare: { active: team.filter((p) => authored(p.id, recent, to)).length, team: team.length, since: recent },
    quietPeople: team.filter((p) => !authored(p.id, from, to)).map((p) => p.id).sort(),
    finishedPerWeek: buckets(weeks).map((b) => ({
      start: b.start,
      count: new Set(
        rows.events
          .filter((e) => e.type === 'moved' && e.to_stage === 'afgerond' && inRange(e.created_at, b.start, b.end))
          .map((e) => e.idea_id)
          .filter((id) => live.some((i) => i.id === id)),
      ).size,
    })),
    leadTime: stats(finished.map((i) => ms(doneAt(i)!, i.created_at))),
    timeInStage: STAGES.filter((s) => s !== 'afgerond').map((stage) => ({ stage, ...stats(stays[stage] ?? []) })),
    wipPerWeek: buckets(weeks).map((b) => {
      const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
      for (const i of rows.ideas.filter(matches)) {
        const where = standing(i.id, b.end);
        if (where) counts[where] += 1;
      }
      return { start: b.start, ...counts };
    }),
    cycles: [...new Set(finished.map((i) => i.cycle))].sort((a, b) => a - b).map((c) => ({ cycles: c, ideas: finished.filter((i) => i.cycle === c).length })),
    outcomes: { adopted: finished.filter((i) => i.outcome === 'adopted').length, stopped: finished.filter((i) => i.outcome === 'stopped').length },
    grades: {
      ideas: graded.length,
      averageChange: avg(graded.map((i) => i.grade_after! - i.grade_before!)),
      liftedToNine: graded.filter((i) => i.grade_before! < 9 && i.grade_after! >= 9).length,
    },
    improved: [...new Set(graded.map((i) => i.touchpoint_id))]
      .filter((tp) => avg(graded.filter((i) => i.touchpoint_id === tp).map((i) => i.grade_after! - i.grade_before!))! > 0)
      .sort(),
    heatmap: Object.fromEntries(
      [...new Set(createdIn.map((i) => i.touchpoint_id))].map((tp) => [
        tp,
        {
          verbeter: createdIn.filter((i) => i.touchpoint_id === tp && i.kind === 'verbeter').length,
          verleuk: createdIn.filter((i) => i.touchpoint_id === tp && i.kind === 'verleuk').length,
        },
      ]),
    ),
    values: Object.fromEntries(
      rows.values.map((v) => [v.id, rows.ideaValues.filter((iv) => iv.value_id === v.id && createdIn.some((i) => i.id === iv.idea_id)).length]),
    ),
    levels: ([1, 2, 3, null] as const).map((level) => ({ level, ideas: createdIn.filter((i) => i.pyramid_level === level).length })),
    wipExceeded,
    byId,
  };
}

async function play(steps: Step[], team: Team, api: KaizenApi, clock: TestClock) {
  const people = [team.anna, team.bram];
  const ideas: string[] = [];
  const stageOf = new Map<string, Stage>();
  const track = (res: Awaited<ReturnType<KaizenApi['ideas:move']>>) => {
    if (res.ok) stageOf.set(res.value.id, res.value.stage);
  };
  for (const s of steps) {
    clock.advance(s.dt);
    const idea = 'idea' in s ? ideas[s.idea % Math.max(1, ideas.length)] : undefined;
    const actorId = team.anna.id;
    switch (s.type) {
      case 'create': {
        const res = await api['ideas:create']({
          actorId: people[s.person % 2]!.id,
          title: `idee ${ideas.length}`,
          kind: s.kind ? 'verleuk' : 'verbeter',
          touchpointId: team.touchpoints[s.tp]!.id,
        });
        if (res.ok) ideas.push(res.value.id);
        track(res);
        break;
      }
      case 'move':
        if (idea) {
          const toStage = s.stage < 0 ? (STAGES[STAGES.indexOf(stageOf.get(idea)!) + 1] ?? 'afgerond') : STAGES[s.stage]!;
          track(await api['ideas:move']({
            id: idea,
            actorId,
            toStage,
            afterId: null,
            ...(toStage === 'afgerond' ? { outcome: s.outcome ? ('stopped' as const) : ('adopted' as const) } : {}),
          }));
        }
        break;
      case 'cycle':
        if (idea) track(await api['ideas:cycle']({ id: idea, actorId }));
        break;
      case 'delete':
        if (idea) await api['ideas:delete']({ id: idea, actorId });
        break;
      case 'restore':
        if (idea) await api['ideas:restore']({ id: idea, actorId });
        break;
      case 'grade':
        if (idea) {
          await api['ideas:update']({
            id: idea,
            actorId,
            patch: {
              gradeBefore: s.before,
              gradeAfter: s.after,
              valueIds: s.values.map((v) => team.values[v]!.id),
              pyramidLevel: s.level as 1 | 2 | 3 | null,
              // The owner takes part in the person filter.
              ownerId: s.values.length % 2 ? team.bram.id : null,
            },
          });
        }
        break;
      case 'archive':
        await api['touchpoints:update']({ id: team.touchpoints[s.tp]!.id, archived: true });
        break;
    }
  }
}

describe('Inzicht figures equal a plain TypeScript computation over random histories', () => {
  it('holds for every figure', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 80, size: 'max' }),
        fc.integer({ min: -2 * 24, max: 2 * 24 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<'none' | 'kind' | 'tp' | 'person'>('none', 'kind', 'tp', 'person'),
        fc.record({ nieuw: fc.option(fc.integer({ min: 1, max: 3 })), plan: fc.option(fc.integer({ min: 1, max: 2 })), do: fc.option(fc.constant(1)) }),
        async (steps, shiftHours, weekCount, filterKind, someLimits) => {
          const clock = frozenClock(new Date(START).toISOString());
          const t = makeCore({ clock });
          const team = await setupTeam(t.api);
          const limits: WipLimits = { ...someLimits, check: null, act: null, afgerond: null };
          await t.api['settings:update']({ wipLimits: limits });
          await play(steps, team, t.api, clock);

          const first = START + shiftHours * H;
          const weeks = Array.from({ length: weekCount + 1 }, (_, i) => new Date(first + i * 7 * 24 * H).toISOString());
          const mid = new Date(first + 10 * 24 * H).toISOString();
          const months = mid < weeks.at(-1)! ? [weeks[0]!, mid, weeks.at(-1)!] : [weeks[0]!, weeks.at(-1)!];
          const filter: InsightFilter =
            filterKind === 'kind' ? { kind: 'verleuk' } : filterKind === 'tp' ? { touchpointId: team.touchpoints[0]!.id } : filterKind === 'person' ? { personId: team.bram.id } : {};
          clock.advance(H);
          const now = clock.now().toISOString();

          const res = await t.api['insight:get']({ weeks, months, filter });
          if (!res.ok) throw new Error(JSON.stringify(res.error));
          const r: InsightReport = res.value;
          const rows = {
            ideas: t.db.prepare('SELECT * FROM ideas').all() as IdeaRow[],
            events: t.db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[],
            people: t.db.prepare('SELECT id, archived FROM people').all() as { id: string; archived: number }[],
            values: t.db.prepare('SELECT id, archived FROM experience_values').all() as { id: string; archived: number }[],
            ideaValues: t.db.prepare('SELECT idea_id, value_id FROM idea_values').all() as { idea_id: string; value_id: string }[],
          };
          const want = reference(rows, weeks, months, filter, limits, now);

          expect(r.ideasPerWeek).toEqual(want.ideasPerWeek);
          expect(r.ideasPerMonth).toEqual(want.ideasPerMonth);
          expect(r.activeShare).toEqual(want.activeShare);
          expect(r.quietPeople.map((p) => p.id).sort()).toEqual(want.quietPeople);
          expect(r.finishedPerWeek).toEqual(want.finishedPerWeek);
          expect(r.leadTime).toEqual(want.leadTime);
          expect(r.timeInStage).toEqual(want.timeInStage);
          expect(r.wipPerWeek).toEqual(want.wipPerWeek);
          expect(r.cycles).toEqual(want.cycles);
          expect(r.outcomes).toEqual(want.outcomes);
          expect(r.grades.ideas).toBe(want.grades.ideas);
          expect(r.grades.liftedToNine).toBe(want.grades.liftedToNine);
          if (want.grades.averageChange === null) expect(r.grades.averageChange).toBeNull();
          else expect(r.grades.averageChange).toBeCloseTo(want.grades.averageChange, 9);
          expect(r.touchpointsImproved.map((x) => x.touchpointId).sort()).toEqual(want.improved);
          for (const row of r.heatmap) {
            expect({ verbeter: row.verbeter, verleuk: row.verleuk }).toEqual(want.heatmap[row.touchpointId] ?? { verbeter: 0, verleuk: 0 });
          }
          expect(Object.keys(want.heatmap).every((tp) => r.heatmap.some((h) => h.touchpointId === tp))).toBe(true);
          for (const v of r.valueCoverage) expect(v.ideas).toBe(want.values[v.valueId]);
          expect(r.levelCoverage).toEqual(want.levels);
          expect(r.wipExceeded).toEqual(want.wipExceeded);
          t.core.close();
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
