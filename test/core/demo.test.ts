import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/domain';
import { seedDemo } from '../../db/demo';
import { MAX_DEMO_COUNT, parseArgs } from '../../db/harness-args';
import { checksum, makeCore, unwrap, type TestCore } from './support';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const SIX_WEEKS = 42 * 24 * 3_600_000;

/** The board as names instead of ids, so two databases can be compared. */
async function snapshot(t: TestCore) {
  const boot = await unwrap(t.api['app:bootstrap']({}));
  const person = (id: string | null) => boot.people.find((p) => p.id === id)?.name ?? null;
  const touchpoint = (id: string) => boot.touchpoints.find((x) => x.id === id)!.name;
  const cards = (await unwrap(t.api['board:get']({ filter: {} }))).cards;
  return Promise.all(
    cards.map(async (card) => {
      const detail = await unwrap(t.api['ideas:get']({ id: card.id }));
      return {
        title: card.title,
        stage: card.stage,
        position: card.position,
        kind: card.kind,
        touchpoint: touchpoint(card.touchpointId),
        author: person(card.authorId),
        owner: person(card.ownerId),
        stageEnteredAt: card.stageEnteredAt,
        history: detail.events.map((e) => [e.type, e.toStage, person(e.personId), e.createdAt]),
        comments: detail.comments.map((c) => [c.body, person(c.authorId), c.createdAt]),
      };
    }),
  );
}

describe('seedDemo', () => {
  it('fills an empty board with a realistic spread of ideas, people and history', async () => {
    const t = makeCore();
    const result = seedDemo(t.core, { now: NOW });
    expect(result).toMatchObject({ seeded: true, people: 6, ideas: 40 });
    expect(result.comments).toBeGreaterThan(10);
    expect(result.events).toBeGreaterThan(120);

    const boot = await unwrap(t.api['app:bootstrap']({}));
    expect(boot.people).toHaveLength(6);
    expect(boot.settings.currentPersonId).toBe(boot.people.find((p) => p.name === 'Sanne de Vries')!.id);

    const cards = (await unwrap(t.api['board:get']({ filter: {} }))).cards;
    expect(cards).toHaveLength(40);
    for (const stage of STAGES) expect(cards.filter((c) => c.stage === stage).length, stage).toBeGreaterThanOrEqual(2);
    expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(['verbeter', 'verleuk']));
    expect(new Set(cards.map((c) => c.touchpointId)).size).toBe(6);
    expect(new Set(cards.map((c) => c.authorId)).size).toBeGreaterThanOrEqual(5);
    expect(cards.some((c) => c.valueIds.length > 0)).toBe(true);
    expect(cards.filter((c) => c.cycle === 2).length).toBeGreaterThanOrEqual(1);
    const created = cards.map((c) => Date.parse(c.createdAt));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW.getTime() - SIX_WEEKS);
    expect(Math.max(...created)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(14 * 24 * 3_600_000);
    // Some cards moved today or yesterday, some have sat in their column for a week or more.
    const idleDays = cards.map((c) => (NOW.getTime() - Date.parse(c.stageEnteredAt)) / 86_400_000);
    expect(idleDays.filter((d) => d < 2).length).toBeGreaterThanOrEqual(10);
    expect(idleDays.filter((d) => d >= 5).length).toBeGreaterThanOrEqual(5);

    for (const card of cards) {
      const { idea, events, comments } = await unwrap(t.api['ideas:get']({ id: card.id }));
      const stageIndex = STAGES.indexOf(idea.stage);
      // PDCA fields are filled as far as the idea has come.
      expect(Boolean(idea.problem), idea.title).toBe(stageIndex >= 1 || idea.cycle > 1);
      if (stageIndex >= 2) expect(idea.doTest && idea.doStartDate, idea.title).toBeTruthy();
      if (stageIndex >= 3) expect(idea.checkResult && idea.gradeBefore && idea.gradeAfter && idea.expectationMet, idea.title).toBeTruthy();
      if (stageIndex >= 4) expect(idea.actDecision, idea.title).not.toBeNull();
      if (stageIndex >= 1) expect(idea.ownerId, idea.title).not.toBeNull();
      if (idea.stage === 'afgerond') {
        expect(idea.outcome).not.toBeNull();
        expect(idea.lesson.length).toBeGreaterThan(10);
        expect(idea.actDecision).toBe(idea.outcome === 'adopted' ? 'standaard' : 'stoppen');
      } else {
        expect(idea.outcome).toBeNull();
      }
      // The history is ordered, in the past, starts with "created" and ends where the card is.
      const times = events.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
      expect(events[0]).toMatchObject({ type: 'created', toStage: 'nieuw', createdAt: idea.createdAt });
      const moves = events.filter((e) => e.type === 'moved' || e.type === 'cycle');
      expect(moves.length).toBe(stageIndex + (idea.cycle > 1 ? 5 - 1 : 0));
      expect(moves.at(-1)?.toStage ?? 'nieuw').toBe(idea.stage);
      expect(moves.at(-1)?.createdAt ?? idea.createdAt).toBe(idea.stageEnteredAt);
      expect(events.filter((e) => e.type === 'cycle').length).toBe(idea.cycle - 1);
      expect(events.filter((e) => e.type === 'commented').length).toBe(comments.length);
      for (const comment of comments) expect(comment.authorId).not.toBe(idea.authorId);
    }

    // Demo content is searchable.
    expect((await unwrap(t.api['board:get']({ filter: { query: 'terugbel' } }))).cards.length).toBeGreaterThan(0);
  });

  it('keeps every history in order and in the past, whatever the seed', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { core, db } = makeCore();
      const now = new Date(NOW.getTime() + seed * 3_700_000);
      seedDemo(core, { seed, now });
      const wrong = db
        .prepare(
          `SELECT i.title FROM ideas i
            WHERE (SELECT type FROM events e WHERE e.idea_id = i.id ORDER BY e.created_at, e.seq LIMIT 1) IS NOT 'created'
               OR (SELECT min(created_at) FROM events e WHERE e.idea_id = i.id) <> i.created_at
               OR (SELECT max(created_at) FROM events e WHERE e.idea_id = i.id) > ?
               OR i.stage_entered_at < i.created_at`,
        )
        .pluck()
        .all(now.toISOString());
      expect(wrong, `seed ${seed}`).toEqual([]);
      expect(db.prepare('SELECT count(DISTINCT stage) FROM ideas').pluck().get(), `seed ${seed}`).toBe(6);
      core.close();
    }
  });

  it('is deterministic for a seed and clock, and varies with the seed', async () => {
    const a = makeCore();
    const b = makeCore();
    const c = makeCore();
    seedDemo(a.core, { seed: 7, now: NOW });
    seedDemo(b.db, { seed: 7, now: NOW });
    seedDemo(c.core, { seed: 8, now: NOW });
    const snapA = await snapshot(a);
    expect(await snapshot(b)).toEqual(snapA);
    expect(await snapshot(c)).not.toEqual(snapA);
  });

  it('does nothing when ideas already exist, even deleted ones', async () => {
    const t = makeCore();
    const anna = await unwrap(t.api['people:create']({ name: 'Anna' }));
    const boot = await unwrap(t.api['app:bootstrap']({}));
    const idea = await unwrap(t.api['ideas:create']({ actorId: anna.id, title: 'Eigen idee', kind: 'verbeter', touchpointId: boot.touchpoints[0]!.id }));
    await unwrap(t.api['ideas:delete']({ id: idea.id, actorId: anna.id }));
    const before = checksum(t.db);
    expect(seedDemo(t.core, { now: NOW })).toMatchObject({ seeded: false, ideas: 0, people: 0 });
    expect(checksum(t.db)).toBe(before);
  });

  it('reuses people who already have a demo name, honours count, and leaves a working board', async () => {
    const t = makeCore();
    const sanne = await unwrap(t.api['people:create']({ name: 'sanne de vries' }));
    const result = seedDemo(t.core, { now: NOW, count: 60, seed: 3 });
    expect(result).toMatchObject({ seeded: true, people: 5, ideas: 60 });
    const boot = await unwrap(t.api['app:bootstrap']({}));
    expect(boot.people).toHaveLength(6);
    expect(boot.settings.currentPersonId).toBe(sanne.id);
    const cards = (await unwrap(t.api['board:get']({ filter: {} }))).cards;
    expect(new Set(cards.map((c) => c.title)).size).toBe(60);

    const top = await unwrap(t.api['ideas:create']({ actorId: sanne.id, title: 'Na de demo', kind: 'verleuk', touchpointId: boot.touchpoints[2]!.id }));
    const nieuw = (await unwrap(t.api['board:get']({ filter: {} }))).cards.filter((c) => c.stage === 'nieuw');
    expect(nieuw[0]!.id).toBe(top.id);
    const inAct = cards.find((c) => c.stage === 'act')!;
    expect((await unwrap(t.api['ideas:cycle']({ id: inAct.id, actorId: sanne.id }))).cycle).toBe(inAct.cycle + 1);
  });
});

describe('seedDemo at scale', () => {
  it('spreads a large count over a realistic timeline: older ideas are nearly all finished', () => {
    const { core, db } = makeCore();
    const result = seedDemo(core, { count: 4000, now: NOW });
    expect(result).toMatchObject({ seeded: true, ideas: 4000 });
    // About ten events per finished idea: created, five moves and four edits, plus comments.
    expect(result.events).toBeGreaterThan(30_000);
    const byStage = Object.fromEntries(
      (db.prepare('SELECT stage, count(*) AS n FROM ideas GROUP BY stage').all() as { stage: string; n: number }[]).map((r) => [r.stage, r.n]),
    );
    const open = 4000 - byStage.afgerond!;
    // 40 a day: six weeks of recent ideas (1,680, three quarters open) and a few forgotten older ones.
    expect(open).toBeGreaterThan(1000);
    expect(open).toBeLessThan(1500);
    for (const stage of STAGES) expect(byStage[stage], stage).toBeGreaterThan(100);
    const oldest = db.prepare('SELECT min(created_at) FROM ideas').pluck().get() as string;
    expect(NOW.getTime() - Date.parse(oldest)).toBeGreaterThan(90 * 24 * 3_600_000);
    // Open ideas are recent, apart from the forgotten ones.
    const oldOpen = db
      .prepare("SELECT count(*) FROM ideas WHERE stage <> 'afgerond' AND created_at < ?")
      .pluck()
      .get(new Date(NOW.getTime() - SIX_WEEKS).toISOString()) as number;
    expect(oldOpen).toBeLessThan(60);
    const wrong = db
      .prepare(
        `SELECT i.id FROM ideas i
          WHERE (SELECT max(created_at) FROM events e WHERE e.idea_id = i.id) > ?
             OR i.stage_entered_at < i.created_at
             OR (i.stage = 'afgerond') <> (i.outcome IS NOT NULL)`,
      )
      .pluck()
      .all(NOW.toISOString());
    expect(wrong).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM ideas_fts').pluck().get()).toBe(4000);
  });

  it('puts exactly `open` ideas in the open columns when asked', () => {
    const { core, db } = makeCore();
    seedDemo(core, { count: 500, open: 130, now: NOW });
    expect(db.prepare("SELECT count(*) FROM ideas WHERE stage <> 'afgerond'").pluck().get()).toBe(130);
    expect(db.prepare("SELECT count(DISTINCT stage) FROM ideas WHERE stage <> 'afgerond'").pluck().get()).toBe(5);
    const other = makeCore();
    seedDemo(other.core, { count: 300, open: { plan: 200, do: 3 }, now: NOW });
    expect(other.db.prepare('SELECT stage, count(*) FROM ideas GROUP BY stage ORDER BY stage').raw().all()).toEqual([
      ['afgerond', 97],
      ['do', 3],
      ['plan', 200],
    ]);
  });
});

describe('npm run harness -- --demo N', () => {
  it('takes an optional count of ideas after --demo', () => {
    expect(parseArgs(['--demo'])).toEqual(expect.objectContaining({ demo: true }));
    expect(parseArgs(['--demo']).demoCount).toBeUndefined();
    expect(parseArgs(['--demo', '100000'])).toMatchObject({ demo: true, demoCount: 100_000 });
    expect(parseArgs(['--demo=250', '--port', '0'])).toMatchObject({ demo: true, demoCount: 250, port: 0 });
    expect(parseArgs(['--demo', '--port', '0'])).toMatchObject({ demo: true, port: 0 });
  });

  it('refuses a count that is not a number of ideas it can make', () => {
    expect(() => parseArgs(['--demo', '0'])).toThrow(/--demo takes a number of ideas from 1/);
    expect(() => parseArgs(['--demo=12x'])).toThrow(/--demo takes a number of ideas/);
    expect(() => parseArgs(['--demo', String(MAX_DEMO_COUNT + 1)])).toThrow(/--demo takes a number of ideas/);
    expect(() => parseArgs(['--demo', 'veel'])).toThrow(/Unknown option veel/);
  });
});
