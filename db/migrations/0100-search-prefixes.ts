// Search as you type at 100k ideas: prefix indexes for three and four letters as well.
//
// FTS5 reads a prefix of one or two letters from its prefix indexes (0070), but a longer one ("ter"*) merges the
// doclists of every word it starts, for every query and, worse, for every lookup of one row (walking Afgerond in
// board order tests ideas one by one): at 100,000 demo ideas a three-letter prefix cost 4-5 ms per query and 4 ms
// per row lookup, against 0.2 ms and 15 µs with an index. Three and four letters are what someone has typed for
// most of the time they type a word; from five letters on a prefix starts few enough words to merge cheaply.
// The index grows by about 60 % (109 -> 172 MB at 100k demo ideas, some 7 % of the file).
//
// Only the FTS table's options change: it is rebuilt with the same columns, rows (keyed by search_rowid) and facet
// tokens as 0090 wrote them, and 0090's triggers (on ideas, naming ideas_fts) keep it in step as before.
import type { Migration } from './types';

const TEXT_COLUMNS = 'title, description, problem, proposal, expected_result, do_test, check_result, act_note, lesson';

/** 0090's facet tokens of a row of ideas, unchanged. */
const STATE = `CASE WHEN deleted_at IS NOT NULL THEN 'gone' WHEN stage = 'afgerond' THEN 'done' ELSE 'open' END`;
const FACETS = `'k' || kind || ' s' || ${STATE} || ' ' || ${STATE} || kind`;

const SQL = /* sql */ `
DROP TABLE ideas_fts;
CREATE VIRTUAL TABLE ideas_fts USING fts5 (
  idea_id UNINDEXED,
  ${TEXT_COLUMNS},
  facets,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4'
);
INSERT INTO ideas_fts (rowid, idea_id, ${TEXT_COLUMNS}, facets)
  SELECT search_rowid, id, ${TEXT_COLUMNS}, ${FACETS} FROM ideas;
`;

const migration: Migration = {
  version: 100,
  name: 'search-prefixes',
  up: (db) => db.exec(SQL),
};

export default migration;
