import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARD_DONE_MAX, SEARCH_COUNT_CAP, SEARCH_PAGE, STAGES, type BoardFilter } from '../../shared/domain';
import { seedDemo } from '../../db/demo';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { listBoard, loadBoard } from '../../db/queries/board';
import { LOOKUP_MICROS_PER_DOCLIST, searchMatch, toFtsQuery } from '../../db/queries/search';
import { makeCore, tempDir, unwrap } from './support';

type Db = ReturnType<typeof openDatabase>;
const at = '2026-03-02T09:00:00.000Z';

/** Each FTS row's facets, and what they must be from its idea's kind, stage and deletion. */
function facetsInStep(db: Db): void {
  const rows = db
    .prepare(
      `SELECT i.id, i.kind, i.stage, i.deleted_at IS NOT NULL AS deleted, f.facets
         FROM ideas i JOIN ideas_fts f ON f.rowid = i.search_rowid ORDER BY i.id`,
    )
    .all() as { id: string; kind: string; stage: string; deleted: number; facets: string }[];
  expect(rows.length).toBe(db.prepare('SELECT count(*) FROM ideas').pluck().get());
  for (const r of rows) {
    const state = r.deleted ? 'gone' : r.stage === 'afgerond' ? 'done' : 'open';
    expect(r.facets, r.id).toBe(`k${r.kind} s${state} ${state}${r.kind}`);
  }
}

/** A file at an older schema version holding 40 ideas (10 open, 2 deleted) about "terugbellen", koffie and thee. */
function olderFile(upTo: number): { file: string; db: Db } {
  const file = path.join(tempDir(), 'kaizenbord.db');
  const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= upTo) });
  old.exec(`
    INSERT INTO people VALUES ('p1', 'Anna', 0, '${at}', '${at}');
    INSERT INTO journeys VALUES ('j1', 'Klantreis', 1, 0, '${at}', '${at}');
    INSERT INTO touchpoints VALUES ('t1', 'j1', 'Telefoon', 1, 0, '${at}', '${at}');`);
  const insert = old.prepare(
    `INSERT INTO ideas (id, title, description, kind, stage, outcome, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 't1', 'p1', '${at}', '${at}', '${at}')`,
  );
  for (let i = 0; i < 40; i++) {
    const done = i % 4 !== 0;
    insert.run(`idea-${i}`, `Idee ${i} over terugbellen`, i % 2 ? 'koffie' : 'thee', i % 3 ? 'verbeter' : 'verleuk', done ? 'afgerond' : 'plan', done ? 'adopted' : null, i);
  }
  old.prepare("UPDATE ideas SET deleted_at = ? WHERE id IN ('idea-5', 'idea-8')").run(at);
  return { file, db: old };
}

describe('migration 0090 (search facets)', () => {
  it('writes kind and open/finished/deleted into every FTS row, keeping every text match of an older file', () => {
    const { file, db: old } = olderFile(80);
    const queries = ['t', 'k', 'ko', 'terugbel', 'i t', 'sd', 'kverb', 'wacht'].map((q) => toFtsQuery(q)!);
    const matchesOf = (db: Db) => queries.map((q) => db.prepare('SELECT rowid, idea_id FROM ideas_fts WHERE ideas_fts MATCH ? ORDER BY rowid').raw().all(q));
    const before = matchesOf(old);
    expect(before[0]).toHaveLength(40);
    expect(before[5]).toEqual([]);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) });
    try {
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'ideas_fts'").pluck().get()).toMatch(/facets,[\s\S]*prefix = '1 2'/);
      facetsInStep(db);
      // The user's words never match a facet token ("sd", "kverb"), and every text match is kept.
      expect(matchesOf(db)).toEqual(before);
      const count = (q: string) => db.prepare('SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().get(q);
      expect(count('facets : sdone')).toBe(29);
      expect(count('facets : sgone')).toBe(2);
      expect(count('facets : (sopen kverleuk)')).toBe(4);
      expect(count('facets : openverleuk')).toBe(4);

      // Finishing, reopening, kind changes, deletes and restores rewrite the row; a text edit keeps the facets.
      const run = (sql: string) => db.prepare(sql).run();
      run("UPDATE ideas SET stage = 'afgerond', outcome = 'adopted' WHERE id = 'idea-0'");
      run("UPDATE ideas SET stage = 'act', outcome = NULL WHERE id = 'idea-1'");
      run("UPDATE ideas SET kind = 'verleuk' WHERE id = 'idea-2'");
      run(`UPDATE ideas SET deleted_at = '${at}' WHERE id = 'idea-3'`);
      run("UPDATE ideas SET deleted_at = NULL WHERE id = 'idea-5'");
      run("UPDATE ideas SET title = 'Wachtmuziek', kind = 'verleuk' WHERE id = 'idea-4'");
      run("UPDATE ideas SET stage = 'check' WHERE id = 'idea-12'");
      run("UPDATE ideas SET stage = 'do', outcome = NULL WHERE id = 'idea-9'");
      run("UPDATE ideas SET description = 'limonade' WHERE id = 'idea-6'");
      run("DELETE FROM ideas WHERE id = 'idea-7'");
      run(
        `INSERT INTO ideas (id, title, kind, stage, outcome, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
         VALUES ('idea-new', 'Nieuwe wachtrij', 'verleuk', 'afgerond', 'adopted', 0, 't1', 'p1', '${at}', '${at}', '${at}')`,
      );
      facetsInStep(db);
      expect(db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ? ORDER BY idea_id').pluck().all(toFtsQuery('wacht'))).toEqual([
        'idea-4',
        'idea-new',
      ]);
      expect(db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(toFtsQuery('limonade'))).toEqual(['idea-6']);
    } finally {
      db.close();
    }
  });

  it('keeps the facets in step through the core: finish, reopen, delete, restore, kind change', async () => {
    const t = makeCore();
    seedDemo(t.core, { count: 300, open: 40, now: new Date(at) });
    facetsInStep(t.db);
    const [open, done] = ['plan', 'afgerond'].map((stage) => t.db.prepare('SELECT id FROM ideas WHERE stage = ? AND deleted_at IS NULL LIMIT 1').pluck().get(stage) as string);
    const actorId = t.db.prepare('SELECT id FROM people LIMIT 1').pluck().get() as string;
    await unwrap(t.api['ideas:move']({ id: open!, actorId, toStage: 'afgerond', afterId: null, outcome: 'adopted' }));
    await unwrap(t.api['ideas:move']({ id: done!, actorId, toStage: 'act', afterId: null }));
    facetsInStep(t.db);
    await unwrap(t.api['ideas:delete']({ id: open!, actorId }));
    facetsInStep(t.db);
    await unwrap(t.api['ideas:restore']({ id: open!, actorId }));
    await unwrap(t.api['ideas:update']({ id: done!, actorId, patch: { kind: 'verleuk', title: 'Terugbellen met een glimlach' } }));
    facetsInStep(t.db);
    const board = await unwrap(t.api['board:get']({ filter: { query: 't' } }));
    const all = listBoard(t.db, {});
    const ids = new Set(t.db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(toFtsQuery('t')) as string[]);
    const expected = all.filter((c) => ids.has(c.id));
    expect(board.cards.filter((c) => c.stage !== 'afgerond')).toEqual(expected.filter((c) => c.stage !== 'afgerond'));
  });
});

describe('migration 0100 (prefix indexes up to four letters)', () => {
  it('rebuilds the FTS table with prefix indexes for 1-4 letters, keeping every match, facet and trigger', () => {
    const { file, db: old } = olderFile(90);
    const queries = ['t', 'te', 'ter', 'teru', 'terug', 'koffie th', 'facets : sdone', 'facets : openverleuk', 'kverb'].map(
      (q) => (q.startsWith('facets') ? q : toFtsQuery(q)!),
    );
    const matchesOf = (db: Db) => queries.map((q) => db.prepare('SELECT rowid, idea_id FROM ideas_fts WHERE ideas_fts MATCH ? ORDER BY rowid').raw().all(q));
    const before = matchesOf(old);
    expect(before[3]).toHaveLength(40);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(100);
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'ideas_fts'").pluck().get()).toMatch(/facets,[\s\S]*prefix = '1 2 3 4'/);
      expect(matchesOf(db)).toEqual(before);
      facetsInStep(db);
      // 0090's triggers still keep the rebuilt table in step.
      db.prepare("UPDATE ideas SET stage = 'afgerond', outcome = 'adopted', title = 'Terrasstoelen' WHERE id = 'idea-0'").run();
      db.prepare("UPDATE ideas SET deleted_at = ? WHERE id = 'idea-1'").run(at);
      facetsInStep(db);
      expect(db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(toFtsQuery('terr'))).toEqual(['idea-0']);
      expect(db.prepare("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH 'facets : sgone'").pluck().get()).toBe(3);
    } finally {
      db.close();
    }
  });
});

describe('search on the facets (walking Afgerond)', () => {
  it('writes a long prefix out as the words it starts, with what a lookup costs, and matches what the prefix matches', async () => {
    const t = makeCore();
    seedDemo(t.core, { count: 200, open: 40, now: new Date(at) });
    // Twenty words starting with "probe" (more than a prefix is written out as), three with "blubb".
    const extra = [...Array.from({ length: 20 }, (_, i) => `probe${String.fromCharCode(97 + i)}woord`), 'blubbaal', 'blubbier', 'blubbje', 'mañana'];
    const [anyIdea, actorId] = t.db.prepare('SELECT id, author_id FROM ideas WHERE deleted_at IS NULL LIMIT 1').raw().get() as [string, string];
    await unwrap(t.api['ideas:update']({ id: anyIdea, actorId, patch: { description: extra.join(' ') } }));
    const matchOf = (text: string) => searchMatch(t.db, text)!;
    const same = (text: string) => {
      const ids = (match: string) => t.db.prepare('SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ? ORDER BY rowid').pluck().all(match);
      expect(ids(matchOf(text).match), text).toEqual(ids(toFtsQuery(text)!));
    };

    // One to four letters: read from a prefix index.
    expect(matchOf('t')).toEqual({ match: toFtsQuery('t'), lookupMicros: LOOKUP_MICROS_PER_DOCLIST });
    expect(matchOf('té ko').lookupMicros).toBe(2 * LOOKUP_MICROS_PER_DOCLIST);
    // Longer: the words it starts, sought one by one.
    expect(matchOf('blubb').match).toContain('("blubbaal" OR "blubbier" OR "blubbje")');
    expect(matchOf('blubb').lookupMicros).toBe(3 * LOOKUP_MICROS_PER_DOCLIST);
    expect(matchOf('blubbj').match).toContain('"blubbje"');
    expect(matchOf('te blubb').lookupMicros).toBe(4 * LOOKUP_MICROS_PER_DOCLIST);
    // Too many words, a word FTS5 would fold (accents), or no word at all: the prefix stays, and a lookup is dear.
    for (const text of ['probe', 'mañan', 'zzzzzz', 'blubb probe']) {
      expect(matchOf(text).lookupMicros, text).toBe(Infinity);
    }
    expect(matchOf('probe').match).toContain('"probe"*');
    expect(matchOf('mañan').match).toContain('"mañan"*');
    for (const text of ['t', 'blubb', 'blubbj', 'blubbje', 'blubb te', 'probe', 'probea', 'mañan', 'zzzzzz', 'terugbel', 'terug klant', 'Terugbel']) same(text);
  });

  it('gives exactly the boards of the whole board filtered, for short and long prefixes, kinds and pages', async () => {
    // Enough finished ideas that a common prefix walks Afgerond instead of sorting its matches.
    const t = makeCore();
    seedDemo(t.core, { count: 3000, open: 60, now: new Date(at) });
    const check = (queries: readonly string[], doneLimits: readonly number[], openLimits: readonly (number | undefined)[] = [undefined]) => {
      const whole = listBoard(t.db, {});
      for (const query of queries) {
        const ids = new Set(t.db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all(toFtsQuery(query)) as string[]);
        for (const filter of [{}, { kind: 'verbeter' }, { kind: 'verleuk' }] as BoardFilter[]) {
          const expected = whole.filter((c) => ids.has(c.id) && (filter.kind === undefined || c.kind === filter.kind));
          const done = expected.filter((c) => c.stage === 'afgerond');
          const exact = Object.fromEntries(STAGES.map((s) => [s, { verbeter: 0, verleuk: 0 }]));
          for (const c of expected) exact[c.stage]![c.kind]++;
          for (const doneLimit of doneLimits) {
            // Afgerond's matches are counted up to the cap (or the page, if larger) per kind.
            const cap = Math.max(SEARCH_COUNT_CAP, doneLimit);
            const counts = { ...exact, afgerond: { verbeter: Math.min(exact.afgerond!.verbeter, cap), verleuk: Math.min(exact.afgerond!.verleuk, cap) } };
            const capped = { verbeter: exact.afgerond!.verbeter > cap, verleuk: exact.afgerond!.verleuk > cap };
            for (const openLimit of openLimits) {
              const label = `${query} ${JSON.stringify(filter)} ${doneLimit} ${openLimit}`;
              const perColumn = openLimit ?? SEARCH_PAGE;
              const open = STAGES.filter((s) => s !== 'afgerond').flatMap((s) => expected.filter((c) => c.stage === s).slice(0, perColumn));
              const openTotal = expected.length - done.length;
              const board = loadBoard(t.db, { ...filter, query }, doneLimit, openLimit);
              expect(board.cards, label).toEqual([...open, ...done.slice(0, doneLimit)]);
              expect(board.counts, label).toEqual(counts);
              expect(board.doneCapped, label).toEqual(capped);
              expect(board.doneHidden, label).toBe(Math.max(0, counts.afgerond.verbeter + counts.afgerond.verleuk - doneLimit));
              expect(board.openHidden, label).toBe(openTotal - open.length);
            }
          }
        }
        if (query === 't') expect(ids.size).toBeGreaterThan(2000);
      }
    };
    check(['t', 'te', 'ter', 'teru', 'terug', 'terugbel', 'k klant', 'terug klant', 'klant t', 'wachtmuziek', 'zzz', 'zzzzzz'], [0, 7, 100, 2500], [undefined, 3, BOARD_DONE_MAX]);

    // Plenty of matches, but none among Afgerond's first 150 in board order: a page of 7 gives up walking (it reads
    // at most 140 ideas) and sorts the matches; a page of 100 walks on to them.
    const first = t.db
      .prepare("SELECT id FROM ideas WHERE stage = 'afgerond' AND deleted_at IS NULL ORDER BY position, created_at, id LIMIT 150")
      .pluck()
      .all() as string[];
    // Two words, so that "zeldza" is written out as ("zeldzaam" OR "zeldzame") and walked with that; the open ideas
    // match too, so the walk tests Afgerond's ideas by lookups.
    t.db
      .prepare(
        `UPDATE ideas SET title = title || CASE WHEN rowid % 2 THEN ' zeldzaam' ELSE ' zeldzame' END
          WHERE stage <> 'afgerond' OR id NOT IN (SELECT value FROM json_each(?))`,
      )
      .run(JSON.stringify(first));
    expect(searchMatch(t.db, 'zeldza')!.match).toContain('("zeldzaam" OR "zeldzame")');
    check(['zeldzaam', 'zeldza', 'ze'], [7, 100]);
  }, 60_000);
});
