/**
 * The Inzicht figures: one function per figure, each computed in SQL over ideas and the append-only events, reading
 * only what the period needs (indexes from migration 0040). Exported for the benchmark and the tests.
 *
 * Conventions, the same for every figure:
 * - A period is a list of ascending instants (ISO 8601, UTC) the renderer computed from local Monday/month starts;
 *   bucket n is [b[n], b[n+1]). The core compares its own UTC timestamps with them.
 * - Filters (kind, touchpoint, person = author or owner) apply to an idea's current fields.
 * - Ideas deleted now count nowhere, except in the board's history (WIP per week, WIP limits): a card that stood in
 *   a column before it was deleted did stand there. That history is the board now minus the changes (moved, cycle,
 *   deleted, restored events) since the moment asked about.
 * - "Finished in the period": the idea is in Afgerond now and its last move into Afgerond lies in the period.
 * - Percentiles use the nearest rank: the value at position ceil(p·n) of the sorted durations (the median is p50).
 */
import type { Db } from '../core-types';
import type { PyramidLevel, Stage, WipLimits } from '../../shared/domain';
import { STAGES } from '../../shared/domain';
import type { DurationStats, InsightFilter, InsightReport } from '../../shared/contract-insight';
import { stmt } from '../queries/statements';

/** What every figure gets: the week and month boundaries, the filter, the limits and the call's moment. */
export interface InsightQuery {
  weeks: readonly string[];
  months: readonly string[];
  filter: InsightFilter;
  wipLimits: WipLimits;
  /** The call's timestamp: time over a WIP limit is counted up to here. */
  now: string;
}

/** Bound parameters shared by the queries (better-sqlite3 ignores the ones a query does not name). */
function params(q: InsightQuery) {
  const weeks = q.weeks;
  return {
    kind: q.filter.kind ?? null,
    touchpointId: q.filter.touchpointId ?? null,
    personId: q.filter.personId ?? null,
    from: weeks[0]!,
    to: weeks[weeks.length - 1]!,
    recent: weeks[Math.max(0, weeks.length - 5)]!,
    weeks: JSON.stringify(weeks),
    months: JSON.stringify(q.months),
    now: q.now,
  };
}

/** The filter on an idea aliased `i`; live ideas only. */
const LIVE = `i.deleted_at IS NULL
  AND (@kind IS NULL OR i.kind = @kind)
  AND (@touchpointId IS NULL OR i.touchpoint_id = @touchpointId)
  AND (@personId IS NULL OR i.author_id = @personId OR i.owner_id = @personId)`;

/** The same filter without the deletion test (board history). */
const FILTERED = `(@kind IS NULL OR i.kind = @kind)
  AND (@touchpointId IS NULL OR i.touchpoint_id = @touchpointId)
  AND (@personId IS NULL OR i.author_id = @personId OR i.owner_id = @personId)`;

/**
 * The events that change a column's count, worded exactly as the WHERE of the partial index events_board_changes
 * (migration 0080) so the board's history reads that covering index and never the event rows.
 */
const CHANGING = `e.type IN ('created', 'moved', 'cycle', 'restored', 'deleted')`;

/**
 * The event `e` is of an idea the filter keeps (deleted ones too: board history). Without a filter the idea is
 * never looked up (the OR stops at its first term).
 */
const OF_FILTERED = `(@kind IS NULL AND @touchpointId IS NULL AND @personId IS NULL
  OR EXISTS (SELECT 1 FROM ideas i WHERE i.id = e.idea_id AND ${FILTERED}))`;

/** Buckets from a JSON array of boundaries: n, start, end. */
const buckets = (json: string) => `buckets AS (
  SELECT n, start, "end" FROM (
    SELECT CAST(key AS INTEGER) AS n, value AS start, lead(value) OVER (ORDER BY CAST(key AS INTEGER)) AS "end"
      FROM json_each(${json})
  ) WHERE "end" IS NOT NULL
)`;

/** Milliseconds between two ISO timestamps. */
const ms = (later: string, earlier: string) => `CAST(round((julianday(${later}) - julianday(${earlier})) * 86400000) AS INTEGER)`;

/** The team: people not archived (just the filtered person when there is one). */
const TEAM = `people p WHERE p.archived = 0 AND (@personId IS NULL OR p.id = @personId)`;

/**
 * Ideas finished in the period with the moment they were finished (`done_at`): the last move into Afgerond lies in
 * the period when one does and none came after it. Starts from the period's moves into Afgerond (events_moves_into)
 * and looks for a later one per idea (events_finishes), never from every idea in Afgerond. Only the columns the
 * figures read are taken from the (wide) idea rows.
 */
const FIND_FINISHED = `WITH done AS MATERIALIZED (
  SELECT m.idea_id AS id, max(m.created_at) AS done_at FROM events m
   WHERE m.type = 'moved' AND m.to_stage = 'afgerond' AND m.created_at >= @from AND m.created_at < @to
     AND NOT EXISTS (SELECT 1 FROM events l WHERE l.idea_id = m.idea_id AND l.type = 'moved' AND l.to_stage = 'afgerond'
                       AND l.created_at >= @to)
   GROUP BY m.idea_id
),
finished AS (
  SELECT i.cycle, i.outcome, i.grade_before, i.grade_after, i.touchpoint_id, i.created_at, d.done_at
    FROM done d CROSS JOIN ideas i ON i.id = d.id
   WHERE i.stage = 'afgerond' AND ${LIVE}
)
INSERT INTO temp.insight_finished SELECT * FROM finished`;

/**
 * The finished ideas are found once per call into a TEMP table (the connection's own, never in the file) and read
 * by the five figures about them: `finished` in their SQL. Untyped columns keep every value as the ideas hold it.
 */
const FINISHED_TABLE = `CREATE TEMP TABLE IF NOT EXISTS insight_finished
  (cycle, outcome, grade_before, grade_after, touchpoint_id, created_at, done_at)`;
const FINISHED = `finished AS (SELECT * FROM temp.insight_finished)`;

/** Connections inside insightReport: their insight_finished already holds the report's finished ideas. */
const reporting = new WeakSet<Db>();

/** Fills temp.insight_finished with the period's finished ideas, unless insightReport did for this call. */
function findFinished(db: Db, q: InsightQuery): void {
  if (reporting.has(db)) return;
  db.exec(FINISHED_TABLE);
  stmt(db, 'DELETE FROM temp.insight_finished').run();
  stmt(db, FIND_FINISHED).run(params(q));
}

/**
 * Median and p85 (nearest rank) per group over a CTE `durations(grp, ms)`. ceil(p·n) in integer arithmetic:
 * (n + 1) / 2 and (85·n + 99) / 100.
 */
const STATS = `, ranked AS (
  SELECT grp, ms, row_number() OVER (PARTITION BY grp ORDER BY ms) AS k, count(*) OVER (PARTITION BY grp) AS n FROM durations
)
SELECT grp, max(n) AS count,
       max(CASE WHEN k = (n + 1) / 2 THEN ms END) AS median,
       max(CASE WHEN k = (85 * n + 99) / 100 THEN ms END) AS p85
  FROM ranked GROUP BY grp`;

interface StatsRow {
  grp: string;
  count: number;
  median: number;
  p85: number;
}

const EMPTY_STATS: DurationStats = { count: 0, medianMs: null, p85Ms: null };
const toStats = (r: StatsRow | undefined): DurationStats =>
  r ? { count: r.count, medianMs: r.median, p85Ms: r.p85 } : EMPTY_STATS;

// Participation

interface CreatedRow {
  n: number;
  start: string;
  verbeter: number;
  verleuk: number;
  authors: number;
}

function createdPerBucket(db: Db, q: InsightQuery, which: 'weeks' | 'months'): CreatedRow[] {
  return stmt(
    db,
    `WITH ${buckets(`@${which}`)}
     SELECT b.n, b.start,
            count(CASE WHEN i.kind = 'verbeter' THEN 1 END) AS verbeter,
            count(CASE WHEN i.kind = 'verleuk' THEN 1 END) AS verleuk,
            count(DISTINCT i.author_id) AS authors
       FROM buckets b
       LEFT JOIN ideas i ON i.created_at >= b.start AND i.created_at < b."end" AND ${LIVE}
      GROUP BY b.n ORDER BY b.n`,
  ).all(params(q)) as CreatedRow[];
}

/** Ideas logged per week, by kind. */
export function ideasPerWeek(db: Db, q: InsightQuery): InsightReport['ideasPerWeek'] {
  return createdPerBucket(db, q, 'weeks').map((r) => ({ start: r.start, verbeter: r.verbeter, verleuk: r.verleuk }));
}

/** Ideas logged per month and by how many people. */
export function ideasPerMonth(db: Db, q: InsightQuery): InsightReport['ideasPerMonth'] {
  return createdPerBucket(db, q, 'months').map((r) => ({ start: r.start, ideas: r.verbeter + r.verleuk, authors: r.authors }));
}

/** Share of the team with at least one idea in the last 4 weeks of the period. */
export function activeShare(db: Db, q: InsightQuery): InsightReport['activeShare'] {
  const p = params(q);
  const row = stmt(
    db,
    `SELECT count(*) AS team,
            count(CASE WHEN EXISTS (SELECT 1 FROM ideas i WHERE i.author_id = p.id AND ${LIVE}
                                      AND i.created_at >= @recent AND i.created_at < @to) THEN 1 END) AS active
       FROM ${TEAM}`,
  ).get(p) as { team: number; active: number };
  return { active: row.active, team: row.team, since: p.recent };
}

/** People of the team without an idea in the period. */
export function quietPeople(db: Db, q: InsightQuery): InsightReport['quietPeople'] {
  return stmt(
    db,
    `SELECT p.id, p.name FROM ${TEAM}
        AND NOT EXISTS (SELECT 1 FROM ideas i WHERE i.author_id = p.id AND ${LIVE}
                          AND i.created_at >= @from AND i.created_at < @to)
      ORDER BY p.name COLLATE NOCASE, p.id`,
  ).all(params(q)) as InsightReport['quietPeople'];
}

// Flow

/** Ideas moved into Afgerond per week (an idea counts once per week). */
export function finishedPerWeek(db: Db, q: InsightQuery): InsightReport['finishedPerWeek'] {
  return stmt(
    db,
    `WITH ${buckets('@weeks')}
     SELECT b.start, count(DISTINCT i.id) AS count
       FROM buckets b
       LEFT JOIN events e ON e.type = 'moved' AND e.to_stage = 'afgerond' AND e.created_at >= b.start AND e.created_at < b."end"
       LEFT JOIN ideas i ON i.id = e.idea_id AND ${LIVE}
      GROUP BY b.n ORDER BY b.n`,
  ).all(params(q)) as InsightReport['finishedPerWeek'];
}

/** Nieuw → Afgerond of the ideas finished in the period. */
export function leadTime(db: Db, q: InsightQuery): DurationStats {
  findFinished(db, q);
  const row = stmt(
    db,
    `WITH ${FINISHED}, durations AS (SELECT 'all' AS grp, ${ms('done_at', 'created_at')} AS ms FROM finished)
     ${STATS}`,
  ).get(params(q)) as StatsRow | undefined;
  return toStats(row);
}

const WORK_STAGES = STAGES.filter((s) => s !== 'afgerond');

/**
 * Time in each column: a stay starts with a created, moved or cycle event into the column and ends with the next
 * of those events of the same idea; stays that ended in the period count. The stays are read from the covering
 * index events_stays (migration 0080), never from the event rows.
 */
export function timeInStage(db: Db, q: InsightQuery): InsightReport['timeInStage'] {
  const rows = stmt(
    db,
    `WITH stays AS (
       SELECT e.to_stage AS stage, e.created_at AS start,
              lead(e.created_at) OVER (PARTITION BY e.idea_id ORDER BY e.seq) AS "end"
         FROM events e JOIN ideas i ON i.id = e.idea_id
        WHERE e.type IN ('created', 'moved', 'cycle') AND ${LIVE}
          -- Only ideas that moved in the period can have a stay that ended in it (events_board_changes, covering).
          AND e.idea_id IN (SELECT e.idea_id FROM events e
                             WHERE e.created_at >= @from AND e.created_at < @to AND ${CHANGING} AND e.type IN ('moved', 'cycle'))
     ),
     durations AS (
       SELECT stage AS grp, ${ms('"end"', 'start')} AS ms FROM stays
        WHERE "end" IS NOT NULL AND "end" >= @from AND "end" < @to AND stage <> 'afgerond'
     )
     ${STATS}`,
  ).all(params(q)) as StatsRow[];
  const byStage = new Map(rows.map((r) => [r.grp, r]));
  return WORK_STAGES.map((stage) => ({ stage, ...toStats(byStage.get(stage)) }));
}

/**
 * How an event changes the number of cards in one column: +1 into it, −1 out of it (deleted: off the board,
 * restored: back on it), 0 otherwise. Stage names are fixed constants, never input.
 */
const delta = (stage: Stage) =>
  `(CASE WHEN e.type IN ('created', 'moved', 'cycle', 'restored') AND e.to_stage = '${stage}' THEN 1 ELSE 0 END
  - CASE WHEN e.type IN ('moved', 'cycle', 'deleted') AND e.from_stage = '${stage}' THEN 1 ELSE 0 END)`;

/**
 * The columns' cards now, from the ideas table (`where` filters ideas aliased `i`): one grouped pass, on its own
 * (a scalar subquery next to an aggregate over events cost several times as much).
 */
function currentCounts(db: Db, p: ReturnType<typeof params>, where: string): Record<Stage, number> {
  const rows = stmt(db, `SELECT i.stage, count(*) AS n FROM ideas i WHERE ${where} GROUP BY i.stage`).all(p) as {
    stage: Stage;
    n: number;
  }[];
  const out = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const r of rows) out[r.stage] = r.n;
  return out;
}

/** The counts as bound parameters @now_<stage>. */
const nowParams = (counts: Record<Stage, number>) => Object.fromEntries(STAGES.map((s) => [`now_${s}`, counts[s]]));

/**
 * Cards per column at the end of each week: the board as it stands now minus every change after that moment.
 * Only the events since the first week's end are read (one events_board_changes range per week), never the whole
 * history.
 */
export function wipPerWeek(db: Db, q: InsightQuery): InsightReport['wipPerWeek'] {
  const p = params(q);
  const sums = STAGES.map((s) => `'${s}', total(${delta(s)})`).join(', ');
  const counts = STAGES.map(
    (s) => `CAST(@now_${s} - sum(json_extract(changes, '$.${s}')) OVER (ORDER BY n DESC) AS INTEGER) AS "${s}"`,
  ).join(', ');
  return stmt(
    db,
    `WITH ${buckets('@weeks')},
     ends AS (SELECT n, start, "end", coalesce(lead("end") OVER (ORDER BY n), '9999') AS next_end FROM buckets),
     per AS MATERIALIZED (
       SELECT x.n, x.start,
              (SELECT json_object(${sums}) FROM events e
                WHERE e.created_at >= x."end" AND e.created_at < x.next_end AND ${CHANGING} AND ${OF_FILTERED}) AS changes
         FROM ends x
     )
     SELECT start, ${counts} FROM per ORDER BY n`,
  ).all({ ...p, ...nowParams(currentCounts(db, p, LIVE)) }) as InsightReport['wipPerWeek'];
}

/** How many cycles the ideas finished in the period took. */
export function cycles(db: Db, q: InsightQuery): InsightReport['cycles'] {
  findFinished(db, q);
  return stmt(
    db,
    `WITH ${FINISHED} SELECT cycle AS cycles, count(*) AS ideas FROM finished GROUP BY cycle ORDER BY cycle`,
  ).all(params(q)) as InsightReport['cycles'];
}

// Outcome

/** Adopted as a standard vs stopped, of the ideas finished in the period. */
export function outcomes(db: Db, q: InsightQuery): InsightReport['outcomes'] {
  findFinished(db, q);
  return stmt(
    db,
    `WITH ${FINISHED}
     SELECT count(CASE WHEN outcome = 'adopted' THEN 1 END) AS adopted,
            count(CASE WHEN outcome = 'stopped' THEN 1 END) AS stopped FROM finished`,
  ).get(params(q)) as InsightReport['outcomes'];
}

/** Customer grade before and after, of the ideas finished in the period that have both. */
export function grades(db: Db, q: InsightQuery): InsightReport['grades'] {
  findFinished(db, q);
  return stmt(
    db,
    `WITH ${FINISHED}
     SELECT count(*) AS ideas, avg(grade_after - grade_before) AS averageChange,
            count(CASE WHEN grade_before < 9 AND grade_after >= 9 THEN 1 END) AS liftedToNine
       FROM finished WHERE grade_before IS NOT NULL AND grade_after IS NOT NULL`,
  ).get(params(q)) as InsightReport['grades'];
}

/** Touchpoints whose finished ideas (in the period, with both grades) raised the average grade. */
export function touchpointsImproved(db: Db, q: InsightQuery): InsightReport['touchpointsImproved'] {
  findFinished(db, q);
  const rows = stmt(
    db,
    `WITH ${FINISHED}
     SELECT t.id AS touchpointId, t.name, (t.archived OR j.archived) AS archived, count(*) AS ideas,
            avg(f.grade_before) AS averageBefore, avg(f.grade_after) AS averageAfter
       FROM finished f JOIN touchpoints t ON t.id = f.touchpoint_id JOIN journeys j ON j.id = t.journey_id
      WHERE f.grade_before IS NOT NULL AND f.grade_after IS NOT NULL
      GROUP BY t.id HAVING avg(f.grade_after - f.grade_before) > 0
      ORDER BY avg(f.grade_after - f.grade_before) DESC, t.name, t.id`,
  ).all(params(q)) as (Omit<InsightReport['touchpointsImproved'][number], 'archived'> & { archived: number })[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1 }));
}

// Where

/** Ideas logged in the period per touchpoint and kind. */
export function heatmap(db: Db, q: InsightQuery): InsightReport['heatmap'] {
  const rows = stmt(
    db,
    `WITH counted AS (
       SELECT i.touchpoint_id, count(CASE WHEN i.kind = 'verbeter' THEN 1 END) AS verbeter,
              count(CASE WHEN i.kind = 'verleuk' THEN 1 END) AS verleuk
         FROM ideas i WHERE ${LIVE} AND i.created_at >= @from AND i.created_at < @to GROUP BY i.touchpoint_id
     )
     SELECT t.id AS touchpointId, t.name, j.name AS journeyName, (t.archived OR j.archived) AS archived,
            coalesce(c.verbeter, 0) AS verbeter, coalesce(c.verleuk, 0) AS verleuk
       FROM touchpoints t JOIN journeys j ON j.id = t.journey_id LEFT JOIN counted c ON c.touchpoint_id = t.id
      WHERE (@touchpointId IS NULL OR t.id = @touchpointId) AND (NOT (t.archived OR j.archived) OR c.touchpoint_id IS NOT NULL)
      ORDER BY j.position, j.created_at, t.position, t.created_at, t.id`,
  ).all(params(q)) as (Omit<InsightReport['heatmap'][number], 'archived'> & { archived: number })[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1 }));
}

/** Ideas logged in the period per belevingswaarde. */
export function valueCoverage(db: Db, q: InsightQuery): InsightReport['valueCoverage'] {
  const rows = stmt(
    db,
    `WITH counted AS (
       SELECT iv.value_id, count(*) AS ideas FROM ideas i JOIN idea_values iv ON iv.idea_id = i.id
        WHERE ${LIVE} AND i.created_at >= @from AND i.created_at < @to GROUP BY iv.value_id
     )
     SELECT v.id AS valueId, v.name, v.level, v.archived, coalesce(c.ideas, 0) AS ideas
       FROM experience_values v LEFT JOIN counted c ON c.value_id = v.id
      WHERE v.archived = 0 OR c.ideas > 0
      ORDER BY v.level, v.position, v.created_at, v.id`,
  ).all(params(q)) as { valueId: string; name: string; level: PyramidLevel; archived: number; ideas: number }[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1 }));
}

/** Ideas logged in the period per pyramid level (null: none chosen); every level is listed. */
export function levelCoverage(db: Db, q: InsightQuery): InsightReport['levelCoverage'] {
  const rows = stmt(
    db,
    `SELECT i.pyramid_level AS level, count(*) AS ideas FROM ideas i
      WHERE ${LIVE} AND i.created_at >= @from AND i.created_at < @to GROUP BY i.pyramid_level`,
  ).all(params(q)) as { level: PyramidLevel | null; ideas: number }[];
  const found = new Map(rows.map((r) => [r.level, r.ideas]));
  return ([1, 2, 3, null] as const).map((level) => ({ level, ideas: found.get(level) ?? 0 }));
}

/** A stage column's 1-based position in STAGES (0: none). */
const STAGE_NUMBER = (column: string) =>
  `(CASE ${column} ${STAGES.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} ELSE 0 END)`;

/** Milliseconds between two ISO timestamps the core wrote (UTC, milliseconds): the same as ms() in SQL. */
const msBetween = (later: string, earlier: string) => Date.parse(later) - Date.parse(earlier);

/**
 * Per column with a limit (the current settings), over the whole board: how many times in the period the column
 * went over its limit (a column already over at the start counts once), how long it stood over it (up to now) and
 * its highest count in the period.
 *
 * SQL reads the period's count changes in (time, seq) order from the covering index events_board_changes, each as
 * one number: the column it left and the column it entered (as delta() counts them, 1-based STAGES positions, 0:
 * none) packed as left·8 + entered. One pass in TypeScript runs the counts. (Running counts as SQL window functions
 * cost about 25 ms per column per 17,000 events at 100k ideas, and a column per stage costs as much to hand over.)
 * The counts at the period's start are the board now minus every change since, i.e. minus the sum of these rows.
 */
export function wipExceeded(db: Db, q: InsightQuery): InsightReport['wipExceeded'] {
  const limited = STAGES.filter((s) => q.wipLimits[s] !== null);
  if (limited.length === 0) return [];
  const p = params(q);
  const end = q.now < p.to ? q.now : p.to;
  const history = stmt(
    db,
    `SELECT e.created_at AS at,
            CASE WHEN e.type IN ('moved', 'cycle', 'deleted') THEN ${STAGE_NUMBER('e.from_stage')} ELSE 0 END * 8
          + CASE WHEN e.type IN ('created', 'moved', 'cycle', 'restored') THEN ${STAGE_NUMBER('e.to_stage')} ELSE 0 END AS code
       FROM events e WHERE e.created_at >= @from AND ${CHANGING} ORDER BY e.created_at, e.seq`,
  ).all(p) as { at: string; code: number }[];
  const now = currentCounts(db, p, 'i.deleted_at IS NULL');
  // After each event every count stands still until the next event (or the end): that span within the period.
  const spans = history.map(({ at }, k) => {
    const next = history[k + 1]?.at ?? end;
    const until = next < end ? next : end;
    return until > at ? msBetween(until, at > p.from ? at : p.from) : 0;
  });

  return limited.map((stage) => {
    const limit = q.wipLimits[stage]!;
    const number = STAGES.indexOf(stage) + 1;
    const changes = history.map(({ code }) => (code % 8 === number ? 1 : 0) - (Math.floor(code / 8) === number ? 1 : 0));
    let count = now[stage];
    for (const change of changes) count -= change;
    const open = count;
    const over = open > limit;
    let times = over ? 1 : 0;
    // Before the first event of the period the opening count stood.
    const firstAt = history.length > 0 && history[0]!.at < end ? history[0]!.at : end;
    let msOver = over ? Math.max(0, msBetween(firstAt, p.from)) : 0;
    let peak = open;
    // Time over the limit adds up event by event.
    for (let k = 0; k < history.length; k++) {
      const at = history[k]!.at;
      const change = changes[k]!;
      count += change;
      if (count > limit && count - change <= limit && at < p.to) times++;
      if (count > limit) msOver += spans[k]!;
      if (at < p.to && count > peak) peak = count;
    }
    return { stage, limit, times, msOver, peak };
  });
}

/**
 * Each figure on its own, as the view could ask for one (each then finds the finished ideas itself): the benchmark
 * times them apart, since the budget is per figure.
 */
export const INSIGHT_FIGURES: Readonly<Record<string, (db: Db, q: InsightQuery) => unknown>> = {
  ideasPerWeek,
  activeShare,
  ideasPerMonth,
  quietPeople,
  finishedPerWeek,
  leadTime,
  timeInStage,
  wipPerWeek,
  cycles,
  outcomes,
  grades,
  touchpointsImproved,
  heatmap,
  valueCoverage,
  levelCoverage,
  wipExceeded,
};

/** Every figure of the Inzicht view. */
export function insightReport(db: Db, q: InsightQuery): InsightReport {
  const p = params(q);
  findFinished(db, q);
  reporting.add(db);
  try {
    return report(db, q, p);
  } finally {
    reporting.delete(db);
  }
}

function report(db: Db, q: InsightQuery, p: ReturnType<typeof params>): InsightReport {
  return {
    from: p.from,
    to: p.to,
    ideasPerWeek: ideasPerWeek(db, q),
    activeShare: activeShare(db, q),
    ideasPerMonth: ideasPerMonth(db, q),
    quietPeople: quietPeople(db, q),
    finishedPerWeek: finishedPerWeek(db, q),
    leadTime: leadTime(db, q),
    timeInStage: timeInStage(db, q),
    wipPerWeek: wipPerWeek(db, q),
    cycles: cycles(db, q),
    outcomes: outcomes(db, q),
    grades: grades(db, q),
    touchpointsImproved: touchpointsImproved(db, q),
    heatmap: heatmap(db, q),
    valueCoverage: valueCoverage(db, q),
    levelCoverage: levelCoverage(db, q),
    wipExceeded: wipExceeded(db, q),
  };
}

