// Indexes for the Inzicht figures (db/insight/figures.ts): ideas by the moment they were logged (weekly counts,
// heatmap, coverage) and the moves into a column by time (finished per week, "finished in the period").
import type { Migration } from './types';

const SQL = /* sql */ `
CREATE INDEX ideas_by_created ON ideas (created_at) WHERE deleted_at IS NULL;
CREATE INDEX events_moves_into ON events (to_stage, created_at) WHERE type = 'moved';
`;

const migration: Migration = {
  version: 40,
  name: 'insight',
  up: (db) => db.exec(SQL),
};

export default migration;
