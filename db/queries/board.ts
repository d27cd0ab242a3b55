/** The board: every visible card matching a filter, in column order, in one query. */
import type Database from 'better-sqlite3';
import type { BoardCard, BoardFilter } from '../../shared/domain';
import { STAGES } from '../../shared/domain';
import type { IdeaRow } from './ideas';
import { stmt } from './statements';
import { toFtsQuery } from './search';

type Db = Database.Database;

type CardRow = Pick<
  IdeaRow,
  'id' | 'title' | 'kind' | 'stage' | 'position' | 'touchpoint_id' | 'author_id' | 'owner_id' | 'cycle' | 'stage_entered_at' | 'created_at' | 'outcome'
> & { value_ids: string | null };

const STAGE_ORDER = `CASE i.stage ${STAGES.map((s, n) => `WHEN '${s}' THEN ${n}`).join(' ')} END`;

export function listBoard(db: Db, filter: BoardFilter): BoardCard[] {
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
  const match = filter.query === undefined ? null : toFtsQuery(filter.query);
  if (match !== null) {
    where.push('i.id IN (SELECT idea_id FROM ideas_fts WHERE ideas_fts MATCH ?)');
    params.push(match);
  }
  // The WHERE clause is assembled from fixed fragments only; every value is a bound parameter.
  const sql = `
    SELECT i.id, i.title, i.kind, i.stage, i.position, i.touchpoint_id, i.author_id, i.owner_id, i.cycle,
           i.stage_entered_at, i.created_at, i.outcome,
           (SELECT group_concat(iv.value_id, ',' ORDER BY v.position, v.created_at, v.id)
              FROM idea_values iv JOIN experience_values v ON v.id = iv.value_id
             WHERE iv.idea_id = i.id) AS value_ids
      FROM ideas i
     WHERE ${where.join(' AND ')}
     ORDER BY ${STAGE_ORDER}, i.position, i.created_at, i.id`;
  return (stmt(db, sql).all(...params) as CardRow[]).map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    stage: r.stage,
    position: r.position,
    touchpointId: r.touchpoint_id,
    authorId: r.author_id,
    ownerId: r.owner_id,
    valueIds: r.value_ids ? r.value_ids.split(',') : [],
    cycle: r.cycle,
    stageEnteredAt: r.stage_entered_at,
    createdAt: r.created_at,
    outcome: r.outcome,
  }));
}
