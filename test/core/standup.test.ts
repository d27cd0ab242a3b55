import { describe, expect, it } from 'vitest';
import { PERSON_DONE_PAGE } from '../../shared/contract-standup';
import { STAGES } from '../../shared/domain';
import { seedDemo } from '../../db/demo';
import { checksum, makeCore, setupTeam, unwrap, type TestCore } from './support';

const STAGE_RANK_SQL = `CASE stage ${STAGES.map((s, n) => `WHEN '${s}' THEN ${n}`).join(' ')} END`;

const TZ = 'Europe/Amsterdam';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function board() {
  const t = makeCore(); // the clock starts on Monday 2 March 2026, 09:00 UTC (10:00 in Amsterdam)
  const team = await setupTeam(t.api);
  const create = (title: string, actor = team.anna.id) =>
    unwrap(t.api['ideas:create']({ actorId: actor, title, kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
  return { ...t, team, create };
}

const fail = async (t: TestCore, pending: Promise<{ ok: boolean }>) => {
  const before = checksum(t.db);
  const res = (await pending) as { ok: false; error: { code: string; field?: string; reason?: string } };
  expect(res.ok).toBe(false);
  expect(checksum(t.db)).toBe(before);
  return res.error;
};

describe('standup:digest', () => {
  it('covers the last 7 days when no stand-up was held, then counts from the end of the last finished one', async () => {
    const t = await board();
    const { api, clock, team } = t;
    const early = await t.create('Al oud');
    clock.advance(8 * DAY);
    const recent = await t.create('Vers', team.bram.id);
    await unwrap(api['ideas:move']({ id: recent.id, actorId: team.bram.id, toStage: 'plan', afterId: null }));

    const first = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(first.sinceStandupId).toBeNull();
    // Tuesday 10 March, local midnight 7 days earlier: Tuesday 3 March 00:00 in Amsterdam.
    expect(first.since).toBe('2026-03-02T23:00:00.000Z');
    expect(first.today).toBe('2026-03-10');
    expect(first.newIdeas).toEqual([{ personId: team.bram.id, ideaIds: [recent.id], count: 1 }]);
    expect(first.moved).toEqual([expect.objectContaining({ ideaId: recent.id, fromStage: 'nieuw', toStage: 'plan' })]);
    expect(first.withoutOwner).toEqual(expect.arrayContaining([early.id, recent.id]));
    expect(first.cards.map((c) => c.id)).toEqual(expect.arrayContaining([early.id, recent.id]));
    expect(first.cards.find((c) => c.id === early.id)).toMatchObject({ checkOn: null, workingDaysInStage: 6 });

    clock.advance(HOUR);
    const standup = await unwrap(
      api['standup:finish']({
        timeZone: TZ,
        durationSeconds: 600,
        leadId: team.anna.id,
        attendeeIds: [team.anna.id, team.bram.id],
        ideaIds: [recent.id, early.id],
        notes: 'Goede start',
        actions: [{ text: 'Bram belt de leverancier', ownerId: team.bram.id, ideaId: recent.id }],
      }),
    );
    clock.advance(HOUR);
    const later = await t.create('Na de stand-up');
    const second = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(second.sinceStandupId).toBe(standup.id);
    expect(second.since).toBe(standup.endedAt);
    expect(second.newIdeas).toEqual([{ personId: team.anna.id, ideaIds: [later.id], count: 1 }]);
    expect(second.moved).toEqual([]);
  });

  it('finds ideas ready for Check and stuck ones with the thresholds from Settings', async () => {
    const t = await board();
    const { api, clock, team } = t;
    const doing = await t.create('In Do');
    await unwrap(api['ideas:move']({ id: doing.id, actorId: team.anna.id, toStage: 'do', afterId: null }));
    const idle = await t.create('Stil');
    clock.advance(7 * DAY); // Monday 9 March: 5 working days later
    let d = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(d.readyForCheck).toEqual([]);
    await unwrap(api['settings:update']({ standupDoDays: 4, standupStuckDays: 4 }));
    d = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(d.readyForCheck).toEqual([{ ideaId: doing.id, workingDays: 5 }]);
    expect(d.stuck.map((s) => s.ideaId).sort()).toEqual([doing.id, idle.id].sort());
    // An edit un-sticks it.
    await unwrap(api['ideas:update']({ id: idle.id, actorId: team.anna.id, patch: { ownerId: team.bram.id, checkOn: '2026-03-09' } }));
    d = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(d.stuck.map((s) => s.ideaId)).toEqual([doing.id]);
    expect(d.withoutOwner).not.toContain(idle.id);
    expect(d.checkDue).toEqual([{ ideaId: idle.id, checkOn: '2026-03-09' }]);
  });

  it('walks only what was finished since last time in Afgerond, and shows new standards and thanks', async () => {
    const t = await board();
    const { api, clock, team } = t;
    const old = await t.create('Lang geleden klaar');
    await unwrap(api['ideas:move']({ id: old.id, actorId: team.anna.id, toStage: 'afgerond', afterId: null, outcome: 'stopped' }));
    clock.advance(10 * DAY);
    const fresh = await t.create('Net klaar');
    await unwrap(api['ideas:move']({ id: fresh.id, actorId: team.anna.id, toStage: 'afgerond', afterId: null, outcome: 'adopted' }));
    const thanks = await unwrap(api['thanks:add']({ fromId: team.bram.id, toId: team.anna.id, ideaId: fresh.id, message: 'Mooi gedaan!' }));
    const d = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(d.adopted).toEqual([fresh.id]);
    expect(d.cards.map((c) => c.id)).toEqual([fresh.id]);
    expect(d.walk.filter((c) => c.stage === 'afgerond').map((c) => c.id)).toEqual([fresh.id]);
    expect(d.walkTotals.afgerond).toBe(1);
    expect(d.thanks).toEqual([thanks]);
  });

  it('counts "Nog een cyclus" (Act back to Plan) as a move', async () => {
    const t = await board();
    const { api, clock, team } = t;
    const idea = await t.create('Tweede ronde');
    await unwrap(api['ideas:move']({ id: idea.id, actorId: team.anna.id, toStage: 'act', afterId: null }));
    clock.advance(1000);
    await unwrap(api['standup:finish']({ timeZone: TZ, durationSeconds: 60, leadId: null, attendeeIds: [], ideaIds: [], notes: '', actions: [] }));
    clock.advance(HOUR);
    await unwrap(api['ideas:cycle']({ id: idea.id, actorId: team.anna.id }));
    const d = await unwrap(api['standup:digest']({ timeZone: TZ }));
    expect(d.moved).toEqual([expect.objectContaining({ ideaId: idea.id, fromStage: 'act', toStage: 'plan' })]);
    expect(d.newIdeas).toEqual([]);
  });

  it('refuses an unknown time zone with a field error', async () => {
    const t = await board();
    expect(await fail(t, t.api['standup:digest']({ timeZone: 'Mars/Olympus' }))).toMatchObject({ code: 'validation', field: 'timeZone' });
    expect(await fail(t, t.api['standup:digest']({ timeZone: '' }))).toMatchObject({ code: 'validation', field: 'timeZone' });
  });
});

describe('standup:finish, list and get', () => {
  it('saves the record with its local date, duration, attendees, ideas and actions, and lists it newest first', async () => {
    const t = await board();
    const { api, clock, team } = t;
    const idea = await t.create('Koffie');
    // Ends Tuesday 3 March 00:10 in Amsterdam after 20 minutes: it was held on Monday 2 March, local time.
    clock.set('2026-03-02T23:10:00.000Z');
    const s = await unwrap(
      api['standup:finish']({
        timeZone: TZ,
        durationSeconds: 1200,
        leadId: team.anna.id,
        attendeeIds: [team.bram.id, team.anna.id],
        ideaIds: [idea.id],
        notes: 'Notitie',
        actions: [
          { text: 'Eerste', ownerId: null, ideaId: null },
          { text: '  Tweede  ', ownerId: team.anna.id, ideaId: idea.id },
        ],
      }),
    );
    expect(s).toMatchObject({
      date: '2026-03-02',
      startedAt: '2026-03-02T22:50:00.000Z',
      endedAt: '2026-03-02T23:10:00.000Z',
      durationSeconds: 1200,
      timeZone: TZ,
      leadId: team.anna.id,
      notes: 'Notitie',
      attendeeIds: [team.anna.id, team.bram.id],
      ideaIds: [idea.id],
    });
    expect(s.actions.map((a) => [a.text, a.ownerId, a.ideaId])).toEqual([
      ['Eerste', null, null],
      ['Tweede', team.anna.id, idea.id],
    ]);
    clock.advance(DAY);
    const next = await unwrap(
      api['standup:finish']({ timeZone: 'UTC', durationSeconds: 0, leadId: null, attendeeIds: [], ideaIds: [], notes: '', actions: [] }),
    );
    expect(await unwrap(api['standup:list']({}))).toEqual([next, s]);
    expect(await unwrap(api['standup:list']({ limit: 1 }))).toEqual([next]);
    expect(await unwrap(api['standup:get']({ id: s.id }))).toEqual(s);
    expect(s.ideaTitles).toEqual({ [idea.id]: 'Koffie' });
    // A deleted idea stays in the record's list but has no title to show.
    await unwrap(api['ideas:delete']({ id: idea.id, actorId: team.anna.id }));
    const afterDelete = await unwrap(api['standup:get']({ id: s.id }));
    expect(afterDelete.ideaIds).toEqual([idea.id]);
    expect(afterDelete.ideaTitles).toEqual({});
    await unwrap(api['ideas:restore']({ id: idea.id, actorId: team.anna.id }));
    // It survives a reopen.
    const reopened = t.reopen();
    expect(await unwrap(reopened.api['standup:get']({ id: s.id }))).toEqual(s);
  });

  it('refuses bad input and writes nothing', async () => {
    const t = await board();
    const { api, team } = t;
    const idea = await t.create('Iets');
    const base = {
      timeZone: TZ,
      durationSeconds: 60,
      leadId: team.anna.id,
      attendeeIds: [team.anna.id],
      ideaIds: [idea.id],
      notes: '',
      actions: [] as { text: string; ownerId: string | null; ideaId: string | null }[],
    };
    const missing = '00000000-0000-4000-8000-00000000ffff';
    const cases: [Partial<typeof base>, string, string][] = [
      [{ timeZone: 'Nowhere/Here' }, 'validation', 'timeZone'],
      [{ durationSeconds: -1 }, 'validation', 'durationSeconds'],
      [{ durationSeconds: 13 * 3600 }, 'validation', 'durationSeconds'],
      [{ durationSeconds: 1.5 }, 'validation', 'durationSeconds'],
      [{ leadId: missing }, 'not_found', 'leadId'],
      [{ attendeeIds: [team.anna.id, missing] }, 'not_found', 'attendeeIds.1'],
      [{ attendeeIds: [team.anna.id, team.anna.id] }, 'validation', 'attendeeIds'],
      [{ ideaIds: [missing] }, 'not_found', 'ideaIds.0'],
      [{ ideaIds: [idea.id, idea.id] }, 'validation', 'ideaIds'],
      [{ notes: 'x'.repeat(5001) }, 'validation', 'notes'],
      [{ actions: [{ text: '   ', ownerId: null, ideaId: null }] }, 'validation', 'actions.0.text'],
      [{ actions: [{ text: 'x'.repeat(501), ownerId: null, ideaId: null }] }, 'validation', 'actions.0.text'],
      [{ actions: [{ text: 'Bellen', ownerId: missing, ideaId: null }] }, 'not_found', 'actions.0.ownerId'],
      [{ actions: [{ text: 'Bellen', ownerId: null, ideaId: missing }] }, 'not_found', 'actions.0.ideaId'],
    ];
    for (const [patch, code, field] of cases) {
      expect(await fail(t, api['standup:finish']({ ...base, ...patch })), JSON.stringify(patch)).toMatchObject({ code, field });
    }
    expect(await fail(t, api['standup:get']({ id: missing }))).toMatchObject({ code: 'not_found', field: 'id' });
    expect(await fail(t, api['standup:list']({ limit: 0 }))).toMatchObject({ code: 'validation', field: 'limit' });
  });
});

describe('thanks', () => {
  it('adds thanks with a history line on the idea, lists them newest first, per idea and on the person page', async () => {
    const t = await board();
    const { api, clock, team } = t;
    const idea = await t.create('Welkomstkaartje', team.bram.id);
    const first = await unwrap(api['thanks:add']({ fromId: team.anna.id, toId: team.bram.id, ideaId: idea.id, message: '  Wat een leuk idee!  ' }));
    expect(first.ideaTitle).toBe('Welkomstkaartje');
    expect(first).toMatchObject({ fromId: team.anna.id, toId: team.bram.id, ideaId: idea.id, message: 'Wat een leuk idee!' });
    clock.advance(1000);
    const second = await unwrap(api['thanks:add']({ fromId: team.bram.id, toId: team.anna.id, ideaId: null, message: 'Bedankt voor het meedenken' }));

    expect(await unwrap(api['thanks:list']({}))).toEqual([second, first]);
    expect(await unwrap(api['thanks:list']({ limit: 1 }))).toEqual([second]);
    expect(await unwrap(api['thanks:list']({ ideaId: idea.id }))).toEqual([first]);

    const detail = await unwrap(api['ideas:get']({ id: idea.id }));
    expect(detail.events.at(-1)).toMatchObject({ type: 'thanked', personId: team.anna.id, fields: [team.bram.id] });

    const page = await unwrap(api['people:page']({ id: team.bram.id, timeZone: TZ }));
    expect(page.person).toEqual(team.bram);
    expect(page.ideas.map((c) => c.id)).toEqual([idea.id]);
    expect(page.thanksGot).toEqual([first]);
    expect(page.thanksGiven).toEqual([second]);
  });

  it("lists a person's open ideas whole and the first page of their finished ones, counting all of them", async () => {
    const t = makeCore();
    seedDemo(t.core, { count: 1500, open: 120, now: new Date('2026-03-02T09:00:00.000Z') });
    const people = t.db.prepare('SELECT id FROM people').pluck().all() as string[];
    for (const id of people) {
      const mine = t.db
        .prepare(`SELECT id, stage FROM ideas i WHERE deleted_at IS NULL AND (author_id = ? OR owner_id = ?)
                  ORDER BY ${STAGE_RANK_SQL}, position, created_at, id`)
        .all(id, id) as { id: string; stage: string }[];
      const open = mine.filter((r) => r.stage !== 'afgerond').map((r) => r.id);
      const done = mine.filter((r) => r.stage === 'afgerond').map((r) => r.id);
      const page = await unwrap(t.api['people:page']({ id, timeZone: TZ }));
      expect(page.ideas.map((c) => c.id)).toEqual([...open, ...done.slice(0, PERSON_DONE_PAGE)]);
      expect(page.ideasTotal).toBe(mine.length);
      expect(done.length).toBeGreaterThan(PERSON_DONE_PAGE);
    }
  });

  it('refuses thanking yourself, unknown or archived people, deleted ideas and empty or long messages', async () => {
    const t = await board();
    const { api, team } = t;
    const idea = await t.create('Iets');
    const missing = '00000000-0000-4000-8000-00000000ffff';
    const ok = { fromId: team.anna.id, toId: team.bram.id, ideaId: idea.id, message: 'Dank!' };
    expect(await fail(t, api['thanks:add']({ ...ok, toId: team.anna.id }))).toMatchObject({ code: 'validation', field: 'toId' });
    expect(await fail(t, api['thanks:add']({ ...ok, fromId: missing }))).toMatchObject({ code: 'not_found', field: 'fromId' });
    expect(await fail(t, api['thanks:add']({ ...ok, toId: missing }))).toMatchObject({ code: 'not_found', field: 'toId' });
    expect(await fail(t, api['thanks:add']({ ...ok, ideaId: missing }))).toMatchObject({ code: 'not_found', field: 'ideaId' });
    expect(await fail(t, api['thanks:add']({ ...ok, message: '   ' }))).toMatchObject({ code: 'validation', field: 'message' });
    expect(await fail(t, api['thanks:add']({ ...ok, message: 'x'.repeat(501) }))).toMatchObject({ code: 'validation', field: 'message' });
    expect(await fail(t, api['thanks:add']({ ...ok, toId: 'not-a-uuid' }))).toMatchObject({ code: 'validation', field: 'toId' });
    await unwrap(api['ideas:delete']({ id: idea.id, actorId: team.anna.id }));
    expect(await fail(t, api['thanks:add'](ok))).toMatchObject({ code: 'conflict', reason: 'deleted', field: 'ideaId' });
    await unwrap(api['people:update']({ id: team.bram.id, archived: true }));
    expect(await fail(t, api['thanks:add']({ ...ok, ideaId: null }))).toMatchObject({ code: 'conflict', reason: 'archived', field: 'toId' });
    expect(await fail(t, api['thanks:list']({ ideaId: missing }))).toMatchObject({ code: 'not_found', field: 'ideaId' });
    expect(await fail(t, api['people:page']({ id: missing, timeZone: TZ }))).toMatchObject({ code: 'not_found', field: 'id' });
    expect(await fail(t, api['people:page']({ id: team.anna.id, timeZone: 'x' }))).toMatchObject({ code: 'validation', field: 'timeZone' });
  });
});

describe('check-op date through ideas:update', () => {
  it('sets and clears it with an edit event, and refuses a date that does not exist', async () => {
    const t = await board();
    const { api, team } = t;
    const idea = await t.create('Iets');
    const set = await unwrap(api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch: { checkOn: '2026-03-12' } }));
    expect(set.checkOn).toBe('2026-03-12');
    const detail = await unwrap(api['ideas:get']({ id: idea.id }));
    expect(detail.events.at(-1)).toMatchObject({ type: 'edited', fields: ['checkOn'] });
    expect((await unwrap(api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch: { checkOn: null } }))).checkOn).toBeNull();
    for (const bad of ['2026-02-30', '12-03-2026', '2026-03-12T10:00']) {
      expect(await fail(t, api['ideas:update']({ id: idea.id, actorId: team.anna.id, patch: { checkOn: bad } }))).toMatchObject({
        code: 'validation',
        field: 'patch.checkOn',
      });
    }
  });
});
