/**
 * The stand-up digest at any size. The lists bounded by "since last time" (new, moved, adopted, thanks) load only
 * the ideas of that window and run the pure rules (digest.ts) over them; the lists that can reach back forever
 * (ready for Check, stuck, without owner, check-op due) are counted and cut to their first `cap` entries in SQL,
 * with the working-day thresholds turned into an instant on the local calendar. A property test holds this to
 * capDigest(digestRules(every idea)).
 */
import type { DateOnly, Outcome, Timestamp } from '../../shared/domain';
import type { DigestDays } from '../../shared/contract-standup';
import type { Db } from '../core-types';
import { stmt } from '../queries/statements';
import { addDays, localDate, startOfLocalDay, workingDaysBetween } from './calendar';
import { capDigest, digestRules, type CappedDigest, type IdeaFacts } from './digest';
import { listMovesSince, listThanksSince, STAGE_ORDER } from './queries';

export interface DigestQuery {
  now: Timestamp;
  since: Timestamp;
  timeZone: string;
  doDays: number;
  stuckDays: number;
  cap: number;
}

const FACTS = `SELECT i.id, i.stage, i.author_id AS authorId, i.owner_id AS ownerId, i.outcome, i.check_on AS checkOn,
         i.created_at AS createdAt, i.stage_entered_at AS stageEnteredAt, i.updated_at AS lastChangeAt
    FROM ideas i`;

/** Live ideas created, moved or finished at or after `since`, in board order (the rules break ties on it). */
function windowFacts(db: Db, since: string): IdeaFacts[] {
  // Three index range reads; one UNION made SQLite scan the whole event log.
  const ids = new Set([
    ...(stmt(db, 'SELECT id FROM ideas WHERE deleted_at IS NULL AND created_at >= ?').pluck().all(since) as string[]),
    ...(stmt(db, "SELECT idea_id FROM events WHERE created_at >= ? AND type IN ('moved', 'cycle')").pluck().all(since) as string[]),
    ...(stmt(db, "SELECT id FROM ideas WHERE deleted_at IS NULL AND stage = 'afgerond' AND stage_entered_at >= ?").pluck().all(since) as string[]),
  ]);
  return stmt(
    db,
    `${FACTS} WHERE i.id IN (SELECT value FROM json_each(?)) AND i.deleted_at IS NULL
      ORDER BY ${STAGE_ORDER}, i.position, i.created_at, i.id`,
  ).all(JSON.stringify([...ids])) as (IdeaFacts & { outcome: Outcome | null })[];
}

/** An idea and the instant its working days count from. */
type Dated = { id: string; at: string };
/** LIMIT -1 is SQLite's "no limit". */
const ALL = -1;

const READY = `FROM ideas WHERE deleted_at IS NULL AND stage = 'do' AND stage_entered_at < ?`;
const STUCK = `FROM ideas WHERE deleted_at IS NULL AND stage <> 'afgerond' AND updated_at < ?`;

const readyRows = (db: Db, before: string, limit: number) =>
  stmt(db, `SELECT id, stage_entered_at AS at ${READY} ORDER BY stage_entered_at, id LIMIT ?`).all(before, limit) as Dated[];
const stuckRows = (db: Db, before: string, limit: number) =>
  stmt(db, `SELECT id, updated_at AS at ${STUCK} ORDER BY updated_at, id LIMIT ?`).all(before, limit) as Dated[];

/** The latest local day from which more than `days` working days have passed by `today`. */
function lastDayOver(today: DateOnly, days: number): DateOnly {
  let date = addDays(today, -days);
  while (workingDaysBetween(date, today) <= days) date = addDays(date, -1);
  return date;
}

/** The first instant of the day after `date`, as stored timestamps are written (UTC, milliseconds). */
const endOfDay = (date: DateOnly, timeZone: string) => new Date(startOfLocalDay(addDays(date, 1), timeZone)).toISOString();

/**
 * Ideas more than `days` working days old by their instant, longest first (ties by id), at most `cap`, and how many
 * there are. The oldest `cap` rows fix the smallest count that makes the cut; every row with that count or more is
 * then read (one more local day at most) so the tie order by id is the rules' order.
 */
function overDays(
  db: Db,
  q: DigestQuery,
  days: number,
  rows: (db: Db, before: string, limit: number) => Dated[],
  countSql: string,
): { list: DigestDays[]; count: number } {
  const today = localDate(q.now, q.timeZone);
  const before = endOfDay(lastDayOver(today, days), q.timeZone);
  const count = stmt(db, countSql).pluck().get(before) as number;
  let found = rows(db, before, q.cap);
  if (found.length === q.cap && count > q.cap) {
    const daysOf = (d: DateOnly) => workingDaysBetween(d, today);
    const least = daysOf(localDate(found[q.cap - 1]!.at, q.timeZone));
    let last = localDate(found[q.cap - 1]!.at, q.timeZone);
    while (daysOf(addDays(last, 1)) >= least && addDays(last, 1) <= today) last = addDays(last, 1);
    const bound = endOfDay(last, q.timeZone);
    found = rows(db, bound < before ? bound : before, ALL);
  }
  const list = found
    .map((r) => ({ ideaId: r.id, workingDays: workingDaysBetween(localDate(r.at, q.timeZone), today) }))
    .sort((a, b) => b.workingDays - a.workingDays || a.ideaId.localeCompare(b.ideaId))
    .slice(0, q.cap);
  return { list, count };
}

const UNOWNED = `FROM ideas i WHERE i.deleted_at IS NULL AND i.stage <> 'afgerond' AND i.owner_id IS NULL`;
const DUE = `FROM ideas WHERE deleted_at IS NULL AND check_on IS NOT NULL AND check_on <= ? AND stage <> 'afgerond'`;

export function queryDigest(db: Db, q: DigestQuery): CappedDigest {
  const window = capDigest(
    digestRules({
      now: q.now,
      since: q.since,
      timeZone: q.timeZone,
      doDays: q.doDays,
      stuckDays: q.stuckDays,
      ideas: windowFacts(db, q.since),
      moves: listMovesSince(db, q.since),
      thanks: listThanksSince(db, q.since),
    }),
    q.cap,
  );
  const ready = overDays(db, q, q.doDays, readyRows, `SELECT count(*) ${READY}`);
  const stuck = overDays(db, q, q.stuckDays, stuckRows, `SELECT count(*) ${STUCK}`);
  const withoutOwner = stmt(db, `SELECT i.id ${UNOWNED} ORDER BY ${STAGE_ORDER}, i.position, i.created_at, i.id LIMIT ?`)
    .pluck()
    .all(q.cap) as string[];
  const today = window.today;
  const checkDue = stmt(db, `SELECT id AS ideaId, check_on AS checkOn ${DUE} ORDER BY check_on, id LIMIT ?`).all(today, q.cap) as {
    ideaId: string;
    checkOn: DateOnly;
  }[];
  return {
    ...window,
    readyForCheck: ready.list,
    stuck: stuck.list,
    withoutOwner,
    checkDue,
    counts: {
      ...window.counts,
      readyForCheck: ready.count,
      stuck: stuck.count,
      withoutOwner: stmt(db, `SELECT count(*) ${UNOWNED}`).pluck().get() as number,
      checkDue: stmt(db, `SELECT count(*) ${DUE}`).pluck().get(today) as number,
    },
  };
}

/** Every id a digest list mentions, once. */
export function mentionedIds(d: CappedDigest): string[] {
  const ids = new Set<string>();
  for (const g of d.newIdeas) for (const id of g.ideaIds) ids.add(id);
  for (const list of [d.moved, d.readyForCheck, d.stuck, d.checkDue]) for (const e of list) ids.add(e.ideaId);
  for (const id of [...d.withoutOwner, ...d.adopted]) ids.add(id);
  for (const t of d.thanks) if (t.ideaId !== null) ids.add(t.ideaId);
  return [...ids];
}
