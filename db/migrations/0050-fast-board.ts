// Fast at any size: full-text rows keyed by a stable integer instead of a scan over the idea id, and indexes for
// the board's column pages and counts.
//
// 0010 looked up an idea's FTS row with `DELETE FROM ideas_fts WHERE idea_id = ?`; idea_id is UNINDEXED, so every
// edit of a searchable field (and every insert of the demo generator) scanned the whole FTS table: O(ideas) per
// edit, seconds at 100k ideas. Now each idea carries `search_rowid`, a stable integer that is its FTS row's rowid.
// It is not the idea's own rowid, which VACUUM may renumber (ideas has no INTEGER PRIMARY KEY).
import type { Migration } from './types';

const FTS_COLUMNS = 'title, description, problem, proposal, expected_result, do_test, check_result, act_note, lesson';
const NEW_VALUES = FTS_COLUMNS.split(', ')
  .map((c) => `new.${c}`)
  .join(', ');

const SQL = /* sql */ `
DROP TRIGGER ideas_fts_insert;
DROP TRIGGER ideas_fts_update;
DROP TRIGGER ideas_fts_delete;

ALTER TABLE ideas ADD COLUMN search_rowid INTEGER;
UPDATE ideas SET search_rowid = rowid;
CREATE UNIQUE INDEX ideas_by_search_rowid ON ideas (search_rowid);

DROP TABLE ideas_fts;
CREATE VIRTUAL TABLE ideas_fts USING fts5 (
  idea_id UNINDEXED,
  ${FTS_COLUMNS},
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO ideas_fts (rowid, idea_id, ${FTS_COLUMNS})
  SELECT search_rowid, id, ${FTS_COLUMNS} FROM ideas;

-- A new idea gets the next key (unless the insert brought one), then its FTS row under that key.
CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas
BEGIN
  UPDATE ideas SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM ideas)
   WHERE rowid = new.rowid AND search_rowid IS NULL;
  INSERT INTO ideas_fts (rowid, idea_id, ${FTS_COLUMNS})
  VALUES ((SELECT search_rowid FROM ideas WHERE rowid = new.rowid), new.id, ${NEW_VALUES});
END;

CREATE TRIGGER ideas_fts_update
AFTER UPDATE OF id, ${FTS_COLUMNS} ON ideas
BEGIN
  DELETE FROM ideas_fts WHERE rowid = old.search_rowid;
  INSERT INTO ideas_fts (rowid, idea_id, ${FTS_COLUMNS}) VALUES (new.search_rowid, new.id, ${NEW_VALUES});
END;

CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas
BEGIN
  DELETE FROM ideas_fts WHERE rowid = old.search_rowid;
END;

-- Board pages: one column in board order, ties included, so the Afgerond page is read straight off the index;
-- and the counts per column and kind from the index alone (deleted_at is in it: a partial index is not covering).
CREATE INDEX ideas_board_order ON ideas (stage, position, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX ideas_by_stage_kind ON ideas (stage, kind, deleted_at);
DROP INDEX ideas_board;
`;

const migration: Migration = {
  version: 50,
  name: 'fast-board',
  up: (db) => db.exec(SQL),
};

export default migration;
