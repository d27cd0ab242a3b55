import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { createCore } from '../../db/index';
import initial from '../../db/migrations/0010-initial';
import { LATEST_VERSION } from '../../db/migrations';
import { makeCore, setupTeam, tempDir, unwrap } from './support';

const T = '2026-03-02T09:00:00.000Z';

describe('migration 0020 (stand-up and thanks)', () => {
  it('upgrades a 0010 database: events keep their seq, ids and order, and the new tables and column exist', async () => {
    const file = path.join(tempDir(), 'old.db');
    const old = openDatabase(file, { migrations: [initial] });
    old.exec(`
      INSERT INTO people VALUES ('p1', 'Anna', 0, '${T}', '${T}');
      INSERT INTO journeys VALUES ('j1', 'Reis', 1, 0, '${T}', '${T}');
      INSERT INTO touchpoints VALUES ('t1', 'j1', 'Balie', 1, 0, '${T}', '${T}');
      INSERT INTO ideas (id, title, kind, stage, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
        VALUES ('i1', 'Koffie', 'verleuk', 'plan', 1, 't1', 'p1', '${T}', '${T}', '${T}');
      INSERT INTO events (seq, id, idea_id, person_id, type, to_stage, created_at, updated_at)
        VALUES (5, 'e1', 'i1', 'p1', 'created', 'nieuw', '${T}', '${T}');
      INSERT INTO events (seq, id, idea_id, person_id, type, from_stage, to_stage, created_at, updated_at)
        VALUES (9, 'e2', 'i1', 'p1', 'moved', 'nieuw', 'plan', '${T}', '${T}');
    `);
    expect(old.pragma('user_version', { simple: true })).toBe(10);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.prepare('SELECT seq, id, type FROM events ORDER BY seq').all()).toEqual([
        { seq: 5, id: 'e1', type: 'created' },
        { seq: 9, id: 'e2', type: 'moved' },
      ]);
      expect(db.prepare('SELECT check_on FROM ideas').pluck().get()).toBeNull();
      const strict = db
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1")
        .pluck()
        .all() as string[];
      expect(strict).toEqual(expect.arrayContaining(['standups', 'standup_attendees', 'standup_ideas', 'standup_actions', 'thanks', 'events']));
      // The rebuilt log is still append-only and now takes 'thanked'.
      db.prepare(
        `INSERT INTO events (id, idea_id, person_id, type, fields, created_at, updated_at) VALUES ('e3', 'i1', 'p1', 'thanked', '["p1"]', '${T}', '${T}')`,
      ).run();
      expect(db.prepare("SELECT seq FROM events WHERE id = 'e3'").pluck().get()).toBe(10);
      expect(() => db.prepare("UPDATE events SET type = 'edited'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      expect(() =>
        db.prepare(`INSERT INTO events (id, idea_id, type, created_at, updated_at) VALUES ('e4', 'i1', 'bogus', '${T}', '${T}')`).run(),
      ).toThrow(/CHECK/);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'events' AND type IN ('index', 'trigger') ORDER BY name").pluck().all()).toEqual(
        expect.arrayContaining(['events_by_idea', 'events_by_time', 'events_no_delete', 'events_no_update']),
      );
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('lets the schema refuse bad check-op dates, self-thanks, empty messages and unknown people', async () => {
    const { api, db } = makeCore();
    const team = await setupTeam(api);
    const idea = await unwrap(api['ideas:create']({ actorId: team.anna.id, title: 'Iets', kind: 'verbeter', touchpointId: team.touchpoints[0]!.id }));
    const setCheckOn = (value: string) => () => db.prepare('UPDATE ideas SET check_on = ? WHERE id = ?').run(value, idea.id);
    expect(setCheckOn('2026-02-30')).toThrow(/CHECK/);
    expect(setCheckOn('2026-3-1')).toThrow(/CHECK/);
    expect(setCheckOn('2026-03-01T10:00')).toThrow(/CHECK/);
    expect(setCheckOn('2026-03-01')).not.toThrow();

    const thanks = (from: string, to: string, message: string) => () =>
      db
        .prepare('INSERT INTO thanks (id, from_id, to_id, idea_id, message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(`t-${Math.random()}`, from, to, idea.id, message, T, T);
    expect(thanks(team.anna.id, team.anna.id, 'Top')).toThrow(/CHECK/);
    expect(thanks(team.anna.id, team.bram.id, '')).toThrow(/CHECK/);
    expect(thanks(team.anna.id, 'nobody', 'Top')).toThrow(/FOREIGN KEY/);
    expect(thanks(team.anna.id, team.bram.id, 'Top')).not.toThrow();
  });

  it('opens a fresh database straight at the latest version', () => {
    const core = createCore({ dbPath: path.join(tempDir(), 'fresh.db') });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(core.db.prepare("SELECT count(*) FROM pragma_table_info('ideas') WHERE name = 'check_on'").pluck().get()).toBe(1);
    } finally {
      core.close();
    }
  });
});
