// Inzicht at 100k ideas (db/insight/figures.ts), found with EXPLAIN QUERY PLAN:
//
// - "Finished in the period" walked every idea in Afgerond to test it against the period's moves. It now starts
//   from the period's moves into Afgerond and asks events_finishes whether the idea moved there again later:
//   one seek per finished idea, in an index that holds only the moves into Afgerond.
// - The board's history (WIP per week, WIP limits exceeded) read every event row since the period's start.
//   events_board_changes holds exactly what those figures read of the events that change a column's count, in
//   (time, seq) order, so they never touch the wide event rows (nor the edits and comments, which change no count).
// - Time per column read every created, moved and cycle event row of the ideas that moved in the period.
//   events_stays holds what a stay needs (column, start), per idea in seq order. The two indexes over a list of types
//   name the type among their columns: SQLite reads an index instead of the rows only when it holds every column
//   the query tests.
import type { Migration } from './types';

const SQL = /* sql */ `
CREATE INDEX events_finishes ON events (idea_id, created_at) WHERE type = 'moved' AND to_stage = 'afgerond';
CREATE INDEX events_board_changes ON events (created_at, seq, type, from_stage, to_stage, idea_id)
  WHERE type IN ('created', 'moved', 'cycle', 'restored', 'deleted');
CREATE INDEX events_stays ON events (idea_id, seq, type, to_stage, created_at) WHERE type IN ('created', 'moved', 'cycle');
`;

const migration: Migration = {
  version: 80,
  name: 'insight-speed',
  up: (db) => db.exec(SQL),
};

export default migration;
