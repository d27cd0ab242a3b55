import { describe, expect, it } from 'vitest';
import { makeCore, setupTeam, unwrap } from './support';

describe('first open', () => {
  it('inserts an editable Dutch starter set and default settings, but no people', async () => {
    const { api } = makeCore();
    const boot = await unwrap(api['app:bootstrap']({}));
    expect(boot.settings).toEqual({
      language: 'nl',
      theme: 'system',
      currentPersonId: null,
      lastKind: 'verbeter',
      lastTouchpointId: null,
      standupDoDays: 5,
      standupStuckDays: 10,
      standupMinutes: 15,
      wipLimits: { nieuw: null, plan: null, do: null, check: null, act: null, afgerond: null },
      csvSeparator: ';',
    });
    expect(boot.people).toEqual([]);
    expect(boot.journeys.map((j) => j.name)).toEqual(['Klantreis']);
    expect(boot.touchpoints.map((t) => t.name)).toEqual([
      'Eerste contact',
      'Informatie & advies',
      'Aanvraag & bestelling',
      'Levering & service',
      'Factuur & betaling',
      'Klacht & nazorg',
    ]);
    expect(new Set(boot.touchpoints.map((t) => t.journeyId))).toEqual(new Set([boot.journeys[0]!.id]));
    const byLevel = (level: number) => boot.values.filter((v) => v.level === level).map((v) => v.name);
    expect(byLevel(1)).toEqual(['Betrouwbaar', 'Duidelijk', 'Perfectie']);
    expect(byLevel(2)).toEqual(['Gemak', 'Gerustheid']);
    expect(byLevel(3)).toEqual(['Warmte', 'Verwondering', 'Persoonlijke aandacht']);
    for (const row of [...boot.journeys, ...boot.touchpoints, ...boot.values]) {
      expect(row.archived).toBe(false);
      expect(row.createdAt).toBe('2026-03-02T09:00:00.000Z');
      expect(row.updatedAt).toBe(row.createdAt);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('does not bring the starter set back after it was renamed and archived', async () => {
    const first = makeCore();
    const boot = await unwrap(first.api['app:bootstrap']({}));
    await unwrap(first.api['journeys:update']({ id: boot.journeys[0]!.id, name: 'Onze reis', archived: true }));
    const again = await unwrap(first.reopen().api['app:bootstrap']({}));
    expect(again.journeys.map((j) => [j.name, j.archived])).toEqual([['Onze reis', true]]);
  });
});

describe('settings:update', () => {
  it('changes only the given settings, remembers them, and checks referenced ids', async () => {
    const t = makeCore();
    const { anna, touchpoints } = await setupTeam(t.api);
    const settings = await unwrap(t.api['settings:update']({ theme: 'dark', currentPersonId: anna.id }));
    expect(settings).toMatchObject({ language: 'nl', theme: 'dark', currentPersonId: anna.id });
    await unwrap(t.api['settings:update']({ language: 'en', lastTouchpointId: touchpoints[2]!.id }));
    const after = await unwrap(t.reopen().api['app:bootstrap']({}));
    expect(after.settings).toEqual({
      language: 'en',
      theme: 'dark',
      currentPersonId: anna.id,
      lastKind: 'verbeter',
      lastTouchpointId: touchpoints[2]!.id,
      standupDoDays: 5,
      standupStuckDays: 10,
      standupMinutes: 15,
      wipLimits: { nieuw: null, plan: null, do: null, check: null, act: null, afgerond: null },
      csvSeparator: ';',
    });
  });

  it('clears the current person with null and refuses unknown people and touchpoints', async () => {
    const { api } = makeCore();
    const { anna } = await setupTeam(api);
    await unwrap(api['settings:update']({ currentPersonId: anna.id }));
    expect((await unwrap(api['settings:update']({ currentPersonId: null }))).currentPersonId).toBeNull();
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect(await api['settings:update']({ currentPersonId: missing })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'currentPersonId' },
    });
    expect(await api['settings:update']({ lastTouchpointId: missing })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'lastTouchpointId' },
    });
  });

  it('keeps stand-up thresholds, WIP limits and the CSV separator, and refuses values out of range', async () => {
    let t = makeCore();
    const limits = { nieuw: null, plan: 8, do: 5, check: null, act: 3, afgerond: null };
    await unwrap(t.api['settings:update']({ standupDoDays: 3, standupStuckDays: 7, standupMinutes: 10, wipLimits: limits, csvSeparator: ',' }));
    t = t.reopen();
    const after = (await unwrap(t.api['app:bootstrap']({}))).settings;
    expect(after).toMatchObject({ standupDoDays: 3, standupStuckDays: 7, standupMinutes: 10, wipLimits: limits, csvSeparator: ',' });
    for (const bad of [
      { standupDoDays: 0 },
      { standupStuckDays: 1.5 },
      { standupMinutes: 121 },
      { wipLimits: { ...limits, do: 0 } },
      { wipLimits: { nieuw: 1 } },
      { csvSeparator: '\t' },
    ]) {
      expect(await t.api['settings:update'](bad as never)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    // A hand-edited stored value that no longer fits falls back to the default.
    t.db.prepare("UPDATE settings SET value = '{\"do\":-1}' WHERE key = 'wipLimits'").run();
    expect((await unwrap(t.api['app:bootstrap']({}))).settings.wipLimits).toEqual({
      nieuw: null, plan: null, do: null, check: null, act: null, afgerond: null,
    });
  });
});

describe('people', () => {
  it('creates, renames, archives and lists people by name', async () => {
    const { api, clock } = makeCore();
    const zoe = await unwrap(api['people:create']({ name: '  Zoë  ' }));
    expect(zoe).toMatchObject({ name: 'Zoë', archived: false, createdAt: '2026-03-02T09:00:00.000Z' });
    await unwrap(api['people:create']({ name: 'anouk' }));
    clock.advance(60_000);
    const renamed = await unwrap(api['people:update']({ id: zoe.id, name: 'Zoë de Wit', archived: true }));
    expect(renamed).toMatchObject({ name: 'Zoë de Wit', archived: true, createdAt: zoe.createdAt, updatedAt: '2026-03-02T09:01:00.000Z' });
    const boot = await unwrap(api['app:bootstrap']({}));
    expect(boot.people.map((p) => p.name)).toEqual(['anouk', 'Zoë de Wit']);
  });

  it('keeps updatedAt when nothing changes', async () => {
    const { api, clock } = makeCore();
    const anna = await unwrap(api['people:create']({ name: 'Anna' }));
    clock.advance(1000);
    expect(await unwrap(api['people:update']({ id: anna.id, name: 'Anna' }))).toEqual(anna);
  });

  it('refuses a second person with the same name, ignoring case and accents', async () => {
    const { api } = makeCore();
    const zoe = await unwrap(api['people:create']({ name: 'Zoë' }));
    const bram = await unwrap(api['people:create']({ name: 'Bram' }));
    expect(await api['people:create']({ name: 'zoe' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    expect(await api['people:update']({ id: bram.id, name: 'ZOË' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Renaming yourself to a different spelling is fine.
    expect(await unwrap(api['people:update']({ id: zoe.id, name: 'ZOË' }))).toMatchObject({ name: 'ZOË' });
  });
});

describe('journeys and touchpoints', () => {
  it('adds a journey at the end and touchpoints at the end of their journey', async () => {
    const { api } = makeCore();
    const { journey, touchpoints } = await setupTeam(api);
    const second = await unwrap(api['journeys:create']({ name: 'Zakelijke klant' }));
    expect(second.position).toBeGreaterThan(journey.position);
    const tp = await unwrap(api['touchpoints:create']({ journeyId: journey.id, name: 'Onderhoud' }));
    expect(tp.position).toBeGreaterThan(Math.max(...touchpoints.map((t) => t.position)));
    const first = await unwrap(api['touchpoints:create']({ journeyId: second.id, name: 'Kennismaking' }));
    const boot = await unwrap(api['app:bootstrap']({}));
    expect(boot.journeys.map((j) => j.name)).toEqual(['Klantreis', 'Zakelijke klant']);
    expect(boot.touchpoints.map((t) => t.name).slice(-2)).toEqual(['Onderhoud', 'Kennismaking']);
    expect(first.journeyId).toBe(second.id);
  });

  it('renames, moves to another journey and archives a touchpoint', async () => {
    const { api } = makeCore();
    const { journey, touchpoints } = await setupTeam(api);
    const other = await unwrap(api['journeys:create']({ name: 'Tweede reis' }));
    const moved = await unwrap(api['touchpoints:update']({ id: touchpoints[0]!.id, journeyId: other.id, name: 'Intake' }));
    expect(moved).toMatchObject({ journeyId: other.id, name: 'Intake', archived: false });
    const archived = await unwrap(api['touchpoints:update']({ id: moved.id, archived: true }));
    expect(archived.archived).toBe(true);
    const list = await unwrap(api['touchpoints:reorder']({ journeyId: journey.id, ids: touchpoints.slice(1).map((t) => t.id).reverse() }));
    expect(list.map((t) => t.name)).toEqual(touchpoints.slice(1).map((t) => t.name).reverse());
  });

  it('reorders journeys and touchpoints only when given exactly the full set', async () => {
    const { api } = makeCore();
    const { journey, touchpoints } = await setupTeam(api);
    const b = await unwrap(api['journeys:create']({ name: 'B' }));
    const c = await unwrap(api['journeys:create']({ name: 'C' }));
    const order = await unwrap(api['journeys:reorder']({ ids: [c.id, journey.id, b.id] }));
    expect(order.map((j) => j.name)).toEqual(['C', 'Klantreis', 'B']);
    for (const ids of [[c.id, b.id], [c.id, b.id, b.id], [c.id, journey.id, b.id, touchpoints[0]!.id]]) {
      expect(await api['journeys:reorder']({ ids })).toMatchObject({ ok: false, error: { code: 'validation', field: 'ids' } });
    }
    const ids = touchpoints.map((t) => t.id);
    expect(await api['touchpoints:reorder']({ journeyId: journey.id, ids: ids.slice(1) })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'ids' },
    });
    expect(await api['touchpoints:reorder']({ journeyId: b.id, ids })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const reordered = await unwrap(api['touchpoints:reorder']({ journeyId: journey.id, ids: [...ids.slice(3), ...ids.slice(0, 3)] }));
    expect(reordered.map((t) => t.id)).toEqual([...ids.slice(3), ...ids.slice(0, 3)]);
    const boot = await unwrap(api['app:bootstrap']({}));
    expect(boot.touchpoints.map((t) => t.id)).toEqual([...ids.slice(3), ...ids.slice(0, 3)]);
  });

  it('archiving a journey keeps its touchpoints and ideas but blocks new ideas and touchpoints there', async () => {
    const { api } = makeCore();
    const { anna, journey, touchpoints } = await setupTeam(api);
    const idea = await unwrap(api['ideas:create']({ actorId: anna.id, title: 'Oud idee', kind: 'verbeter', touchpointId: touchpoints[0]!.id }));
    await unwrap(api['journeys:update']({ id: journey.id, archived: true }));
    const boot = await unwrap(api['app:bootstrap']({}));
    expect(boot.touchpoints).toHaveLength(6);
    expect((await unwrap(api['board:get']({ filter: {} }))).cards.map((c) => c.id)).toEqual([idea.id]);
    expect(await api['ideas:create']({ actorId: anna.id, title: 'Nieuw', kind: 'verbeter', touchpointId: touchpoints[0]!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'touchpointId' },
    });
    expect(await api['touchpoints:create']({ journeyId: journey.id, name: 'Extra' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'journeyId' },
    });
    await unwrap(api['journeys:update']({ id: journey.id, archived: false }));
    await unwrap(api['ideas:create']({ actorId: anna.id, title: 'Nieuw', kind: 'verbeter', touchpointId: touchpoints[0]!.id }));
  });
});

describe('belevingswaarden', () => {
  it('creates, updates, archives and reorders values', async () => {
    const { api } = makeCore();
    const { values } = await setupTeam(api);
    const v = await unwrap(api['values:create']({ name: 'Snelheid', level: 1 }));
    expect(v).toMatchObject({ name: 'Snelheid', level: 1, archived: false });
    expect(v.position).toBeGreaterThan(Math.max(...values.map((x) => x.position)));
    const changed = await unwrap(api['values:update']({ id: v.id, level: 2, name: 'Vlot geholpen', archived: true }));
    expect(changed).toMatchObject({ level: 2, name: 'Vlot geholpen', archived: true });
    const ids = [v.id, ...values.map((x) => x.id)];
    const list = await unwrap(api['values:reorder']({ ids }));
    expect(list.map((x) => x.id)).toEqual(ids);
    expect(await api['values:reorder']({ ids: ids.slice(1) })).toMatchObject({ ok: false, error: { code: 'validation', field: 'ids' } });
    expect(await api['values:create']({ name: 'warmte', level: 3 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
