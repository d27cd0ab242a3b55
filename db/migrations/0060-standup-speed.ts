// The stand-up digest at any size: each list is read from an index with a bound instead of every idea into
// TypeScript. A partial index holds only the open ideas (not Afgerond), so "stuck" never walks the tens of
// thousands of finished ones. "Without owner" uses ideas_by_owner (0010).
import type { Migration } from './types';

const SQL = /* sql */ `
-- In Do since before a cut-off (ready for Check), finished since last time (adopted, the walk's Afgerond).
CREATE INDEX ideas_by_stage_entered ON ideas (stage, stage_entered_at) WHERE deleted_at IS NULL;
-- Open ideas by their last change (stuck).
CREATE INDEX ideas_open_by_change ON ideas (updated_at) WHERE deleted_at IS NULL AND stage <> 'afgerond';
`;

const migration: Migration = {
  version: 60,
  name: 'standup-speed',
  up: (db) => db.exec(SQL),
};

export default migration;
