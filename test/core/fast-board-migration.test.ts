import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { makeCore, setupTeam, tempDir, unwrap } from './support';

const before50 = MIGRATIONS.filter((m) => m.version < 50);

/** FTS rows and ideas agree: one FTS row per idea, under the idea's search_rowid, with its id. */
function ftsInStep(db: ReturnType<typeof openDatabase>): void {
  const ideas = db.prepare('SELECT id, search_rowid AS key FROM ideas ORDER BY search_rowid').all() as { id: string; key: number }[];
  const fts = db.prepare('SELECT idea_id AS id, rowid AS key FROM ideas_fts ORDER BY rowid').all();
  expect(fts).toEqual(ideas);
  expect(new Set(ideas.map((i) => i.key)).size).toBe(ideas.length);
  for (const i of ideas) expect(i.key).toEqual(expect.any(Number));
}

const at = '2026-03-02T09:00:00.000Z';

/** A file written through an older schema, with one person, journey and touchpoint (p1, j1, t1) for its ideas. */
function olderFile(file: string, migrations: typeof MIGRATIONS): ReturnType<typeof openDatabase> {
  const db = openDatabase(file, { migrations });
  db.exec(`
    INSERT INTO people VALUES ('p1', 'Anna', 0, '${at}', '${at}');
    INSERT INTO journeys VALUES ('j1', 'Klantreis', 1, 0, '${at}', '${at}');
    INSERT INTO touchpoints VALUES ('t1', 'j1', 'Telefoon', 1, 0, '${at}', '${at}');`);
  return db;
}

describe('migration 0050 (fast board)', () => {
  it('keys every FTS row by a stable search_rowid, keeping the ideas and search of an older file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kaizenbord.db');
    // An older file with ideas in it, written through the schema before 0050.
    const old = olderFile(file, before50);
    const insert = old.prepare(
      `INSERT INTO ideas (id, title, description, kind, stage, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
       VALUES (?, ?, ?, 'verbeter', 'nieuw', ?, 't1', 'p1', '${at}', '${at}', '${at}')`,
    );
    for (let i = 0; i < 30; i++) insert.run(`idea-${i}`, `Idee ${i} over terugbellen`, i % 2 ? 'koffie' : 'thee', i);
    old.prepare("UPDATE ideas SET title = 'Wachtmuziek vervangen' WHERE id = 'idea-7'").run();
    old.close();

    const db = openDatabase(file);
    try {
      ftsInStep(db);
      const match = (q: string) => db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ? ORDER BY idea_id').pluck().all(q);
      expect(match('"terugbel"*')).toHaveLength(29);
      expect(match('"wachtmuziek"*')).toEqual(['idea-7']);
      expect(match('"koffie"*')).toHaveLength(15);
      // Edits, hard deletes and raw inserts without a key keep the index in step.
      db.prepare("UPDATE ideas SET description = 'limonade' WHERE id = 'idea-3'").run();
      db.prepare("DELETE FROM ideas WHERE id = 'idea-4'").run();
      db.prepare(
        `INSERT INTO ideas (id, title, kind, stage, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
         VALUES ('idea-new', 'Nieuwe wachtrij', 'verleuk', 'nieuw', 0, 't1', 'p1', '${at}', '${at}', '${at}')`,
      ).run();
      ftsInStep(db);
      expect(match('"limonade"*')).toEqual(['idea-3']);
      expect(match('"koffie"*')).toHaveLength(14);
      expect(match('"wachtrij"*')).toEqual(['idea-new']);
      expect(db.prepare("SELECT search_rowid FROM ideas WHERE id = 'idea-new'").pluck().get()).toBe(31);
    } finally {
      db.close();
    }
  });

  it('finds the FTS row of an edited idea by its key, never by scanning for its id', () => {
    const db = openDatabase(path.join(tempDir(), 'k.db'));
    try {
      const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%ideas_fts%'").all() as {
        name: string;
        sql: string;
      }[];
      expect(triggers.map((t) => t.name).sort()).toEqual(['ideas_fts_delete', 'ideas_fts_facets', 'ideas_fts_insert', 'ideas_fts_update']);
      // idea_id is UNINDEXED: "WHERE idea_id = …" on ideas_fts reads every row of the index.
      for (const t of triggers) expect(t.sql, t.name).not.toMatch(/ideas_fts\s+WHERE\s+idea_id/i);
      const plan = db.prepare('EXPLAIN QUERY PLAN DELETE FROM ideas_fts WHERE rowid = ?').all(1) as { detail: string }[];
      // FTS5 plans a rowid lookup as "INDEX 0:=" (a full scan has no constraint after the colon).
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX \d+:=/);
      // The board's column pages and the Afgerond counts come off indexes.
      const page = db
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM ideas i WHERE i.stage = 'afgerond' AND i.deleted_at IS NULL ORDER BY i.position, i.created_at, i.id LIMIT 100")
        .all() as { detail: string }[];
      expect(page.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX ideas_board_order/);
      expect(page.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
      const counts = db
        .prepare("EXPLAIN QUERY PLAN SELECT kind, count(*) FROM ideas i WHERE i.stage = 'afgerond' AND i.deleted_at IS NULL GROUP BY kind")
        .all() as { detail: string }[];
      expect(counts.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX ideas_by_stage_kind/);
    } finally {
      db.close();
    }
  });

  it('gives ideas logged through the core distinct keys that search keeps following', async () => {
    const t = makeCore();
    const team = await setupTeam(t.api);
    const ideas = [];
    for (let i = 0; i < 5; i++) {
      ideas.push(
        await unwrap(t.api['ideas:create']({ actorId: team.anna.id, title: `Wachttijd ${i}`, kind: 'verbeter', touchpointId: team.touchpoints[0]!.id })),
      );
    }
    await unwrap(t.api['ideas:update']({ id: ideas[2]!.id, actorId: team.anna.id, patch: { title: 'Kortere rij' } }));
    ftsInStep(t.db);
    const titles = async (query: string) => (await unwrap(t.api['board:get']({ filter: { query } }))).cards.map((c) => c.title);
    expect(await titles('wachttijd')).toHaveLength(4);
    expect(await titles('kortere')).toEqual(['Kortere rij']);
  });
});

describe('migration 0070 (fast search)', () => {
  const before70 = MIGRATIONS.filter((m) => m.version < 70);
  // 0090 adds the facets column, which a query over every column (as here) would match too.
  const upTo70 = MIGRATIONS.filter((m) => m.version <= 70);

  it('rebuilds the FTS index with one- and two-letter prefixes, keeping every row, key and match of an older file', async () => {
    const file = path.join(tempDir(), 'kaizenbord.db');
    // An older file with open, finished and deleted ideas of both kinds, written through the schema before 0070.
    const seeded = olderFile(file, before70);
    const insert = seeded.prepare(
      `INSERT INTO ideas (id, title, description, kind, stage, outcome, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 't1', 'p1', '${at}', '${at}', '${at}')`,
    );
    for (let i = 0; i < 40; i++) {
      const done = i % 4 !== 0;
      insert.run(`idea-${i}`, `Idee ${i} over terugbellen`, i % 2 ? 'koffie' : 'thee', i % 3 ? 'verbeter' : 'verleuk', done ? 'afgerond' : 'plan', done ? 'adopted' : null, i);
    }
    seeded.prepare("UPDATE ideas SET deleted_at = ? WHERE id = 'idea-5'").run(at);
    const queries = ['"t"*', '"te"*', '"k"*', '"ko"*', '"terugbel"*', '"i"* "t"*', '"wacht"*'];
    const matchesOf = (db: ReturnType<typeof openDatabase>) =>
      queries.map((q) => db.prepare('SELECT rowid, idea_id FROM ideas_fts WHERE ideas_fts MATCH ? ORDER BY rowid').raw().all(q));
    const before = matchesOf(seeded);
    expect(before[0]).toHaveLength(40);
    expect(before[2]).toHaveLength(20);
    expect(seeded.prepare("SELECT sql FROM sqlite_schema WHERE name = 'ideas_fts'").pluck().get()).not.toMatch(/prefix/);
    seeded.close();

    const db = openDatabase(file, { migrations: upTo70 });
    try {
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'ideas_fts'").pluck().get()).toMatch(/prefix = '1 2'/);
      ftsInStep(db);
      expect(matchesOf(db)).toEqual(before);
      // The triggers of 0050 write to the rebuilt table.
      db.prepare("UPDATE ideas SET description = 'wachtmuziek' WHERE id = 'idea-3'").run();
      db.prepare("DELETE FROM ideas WHERE id = 'idea-4'").run();
      ftsInStep(db);
      expect(db.prepare('SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().all('"wa"*')).toEqual(['idea-3']);
      expect(db.prepare('SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH ?').pluck().get('"t"*')).toBe(39);
    } finally {
      db.close();
    }
  });

  it("joins the matches of a search to the covering index, never to the ideas' rows", () => {
    const db = openDatabase(path.join(tempDir(), 'k.db'));
    try {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT i.rowid, i.stage, i.kind, i.position, i.created_at, i.id
             FROM ideas_fts f CROSS JOIN ideas i ON i.search_rowid = f.rowid WHERE ideas_fts MATCH ? AND i.deleted_at IS NULL`,
        )
        .all('"t"*') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/SCAN f VIRTUAL TABLE.*SEARCH i USING COVERING INDEX ideas_search_cover/);
    } finally {
      db.close();
    }
  });
});
