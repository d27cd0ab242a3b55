// Search as you type at any size. Two causes of the slow search in 0050, found with EXPLAIN QUERY PLAN:
//
// - A one- or two-letter prefix ("t"*) made FTS5 merge the doclists of every word that starts with it. The FTS
//   table is rebuilt with prefix indexes for one and two letters, so such a prefix reads one doclist
//   (counting the matches of "t"* at 100k demo ideas: 55 ms -> 5 ms). Longer prefixes match fewer words and
//   need no index of their own; a third length costs another tenth of the file for little gain.
// - Each match was joined to its idea row for the stage, kind and board order: a random read of a wide row
//   (with its texts) per match. ideas_search_cover holds exactly what the search reads, keyed by search_rowid,
//   so the join reads the index in the FTS's own rowid order and never the table.
//
// The FTS columns, keys (search_rowid) and triggers of 0050 stay as they are; the triggers name the table, so they
// write to the rebuilt one.
import type { Migration } from './types';

const FTS_COLUMNS = 'title, description, problem, proposal, expected_result, do_test, check_result, act_note, lesson';

const SQL = /* sql */ `
DROP TABLE ideas_fts;
CREATE VIRTUAL TABLE ideas_fts USING fts5 (
  idea_id UNINDEXED,
  ${FTS_COLUMNS},
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2'
);
INSERT INTO ideas_fts (rowid, idea_id, ${FTS_COLUMNS})
  SELECT search_rowid, id, ${FTS_COLUMNS} FROM ideas;

CREATE INDEX ideas_search_cover ON ideas (search_rowid, deleted_at, stage, kind, position, created_at, id);
`;

const migration: Migration = {
  version: 70,
  name: 'fast-search',
  up: (db) => db.exec(SQL),
};

export default migration;
