/**
 * Inzicht figures on a hand-built history with hand-computed answers. The period is five ISO weeks in
 * Europe/Amsterdam (UTC+1 in winter), across the year boundary: 2026-W51, W52, W53, 2027-W01, W02. Each week starts
 * on Monday 00:00 local = Sunday 23:00 UTC, so an idea logged on Sunday 3 January 2027 at 23:30 local (22:30 UTC)
 * belongs to 2026-W53 and one on Monday 4 January at 00:30 local (23:30 UTC the day before) to 2027-W01.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import type { InsightReport } from '../../shared/contract-insight';
import type { Idea, Person, Stage } from '../../shared/domain';
import { makeCore, setupTeam, unwrap, type Team, type TestCore } from './support';

const H = 3_600_000;
const D = 24 * H;

/** Monday 00:00 in Amsterdam (CET) of 2026-W51 … 2027-W03, as UTC instants. */
const WEEKS = [
  '2026-12-13T23:00:00.000Z', // W51
  '2026-12-20T23:00:00.000Z', // W52
  '2026-12-27T23:00:00.000Z', // W53
  '2027-01-03T23:00:00.000Z', // 2027-W01
  '2027-01-10T23:00:00.000Z', // 2027-W02
  '2027-01-17T23:00:00.000Z', // end
];
/** The period cut at 1 January (local). */
const MONTHS = [WEEKS[0]!, '2026-12-31T23:00:00.000Z', WEEKS[5]!];

let t: TestCore;
let api: KaizenApi;
let team: Team;
let cees: Person;
let eva: Person;
const ideas: Record<string, Idea> = {};

async function at(iso: string) {
  t.clock.set(iso);
}

async function move(name: string, toStage: Stage, actor: Person, outcome?: 'adopted' | 'stopped') {
  ideas[name] = await unwrap(
    api['ideas:move']({ id: ideas[name]!.id, actorId: actor.id, toStage, afterId: null, ...(outcome ? { outcome } : {}) }),
  );
}

async function create(name: string, author: Person, kind: 'verbeter' | 'verleuk', touchpoint: number) {
  ideas[name] = await unwrap(
    api['ideas:create']({ actorId: author.id, title: name, kind, touchpointId: team.touchpoints[touchpoint]!.id }),
  );
}

async function report(weeks = WEEKS, months = MONTHS, filter = {}): Promise<InsightReport> {
  return unwrap(api['insight:get']({ weeks, months, filter }));
}

beforeAll(async () => {
  t = makeCore();
  api = t.api;
  await at('2026-12-01T08:00:00.000Z');
  team = await setupTeam(api);
  cees = await unwrap(api['people:create']({ name: 'Cees' }));
  eva = await unwrap(api['people:create']({ name: 'Eva' }));
  const dirk = await unwrap(api['people:create']({ name: 'Dirk' }));
  await unwrap(api['people:update']({ id: dirk.id, archived: true }));
  await unwrap(api['settings:update']({ wipLimits: { nieuw: 2, plan: 1, do: null, check: null, act: null, afgerond: null } }));
  const { anna, bram } = team;
  const v = team.values;

  await at('2026-12-14T10:00:00.000Z');
  await create('X', cees, 'verbeter', 0);
  await at('2026-12-15T10:00:00.000Z');
  await move('X', 'plan', cees);

  await at('2026-12-22T09:00:00.000Z');
  await create('I1', anna, 'verbeter', 0);
  await unwrap(api['ideas:update']({ id: ideas.I1!.id, actorId: anna.id, patch: { valueIds: [v[0]!.id], pyramidLevel: 1 } }));
  await at('2026-12-22T10:00:00.000Z');
  await create('I2', bram, 'verleuk', 1);
  await unwrap(
    api['ideas:update']({ id: ideas.I2!.id, actorId: bram.id, patch: { valueIds: [v[0]!.id, v[1]!.id], pyramidLevel: 3 } }),
  );
  // I1 moves twice in one day.
  await at('2026-12-23T09:00:00.000Z');
  await move('I1', 'plan', anna);
  await at('2026-12-23T15:00:00.000Z');
  await move('I1', 'do', anna);
  await at('2026-12-29T09:00:00.000Z');
  await move('I1', 'check', anna);
  await unwrap(api['ideas:update']({ id: ideas.I1!.id, actorId: anna.id, patch: { gradeBefore: 6, gradeAfter: 9 } }));
  await at('2026-12-30T09:00:00.000Z');
  await move('I1', 'act', anna);
  // Back to Plan for a second cycle.
  await at('2026-12-31T09:00:00.000Z');
  ideas.I1 = await unwrap(api['ideas:cycle']({ id: ideas.I1!.id, actorId: anna.id }));
  await at('2027-01-01T09:00:00.000Z');
  await move('I1', 'do', anna);
  await at('2027-01-02T09:00:00.000Z');
  await move('I1', 'check', anna);

  // Sunday 3 January, 23:30 in Amsterdam: still 2026-W53. Its touchpoint is archived afterwards.
  await at('2027-01-03T22:30:00.000Z');
  await create('I3', anna, 'verleuk', 2);
  await unwrap(api['touchpoints:update']({ id: team.touchpoints[2]!.id, archived: true }));
  // Monday 4 January, 00:30 in Amsterdam: 2027-W01.
  await at('2027-01-03T23:30:00.000Z');
  await create('I4', bram, 'verbeter', 1);

  await at('2027-01-05T09:00:00.000Z');
  await move('I1', 'act', anna);
  await at('2027-01-06T09:00:00.000Z');
  await move('I1', 'afgerond', anna, 'adopted');
  // A deleted idea counts nowhere but in the board's history.
  await at('2027-01-06T12:00:00.000Z');
  await create('I5', anna, 'verbeter', 0);
  await at('2027-01-07T09:00:00.000Z');
  await unwrap(api['ideas:delete']({ id: ideas.I5!.id, actorId: anna.id }));

  await at('2027-01-12T09:00:00.000Z');
  await move('I2', 'plan', bram);
  await at('2027-01-13T09:00:00.000Z');
  await move('I2', 'do', bram);
  await at('2027-01-14T09:00:00.000Z');
  await move('I2', 'check', bram);
  await unwrap(api['ideas:update']({ id: ideas.I2!.id, actorId: bram.id, patch: { gradeBefore: 8, gradeAfter: 8 } }));
  await at('2027-01-14T10:00:00.000Z');
  await move('I2', 'act', bram);
  await at('2027-01-14T11:00:00.000Z');
  await move('I2', 'afgerond', bram, 'stopped');

  await at('2027-01-20T12:00:00.000Z');
});

describe('Inzicht: participation', () => {
  it('counts ideas per Monday week by kind, the Sunday-night idea in W53 and the Monday-night one in W01', async () => {
    const r = await report();
    expect(r.from).toBe(WEEKS[0]);
    expect(r.to).toBe(WEEKS[5]);
    expect(r.ideasPerWeek).toEqual([
      { start: WEEKS[0], verbeter: 1, verleuk: 0 },
      { start: WEEKS[1], verbeter: 1, verleuk: 1 },
      { start: WEEKS[2], verbeter: 0, verleuk: 1 },
      { start: WEEKS[3], verbeter: 1, verleuk: 0 },
      { start: WEEKS[4], verbeter: 0, verleuk: 0 },
    ]);
  });

  it('gives the share of the team active in the last 4 weeks, ideas per month, and who has not joined in yet', async () => {
    const r = await report();
    // Team: Anna, Bram, Cees, Eva (Dirk is archived); Cees only logged an idea in W51.
    expect(r.activeShare).toEqual({ active: 2, team: 4, since: WEEKS[1] });
    expect(r.ideasPerMonth).toEqual([
      { start: MONTHS[0], ideas: 3, authors: 3 },
      { start: MONTHS[1], ideas: 2, authors: 2 },
    ]);
    expect(r.quietPeople).toEqual([{ id: eva.id, name: 'Eva' }]);
  });
});

describe('Inzicht: flow', () => {
  it('counts finished ideas per week and the lead time Nieuw → Afgerond (median and p85, nearest rank)', async () => {
    const r = await report();
    expect(r.finishedPerWeek.map((w) => w.count)).toEqual([0, 0, 0, 1, 1]);
    // I1: 22 Dec 09:00 → 6 Jan 09:00 = 15 days; I2: 22 Dec 10:00 → 14 Jan 11:00 = 23 days 1 hour.
    expect(r.leadTime).toEqual({ count: 2, medianMs: 15 * D, p85Ms: 23 * D + H });
  });

  it('measures time per stage from every completed stay, both cycles and the double move of one day included', async () => {
    const r = await report();
    const byStage = Object.fromEntries(r.timeInStage.map((s) => [s.stage, s]));
    expect(byStage.nieuw).toEqual({ stage: 'nieuw', count: 3, medianMs: D, p85Ms: 20 * D + 23 * H });
    expect(byStage.plan).toEqual({ stage: 'plan', count: 3, medianMs: D, p85Ms: D });
    expect(byStage.do).toEqual({ stage: 'do', count: 3, medianMs: D, p85Ms: 5 * D + 18 * H });
    expect(byStage.check).toEqual({ stage: 'check', count: 3, medianMs: D, p85Ms: 3 * D });
    expect(byStage.act).toEqual({ stage: 'act', count: 3, medianMs: D, p85Ms: D });
  });

  it('replays work in progress at the end of each week, the deleted idea only while it stood on the board', async () => {
    const r = await report();
    const zero = { nieuw: 0, plan: 0, do: 0, check: 0, act: 0, afgerond: 0 };
    expect(r.wipPerWeek).toEqual([
      { ...zero, start: WEEKS[0], plan: 1 },
      { ...zero, start: WEEKS[1], nieuw: 1, plan: 1, do: 1 },
      { ...zero, start: WEEKS[2], nieuw: 2, plan: 1, check: 1 },
      { ...zero, start: WEEKS[3], nieuw: 3, plan: 1, afgerond: 1 },
      { ...zero, start: WEEKS[4], nieuw: 2, plan: 1, afgerond: 2 },
    ]);
  });

  it('counts cycles per finished idea', async () => {
    expect((await report()).cycles).toEqual([
      { cycles: 1, ideas: 1 },
      { cycles: 2, ideas: 1 },
    ]);
  });

  it('reconstructs how often and how long a column stood over its WIP limit', async () => {
    const r = await report();
    expect(r.wipExceeded).toEqual([
      // Nieuw (limit 2): 3 from 3 Jan 23:30 (I4), 4 with I5, back to 2 when I2 left on 12 Jan 09:00.
      { stage: 'nieuw', limit: 2, times: 1, msOver: 8 * D + 9.5 * H, peak: 4 },
      // Plan (limit 1, X stays there): I1 for 6 hours, I1's second cycle for a day, I2 for a day.
      { stage: 'plan', limit: 1, times: 3, msOver: 2 * D + 6 * H, peak: 2 },
    ]);
  });

  it('counts a column already over its limit when the period starts as one time', async () => {
    // 2027-W02: Nieuw holds 3 when the week starts and drops to 2 when I2 leaves on Tuesday 09:00.
    const week = [WEEKS[4]!, WEEKS[5]!];
    const r = await report(week, week);
    expect(r.wipExceeded).toEqual([
      { stage: 'nieuw', limit: 2, times: 1, msOver: D + 10 * H, peak: 3 },
      { stage: 'plan', limit: 1, times: 1, msOver: D, peak: 2 },
    ]);
  });
});

describe('Inzicht: outcome and where', () => {
  it('splits adopted and stopped and compares grades before and after', async () => {
    const r = await report();
    expect(r.outcomes).toEqual({ adopted: 1, stopped: 1 });
    expect(r.grades).toEqual({ ideas: 2, averageChange: 1.5, liftedToNine: 1 });
    expect(r.touchpointsImproved).toEqual([
      { touchpointId: team.touchpoints[0]!.id, name: team.touchpoints[0]!.name, archived: false, ideas: 1, averageBefore: 6, averageAfter: 9 },
    ]);
  });

  it('fills the touchpoint × kind heatmap, the archived touchpoint only because it has an idea', async () => {
    const r = await report();
    const tp = team.touchpoints;
    expect(r.heatmap).toHaveLength(tp.length);
    const row = (i: number) => r.heatmap.find((h) => h.touchpointId === tp[i]!.id);
    expect(row(0)).toMatchObject({ verbeter: 2, verleuk: 0, archived: false, journeyName: team.journey.name });
    expect(row(1)).toMatchObject({ verbeter: 1, verleuk: 1 });
    expect(row(2)).toMatchObject({ verbeter: 0, verleuk: 1, archived: true });
    expect(r.heatmap.filter((h) => h.verbeter + h.verleuk === 0)).toHaveLength(tp.length - 3);

    // In a period without ideas the archived touchpoint drops out.
    const empty = await report(['2025-01-05T23:00:00.000Z', '2025-01-12T23:00:00.000Z'], ['2025-01-05T23:00:00.000Z', '2025-01-12T23:00:00.000Z']);
    expect(empty.heatmap.map((h) => h.touchpointId)).not.toContain(tp[2]!.id);
  });

  it('counts ideas per belevingswaarde and pyramid level; values without ideas are listed with 0', async () => {
    const r = await report();
    const v = team.values;
    const count = (i: number) => r.valueCoverage.find((c) => c.valueId === v[i]!.id)?.ideas;
    expect(count(0)).toBe(2);
    expect(count(1)).toBe(1);
    expect(r.valueCoverage).toHaveLength(v.length);
    expect(r.valueCoverage.filter((c) => c.ideas === 0)).toHaveLength(v.length - 2);
    expect(r.levelCoverage).toEqual([
      { level: 1, ideas: 1 },
      { level: 2, ideas: 0 },
      { level: 3, ideas: 1 },
      { level: null, ideas: 3 },
    ]);
  });
});

describe('Inzicht: filters and empty periods', () => {
  it('filters by kind, touchpoint and person (author or owner)', async () => {
    const verleuk = await report(WEEKS, MONTHS, { kind: 'verleuk' });
    expect(verleuk.ideasPerWeek.map((w) => w.verleuk)).toEqual([0, 1, 1, 0, 0]);
    expect(verleuk.ideasPerWeek.every((w) => w.verbeter === 0)).toBe(true);
    expect(verleuk.outcomes).toEqual({ adopted: 0, stopped: 1 });

    const bram = await report(WEEKS, MONTHS, { personId: team.bram.id });
    expect(bram.ideasPerWeek.map((w) => w.verbeter + w.verleuk)).toEqual([0, 1, 0, 1, 0]);
    expect(bram.activeShare).toMatchObject({ active: 1, team: 1 });
    expect(bram.quietPeople).toEqual([]);

    const tp1 = await report(WEEKS, MONTHS, { touchpointId: team.touchpoints[1]!.id });
    expect(tp1.heatmap).toHaveLength(1);
    expect(tp1.leadTime.count).toBe(1);
    expect(tp1.wipPerWeek.at(-1)).toMatchObject({ nieuw: 1, afgerond: 1 });
  });

  it('returns zeros and empty lists for a period with no ideas', async () => {
    const weeks = ['2025-01-05T23:00:00.000Z', '2025-01-12T23:00:00.000Z', '2025-01-19T23:00:00.000Z'];
    const r = await report(weeks, [weeks[0]!, weeks[2]!]);
    expect(r.ideasPerWeek.every((w) => w.verbeter + w.verleuk === 0)).toBe(true);
    expect(r.activeShare).toMatchObject({ active: 0, team: 4 });
    expect(r.quietPeople).toHaveLength(4);
    expect(r.leadTime).toEqual({ count: 0, medianMs: null, p85Ms: null });
    expect(r.timeInStage.every((s) => s.count === 0 && s.medianMs === null)).toBe(true);
    expect(r.cycles).toEqual([]);
    expect(r.outcomes).toEqual({ adopted: 0, stopped: 0 });
    expect(r.grades).toEqual({ ideas: 0, averageChange: null, liftedToNine: 0 });
    expect(r.touchpointsImproved).toEqual([]);
    expect(r.wipPerWeek.every((w) => Object.values(w).every((v) => typeof v === 'string' || v === 0))).toBe(true);
    expect(r.wipExceeded.map((w) => w.times)).toEqual([0, 0]);
  });

  it('accepts boundaries with an offset and refuses ones that are not ascending', async () => {
    const local = ['2026-12-14T00:00:00+01:00', '2026-12-21T00:00:00+01:00'];
    const r = await report(local, local);
    expect(r.from).toBe(WEEKS[0]);
    const bad = await api['insight:get']({ weeks: [WEEKS[1]!, WEEKS[0]!], months: MONTHS, filter: {} });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'validation', field: 'weeks' });
  });
});

describe('insight:ideas', () => {
  it('returns every field of the ideas in view, in board order, without deleted ones', async () => {
    const all = await unwrap(api['insight:ideas']({ filter: {} }));
    expect(all.map((i) => i.title)).toEqual(['I4', 'I3', 'X', 'I2', 'I1']);
    const i1 = all.find((i) => i.title === 'I1')!;
    expect(i1).toMatchObject({ gradeBefore: 6, gradeAfter: 9, cycle: 2, outcome: 'adopted', pyramidLevel: 1, valueIds: [team.values[0]!.id] });
    const verleuk = await unwrap(api['insight:ideas']({ filter: { kind: 'verleuk' } }));
    expect(verleuk.map((i) => i.title)).toEqual(['I3', 'I2']);
  });
});

describe('Inzicht: an event exactly on a week boundary belongs to the week that starts there', () => {
  it('counts it in the new week, and the board at the end of the old week does not have it yet', async () => {
    const own = makeCore();
    own.clock.set('2026-12-01T08:00:00.000Z');
    const crew = await setupTeam(own.api);
    own.clock.set(WEEKS[1]!);
    const idea = await unwrap(
      own.api['ideas:create']({ actorId: crew.anna.id, title: 'Op de grens', kind: 'verbeter', touchpointId: crew.touchpoints[0]!.id }),
    );
    own.clock.set(WEEKS[2]!);
    await unwrap(own.api['ideas:move']({ id: idea.id, actorId: crew.anna.id, toStage: 'plan', afterId: null }));
    own.clock.set('2027-01-20T12:00:00.000Z');
    const r = await unwrap(own.api['insight:get']({ weeks: WEEKS, months: MONTHS, filter: {} }));
    expect(r.ideasPerWeek.map((w) => w.verbeter)).toEqual([0, 1, 0, 0, 0]);
    expect(r.wipPerWeek.map((w) => [w.nieuw, w.plan])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(r.timeInStage.find((s) => s.stage === 'nieuw')).toMatchObject({ count: 1, medianMs: 7 * D });
  });
});
