/** Ideas, their belevingswaarden, comments and events. */
import type Database from 'better-sqlite3';
import type {
  ActDecision,
  Comment,
  EventType,
  ExpectationMet,
  Idea,
  IdeaEvent,
  Kind,
  Outcome,
  PyramidLevel,
  Stage,
} from '../../shared/domain';
import { stmt } from './statements';

type Db = Database.Database;

export interface IdeaRow {
  id: string;
  title: string;
  description: string;
  kind: Kind;
  stage: Stage;
  position: number;
  touchpoint_id: string;
  author_id: string;
  owner_id: string | null;
  pyramid_level: number | null;
  problem: string;
  proposal: string;
  expected_result: string;
  do_test: string;
  do_start_date: string | null;
  check_result: string;
  grade_before: number | null;
  grade_after: number | null;
  expectation_met: ExpectationMet | null;
  act_decision: ActDecision | null;
  act_note: string;
  cycle: number;
  stage_entered_at: string;
  outcome: Outcome | null;
  lesson: string;
  check_on: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Idea fields (domain names) that map one-to-one on a column; valueIds lives in idea_values. */
const IDEA_COLUMNS = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  stage: 'stage',
  position: 'position',
  touchpointId: 'touchpoint_id',
  ownerId: 'owner_id',
  pyramidLevel: 'pyramid_level',
  problem: 'problem',
  proposal: 'proposal',
  expectedResult: 'expected_result',
  doTest: 'do_test',
  doStartDate: 'do_start_date',
  checkResult: 'check_result',
  gradeBefore: 'grade_before',
  gradeAfter: 'grade_after',
  expectationMet: 'expectation_met',
  actDecision: 'act_decision',
  actNote: 'act_note',
  cycle: 'cycle',
  stageEnteredAt: 'stage_entered_at',
  outcome: 'outcome',
  lesson: 'lesson',
  checkOn: 'check_on',
  deletedAt: 'deleted_at',
} as const;
export type IdeaColumnField = keyof typeof IDEA_COLUMNS;
export type IdeaColumnValues = Partial<Record<IdeaColumnField, string | number | null>>;

function toIdea(r: IdeaRow, valueIds: string[]): Idea {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    touchpointId: r.touchpoint_id,
    ownerId: r.owner_id,
    valueIds,
    pyramidLevel: r.pyramid_level as PyramidLevel | null,
    problem: r.problem,
    proposal: r.proposal,
    expectedResult: r.expected_result,
    doTest: r.do_test,
    doStartDate: r.do_start_date,
    checkResult: r.check_result,
    gradeBefore: r.grade_before,
    gradeAfter: r.grade_after,
    expectationMet: r.expectation_met,
    actDecision: r.act_decision,
    actNote: r.act_note,
    checkOn: r.check_on,
    stage: r.stage,
    position: r.position,
    authorId: r.author_id,
    cycle: r.cycle,
    stageEnteredAt: r.stage_entered_at,
    outcome: r.outcome,
    lesson: r.lesson,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getIdeaRow(db: Db, id: string): IdeaRow | undefined {
  return stmt(db, 'SELECT * FROM ideas WHERE id = ?').get(id) as IdeaRow | undefined;
}

/** Value ids of an idea in the order of the belevingswaarden list. */
function getIdeaValueIds(db: Db, ideaId: string): string[] {
  return stmt(
    db,
    `SELECT iv.value_id FROM idea_values iv JOIN experience_values v ON v.id = iv.value_id
     WHERE iv.idea_id = ? ORDER BY v.position, v.created_at, v.id`,
  )
    .pluck()
    .all(ideaId) as string[];
}

export function getIdea(db: Db, id: string): (Idea & { deletedAt: string | null }) | undefined {
  const row = getIdeaRow(db, id);
  return row && { ...toIdea(row, getIdeaValueIds(db, id)), deletedAt: row.deleted_at };
}

export interface NewIdea {
  id: string;
  title: string;
  description: string;
  kind: Kind;
  stage: Stage;
  position: number;
  touchpointId: string;
  authorId: string;
  at: string;
}

export function insertIdea(db: Db, i: NewIdea): void {
  stmt(
    db,
    `INSERT INTO ideas (id, title, description, kind, stage, position, touchpoint_id, author_id, stage_entered_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(i.id, i.title, i.description, i.kind, i.stage, i.position, i.touchpointId, i.authorId, i.at, i.at, i.at);
}

/** Write the given columns and updated_at; column names come from IDEA_COLUMNS only, values are bound. */
export function updateIdeaColumns(db: Db, id: string, values: IdeaColumnValues, at: string): void {
  const fields = Object.keys(values) as IdeaColumnField[];
  const sets = fields.map((f) => `${IDEA_COLUMNS[f]} = ?`);
  const params = fields.map((f) => values[f] ?? null);
  stmt(db, `UPDATE ideas SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(...params, at, id);
}

export function replaceIdeaValues(db: Db, ideaId: string, valueIds: readonly string[], at: string): void {
  const current = new Set(stmt(db, 'SELECT value_id FROM idea_values WHERE idea_id = ?').pluck().all(ideaId) as string[]);
  const wanted = new Set(valueIds);
  for (const valueId of current) {
    if (!wanted.has(valueId)) stmt(db, 'DELETE FROM idea_values WHERE idea_id = ? AND value_id = ?').run(ideaId, valueId);
  }
  for (const valueId of wanted) {
    if (!current.has(valueId)) {
      stmt(db, 'INSERT INTO idea_values (idea_id, value_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(ideaId, valueId, at, at);
    }
  }
}

export interface ColumnEntry {
  id: string;
  position: number;
}

/** The visible cards of one column in board order. */
export function listColumn(db: Db, stage: Stage): ColumnEntry[] {
  return stmt(
    db,
    'SELECT id, position FROM ideas WHERE stage = ? AND deleted_at IS NULL ORDER BY position, created_at, id',
  ).all(stage) as ColumnEntry[];
}

export function minColumnPosition(db: Db, stage: Stage): number | null {
  return stmt(db, 'SELECT min(position) FROM ideas WHERE stage = ? AND deleted_at IS NULL').pluck().get(stage) as number | null;
}

export function setIdeaPosition(db: Db, id: string, position: number, at: string): void {
  stmt(db, 'UPDATE ideas SET position = ?, updated_at = ? WHERE id = ?').run(position, at, id);
}

/** Set a position without touching updated_at (demo data and other back-dated writes). */
export function placeIdea(db: Db, id: string, position: number): void {
  stmt(db, 'UPDATE ideas SET position = ? WHERE id = ?').run(position, id);
}

export function countIdeas(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM ideas').pluck().get() as number;
}

// Events

interface EventRow {
  id: string;
  idea_id: string;
  person_id: string | null;
  type: EventType;
  from_stage: Stage | null;
  to_stage: Stage | null;
  fields: string;
  created_at: string;
}

export interface NewEvent {
  id: string;
  ideaId: string;
  personId: string | null;
  type: EventType;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  fields?: readonly string[];
  at: string;
}

export function insertEvent(db: Db, e: NewEvent): void {
  stmt(
    db,
    `INSERT INTO events (id, idea_id, person_id, type, from_stage, to_stage, fields, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.id, e.ideaId, e.personId, e.type, e.fromStage ?? null, e.toStage ?? null, JSON.stringify(e.fields ?? []), e.at, e.at);
}

export function listEvents(db: Db, ideaId: string): IdeaEvent[] {
  return (
    stmt(db, 'SELECT * FROM events WHERE idea_id = ? ORDER BY created_at, seq').all(ideaId) as EventRow[]
  ).map((r) => ({
    id: r.id,
    ideaId: r.idea_id,
    personId: r.person_id,
    type: r.type,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    fields: JSON.parse(r.fields) as string[],
    createdAt: r.created_at,
  }));
}

// Comments

interface CommentRow {
  id: string;
  idea_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

const toComment = (r: CommentRow): Comment => ({
  id: r.id,
  ideaId: r.idea_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: r.created_at,
});

export function insertComment(db: Db, c: { id: string; ideaId: string; authorId: string; body: string; at: string }): void {
  stmt(db, 'INSERT INTO comments (id, idea_id, author_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    c.id,
    c.ideaId,
    c.authorId,
    c.body,
    c.at,
    c.at,
  );
}

export function listComments(db: Db, ideaId: string): Comment[] {
  return (stmt(db, 'SELECT * FROM comments WHERE idea_id = ? ORDER BY created_at, rowid').all(ideaId) as CommentRow[]).map(toComment);
}

export function getComment(db: Db, id: string): Comment | undefined {
  const row = stmt(db, 'SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
  return row && toComment(row);
}
