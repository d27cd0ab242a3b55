import { describe, expect, it } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import type { Stage } from '../../shared/domain';
import { makeCore, setupTeam, unwrap, type Team } from './support';

async function ideas(api: KaizenApi, team: Team, titles: string[]) {
  const out: Record<string, string> = {};
  // Created in reverse so the board shows them in the given order (each new idea lands on top).
  for (const title of [...titles].reverse()) {
    out[title] = (await unwrap(api['ideas:create']({ actorId: team.anna.id, title, kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }))).id;
  }
  return out;
}

async function column(api: KaizenApi, stage: Stage): Promise<string[]> {
  return (await unwrap(api['board:get']({ filter: {} }))).cards.filter((c) => c.stage === stage).map((c) => c.title);
}

describe('ideas:move', () => {
  it('moves between columns directly below afterId, or to the top with null, and the order survives a reopen', async () => {
    const t = makeCore();
    const team = await setupTeam(t.api);
    const id = await ideas(t.api, team, ['A', 'B', 'C', 'D']);
    const move = (title: string, toStage: Stage, after: string | null) =>
      unwrap(t.api['ideas:move']({ id: id[title]!, actorId: team.anna.id, toStage, afterId: after === null ? null : id[after]! }));

    await move('B', 'plan', null);
    await move('D', 'plan', 'B');
    await move('A', 'plan', null);
    await move('C', 'plan', 'A');
    expect(await column(t.api, 'plan')).toEqual(['A', 'C', 'B', 'D']);
    expect(await column(t.api, 'nieuw')).toEqual([]);

    // Within the same column: reorder.
    await move('D', 'plan', null);
    await move('A', 'plan', 'B');
    expect(await column(t.api, 'plan')).toEqual(['D', 'C', 'B', 'A']);

    const again = t.reopen();
    expect(await column(again.api, 'plan')).toEqual(['D', 'C', 'B', 'A']);
  });

  it('writes one row for a normal move and keeps positions sparse', async () => {
    const { api, db } = makeCore();
    const team = await setupTeam(api);
    const id = await ideas(api, team, ['A', 'B', 'C']);
    const before = db.prepare("SELECT id, position FROM ideas WHERE id <> ? ORDER BY id").all(id.B!);
    await unwrap(api['ideas:move']({ id: id.B!, actorId: team.anna.id, toStage: 'nieuw', afterId: id.C! }));
    expect(db.prepare("SELECT id, position FROM ideas WHERE id <> ? ORDER BY id").all(id.B!)).toEqual(before);
    expect(await column(api, 'nieuw')).toEqual(['A', 'C', 'B']);
  });

  it('changes stageEnteredAt and logs a moved event only when the stage changes', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const id = await ideas(api, team, ['A', 'B']);
    clock.advance(60_000);
    const moved = await unwrap(api['ideas:move']({ id: id.A!, actorId: team.bram.id, toStage: 'do', afterId: null }));
    expect(moved).toMatchObject({ stage: 'do', stageEnteredAt: '2026-03-02T09:01:00.000Z', updatedAt: '2026-03-02T09:01:00.000Z' });
    clock.advance(60_000);
    await unwrap(api['ideas:move']({ id: id.B!, actorId: team.bram.id, toStage: 'do', afterId: null }));
    const reordered = await unwrap(api['ideas:move']({ id: id.A!, actorId: team.bram.id, toStage: 'do', afterId: null }));
    expect(reordered.stageEnteredAt).toBe('2026-03-02T09:01:00.000Z');
    expect(await column(api, 'do')).toEqual(['A', 'B']);
    const { events } = await unwrap(api['ideas:get']({ id: id.A! }));
    expect(events.map((e) => [e.type, e.fromStage, e.toStage, e.personId])).toEqual([
      ['created', null, 'nieuw', team.anna.id],
      ['moved', 'nieuw', 'do', team.bram.id],
    ]);
  });

  it('leaves a drop on the same place untouched', async () => {
    const { api, clock } = makeCore();
    const team = await setupTeam(api);
    const id = await ideas(api, team, ['A', 'B']);
    const b = (await unwrap(api['ideas:get']({ id: id.B! }))).idea;
    clock.advance(1000);
    expect(await unwrap(api['ideas:move']({ id: id.B!, actorId: team.anna.id, toStage: 'nieuw', afterId: id.A! }))).toEqual(b);
  });

  it('renumbers the column when the gap runs out (60 drops into the same slot)', async () => {
    const t = makeCore();
    const team = await setupTeam(t.api);
    const titles = Array.from({ length: 62 }, (_, i) => `Idee ${i}`);
    const id = await ideas(t.api, team, titles);
    const topBefore = (await unwrap(t.api['ideas:get']({ id: id['Idee 0']! }))).idea.position;
    // Keep dropping the bottom card between the first two cards: the gap halves every time.
    const expected = [...titles];
    for (let i = 0; i < 60; i++) {
      const moving = expected.pop()!;
      await unwrap(t.api['ideas:move']({ id: id[moving]!, actorId: team.anna.id, toStage: 'nieuw', afterId: id[expected[0]!]! }));
      expected.splice(1, 0, moving);
    }
    expect(await column(t.api, 'nieuw')).toEqual(expected);
    const positions = (await unwrap(t.api['board:get']({ filter: {} }))).cards.map((c) => c.position);
    expect(new Set(positions).size).toBe(positions.length);
    // After a renumber the keys are whole multiples of the gap again, far apart.
    const gaps = positions.slice(1).map((p, i) => p - positions[i]!);
    expect(Math.min(...gaps)).toBeGreaterThan(1e-6);
    // The top card never moved, yet its key changed: the column was renumbered.
    expect(positions[0]).not.toBe(topBefore);
    expect(await column(t.reopen().api, 'nieuw')).toEqual(expected);
  });

  it('needs an outcome to go into Afgerond, stores the lesson, and clears the outcome when it leaves', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    const id = await ideas(api, team, ['A']);
    const base = { id: id.A!, actorId: team.anna.id, afterId: null };
    expect(await api['ideas:move']({ ...base, toStage: 'afgerond' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'outcome', issue: 'required' },
    });
    expect(await api['ideas:move']({ ...base, toStage: 'check', outcome: 'adopted' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'outcome' },
    });
    expect(await api['ideas:move']({ ...base, toStage: 'check', lesson: 'x' })).toMatchObject({ ok: false, error: { field: 'lesson' } });
    expect(await api['ideas:move']({ ...base, toStage: 'afgerond', outcome: 'maybe' as 'adopted' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'outcome' },
    });
    expect((await unwrap(api['ideas:get']({ id: id.A! }))).idea.stage).toBe('nieuw');

    const done = await unwrap(api['ideas:move']({ ...base, toStage: 'afgerond', outcome: 'adopted', lesson: 'Vraag weinig, krijg veel.' }));
    expect(done).toMatchObject({ stage: 'afgerond', outcome: 'adopted', lesson: 'Vraag weinig, krijg veel.' });
    expect((await unwrap(api['board:get']({ filter: {} }))).cards[0]!.outcome).toBe('adopted');
    // Reordering within Afgerond needs no new outcome but may change it.
    expect(await unwrap(api['ideas:move']({ ...base, toStage: 'afgerond' }))).toMatchObject({ outcome: 'adopted' });
    expect(await unwrap(api['ideas:move']({ ...base, toStage: 'afgerond', outcome: 'stopped' }))).toMatchObject({ outcome: 'stopped' });
    const back = await unwrap(api['ideas:move']({ ...base, toStage: 'act' }));
    expect(back).toMatchObject({ stage: 'act', outcome: null, lesson: 'Vraag weinig, krijg veel.' });
  });

  it('refuses an afterId that is unknown, itself, or in another column', async () => {
    const { api } = makeCore();
    const team = await setupTeam(api);
    const id = await ideas(api, team, ['A', 'B']);
    const move = (afterId: string, toStage: Stage = 'plan') => api['ideas:move']({ id: id.A!, actorId: team.anna.id, toStage, afterId });
    expect(await move('00000000-0000-4000-8000-0000000000ff')).toMatchObject({ ok: false, error: { code: 'not_found', field: 'afterId' } });
    expect(await move(id.B!)).toMatchObject({ ok: false, error: { code: 'validation', field: 'afterId' } });
    expect(await move(id.A!, 'nieuw')).toMatchObject({ ok: false, error: { code: 'validation', field: 'afterId' } });
    expect(await api['ideas:move']({ id: '00000000-0000-4000-8000-0000000000ff', actorId: team.anna.id, toStage: 'plan', afterId: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
    expect(await column(api, 'nieuw')).toEqual(['A', 'B']);
  });
});
