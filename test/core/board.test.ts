import { describe, expect, it } from 'vitest';
import { BOARD_DONE_MAX, BOARD_DONE_PAGE, OPEN_STAGES, SEARCH_PAGE, STAGES, type BoardFilter, type OpenStage, type Stage } from '../../shared/domain';
import { seedDemo } from '../../db/demo';
import { listBoard } from '../../db/queries/board';
import { toFtsQuery } from '../../db/queries/search';
import { makeCore, setupTeam, unwrap, type TestCore } from './support';

async function boardWith() {
  const t = makeCore();
  const team = await setupTeam(t.api);
  const { api } = t;
  const create = async (title: string, kind: 'verbeter' | 'verleuk', tp: number, actor = team.anna, description = '') =>
    unwrap(api['ideas:create']({ actorId: actor.id, title, kind, touchpointId: team.touchpoints[tp]!.id, description }));
  const callback = await create('Terugbelverzoek binnen twee uur', 'verbeter', 0, team.anna, 'Klanten wachten nu een dag.');
  const card = await create('Handgeschreven kaartje bij levering', 'verleuk', 3, team.bram);
  const invoice = await create('Factuur in gewone taal', 'verbeter', 4, team.bram, 'Nieuwe ideeën voor de opmaak.');
  const cafe = await create('Koffie in het café van de showroom', 'verleuk', 1, team.anna);
  await unwrap(api['ideas:update']({ id: invoice.id, actorId: team.anna.id, patch: { ownerId: team.anna.id, valueIds: [team.values[1]!.id], checkResult: 'Vragen 45% lager' } }));
  await unwrap(api['ideas:update']({ id: card.id, actorId: team.anna.id, patch: { valueIds: [team.values[5]!.id, team.values[6]!.id], lesson: 'Persoonlijk werkt.' } }));
  await unwrap(api['ideas:move']({ id: invoice.id, actorId: team.anna.id, toStage: 'check', afterId: null }));
  await unwrap(api['ideas:move']({ id: card.id, actorId: team.anna.id, toStage: 'plan', afterId: null }));
  const titles = async (filter: BoardFilter) => (await unwrap(api['board:get']({ filter }))).cards.map((c) => c.title);
  return { ...t, team, titles, ids: { callback, card, invoice, cafe } };
}

describe('board:get', () => {
  it('returns all visible cards in stage order, then position, with the card fields', async () => {
    const { api, team, ids, titles } = await boardWith();
    expect(await titles({})).toEqual([
      'Koffie in het café van de showroom',
      'Terugbelverzoek binnen twee uur',
      'Handgeschreven kaartje bij levering',
      'Factuur in gewone taal',
    ]);
    const cards = (await unwrap(api['board:get']({ filter: {} }))).cards;
    const invoice = cards.find((c) => c.id === ids.invoice.id)!;
    expect(Object.keys(invoice).sort()).toEqual(
      ['id', 'title', 'kind', 'stage', 'position', 'touchpointId', 'authorId', 'ownerId', 'valueIds', 'cycle', 'stageEnteredAt', 'createdAt', 'outcome'].sort(),
    );
    expect(invoice).toMatchObject({ stage: 'check', authorId: team.bram.id, ownerId: team.anna.id, valueIds: [team.values[1]!.id], cycle: 1, outcome: null });
  });

  it('filters by kind, touchpoint, person (author or owner) and belevingswaarde, combined', async () => {
    const { team, titles } = await boardWith();
    expect(await titles({ kind: 'verleuk' })).toEqual(['Koffie in het café van de showroom', 'Handgeschreven kaartje bij levering']);
    expect(await titles({ touchpointId: team.touchpoints[4]!.id })).toEqual(['Factuur in gewone taal']);
    expect(await titles({ personId: team.bram.id })).toEqual(['Handgeschreven kaartje bij levering', 'Factuur in gewone taal']);
    expect(await titles({ personId: team.anna.id })).toEqual([
      'Koffie in het café van de showroom',
      'Terugbelverzoek binnen twee uur',
      'Factuur in gewone taal',
    ]);
    expect(await titles({ valueId: team.values[6]!.id })).toEqual(['Handgeschreven kaartje bij levering']);
    expect(await titles({ kind: 'verbeter', personId: team.bram.id })).toEqual(['Factuur in gewone taal']);
    expect(await titles({ kind: 'verleuk', valueId: team.values[1]!.id })).toEqual([]);
    expect(await titles({ touchpointId: '00000000-0000-4000-8000-0000000000ff' })).toEqual([]);
  });

  it('searches title, description and PDCA fields with prefixes, any case and without accents', async () => {
    const { titles } = await boardWith();
    expect(await titles({ query: 'terugbel' })).toEqual(['Terugbelverzoek binnen twee uur']);
    expect(await titles({ query: 'KLANTEN wachten' })).toEqual(['Terugbelverzoek binnen twee uur']);
    expect(await titles({ query: 'ideeen' })).toEqual(['Factuur in gewone taal']);
    expect(await titles({ query: 'ideeën' })).toEqual(['Factuur in gewone taal']);
    expect(await titles({ query: 'cafe' })).toEqual(['Koffie in het café van de showroom']);
    expect(await titles({ query: 'vragen 45' })).toEqual(['Factuur in gewone taal']);
    expect(await titles({ query: 'persoonlijk' })).toEqual(['Handgeschreven kaartje bij levering']);
    expect(await titles({ query: 'kaartje', kind: 'verbeter' })).toEqual([]);
    expect(await titles({ query: 'onbekendwoord' })).toEqual([]);
    // A query without a single word does not filter.
    expect(await titles({ query: '   ' })).toHaveLength(4);
  });

  it('keeps search in step with edits, deletes and restores', async () => {
    const { api, team, ids, titles } = await boardWith();
    await unwrap(api['ideas:update']({ id: ids.cafe.id, actorId: team.anna.id, patch: { title: 'Thee bij het adviesgesprek' } }));
    expect(await titles({ query: 'koffie' })).toEqual([]);
    expect(await titles({ query: 'adviesgesprek' })).toEqual(['Thee bij het adviesgesprek']);
    await unwrap(api['ideas:delete']({ id: ids.cafe.id, actorId: team.anna.id }));
    expect(await titles({ query: 'adviesgesprek' })).toEqual([]);
    await unwrap(api['ideas:restore']({ id: ids.cafe.id, actorId: team.anna.id }));
    expect(await titles({ query: 'thee' })).toEqual(['Thee bij het adviesgesprek']);
  });

  it('never fails on hostile search text', async () => {
    const { api } = await boardWith();
    const hostile = [
      '"',
      '""',
      "'",
      '*',
      '**',
      '"*',
      'terugbel*',
      '^terugbel',
      'title:terugbel',
      'terugbel:',
      ':',
      'AND',
      'OR',
      'NOT',
      'terugbel OR',
      'OR terugbel',
      'NEAR(terugbel twee)',
      'NEAR',
      '(',
      ')',
      '(terugbel',
      'terugbel)',
      '{title}: x',
      '-terugbel',
      '+',
      'a"b',
      "'; DROP TABLE ideas; --",
      '\\',
      '%',
      '_',
      '🙂',
      '🙂 terugbel',
      'ﬁ',
      '\u0000',
      'e\u0301',
      '\u200b',
      'x'.repeat(200),
      'a '.repeat(100),
    ];
    for (const query of hostile) {
      const result = await api['board:get']({ filter: { query } });
      expect(result.ok, `query ${JSON.stringify(query)}: ${JSON.stringify(result)}`).toBe(true);
    }
    const titlesFor = async (query: string) =>
      ((await unwrap(api['board:get']({ filter: { query } }))).cards.map((c) => c.title));
    expect(await titlesFor('terugbel*')).toEqual(['Terugbelverzoek binnen twee uur']);
    expect(await titlesFor('NEAR(terugbel twee)')).toEqual([]);
    expect(await titlesFor('(terugbel')).toEqual(['Terugbelverzoek binnen twee uur']);
    expect(await titlesFor('"terugbel"')).toEqual(['Terugbelverzoek binnen twee uur']);
    expect(await titlesFor('\u0301 terugbel 🙂')).toEqual(['Terugbelverzoek binnen twee uur']);
    expect(await titlesFor('cafe\u0301')).toEqual(['Koffie in het café van de showroom']);
  });
});

describe('toFtsQuery', () => {
  it('quotes every word as a prefix term and drops FTS syntax', () => {
    // Searched in the text columns only: never in the facets (0090).
    const texts = '{title description problem proposal expected_result do_test check_result act_note lesson} : ';
    expect(toFtsQuery('Ideeën voor "koffie" OR NEAR(x)*')).toBe(`${texts}("ideeën"* "voor"* "koffie"* "or"* "near"* "x"*)`);
    expect(toFtsQuery('title:foo^bar')).toBe(`${texts}("title"* "foo"* "bar"*)`);
    expect(toFtsQuery('  "" ** :: () 🙂 ')).toBeNull();
    expect(toFtsQuery('koffie koffie KOFFIE')).toBe(`${texts}("koffie"*)`);
  });
});

describe('board:get pages Afgerond', () => {
  /** 40 open ideas and 260 finished ones from the generator. */
  async function bigBoard() {
    const t = makeCore();
    seedDemo(t.core, { count: 300, open: 40, now: new Date('2026-03-02T09:00:00.000Z') });
    return t;
  }

  /** Counts per column and kind straight from the table, for comparison. */
  function countsIn(t: TestCore, where = '1', ...params: string[]) {
    const counts = Object.fromEntries(STAGES.map((s) => [s, { verbeter: 0, verleuk: 0 }]));
    const rows = t.db
      .prepare(`SELECT stage, kind, count(*) AS n FROM ideas WHERE deleted_at IS NULL AND ${where} GROUP BY stage, kind`)
      .all(...params) as { stage: Stage; kind: 'verbeter' | 'verleuk'; n: number }[];
    for (const r of rows) counts[r.stage]![r.kind] = r.n;
    return counts;
  }

  it('sends the open columns whole and the first page of Afgerond, with counts of everything', async () => {
    const t = await bigBoard();
    const board = await unwrap(t.api['board:get']({ filter: {} }));
    const done = board.cards.filter((c) => c.stage === 'afgerond');
    expect(done).toHaveLength(BOARD_DONE_PAGE);
    expect(board.cards.filter((c) => c.stage !== 'afgerond')).toHaveLength(40);
    expect(board.doneHidden).toBe(260 - BOARD_DONE_PAGE);
    expect(board.counts).toEqual(countsIn(t));

    // "Show more": the same order, continued.
    const more = await unwrap(t.api['board:get']({ filter: {}, doneLimit: 1000 }));
    expect(more.doneHidden).toBe(0);
    const allDone = more.cards.filter((c) => c.stage === 'afgerond');
    expect(allDone).toHaveLength(260);
    expect(allDone.slice(0, BOARD_DONE_PAGE)).toEqual(done);
    expect(listBoard(t.db, {})).toEqual(more.cards);
    const positions = allDone.map((c) => c.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('counts and pages what the filter and the search text match, in board order', async () => {
    const t = await bigBoard();
    const kind = await unwrap(t.api['board:get']({ filter: { kind: 'verleuk' }, doneLimit: 5 }));
    expect(kind.counts).toEqual(countsIn(t, "kind = 'verleuk'"));
    expect(kind.cards.filter((c) => c.stage === 'afgerond')).toHaveLength(5);
    expect(kind.cards.every((c) => c.kind === 'verleuk')).toBe(true);

    for (const query of ['terugbel', 'k', 'wachten klant']) {
      const match = toFtsQuery(query)!;
      const ids = new Set(t.db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(match) as string[]);
      expect(ids.size, query).toBeGreaterThan(0);
      const found = await unwrap(t.api['board:get']({ filter: { query }, doneLimit: 7 }));
      expect(found.counts, query).toEqual(countsIn(t, 'id IN (SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?)', match));
      // The search path gives the same cards in the same order as the whole board, filtered.
      const expected = listBoard(t.db, {}).filter((c) => ids.has(c.id));
      const open = expected.filter((c) => c.stage !== 'afgerond');
      const done = expected.filter((c) => c.stage === 'afgerond');
      expect(found.cards, query).toEqual([...open, ...done.slice(0, 7)]);
      expect(found.doneHidden, query).toBe(Math.max(0, done.length - 7));
    }
  });

  it('pages and counts a search combined with a filter exactly as the whole board filtered', async () => {
    const t = await bigBoard();
    const person = t.db.prepare('SELECT author_id FROM ideas GROUP BY author_id ORDER BY count(*) DESC').pluck().get() as string;
    for (const filter of [{ kind: 'verleuk' }, { personId: person }, { kind: 'verbeter', personId: person }] as BoardFilter[]) {
      for (const query of ['k', 'terugbel']) {
        const label = `${JSON.stringify(filter)} ${query}`;
        const ids = new Set(t.db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(toFtsQuery(query)!) as string[]);
        const expected = listBoard(t.db, filter).filter((c) => ids.has(c.id));
        const done = expected.filter((c) => c.stage === 'afgerond');
        expect(done.length, label).toBeGreaterThan(3);
        const found = await unwrap(t.api['board:get']({ filter: { ...filter, query }, doneLimit: 3 }));
        expect(found.cards, label).toEqual([...expected.filter((c) => c.stage !== 'afgerond'), ...done.slice(0, 3)]);
        expect(found.doneHidden, label).toBe(done.length - 3);
        const counts = Object.fromEntries(STAGES.map((s) => [s, { verbeter: 0, verleuk: 0 }]));
        for (const c of expected) counts[c.stage]![c.kind]++;
        expect(found.counts, label).toEqual(counts);
      }
    }
  });

  it('pages each open column with its own openLimits entry, with or without search text and filters, counting every match', async () => {
    const t = await bigBoard();
    const person = t.db.prepare('SELECT author_id FROM ideas GROUP BY author_id ORDER BY count(*) DESC').pluck().get() as string;
    const all = Object.fromEntries(OPEN_STAGES.map((s) => [s, BOARD_DONE_MAX]));
    for (const filter of [{}, { kind: 'verleuk' }, { query: 'k' }, { query: 'k', personId: person }, { query: 'terugbel', kind: 'verbeter' }] as BoardFilter[]) {
      const { query, ...rest } = filter;
      const ids = query === undefined ? null : new Set(t.db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(toFtsQuery(query)!) as string[]);
      const expected = listBoard(t.db, rest).filter((c) => ids === null || ids.has(c.id));
      const whole = await unwrap(t.api['board:get']({ filter, openLimits: all }));
      // One column asked for more than the others ("Toon meer" there), the rest at their default.
      for (const openLimits of [{ nieuw: 1, plan: 3, do: 1, check: 1, act: 1 }, { plan: 2 }] as Partial<Record<OpenStage, number>>[]) {
        const label = `${JSON.stringify(filter)} ${JSON.stringify(openLimits)}`;
        const paged = await unwrap(t.api['board:get']({ filter, openLimits, doneLimit: 2 }));
        const fallback = query === undefined ? Infinity : SEARCH_PAGE;
        const open = OPEN_STAGES.flatMap((s) => expected.filter((c) => c.stage === s).slice(0, openLimits[s] ?? fallback));
        const done = expected.filter((c) => c.stage === 'afgerond');
        expect(open.length, label).toBeGreaterThan(0);
        expect(paged.cards, label).toEqual([...open, ...done.slice(0, 2)]);
        expect(paged.counts, label).toEqual(whole.counts);
        expect(paged.openHidden, label).toBe(expected.length - done.length - open.length);
        expect(paged.doneHidden, label).toBe(done.length - Math.min(2, done.length));
      }
      expect(whole.openHidden).toBe(0);
      expect(whole.doneCapped).toEqual({ verbeter: false, verleuk: false });
    }
    // Only open columns can be paged this way.
    expect(await t.api['board:get']({ filter: {}, openLimits: { afgerond: 3 } as never })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('searches with SEARCH_PAGE cards per open column unless asked for more', async () => {
    const t = makeCore();
    seedDemo(t.core, { count: 400, open: 300, now: new Date('2026-03-02T09:00:00.000Z') });
    const found = await unwrap(t.api['board:get']({ filter: { query: 'e' } }));
    const perColumn = STAGES.filter((s) => s !== 'afgerond').map((s) => found.cards.filter((c) => c.stage === s).length);
    expect(Math.max(...perColumn)).toBe(SEARCH_PAGE);
    expect(found.openHidden).toBeGreaterThan(0);
    const unfiltered = await unwrap(t.api['board:get']({ filter: {} }));
    expect(unfiltered.openHidden).toBe(0);
    expect(unfiltered.cards.filter((c) => c.stage !== 'afgerond')).toHaveLength(300);
  });

  it("gives every card its belevingswaarden in the values' order, also after a reorder and on the search path", async () => {
    const t = await bigBoard();
    const valuesOf = t.db.prepare(
      'SELECT iv.value_id FROM idea_values iv JOIN experience_values v ON v.id = iv.value_id WHERE iv.idea_id = ? ORDER BY v.position, v.created_at, v.id',
    );
    const check = async (label: string) => {
      for (const filter of [{}, { query: 'k' }] as BoardFilter[]) {
        const board = await unwrap(t.api['board:get']({ filter, doneLimit: BOARD_DONE_MAX }));
        expect(board.cards.length, label).toBeGreaterThan(100);
        const several = board.cards.filter((c) => c.valueIds.length > 1);
        expect(several.length, label).toBeGreaterThan(0);
        for (const card of board.cards) expect(card.valueIds, `${label} ${card.title}`).toEqual(valuesOf.pluck().all(card.id));
      }
    };
    await check('as generated');
    const order = t.db.prepare('SELECT id FROM experience_values ORDER BY position, created_at, id').pluck().all() as string[];
    await unwrap(t.api['values:reorder']({ ids: [...order].reverse() }));
    await check('reversed');
  });

  it('refuses a page size out of range', async () => {
    const t = makeCore();
    for (const doneLimit of [0, -1, 1.5, BOARD_DONE_MAX + 1]) {
      const res = await t.api['board:get']({ filter: {}, doneLimit });
      expect(res.ok, String(doneLimit)).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('validation');
    }
  });
});
