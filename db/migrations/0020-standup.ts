// Stand-up mode and thanks: a "check op" date on ideas, stand-up records (attendees, ideas discussed, agreed
// actions), thanks (bedankjes) between people, and 'thanked' as a type in the idea's event history.
import type { Migration } from './types';

const STAGE_LIST = "'nieuw', 'plan', 'do', 'check', 'act', 'afgerond'";

/** A YYYY-MM-DD column that holds a real calendar date (SQLite's date() normalises anything else away). */
const dateCheck = (column: string) => `(${column} IS NULL OR (length(${column}) = 10 AND date(${column}) IS ${column}))`;

const SQL = /* sql */ `
ALTER TABLE ideas ADD COLUMN check_on TEXT CHECK ${dateCheck('check_on')};
CREATE INDEX ideas_by_check_on ON ideas (check_on) WHERE deleted_at IS NULL AND check_on IS NOT NULL;

-- One finished stand-up (dagstart). date is the local calendar day it was held; time_zone the IANA zone it was held in.
CREATE TABLE standups (
  id TEXT PRIMARY KEY NOT NULL,
  date TEXT NOT NULL CHECK ${dateCheck('date')},
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
  time_zone TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
  lead_id TEXT REFERENCES people (id),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ended_at >= started_at)
) STRICT;
CREATE INDEX standups_by_end ON standups (ended_at);

CREATE TABLE standup_attendees (
  standup_id TEXT NOT NULL REFERENCES standups (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (standup_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX standup_attendees_by_person ON standup_attendees (person_id);

-- The ideas that were on screen during the walk, in the order they were discussed.
CREATE TABLE standup_ideas (
  standup_id TEXT NOT NULL REFERENCES standups (id) ON DELETE CASCADE,
  idea_id TEXT NOT NULL REFERENCES ideas (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (standup_id, idea_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX standup_ideas_by_idea ON standup_ideas (idea_id);

-- Agreed actions (afspraken): a short text, optionally who does it and for which idea.
CREATE TABLE standup_actions (
  id TEXT PRIMARY KEY NOT NULL,
  standup_id TEXT NOT NULL REFERENCES standups (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  owner_id TEXT REFERENCES people (id),
  idea_id TEXT REFERENCES ideas (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX standup_actions_by_standup ON standup_actions (standup_id, position);

-- Bedankjes: one person thanks another, optionally for an idea.
CREATE TABLE thanks (
  id TEXT PRIMARY KEY NOT NULL,
  from_id TEXT NOT NULL REFERENCES people (id),
  to_id TEXT NOT NULL REFERENCES people (id),
  idea_id TEXT REFERENCES ideas (id),
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX thanks_by_time ON thanks (created_at);
CREATE INDEX thanks_by_to ON thanks (to_id, created_at);
CREATE INDEX thanks_by_from ON thanks (from_id, created_at);
CREATE INDEX thanks_by_idea ON thanks (idea_id, created_at) WHERE idea_id IS NOT NULL;

-- The event log gets the type 'thanked'. A CHECK cannot be altered in place, so the table is rebuilt with the
-- same columns, keys, seq values, indexes and append-only triggers (DROP TABLE fires no triggers).
CREATE TABLE events_0020 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  idea_id TEXT NOT NULL REFERENCES ideas (id),
  person_id TEXT REFERENCES people (id),
  type TEXT NOT NULL CHECK (type IN ('created', 'moved', 'edited', 'cycle', 'deleted', 'restored', 'commented', 'thanked')),
  from_stage TEXT CHECK (from_stage IN (${STAGE_LIST})),
  to_stage TEXT CHECK (to_stage IN (${STAGE_LIST})),
  fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields) AND json_type(fields) = 'array'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO events_0020 (seq, id, idea_id, person_id, type, from_stage, to_stage, fields, created_at, updated_at)
  SELECT seq, id, idea_id, person_id, type, from_stage, to_stage, fields, created_at, updated_at FROM events ORDER BY seq;
DROP TABLE events;
ALTER TABLE events_0020 RENAME TO events;
CREATE INDEX events_by_idea ON events (idea_id, seq);
CREATE INDEX events_by_time ON events (created_at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
`;

const migration: Migration = {
  version: 20,
  name: 'standup',
  up: (db) => db.exec(SQL),
};

export default migration;
