import { describe, expect, it } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import { makeCore, setupTeam, unwrap, type Team } from './support';

async function newIdea(api: KaizenApi, team: Team, title: string, extra: { kind?: 'verbeter' | 'verleuk'; touchpoint?: number } = {}) {
  return unwrap(
    api['ideas:create']({
      actorId: team.anna.id,
      title,
      kind: extra.kind ?? 'verbeter',
      touchpointId: team.touchpoints[extra.touchpoint ?? 0]!.id,
    }),
  );
}

describe('ideas:create', () => {
  it('logs the idea at the top of Nieuw, authored by the actor, with a created event', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const first = await newIdea(api, team, '  Terugbellen binnen twee uur ');
    clock.advance(1000);
    const second = await unwrap(
      api['ideas:create']({
        actorId: team.bram.id,
        title: 'Kaartje bij levering',
        kind: 'verleuk',
        touchpointId: team.touchpoints[3]!.id,
        description: 'Een handgeschreven kaartje.',
      }),
    );
    expect(first).toMatchObject({
      title: 'Terugbellen binnen twee uur',
      description: '',
      kind: 'verbeter',
      stage: 'nieuw',
      authorId: team.anna.id,
      ownerId: null,
      valueIds: [],
      pyramidLevel: null,
      cycle: 1,
      outcome: null,
      lesson: '',
      problem: '',
      gradeBefore: null,
      stageEnteredAt: '2026-03-02T09:00:00.000Z',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(second).toMatchObject({ authorId: team.bram.id, description: 'Een handgeschreven kaartje.', kind: 'verleuk' });
    expect(second.position).toBeLessThan(first.position);
    const board = await unwrap(api['board:get']({ filter: {} }));
    expect(board.cards.map((c) => c.title)).toEqual(['Kaartje bij levering', 'Terugbellen binnen twee uur']);
    const detail = await unwrap(api['ideas:get']({ id: first.id }));
    expect(detail.events).toEqual([
      expect.objectContaining({ type: 'created', personId: team.anna.id, toStage: 'nieuw', fromStage: null, fields: [] }),
    ]);
    expect(detail.comments).toEqual([]);
  });

  it('remembers the last kind and touchpoint for the next capture', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    await newIdea(api, team, 'Iets leuks', { kind: 'verleuk', touchpoint: 4 });
    const { settings } = await unwrap(api['app:bootstrap']({}));
    expect(settings).toMatchObject({ lastKind: 'verleuk', lastTouchpointId: team.touchpoints[4]!.id });
  });

  it('refuses unknown actors and touchpoints, and archived touchpoints', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    const missing = '00000000-0000-4000-8000-0000000000ff';
    const base = { actorId: team.anna.id, title: 'X', kind: 'verbeter' as const, touchpointId: team.touchpoints[0]!.id };
    expect(await api['ideas:create']({ ...base, actorId: missing })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'actorId' } });
    expect(await api['ideas:create']({ ...base, touchpointId: missing })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'touchpointId' },
    });
    await unwrap(api['touchpoints:update']({ id: team.touchpoints[0]!.id, archived: true }));
    expect(await api['ideas:create'](base)).toMatchObject({ ok: false, error: { code: 'conflict', field: 'touchpointId' } });
  });

  it('lets archived people keep authoring and keeps their ideas', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Van Anna');
    await unwrap(api['people:update']({ id: team.anna.id, archived: true }));
    expect((await unwrap(api['board:get']({ filter: { personId: team.anna.id } }))).cards.map((c) => c.id)).toEqual([idea.id]);
  });
});

describe('ideas:update', () => {
  it('patches fields and records one edited event naming exactly the changed fields', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Factuur in gewone taal');
    clock.advance(5 * 60_000);
    const updated = await unwrap(
      api['ideas:update']({
        id: idea.id,
        actorId: team.bram.id,
        patch: {
          title: 'Factuur in begrijpelijke taal',
          kind: 'verbeter',
          ownerId: team.bram.id,
          valueIds: [team.values[1]!.id, team.values[0]!.id, team.values[1]!.id],
          pyramidLevel: 1,
          problem: 'Klanten bellen over de factuur.',
          doStartDate: '2026-03-09',
          gradeBefore: 6,
          gradeAfter: 8,
          expectationMet: 'deels',
          actDecision: 'standaard',
          checkResult: '45% minder vragen',
        },
      }),
    );
    expect(updated).toMatchObject({
      title: 'Factuur in begrijpelijke taal',
      ownerId: team.bram.id,
      pyramidLevel: 1,
      problem: 'Klanten bellen over de factuur.',
      doStartDate: '2026-03-09',
      gradeBefore: 6,
      gradeAfter: 8,
      expectationMet: 'deels',
      actDecision: 'standaard',
      checkResult: '45% minder vragen',
      updatedAt: '2026-03-02T09:05:00.000Z',
      createdAt: idea.createdAt,
      stageEnteredAt: idea.stageEnteredAt,
    });
    // Value ids come back in belevingswaarden order, without duplicates.
    expect(updated.valueIds).toEqual([team.values[0]!.id, team.values[1]!.id]);
    const { events } = await unwrap(api['ideas:get']({ id: idea.id }));
    expect(events.map((e) => e.type)).toEqual(['created', 'edited']);
    expect(events[1]).toMatchObject({ personId: team.bram.id, createdAt: '2026-03-02T09:05:00.000Z' });
    expect(events[1]!.fields).toEqual([
      'title',
      'ownerId',
      'valueIds',
      'pyramidLevel',
      'problem',
      'doStartDate',
      'checkResult',
      'gradeBefore',
      'gradeAfter',
      'expectationMet',
      'actDecision',
    ]);
  });

  it('writes nothing when the patch changes nothing', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Zelfde');
    clock.advance(1000);
    const same = await unwrap(api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch: { title: 'Zelfde', valueIds: [], ownerId: null } }));
    expect(same).toEqual(idea);
    expect((await unwrap(api['ideas:get']({ id: idea.id }))).events).toHaveLength(1);
  });

  it('replaces the value set and clears nullable fields', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Waarden');
    const [a, b, c] = team.values;
    await unwrap(api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch: { valueIds: [a!.id, b!.id], gradeBefore: 5, ownerId: team.anna.id } }));
    const after = await unwrap(
      api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch: { valueIds: [c!.id], gradeBefore: null, ownerId: null } }),
    );
    expect(after).toMatchObject({ valueIds: [c!.id], gradeBefore: null, ownerId: null });
    const card = (await unwrap(api['board:get']({ filter: {} }))).cards[0]!;
    expect(card.valueIds).toEqual([c!.id]);
  });

  it('checks the ids a patch points at', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Verwijzingen');
    const missing = '00000000-0000-4000-8000-0000000000ff';
    const update = (patch: object) => api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch });
    expect(await update({ valueIds: [team.values[0]!.id, missing] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'patch.valueIds' } });
    expect(await update({ touchpointId: missing })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'patch.touchpointId' } });
    expect(await update({ ownerId: missing })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'patch.ownerId' } });
    expect(await api['ideas:update']({ id: idea.id, actorId: missing, patch: { title: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'actorId' },
    });
    await unwrap(api['values:update']({ id: team.values[2]!.id, archived: true }));
    await unwrap(api['touchpoints:update']({ id: team.touchpoints[5]!.id, archived: true }));
    expect(await update({ valueIds: [team.values[2]!.id] })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'patch.valueIds' } });
    expect(await update({ touchpointId: team.touchpoints[5]!.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'patch.touchpointId' } });
    const moved = await unwrap(update({ touchpointId: team.touchpoints[4]!.id }));
    expect(moved.touchpointId).toBe(team.touchpoints[4]!.id);
    expect((await unwrap(api['ideas:get']({ id: idea.id }))).idea.title).toBe('Verwijzingen');
  });
});

describe('ideas:delete and ideas:restore', () => {
  it('soft-deletes, hides from the board, still opens, and restores in place', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const a = await newIdea(api, team, 'A');
    const b = await newIdea(api, team, 'B');
    const c = await newIdea(api, team, 'C');
    clock.advance(1000);
    const deleted = await unwrap(api['ideas:delete']({ id: b.id, actorId: team.bram.id }));
    expect(deleted.updatedAt).toBe('2026-03-02T09:00:01.000Z');
    expect((await unwrap(api['board:get']({ filter: {} }))).cards.map((x) => x.title)).toEqual(['C', 'A']);
    const detail = await unwrap(api['ideas:get']({ id: b.id }));
    expect(detail.idea.title).toBe('B');
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'deleted']);
    expect(await api['ideas:delete']({ id: b.id, actorId: team.anna.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api['ideas:update']({ id: b.id, actorId: team.anna.id, patch: { title: 'x' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api['comments:add']({ ideaId: b.id, authorId: team.anna.id, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'ideaId' },
    });
    // A card below a deleted one cannot be placed relative to it.
    expect(await api['ideas:move']({ id: a.id, actorId: team.anna.id, toStage: 'nieuw', afterId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'afterId' },
    });

    await unwrap(api['ideas:restore']({ id: b.id, actorId: team.bram.id }));
    expect((await unwrap(api['board:get']({ filter: {} }))).cards.map((x) => x.title)).toEqual(['C', 'B', 'A']);
    expect((await unwrap(api['ideas:get']({ id: b.id }))).events.map((e) => e.type)).toEqual(['created', 'deleted', 'restored']);
    expect(await api['ideas:restore']({ id: b.id, actorId: team.anna.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(c.id).not.toBe(b.id);
  });
});

describe('ideas:cycle', () => {
  it('sends an idea from Act to the top of Plan with cycle + 1', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Nog een ronde');
    const other = await newIdea(api, team, 'Al in plan');
    await unwrap(api['ideas:move']({ id: other.id, actorId: team.anna.id, toStage: 'plan', afterId: null }));
    expect(await api['ideas:cycle']({ id: idea.id, actorId: team.anna.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await unwrap(api['ideas:move']({ id: idea.id, actorId: team.anna.id, toStage: 'act', afterId: null }));
    clock.advance(3_600_000);
    const cycled = await unwrap(api['ideas:cycle']({ id: idea.id, actorId: team.bram.id }));
    expect(cycled).toMatchObject({ stage: 'plan', cycle: 2, stageEnteredAt: '2026-03-02T10:00:00.000Z' });
    const plan = (await unwrap(api['board:get']({ filter: {} }))).cards.filter((c) => c.stage === 'plan');
    expect(plan.map((c) => c.title)).toEqual(['Nog een ronde', 'Al in plan']);
    expect(plan[0]!.cycle).toBe(2);
    const { events } = await unwrap(api['ideas:get']({ id: idea.id }));
    expect(events.at(-1)).toMatchObject({ type: 'cycle', fromStage: 'act', toStage: 'plan', personId: team.bram.id });
  });
});

describe('comments:add', () => {
  it('adds comments in order with author and time, and logs a commented event', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const idea = await newIdea(api, team, 'Bespreken');
    const first = await unwrap(api['comments:add']({ ideaId: idea.id, authorId: team.bram.id, body: '  Goed idee!  ' }));
    clock.advance(1000);
    await unwrap(api['comments:add']({ ideaId: idea.id, authorId: team.anna.id, body: 'Dank je 🙂' }));
    expect(first).toMatchObject({ ideaId: idea.id, authorId: team.bram.id, body: 'Goed idee!', createdAt: '2026-03-02T09:00:00.000Z' });
    const detail = await unwrap(api['ideas:get']({ id: idea.id }));
    expect(detail.comments.map((c) => [c.body, c.authorId])).toEqual([
      ['Goed idee!', team.bram.id],
      ['Dank je 🙂', team.anna.id],
    ]);
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'commented', 'commented']);
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect(await api['comments:add']({ ideaId: missing, authorId: team.anna.id, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'ideaId' },
    });
    expect(await api['comments:add']({ ideaId: idea.id, authorId: missing, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'authorId' },
    });
  });
});
