/**
 * The board: the visible cards matching a filter, column by column in board order, with the counts per column
 * and kind. Afgerond grows forever, so `loadBoard` sends only its first `doneLimit` cards ("show more" asks for
 * more); the open columns always come whole. Each column is read in index order (ideas_board_order), never
 * sorted as a whole board.
 */
import type Database from 'better-sqlite3';
import type { Board, BoardCard, BoardCounts, BoardFilter, Kind, Stage } from '../../shared/domain';
import { BOARD_DONE_MAX, BOARD_DONE_PAGE, KINDS, OPEN_STAGES, SEARCH_COUNT_CAP, SEARCH_PAGE, STAGES, type OpenStage } from '../../shared/domain';
import type { IdeaRow } from './ideas';
import { stmt } from './statements';
import { DONE_FACET, doneKindFacet, OPEN_FACET, searchMatch, withFacets, type SearchMatch } from './search';

type Db = Database.Database;

/** A card's columns as better-sqlite3 returns them raw (an array per row, in CARD_COLUMNS order): no object per row. */
type CardRow = [
  id: IdeaRow['id'],
  title: IdeaRow['title'],
  kind: IdeaRow['kind'],
  stage: IdeaRow['stage'],
  position: IdeaRow['position'],
  touchpointId: IdeaRow['touchpoint_id'],
  authorId: IdeaRow['author_id'],
  ownerId: IdeaRow['owner_id'],
  cycle: IdeaRow['cycle'],
  stageEnteredAt: IdeaRow['stage_entered_at'],
  createdAt: IdeaRow['created_at'],
  outcome: IdeaRow['outcome'],
];

/**
 * The WHERE clause of a filter without its search text, from fixed fragments only; every value is a bound
 * parameter. The search text is applied by the caller (see loadBoard), driving the query from the FTS index.
 */
function filterWhere(filter: BoardFilter): { where: string; params: string[] } {
  const where = ['i.deleted_at IS NULL'];
  const params: string[] = [];
  if (filter.kind !== undefined) {
    where.push('i.kind = ?');
    params.push(filter.kind);
  }
  if (filter.touchpointId !== undefined) {
    where.push('i.touchpoint_id = ?');
    params.push(filter.touchpointId);
  }
  if (filter.personId !== undefined) {
    where.push('(i.author_id = ? OR i.owner_id = ?)');
    params.push(filter.personId, filter.personId);
  }
  if (filter.valueId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM idea_values f WHERE f.idea_id = i.id AND f.value_id = ?)');
    params.push(filter.valueId);
  }
  return { where: where.join(' AND '), params };
}

const toCard = (
  [id, title, kind, stage, position, touchpointId, authorId, ownerId, cycle, stageEnteredAt, createdAt, outcome]: CardRow,
  valueIds: string[],
): BoardCard => ({ id, title, kind, stage, position, touchpointId, authorId, ownerId, valueIds, cycle, stageEnteredAt, createdAt, outcome });

const CARD_COLUMNS = `i.id, i.title, i.kind, i.stage, i.position, i.touchpoint_id, i.author_id, i.owner_id, i.cycle,
    i.stage_entered_at, i.created_at, i.outcome`;

/**
 * The cards of these rows with their value ids, each card's in the values' order (position, creation, id). The
 * links of all the rows are read in one pass and ordered by a rank per value: a subquery per card sorted each
 * card's few links in a temporary b-tree of its own, which was most of the board's time.
 */
function withValues(db: Db, rows: readonly CardRow[]): BoardCard[] {
  if (rows.length === 0) return [];
  const order = stmt(db, 'SELECT v.id FROM experience_values v ORDER BY v.position, v.created_at, v.id').pluck().all() as string[];
  const rank = new Map(order.map((id, i) => [id, i]));
  const links = stmt(db, 'SELECT iv.idea_id, iv.value_id FROM json_each(?) p CROSS JOIN idea_values iv ON iv.idea_id = p.value')
    .raw()
    .all(JSON.stringify(rows.map((r) => r[0]))) as [ideaId: string, valueId: string][];
  const byIdea = new Map<string, string[]>();
  for (const [ideaId, valueId] of links) {
    if (!rank.has(valueId)) continue;
    const ids = byIdea.get(ideaId);
    if (ids) ids.push(valueId);
    else byIdea.set(ideaId, [valueId]);
  }
  const byRank = (a: string, b: string): number => rank.get(a)! - rank.get(b)!;
  return rows.map((r) => toCard(r, byIdea.get(r[0])?.sort(byRank) ?? []));
}

/** The rows of one column matching the filter, in board order (read off ideas_board_order); limit -1 for all. */
function columnRows(db: Db, where: string, params: readonly string[], stage: Stage, limit: number): CardRow[] {
  const sql = `SELECT ${CARD_COLUMNS} FROM ideas i WHERE i.stage = ? AND ${where} ORDER BY i.position, i.created_at, i.id LIMIT ?`;
  return stmt(db, sql).raw().all(stage, ...params, limit) as CardRow[];
}

// CROSS JOIN keeps the FTS table as the outer loop: the planner would otherwise scan ideas and probe the FTS per row.
/** A column's place on the board, for sorting matches in SQL. */
const STAGE_RANK = `CASE i.stage ${STAGES.map((s, n) => `WHEN '${s}' THEN ${n}`).join(' ')} END`;

const FTS_JOIN = 'ideas_fts f CROSS JOIN ideas i ON i.search_rowid = f.rowid';

/** The open columns as an SQL list (a range per column of ideas_by_stage_kind, where <> 'afgerond' scans them all). */
const OPEN_STAGES_SQL = OPEN_STAGES.map((s) => `'${s}'`).join(', ');

/** The cards of these rows (ideas' rowids), in this order. */
function cardsOf(db: Db, rowids: readonly number[]): BoardCard[] {
  const rows = stmt(db, `SELECT ${CARD_COLUMNS} FROM json_each(?) p CROSS JOIN ideas i ON i.rowid = p.value ORDER BY p.key`)
    .raw()
    .all(JSON.stringify(rowids)) as CardRow[];
  return withValues(db, rows);
}

/**
 * With search text and filters beyond kind, driven by the FTS index (scanning each column and testing it against
 * the match set instead touches every idea in Afgerond, however few match). The matches are joined to
 * ideas_search_cover (0070), never to the ideas' rows. Two passes over the matches: one counts Afgerond's per kind
 * and lists the open columns' in board order (rowid, stage and kind only: no REAL position goes through JSON), the
 * other keeps Afgerond's first page in SQLite's sorter. Afgerond's matches, which may be nearly every idea, never
 * come to TypeScript: reading every match into TypeScript and sorting there cost three to four times as much.
 */
function searchBoard(db: Db, filter: BoardFilter, { match }: SearchMatch, limits: Limits): Found {
  const { where, params } = filterWhere(filter);
  const scan = stmt(
    db,
    `SELECT ${KINDS.map(() => "count(*) FILTER (WHERE i.stage = 'afgerond' AND i.kind = ?)").join(', ')},
            json_group_array(json_array(i.rowid, i.stage, i.kind) ORDER BY ${STAGE_RANK}, i.position, i.created_at, i.id)
              FILTER (WHERE i.stage <> 'afgerond')
       FROM ${FTS_JOIN} WHERE ideas_fts MATCH ? AND ${where}`,
  )
    .raw()
    .get(...KINDS, match, ...params) as [...number[], string];
  const counts = emptyCounts();
  KINDS.forEach((k, n) => (counts.afgerond[k] = scan[n] as number));
  const sent = openMatches(counts, scan[KINDS.length] as string, limits.open);
  for (const rowid of donePageSorted(db, match, where, params, limits.done)) sent.push(rowid);
  return { cards: cardsOf(db, sent), counts, doneCapped: notCapped() };
}

/** How many cards to send: Afgerond's first `done`, and each open column's first `open[stage]` (-1: whole). */
interface Limits {
  done: number;
  open: Record<OpenStage, number>;
}

interface Found {
  cards: BoardCard[];
  counts: BoardCounts;
  doneCapped: Record<Kind, boolean>;
}

const notCapped = (): Record<Kind, boolean> => ({ verbeter: false, verleuk: false });

/**
 * The open matches listed as JSON [rowid, stage, kind] in board order: all counted, and the rowids of each
 * column's first `limits[stage]` (-1: all) returned.
 */
function openMatches(counts: BoardCounts, list: string, limits: Record<OpenStage, number>): number[] {
  const sent: number[] = [];
  for (const [rowid, stage, kind] of JSON.parse(list) as [number, OpenStage, Kind][]) {
    const column = counts[stage];
    const limit = limits[stage];
    if (limit < 0 || column.verbeter + column.verleuk < limit) sent.push(rowid);
    column[kind]++;
  }
  return sent;
}

/** Afgerond's first matches in board order, by sorting every Afgerond match (cheap while they are few). */
function donePageSorted(db: Db, match: string, where: string, params: readonly string[], limit: number): number[] {
  const sql = `SELECT i.rowid FROM ${FTS_JOIN} WHERE ideas_fts MATCH ? AND ${where} AND i.stage = 'afgerond'
    ORDER BY i.position, i.created_at, i.id LIMIT ?`;
  return stmt(db, sql).pluck().all(match, ...params, limit) as number[];
}

/** Above this many Afgerond matches, walking Afgerond in board order is tried before sorting the matches. */
const WALK_FROM = 2_000;
/** How many Afgerond cards the walk reads per card it needs before it gives up (so at least 1 in 20 must match). */
const WALK_READS_PER_CARD = 20;

/**
 * Afgerond's first matches in board order, by walking Afgerond in board order (ideas_board_order) and testing each
 * idea against the match, reading at most `limit` × WALK_READS_PER_CARD ideas. The test is an FTS5 lookup by rowid
 * per idea where that is cheap (see lookupWalkPays); else the match's rowids are read once into SQLite's IN list
 * (one lookup by rowid of a long prefix costs milliseconds). Null when the walk found too few: the matches are
 * sparse in Afgerond, and sorting them is cheaper.
 */
function donePageWalked(db: Db, search: SearchMatch, kind: Kind | undefined, limit: number, total: number, openMatched: number): number[] | null {
  const sql = lookupWalkPays(db, search.lookupMicros, kind, openMatched, limit) ? WALK_BY_LOOKUP : WALK_BY_LIST;
  const page = stmt(db, sql)
    .pluck()
    .all(kind ?? null, limit * WALK_READS_PER_CARD, search.match, limit) as number[];
  return page.length === Math.min(limit, total) ? page : null;
}

/** Afgerond in board order (of one kind, or every kind when the kind is null), at most so many ideas. */
const WALK_AFGEROND = `SELECT i.rowid, i.search_rowid, i.position, i.created_at, i.id FROM ideas i
   WHERE i.stage = 'afgerond' AND i.deleted_at IS NULL AND i.kind = coalesce(?, i.kind)
   ORDER BY i.position, i.created_at, i.id LIMIT ?`;
const WALK_BY_LOOKUP = `SELECT w.rowid FROM (${WALK_AFGEROND}) w
  WHERE EXISTS (SELECT 1 FROM ideas_fts f WHERE ideas_fts MATCH ? AND f.rowid = w.search_rowid)
  ORDER BY w.position, w.created_at, w.id LIMIT ?`;
const WALK_BY_LIST = `SELECT w.rowid FROM (${WALK_AFGEROND}) w
  WHERE w.search_rowid IN (SELECT f.rowid FROM ideas_fts f WHERE ideas_fts MATCH ?)
  ORDER BY w.position, w.created_at, w.id LIMIT ?`;

/**
 * Search with no filter but kind (what search as you type asks): migration 0090's facet tokens let FTS5 count
 * Afgerond's matches per kind from its doclists alone, and list only the open matches (few) through
 * ideas_search_cover. Afgerond's first page is walked in board order while matches are plentiful, else sorted.
 * Counting a doclist still costs about 0.15 µs per match (8-11 ms for a one-letter prefix at 100k ideas), so
 * Afgerond's matches are counted only up to SEARCH_COUNT_CAP per kind (or the page asked for, if larger).
 */
function searchByFacets(db: Db, filter: BoardFilter, search: SearchMatch, limits: Limits): Found {
  const { match } = search;
  const { where, params } = filterWhere(filter);
  const kinds: readonly Kind[] = filter.kind === undefined ? KINDS : [filter.kind];
  const counts = emptyCounts();
  const cap = Math.max(SEARCH_COUNT_CAP, limits.done);
  const count = stmt(db, 'SELECT count(*) FROM (SELECT 1 FROM ideas_fts WHERE ideas_fts MATCH ? LIMIT ?)').pluck();
  const doneCapped = notCapped();
  for (const k of kinds) {
    const n = count.get(withFacets(match, doneKindFacet(k)), cap + 1) as number;
    doneCapped[k] = n > cap;
    counts.afgerond[k] = Math.min(n, cap);
  }
  const capped = doneCapped.verbeter || doneCapped.verleuk;
  const { sent, matched } = openPages(db, withFacets(match, OPEN_FACET), where, params, counts, limits.open);
  const total = kinds.reduce((n, k) => n + counts.afgerond[k], 0);
  // The walk reads only Afgerond's visible ideas of the kind, so it tests the words alone (no facet to merge).
  const doneMatch = withFacets(match, DONE_FACET);
  const walk = capped || (total > WALK_FROM && limits.done < total);
  const page =
    total === 0 || limits.done <= 0
      ? []
      : ((walk ? donePageWalked(db, search, filter.kind, limits.done, capped ? Infinity : total, matched) : null) ??
        donePageSorted(db, doneMatch, where, params, limits.done));
  for (const rowid of page) sent.push(rowid);
  return { cards: cardsOf(db, sent), counts, doneCapped };
}

/**
 * The open matches, in board order: counted per column and kind, and each column's first `limit` (-1: all)
 * returned, with how many matched in all. Sorting the matches beat every walk of the open columns tried (a
 * materialised match list probed per column, a set in TypeScript): the open columns hold few ideas.
 */
function openPages(db: Db, match: string, where: string, params: readonly string[], counts: BoardCounts, limits: Record<OpenStage, number>) {
  const rows = stmt(
    db,
    `SELECT i.rowid, i.stage, i.kind FROM ${FTS_JOIN} WHERE ideas_fts MATCH ? AND ${where} AND i.stage <> 'afgerond'
      ORDER BY ${STAGE_RANK}, i.position, i.created_at, i.id`,
  )
    .raw()
    .all(match, ...params) as [rowid: number, stage: OpenStage, kind: Kind][];
  const sent: number[] = [];
  for (const [rowid, stage, kind] of rows) {
    const column = counts[stage];
    const limit = limits[stage];
    if (limit < 0 || column.verbeter + column.verleuk < limit) sent.push(rowid);
    column[kind]++;
  }
  return { sent, matched: rows.length };
}

/** What building the list of every match costs per match, in µs (see lookupWalkPays). */
const LIST_MICROS_PER_MATCH = 0.15;

/**
 * Whether walking Afgerond should test each idea by an FTS5 lookup (`lookupMicros` each: about 15 µs per doclist
 * sought) rather than against the list of every match (about 0.15 µs per match to build). The share of the open
 * ideas that match estimates the share in Afgerond: a lookup walk reads about limit / share ideas, the list holds
 * about share × all.
 */
function lookupWalkPays(db: Db, lookupMicros: number, kind: Kind | undefined, openMatched: number, limit: number): boolean {
  if (!Number.isFinite(lookupMicros)) return false;
  const [open, all] = stmt(
    db,
    `SELECT (SELECT count(*) FROM ideas i WHERE i.stage IN (${OPEN_STAGES_SQL}) AND i.kind = coalesce(?, i.kind) AND i.deleted_at IS NULL),
            (SELECT max(search_rowid) FROM ideas)`,
  )
    .raw()
    .get(kind ?? null) as [number, number | null];
  if (open === 0) return false;
  const share = openMatched / open;
  return (lookupMicros / share) * limit < LIST_MICROS_PER_MATCH * share * (all ?? 0);
}

/** Every card matching the filter, in column order (no paging: exports and whole-board lookups). */
export function listBoard(db: Db, filter: BoardFilter): BoardCard[] {
  return loadBoard(db, filter, BOARD_DONE_MAX, BOARD_DONE_MAX).cards;
}

export const emptyCounts = (): BoardCounts =>
  Object.fromEntries(STAGES.map((s) => [s, Object.fromEntries(KINDS.map((k) => [k, 0]))])) as BoardCounts;

/** Without search text: each column read in board order off its index, Afgerond and paged columns counted apart. */
function filterBoard(db: Db, filter: BoardFilter, limits: Limits): Found {
  const { where, params } = filterWhere(filter);
  const rows: CardRow[] = [];
  const counts = emptyCounts();
  const paged = OPEN_STAGES.some((stage) => limits.open[stage] >= 0);
  for (const stage of STAGES) {
    const column = columnRows(db, where, params, stage, stage === 'afgerond' ? limits.done : limits.open[stage]);
    for (const row of column) rows.push(row);
    if (stage !== 'afgerond' && !paged) for (const row of column) counts[stage][row[2]]++;
  }
  // Afgerond (and paged open columns) are counted from the index, not from the page that was sent.
  const counted = paged ? '1' : "i.stage = 'afgerond'";
  const grouped = stmt(db, `SELECT i.stage, i.kind, count(*) FROM ideas i WHERE ${counted} AND ${where} GROUP BY i.stage, i.kind`)
    .raw()
    .all(...params) as [Stage, Kind, number][];
  for (const [stage, kind, n] of grouped) counts[stage][kind] = n;
  return { cards: withValues(db, rows), counts, doneCapped: notCapped() };
}

/**
 * The board as the UI shows it: Afgerond's first `doneLimit` cards (BOARD_DONE_PAGE unless asked), each open column
 * whole (or its first `openLimit`), and every count; while searching, every column's first SEARCH_PAGE unless asked.
 */
export function loadBoard(
  db: Db,
  filter: BoardFilter,
  doneLimit?: number,
  openLimits?: number | Partial<Record<OpenStage, number>>,
): Board {
  const search = filter.query === undefined ? null : searchMatch(db, filter.query);
  const asked = typeof openLimits === 'number' ? Object.fromEntries(OPEN_STAGES.map((s) => [s, openLimits])) : (openLimits ?? {});
  const open = Object.fromEntries(OPEN_STAGES.map((s) => [s, asked[s] ?? (search === null ? -1 : SEARCH_PAGE)])) as Record<OpenStage, number>;
  const limits: Limits = { done: doneLimit ?? (search === null ? BOARD_DONE_PAGE : SEARCH_PAGE), open };
  let found: Found;
  if (search !== null) {
    const facetsOnly = filter.touchpointId === undefined && filter.personId === undefined && filter.valueId === undefined;
    found = (facetsOnly ? searchByFacets : searchBoard)(db, filter, search, limits);
  } else {
    found = filterBoard(db, filter, limits);
  }
  const { cards, counts, doneCapped } = found;
  const sent = emptyCounts();
  for (const c of cards) sent[c.stage][c.kind]++;
  let doneHidden = 0;
  let openHidden = 0;
  for (const stage of STAGES) {
    for (const kind of KINDS) {
      const left = counts[stage][kind] - sent[stage][kind];
      if (stage === 'afgerond') doneHidden += left;
      else openHidden += left;
    }
  }
  return { cards, counts, doneHidden, openHidden, doneCapped };
}
