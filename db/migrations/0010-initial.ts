// Creates the first schema: reference data, ideas with their PDCA fields, comments, the append-only event log, settings and full-text search.
import type { Migration } from './types';

const STAGE_LIST = "'nieuw', 'plan', 'do', 'check', 'act', 'afgerond'";

const SQL = /* sql */ `
CREATE TABLE people (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE journeys (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  position REAL NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE touchpoints (
  id TEXT PRIMARY KEY NOT NULL,
  journey_id TEXT NOT NULL REFERENCES journeys (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  position REAL NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX touchpoints_by_journey ON touchpoints (journey_id, position);

CREATE TABLE experience_values (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  position REAL NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE ideas (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('verbeter', 'verleuk')),
  stage TEXT NOT NULL CHECK (stage IN (${STAGE_LIST})),
  position REAL NOT NULL,
  touchpoint_id TEXT NOT NULL REFERENCES touchpoints (id),
  author_id TEXT NOT NULL REFERENCES people (id),
  owner_id TEXT REFERENCES people (id),
  pyramid_level INTEGER CHECK (pyramid_level BETWEEN 1 AND 3),
  problem TEXT NOT NULL DEFAULT '',
  proposal TEXT NOT NULL DEFAULT '',
  expected_result TEXT NOT NULL DEFAULT '',
  do_test TEXT NOT NULL DEFAULT '',
  do_start_date TEXT,
  check_result TEXT NOT NULL DEFAULT '',
  grade_before INTEGER CHECK (grade_before BETWEEN 1 AND 10),
  grade_after INTEGER CHECK (grade_after BETWEEN 1 AND 10),
  expectation_met TEXT CHECK (expectation_met IN ('ja', 'deels', 'nee')),
  act_decision TEXT CHECK (act_decision IN ('standaard', 'cyclus', 'stoppen')),
  act_note TEXT NOT NULL DEFAULT '',
  cycle INTEGER NOT NULL DEFAULT 1 CHECK (cycle >= 1),
  stage_entered_at TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('adopted', 'stopped')),
  lesson TEXT NOT NULL DEFAULT '',
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- A finished idea always says how it ended; an unfinished one never does.
  CHECK ((stage = 'afgerond') = (outcome IS NOT NULL))
) STRICT;
CREATE INDEX ideas_board ON ideas (stage, position) WHERE deleted_at IS NULL;
CREATE INDEX ideas_by_touchpoint ON ideas (touchpoint_id) WHERE deleted_at IS NULL;
CREATE INDEX ideas_by_author ON ideas (author_id) WHERE deleted_at IS NULL;
CREATE INDEX ideas_by_owner ON ideas (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX ideas_by_kind ON ideas (kind, stage) WHERE deleted_at IS NULL;

CREATE TABLE idea_values (
  idea_id TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
  value_id TEXT NOT NULL REFERENCES experience_values (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (idea_id, value_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX idea_values_by_value ON idea_values (value_id, idea_id);

CREATE TABLE comments (
  id TEXT PRIMARY KEY NOT NULL,
  idea_id TEXT NOT NULL REFERENCES ideas (id),
  author_id TEXT NOT NULL REFERENCES people (id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX comments_by_idea ON comments (idea_id, created_at);

-- seq keeps the order of events written within the same millisecond; id is the row's identity.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  idea_id TEXT NOT NULL REFERENCES ideas (id),
  person_id TEXT REFERENCES people (id),
  type TEXT NOT NULL CHECK (type IN ('created', 'moved', 'edited', 'cycle', 'deleted', 'restored', 'commented')),
  from_stage TEXT CHECK (from_stage IN (${STAGE_LIST})),
  to_stage TEXT CHECK (to_stage IN (${STAGE_LIST})),
  fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields) AND json_type(fields) = 'array'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
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

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- A plain (not external-content) FTS table: ideas has no stable integer key, so each row carries its idea id.
CREATE VIRTUAL TABLE ideas_fts USING fts5 (
  idea_id UNINDEXED,
  title,
  description,
  problem,
  proposal,
  expected_result,
  do_test,
  check_result,
  act_note,
  lesson,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas
BEGIN
  INSERT INTO ideas_fts (idea_id, title, description, problem, proposal, expected_result, do_test, check_result, act_note, lesson)
  VALUES (new.id, new.title, new.description, new.problem, new.proposal, new.expected_result, new.do_test, new.check_result, new.act_note, new.lesson);
END;

CREATE TRIGGER ideas_fts_update
AFTER UPDATE OF id, title, description, problem, proposal, expected_result, do_test, check_result, act_note, lesson ON ideas
BEGIN
  DELETE FROM ideas_fts WHERE idea_id = old.id;
  INSERT INTO ideas_fts (idea_id, title, description, problem, proposal, expected_result, do_test, check_result, act_note, lesson)
  VALUES (new.id, new.title, new.description, new.problem, new.proposal, new.expected_result, new.do_test, new.check_result, new.act_note, new.lesson);
END;

CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas
BEGIN
  DELETE FROM ideas_fts WHERE idea_id = old.id;
END;
`;

const migration: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => db.exec(SQL),
};

export default migration;
