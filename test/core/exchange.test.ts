import { describe, expect, it } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import { EXCHANGE_FORMAT } from '../../shared/exchange-format';
import { allDetails, importText } from './exchange-support';
import { checksum, frozenClock, makeCore, setupTeam, unwrap, type Team } from './support';

/** A laptop with a small but complete history: moves, edits, values, an owner, comments, thanks, a deletion. */
async function busyLaptop() {
  const laptop = makeCore();
  const { api, clock } = laptop;
  const team = await setupTeam(api);
  const [tp0, tp1] = team.touchpoints;
  const create = async (title: string, kind: 'verbeter' | 'verleuk' = 'verbeter', tp = tp0!) => {
    clock.advance(60_000);
    return unwrap(api['ideas:create']({ actorId: team.anna.id, title, kind, touchpointId: tp.id }));
  };
  const a = await create('Terugbellen binnen twee uur');
  const b = await create('Kaartje bij levering 🎉', 'verleuk', tp1!);
  const c = await create('Wachtmuziek vervangen');
  const d = await create('Weg ermee');
  clock.advance(60_000);
  await unwrap(api['ideas:move']({ id: a.id, actorId: team.bram.id, toStage: 'plan', afterId: null }));
  await unwrap(
    api['ideas:update']({
      id: a.id,
      actorId: team.bram.id,
      patch: { ownerId: team.bram.id, valueIds: [team.values[0]!.id, team.values[5]!.id], problem: 'Klanten wachten — "lang"', gradeBefore: 6, checkOn: '2026-03-09' },
    }),
  );
  await unwrap(api['ideas:move']({ id: b.id, actorId: team.anna.id, toStage: 'plan', afterId: a.id }));
  await unwrap(api['comments:add']({ ideaId: a.id, authorId: team.bram.id, body: 'Goed plan, <b>niet</b> vet' }));
  await unwrap(api['thanks:add']({ fromId: team.bram.id, toId: team.anna.id, ideaId: a.id, message: 'Dank je!' }));
  await unwrap(api['ideas:delete']({ id: d.id, actorId: team.anna.id }));
  clock.advance(60_000);
  return { ...laptop, team, ideas: [a, b, c, d] };
}

async function snapshot(api: KaizenApi, ids: readonly string[]) {
  const board = await unwrap(api['board:get']({ filter: {} }));
  const thanks = await unwrap(api['thanks:list']({}));
  return { board, details: await allDetails(api, ids), thanks };
}

describe('exchange: export and import', () => {
  it('export → import on an empty database gives the same board, details, history, comments and thanks', async () => {
    const source = await busyLaptop();
    const setup = await unwrap(source.api['setup:export']({}));
    const ideas = await unwrap(source.api['ideas:export']({}));
    expect(ideas.totals).toMatchObject({ ideas: 4, comments: 1, thanks: 1, people: 2 });
    expect(JSON.parse(ideas.text)).toMatchObject({ format: EXCHANGE_FORMAT, version: 1, content: { kind: 'ideas' } });

    // A new laptop whose starter set was made at the same moment as the lead's (a later one keeps its own timestamps).
    const target = makeCore();
    const first = await importText(target.api, setup.text);
    expect(first.kind).toBe('setup');
    expect(first.counts.people).toEqual({ added: 2, updated: 0, skipped: 0 });
    // The starter set of the new laptop is the same set by name: it takes over the lead's ids.
    expect(first.counts.touchpoints.added).toBe(0);
    const second = await importText(target.api, ideas.text);
    expect(second.counts.ideas).toEqual({ added: 4, updated: 0, skipped: 0 });
    expect(second.counts.comments).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect(second.counts.thanks).toEqual({ added: 1, updated: 0, skipped: 0 });

    const ids = source.ideas.map((i) => i.id);
    expect(await snapshot(target.api, ids)).toEqual(await snapshot(source.api, ids));
    const boot = (api: KaizenApi) => unwrap(api['app:bootstrap']({}));
    const [from, to] = await Promise.all([boot(source.api), boot(target.api)]);
    expect(to.touchpoints).toEqual(from.touchpoints);
    expect(to.values).toEqual(from.values);
    expect(to.people).toEqual(from.people);
  });

  it('an ideas file alone also lands on a fresh laptop: its touchpoints are mapped by name', async () => {
    const source = await busyLaptop();
    const { text } = await unwrap(source.api['ideas:export']({}));
    const target = makeCore();
    const result = await importText(target.api, text);
    expect(result.counts.touchpoints).toEqual({ added: 0, updated: 0, skipped: 6 });
    const boot = await unwrap(target.api['app:bootstrap']({}));
    expect(boot.touchpoints).toHaveLength(6);
    const nameOf = (id: string, list: { id: string; name: string }[]) => list.find((t) => t.id === id)?.name;
    const sourceBoot = await unwrap(source.api['app:bootstrap']({}));
    const sourceCards = (await unwrap(source.api['board:get']({ filter: {} }))).cards;
    const targetCards = (await unwrap(target.api['board:get']({ filter: {} }))).cards;
    const named = (cards: typeof sourceCards, tps: { id: string; name: string }[], values: { id: string; name: string }[]) =>
      cards.map((c) => ({ ...c, touchpointId: nameOf(c.touchpointId, tps), valueIds: c.valueIds.map((v) => nameOf(v, values)) }));
    expect(named(targetCards, boot.touchpoints, boot.values)).toEqual(named(sourceCards, sourceBoot.touchpoints, sourceBoot.values));
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const source = await busyLaptop();
    const { text } = await unwrap(source.api['ideas:export']({}));
    const target = makeCore();
    await importText(target.api, text);
    const before = checksum(target.db);
    const again = await importText(target.api, text);
    expect(checksum(target.db)).toBe(before);
    for (const kind of Object.values(again.counts)) expect(kind.added + kind.updated).toBe(0);
    expect(again.counts.ideas.skipped).toBe(4);
  });

  it('a preview changes nothing and apply refuses a file other than the previewed one', async () => {
    const source = await busyLaptop();
    const { text } = await unwrap(source.api['ideas:export']({}));
    const target = makeCore();
    const before = checksum(target.db);
    const preview = await unwrap(target.api['exchange:preview']({ text }));
    expect(preview.counts.ideas).toEqual({ added: 4, updated: 0, skipped: 0 });
    expect(checksum(target.db)).toBe(before);
    const other = await unwrap(source.api['setup:export']({}));
    expect(await target.api['exchange:apply']({ text: other.text, token: preview.token })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'file_changed' },
    });
    expect(checksum(target.db)).toBe(before);
  });

  it('two laptops editing the same idea converge whichever file is imported first; history is appended', async () => {
    const lead = await busyLaptop();
    const setup = await unwrap(lead.api['setup:export']({}));
    const all = await unwrap(lead.api['ideas:export']({}));
    const run = async (order: 'lead-first' | 'colleague-first') => {
      const a = makeCore({ clock: frozenClock('2026-05-01T09:00:00.000Z') });
      const b = makeCore({ clock: frozenClock('2026-05-01T09:00:00.000Z') });
      for (const laptop of [a, b]) {
        await importText(laptop.api, setup.text);
        await importText(laptop.api, all.text);
      }
      const idea = lead.ideas[0]!;
      const { anna, bram } = lead.team;
      a.clock.advance(1000);
      await unwrap(a.api['ideas:update']({ id: idea.id, actorId: anna.id, patch: { title: 'Terugbellen binnen één uur' } }));
      await unwrap(a.api['comments:add']({ ideaId: idea.id, authorId: anna.id, body: 'Van A' }));
      b.clock.advance(2000);
      await unwrap(b.api['ideas:move']({ id: idea.id, actorId: bram.id, toStage: 'do', afterId: null }));
      await unwrap(b.api['comments:add']({ ideaId: idea.id, authorId: bram.id, body: 'Van B' }));
      const fromA = await unwrap(a.api['ideas:export']({}));
      const fromB = await unwrap(b.api['ideas:export']({}));
      if (order === 'lead-first') {
        await importText(b.api, fromA.text);
        await importText(a.api, fromB.text);
      } else {
        await importText(a.api, fromB.text);
        await importText(b.api, fromA.text);
      }
      const ids = lead.ideas.map((i) => i.id);
      const snapA = await snapshot(a.api, ids);
      const snapB = await snapshot(b.api, ids);
      const detail = snapA.details.find((d) => d.idea.id === idea.id)!;
      return { snapA, snapB, detail };
    };
    for (const order of ['lead-first', 'colleague-first'] as const) {
      const { snapA, snapB, detail } = await run(order);
      expect(snapB.board).toEqual(snapA.board);
      expect(snapB.details.map((d) => ({ ...d, events: sortById(d.events) }))).toEqual(
        snapA.details.map((d) => ({ ...d, events: sortById(d.events) })),
      );
      // B's change was later: the idea is in Do with B's fields; A's title edit is lost as a value but kept in history.
      expect(detail.idea.stage).toBe('do');
      expect(detail.comments.map((c) => c.body)).toEqual(['Goed plan, <b>niet</b> vet', 'Van A', 'Van B']);
      expect(detail.events.filter((e) => e.type === 'edited').length).toBe(2);
    }
  });

  it('a setup file carries the team settings but not language, theme or the current person', async () => {
    const lead = makeCore();
    const team = await setupTeam(lead.api);
    await unwrap(
      lead.api['settings:update']({
        standupDoDays: 3,
        standupMinutes: 20,
        wipLimits: { nieuw: null, plan: 4, do: 3, check: null, act: null, afgerond: null },
        language: 'en',
        theme: 'dark',
        currentPersonId: team.anna.id,
      }),
    );
    const { text, totals } = await unwrap(lead.api['setup:export']({}));
    expect(totals).toMatchObject({ settings: 4, people: 2, ideas: 0 });
    const colleague = makeCore({ clock: frozenClock('2026-03-01T09:00:00.000Z') });
    const result = await importText(colleague.api, text);
    expect(result.counts.settings.updated).toBe(3);
    const { settings } = await unwrap(colleague.api['app:bootstrap']({}));
    expect(settings).toMatchObject({ standupDoDays: 3, standupMinutes: 20, standupStuckDays: 10, language: 'nl', theme: 'system' });
    expect(settings.wipLimits.do).toBe(3);
    expect(settings.currentPersonId).toBeNull();
  });

  it('a person with an unknown id but the same name is that person; nothing is duplicated', async () => {
    const lead = await busyLaptop();
    const { text } = await unwrap(lead.api['ideas:export']({}));
    // The colleague added "ánna" later than the lead added "Anna": her spelling is the later change and stays.
    const colleague = makeCore({ clock: frozenClock('2026-03-05T09:00:00.000Z') });
    const anna = await unwrap(colleague.api['people:create']({ name: 'ánna ' }));
    const mine = await unwrap(
      colleague.api['ideas:create']({
        actorId: anna.id,
        title: 'Mijn idee',
        kind: 'verbeter',
        touchpointId: (await unwrap(colleague.api['app:bootstrap']({}))).touchpoints[0]!.id,
      }),
    );
    const result = await importText(colleague.api, text);
    expect(result.counts.people).toEqual({ added: 1, updated: 0, skipped: 1 });
    const { people } = await unwrap(colleague.api['app:bootstrap']({}));
    expect(people.map((p) => p.name).sort()).toEqual(['Bram', 'ánna']);
    const imported = await unwrap(colleague.api['ideas:get']({ id: lead.ideas[0]!.id }));
    expect(imported.idea.authorId).toBe(anna.id);
    expect((await unwrap(colleague.api['thanks:list']({})))[0]).toMatchObject({ toId: anna.id });
    const thanked = imported.events.find((e) => e.type === 'thanked')!;
    expect(thanked.fields).toEqual([anna.id]);
    expect((await unwrap(colleague.api['ideas:get']({ id: mine.id }))).idea.authorId).toBe(anna.id);
  });

  it('remembers a person matched by name, so a later rename on the other laptop still reaches the same person', async () => {
    const lead = await busyLaptop();
    const colleague = makeCore({ clock: frozenClock('2026-03-05T09:00:00.000Z') });
    const anna = await unwrap(colleague.api['people:create']({ name: 'Anna' }));
    const { touchpoints } = await unwrap(colleague.api['app:bootstrap']({}));
    await unwrap(colleague.api['ideas:create']({ actorId: anna.id, title: 'Van mij', kind: 'verbeter', touchpointId: touchpoints[0]!.id }));
    await importText(colleague.api, (await unwrap(lead.api['ideas:export']({}))).text);

    lead.clock.set('2026-03-06T09:00:00.000Z');
    await unwrap(lead.api['people:update']({ id: lead.team.anna.id, name: 'Anna de Vries' }));
    const renamed = await importText(colleague.api, (await unwrap(lead.api['ideas:export']({}))).text);
    expect(renamed.counts.people).toEqual({ added: 0, updated: 1, skipped: 1 });
    const { people } = await unwrap(colleague.api['app:bootstrap']({}));
    expect(people.map((p) => [p.id, p.name])).toEqual([
      [anna.id, 'Anna de Vries'],
      [expect.any(String), 'Bram'],
    ]);
  });

  it('a setup file hands its ids to the same-named records here; ideas, values and the current person follow', async () => {
    const lead = await busyLaptop();
    const setup = await unwrap(lead.api['setup:export']({}));
    const colleague = makeCore({ clock: frozenClock('2026-03-05T09:00:00.000Z') });
    // Bram registered himself but did nothing yet; Anna already logged an idea (her id is in the history).
    const bram = await unwrap(colleague.api['people:create']({ name: 'Bram' }));
    const anna = await unwrap(colleague.api['people:create']({ name: 'Anna' }));
    await unwrap(colleague.api['settings:update']({ currentPersonId: bram.id }));
    const boot = await unwrap(colleague.api['app:bootstrap']({}));
    const mine = await unwrap(
      colleague.api['ideas:create']({ actorId: anna.id, title: 'Al gelogd', kind: 'verbeter', touchpointId: boot.touchpoints[1]!.id }),
    );
    await unwrap(colleague.api['ideas:update']({ id: mine.id, actorId: anna.id, patch: { valueIds: [boot.values[2]!.id] } }));

    await importText(colleague.api, setup.text);
    const after = await unwrap(colleague.api['app:bootstrap']({}));
    const leadBoot = await unwrap(lead.api['app:bootstrap']({}));
    expect(after.touchpoints.map((t) => t.id)).toEqual(leadBoot.touchpoints.map((t) => t.id));
    expect(after.values.map((v) => v.id)).toEqual(leadBoot.values.map((v) => v.id));
    expect(after.settings.currentPersonId).toBe(lead.team.bram.id);
    expect(after.people.map((p) => p.id).sort()).toEqual([anna.id, lead.team.bram.id].sort());
    const idea = (await unwrap(colleague.api['ideas:get']({ id: mine.id }))).idea;
    expect(idea.touchpointId).toBe(leadBoot.touchpoints[1]!.id);
    expect(idea.valueIds).toEqual([leadBoot.values[2]!.id]);
    expect(colleague.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('exports only my ideas, or only ideas changed since a moment', async () => {
    const laptop = await busyLaptop();
    const { api, clock, team } = laptop;
    const since = clock.now().toISOString();
    clock.advance(1000);
    const mineByBram = await unwrap(
      api['ideas:create']({ actorId: team.bram.id, title: 'Van Bram', kind: 'verleuk', touchpointId: team.touchpoints[2]!.id }),
    );
    await unwrap(api['comments:add']({ ideaId: laptop.ideas[2]!.id, authorId: team.bram.id, body: 'Nog even' }));
    const bram = JSON.parse((await unwrap(api['ideas:export']({ personId: team.bram.id }))).text);
    // Bram wrote one idea and owns another.
    expect(bram.content.tables.ideas.map((i: { title: string }) => i.title).sort()).toEqual(['Terugbellen binnen twee uur', 'Van Bram']);
    const changed = JSON.parse((await unwrap(api['ideas:export']({ since }))).text);
    expect(changed.content.tables.ideas.map((i: { id: string }) => i.id).sort()).toEqual([laptop.ideas[2]!.id, mineByBram.id].sort());
    expect(await api['ideas:export']({ personId: '00000000-0000-4000-8000-00000000ffff' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'personId' },
    });
  });

  it('keeps sort keys unique per column when two laptops created cards on the same keys', async () => {
    const lead = makeCore();
    const team: Team = await setupTeam(lead.api);
    const setup = await unwrap(lead.api['setup:export']({}));
    const laptops = [makeCore(), makeCore()];
    for (const [n, laptop] of laptops.entries()) {
      await importText(laptop.api, setup.text);
      for (let i = 0; i < 3; i++) {
        laptop.clock.advance(1000);
        await unwrap(laptop.api['ideas:create']({ actorId: team.anna.id, title: `L${n} ${i}`, kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
      }
    }
    const files = await Promise.all(laptops.map((l) => unwrap(l.api['ideas:export']({}))));
    await importText(laptops[0]!.api, files[1]!.text);
    await importText(laptops[1]!.api, files[0]!.text);
    const boards = await Promise.all(laptops.map((l) => unwrap(l.api['board:get']({ filter: {} }))));
    const positions = boards[0]!.cards.map((c) => c.position);
    expect(new Set(positions).size).toBe(6);
    expect(boards[1]!.cards.map((c) => c.id)).toEqual(boards[0]!.cards.map((c) => c.id));
    expect(boards[0]!.cards.map((c) => c.title)).toEqual(['L0 2', 'L1 2', 'L0 1', 'L1 1', 'L0 0', 'L1 0']);
    // A move between two spread cards still finds room (the column is renumbered).
    const [first, second] = boards[0]!.cards;
    await unwrap(laptops[0]!.api['ideas:move']({ id: boards[0]!.cards[5]!.id, actorId: team.anna.id, toStage: 'nieuw', afterId: first!.id }));
    const after = await unwrap(laptops[0]!.api['board:get']({ filter: {} }));
    expect(after.cards.slice(0, 3).map((c) => c.id)).toEqual([first!.id, boards[0]!.cards[5]!.id, second!.id]);
    expect(new Set(after.cards.map((c) => c.position)).size).toBe(6);
  });
});

const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
