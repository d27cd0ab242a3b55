/** SQL of the stand-up feature: stand-up records, thanks, and the facts the digest rules read. All parameterised. */
import type { Outcome, Stage, StandupAction } from '../../shared/domain';
import { OPEN_STAGES, STAGES } from '../../shared/domain';
import type { StandupCard, StandupRecord, ThanksEntry } from '../../shared/contract-standup';
import type { Db } from '../core-types';
import { stmt } from '../queries/statements';
import type { IdeaFacts, MoveFact } from './digest';

// Thanks

interface ThanksRow {
  id: string;
  from_id: string;
  to_id: string;
  idea_id: string | null;
  message: string;
  created_at: string;
  updated_at: string;
  idea_title: string | null;
}

const toThanks = (r: ThanksRow): ThanksEntry => ({
  id: r.id,
  fromId: r.from_id,
  toId: r.to_id,
  ideaId: r.idea_id,
  message: r.message,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ideaTitle: r.idea_title,
});

/** Thanks with the title of their idea (null without one); the WHERE and ORDER BY come from fixed fragments only. */
const THANKS_SELECT = 'SELECT t.*, i.title AS idea_title FROM thanks t LEFT JOIN ideas i ON i.id = t.idea_id';
const NEWEST = 'ORDER BY t.created_at DESC, t.rowid DESC';

export function insertThanks(db: Db, t: { id: string; fromId: string; toId: string; ideaId: string | null; message: string; at: string }): void {
  stmt(db, 'INSERT INTO thanks (id, from_id, to_id, idea_id, message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    t.id,
    t.fromId,
    t.toId,
    t.ideaId,
    t.message,
    t.at,
    t.at,
  );
}

export function getThanks(db: Db, id: string): ThanksEntry | undefined {
  const row = stmt(db, `${THANKS_SELECT} WHERE t.id = ?`).get(id) as ThanksRow | undefined;
  return row && toThanks(row);
}

/** Newest first; rowid breaks ties within one millisecond. */
export function listThanks(db: Db, limit: number): ThanksEntry[] {
  return (stmt(db, `${THANKS_SELECT} ${NEWEST} LIMIT ?`).all(limit) as ThanksRow[]).map(toThanks);
}

export function listThanksForIdea(db: Db, ideaId: string, limit: number): ThanksEntry[] {
  return (stmt(db, `${THANKS_SELECT} WHERE t.idea_id = ? ${NEWEST} LIMIT ?`).all(ideaId, limit) as ThanksRow[]).map(toThanks);
}

export function listThanksSince(db: Db, since: string): ThanksEntry[] {
  return (stmt(db, `${THANKS_SELECT} WHERE t.created_at >= ? ${NEWEST}`).all(since) as ThanksRow[]).map(toThanks);
}

export function listThanksOfPerson(db: Db, personId: string, role: 'to' | 'from', limit: number): ThanksEntry[] {
  const where = role === 'to' ? 'WHERE t.to_id = ?' : 'WHERE t.from_id = ?';
  return (stmt(db, `${THANKS_SELECT} ${where} ${NEWEST} LIMIT ?`).all(personId, limit) as ThanksRow[]).map(toThanks);
}

// Cards and digest facts

/** A card row with the domain's names already (SQL aliases), plus the facts the digest needs. */
type CardRow = Omit<StandupCard, 'workingDaysInStage' | 'valueIds'> & { valueIds: string | null; updatedAt: string };

export const STAGE_ORDER = `CASE i.stage ${STAGES.map((s, n) => `WHEN '${s}' THEN ${n}`).join(' ')} END`;

const CARD_SELECT = `
  SELECT i.id, i.title, i.kind, i.stage, i.position, i.touchpoint_id AS touchpointId, i.author_id AS authorId,
         i.owner_id AS ownerId, i.cycle, i.stage_entered_at AS stageEnteredAt, i.created_at AS createdAt,
         i.updated_at AS updatedAt, i.outcome, i.check_on AS checkOn,
         (SELECT group_concat(iv.value_id, ',' ORDER BY v.position, v.created_at, v.id)
            FROM idea_values iv JOIN experience_values v ON v.id = iv.value_id
           WHERE iv.idea_id = i.id) AS valueIds
    FROM ideas i`;

export interface CardWithFacts {
  card: Omit<StandupCard, 'workingDaysInStage'>;
  updatedAt: string;
}

const toCard = ({ updatedAt, valueIds, ...rest }: CardRow): CardWithFacts => ({
  card: { ...rest, valueIds: valueIds ? valueIds.split(',') : [] },
  updatedAt,
});

/** Every live idea in board order. */
export function listLiveCards(db: Db): CardWithFacts[] {
  return (
    stmt(db, `${CARD_SELECT} WHERE i.deleted_at IS NULL ORDER BY ${STAGE_ORDER}, i.position, i.created_at, i.id`).all() as CardRow[]
  ).map(toCard);
}

/** Live ideas by id (unknown and deleted ones left out), in board order. */
export function listCardsByIds(db: Db, ids: readonly string[]): CardWithFacts[] {
  if (ids.length === 0) return [];
  return (
    stmt(
      db,
      `${CARD_SELECT} WHERE i.id IN (SELECT value FROM json_each(?)) AND i.deleted_at IS NULL
       ORDER BY ${STAGE_ORDER}, i.position, i.created_at, i.id`,
    ).all(JSON.stringify(ids)) as CardRow[]
  ).map(toCard);
}

/** The first `limit` live cards of an open column in board order. */
export function listColumnCards(db: Db, stage: Stage, limit: number): CardWithFacts[] {
  return (
    stmt(db, `${CARD_SELECT} WHERE i.deleted_at IS NULL AND i.stage = ? ORDER BY i.position, i.created_at, i.id LIMIT ?`).all(
      stage,
      limit,
    ) as CardRow[]
  ).map(toCard);
}

/** The first `limit` cards finished at or after `since`, most recently finished first. */
export function listFinishedSince(db: Db, since: string, limit: number): CardWithFacts[] {
  return (
    stmt(
      db,
      `${CARD_SELECT} WHERE i.deleted_at IS NULL AND i.stage = 'afgerond' AND i.stage_entered_at >= ?
       ORDER BY i.stage_entered_at DESC, i.position, i.created_at, i.id LIMIT ?`,
    ).all(since, limit) as CardRow[]
  ).map(toCard);
}

/** Live cards per column: the open columns in all, Afgerond only those finished at or after `since`. */
export function countWalk(db: Db, since: string): Record<Stage, number> {
  const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const rows = stmt(
    db,
    `SELECT stage, count(*) AS n FROM ideas WHERE deleted_at IS NULL AND stage IN ('nieuw', 'plan', 'do', 'check', 'act') GROUP BY stage`,
  ).all() as { stage: Stage; n: number }[];
  for (const r of rows) totals[r.stage] = r.n;
  totals.afgerond = stmt(
    db,
    `SELECT count(*) FROM ideas WHERE deleted_at IS NULL AND stage = 'afgerond' AND stage_entered_at >= ?`,
  )
    .pluck()
    .get(since) as number;
  return totals;
}

/** Live ideas a person logged or owns, in board order. */
/**
 * A person's live ideas (logged or owned) in board order: the open ones whole, and the first `doneLimit` of Afgerond
 * (the most recently finished on top), with how many are in Afgerond in all. Someone with years of ideas has
 * thousands there; sending them all made the page take most of a second at 100,000 ideas.
 */
export function listCardsOfPerson(db: Db, personId: string, doneLimit: number): { cards: CardWithFacts[]; done: number } {
  // The ids first, read off the board order (the open columns are few; Afgerond stops after its page), then the
  // cards of just those: sorting the person's every finished card with its values cost most of the page.
  const open = stmt(
    db,
    `SELECT i.id FROM ideas i INDEXED BY ideas_board_order WHERE i.stage IN (${OPEN_STAGES_SQL}) AND i.deleted_at IS NULL AND ${MINE}`,
  )
    .pluck()
    .all(personId, personId) as string[];
  const finished = stmt(
    db,
    `SELECT i.id FROM ideas i INDEXED BY ideas_board_order WHERE i.stage = 'afgerond' AND i.deleted_at IS NULL AND ${MINE}
      ORDER BY i.position, i.created_at, i.id LIMIT ?`,
  )
    .pluck()
    .all(personId, personId, doneLimit) as string[];
  // All their live ideas from the author and owner indexes (reading each finished idea's stage took 0.3 s at 100k).
  const authored = stmt(db, 'SELECT count(*) FROM ideas i WHERE i.author_id = ? AND i.deleted_at IS NULL').pluck().get(personId) as number;
  const ownedOnly = stmt(db, 'SELECT count(*) FROM ideas i WHERE i.owner_id = ? AND i.deleted_at IS NULL AND i.author_id IS NOT ?')
    .pluck()
    .get(personId, personId) as number;
  return { cards: listCardsByIds(db, [...open, ...finished]), done: authored + ownedOnly - open.length };
}

/** An idea this person logged or owns (two parameters: the person's id twice). */
const MINE = '(i.author_id = ? OR i.owner_id = ?)';

/** The open columns as an SQL list. */
const OPEN_STAGES_SQL = OPEN_STAGES.map((s) => `'${s}'`).join(', ');

export function factsOf({ card, updatedAt }: CardWithFacts): IdeaFacts {
  return {
    id: card.id,
    stage: card.stage,
    authorId: card.authorId,
    ownerId: card.ownerId,
    outcome: card.outcome as Outcome | null,
    checkOn: card.checkOn,
    createdAt: card.createdAt,
    stageEnteredAt: card.stageEnteredAt,
    lastChangeAt: updatedAt,
  };
}

/** Stage changes (moves and new cycles) at or after `since`. */
export function listMovesSince(db: Db, since: string): MoveFact[] {
  return (
    stmt(
      db,
      `SELECT idea_id AS ideaId, from_stage AS fromStage, to_stage AS toStage, created_at AS at
         FROM events WHERE type IN ('moved', 'cycle') AND created_at >= ? ORDER BY created_at, seq`,
    ).all(since) as { ideaId: string; fromStage: Stage | null; toStage: Stage | null; at: string }[]
  ).map((m) => ({ ...m }));
}

// Stand-ups

interface StandupRow {
  id: string;
  date: string;
  started_at: string;
  ended_at: string;
  duration_seconds: number;
  time_zone: string;
  lead_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface NewStandup {
  id: string;
  date: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  timeZone: string;
  leadId: string | null;
  notes: string;
  attendeeIds: readonly string[];
  ideaIds: readonly string[];
  actions: readonly StandupAction[];
  at: string;
}

export function insertStandup(db: Db, s: NewStandup): void {
  stmt(
    db,
    `INSERT INTO standups (id, date, started_at, ended_at, duration_seconds, time_zone, lead_id, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.date, s.startedAt, s.endedAt, s.durationSeconds, s.timeZone, s.leadId, s.notes, s.at, s.at);
  const attendee = stmt(db, 'INSERT INTO standup_attendees (standup_id, person_id, created_at, updated_at) VALUES (?, ?, ?, ?)');
  for (const personId of s.attendeeIds) attendee.run(s.id, personId, s.at, s.at);
  const idea = stmt(db, 'INSERT INTO standup_ideas (standup_id, idea_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  s.ideaIds.forEach((ideaId, position) => idea.run(s.id, ideaId, position, s.at, s.at));
  const action = stmt(
    db,
    `INSERT INTO standup_actions (id, standup_id, position, text, owner_id, idea_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  s.actions.forEach((a, position) => action.run(a.id, s.id, position, a.text, a.ownerId, a.ideaId, s.at, s.at));
}

function loadStandup(db: Db, row: StandupRow): StandupRecord {
  const attendeeIds = stmt(
    db,
    `SELECT a.person_id FROM standup_attendees a JOIN people p ON p.id = a.person_id
      WHERE a.standup_id = ? ORDER BY p.name COLLATE NOCASE, p.id`,
  )
    .pluck()
    .all(row.id) as string[];
  const ideas = stmt(
    db,
    `SELECT s.idea_id AS id, i.title, i.deleted_at AS deletedAt FROM standup_ideas s JOIN ideas i ON i.id = s.idea_id
      WHERE s.standup_id = ? ORDER BY s.position`,
  ).all(row.id) as { id: string; title: string; deletedAt: string | null }[];
  const ideaTitles: Record<string, string> = {};
  for (const idea of ideas) if (idea.deletedAt === null) ideaTitles[idea.id] = idea.title;
  const actions = (
    stmt(db, 'SELECT id, text, owner_id, idea_id FROM standup_actions WHERE standup_id = ? ORDER BY position').all(row.id) as {
      id: string;
      text: string;
      owner_id: string | null;
      idea_id: string | null;
    }[]
  ).map((a) => ({ id: a.id, text: a.text, ownerId: a.owner_id, ideaId: a.idea_id }));
  return {
    id: row.id,
    date: row.date,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSeconds: row.duration_seconds,
    timeZone: row.time_zone,
    leadId: row.lead_id,
    notes: row.notes,
    attendeeIds,
    ideaIds: ideas.map((i) => i.id),
    actions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ideaTitles,
  };
}

export function getStandup(db: Db, id: string): StandupRecord | undefined {
  const row = stmt(db, 'SELECT * FROM standups WHERE id = ?').get(id) as StandupRow | undefined;
  return row && loadStandup(db, row);
}

export function listStandups(db: Db, limit: number): StandupRecord[] {
  return (stmt(db, 'SELECT * FROM standups ORDER BY ended_at DESC, rowid DESC LIMIT ?').all(limit) as StandupRow[]).map((r) =>
    loadStandup(db, r),
  );
}

/** The stand-up that ended last, if any. */
export function lastStandup(db: Db): { id: string; endedAt: string } | undefined {
  return stmt(db, 'SELECT id, ended_at AS endedAt FROM standups ORDER BY ended_at DESC, rowid DESC LIMIT 1').get() as
    | { id: string; endedAt: string }
    | undefined;
}
