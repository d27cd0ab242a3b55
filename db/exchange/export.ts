/** Export: the team setup file and the ideas file, as rows per table (see shared/exchange-format.ts). */
import {
  EXCHANGE_COLUMNS,
  type ExchangeContent,
  type ExchangeExport,
  type ExchangeRow,
  type ExchangeTable,
  type RecordKind,
} from '../../shared/exchange-format';
import type { Db } from '../core-types';
import { writeFile } from './file';

/** Settings that matter to the whole team; language, theme and the current person stay per laptop. */
export const TEAM_SETTING_KEYS = ['standupDoDays', 'standupStuckDays', 'standupMinutes', 'wipLimits'] as const;

const TABLE_KIND: Record<ExchangeTable, RecordKind | null> = {
  journeys: 'journeys',
  touchpoints: 'touchpoints',
  experience_values: 'values',
  people: 'people',
  settings: 'settings',
  ideas: 'ideas',
  idea_values: null,
  comments: 'comments',
  events: 'events',
  thanks: 'thanks',
};

/** The file's columns of a table's rows. Table and column names come from EXCHANGE_COLUMNS, never from input. */
function rows(db: Db, table: ExchangeTable, where = '', params: unknown[] = [], order = 'rowid'): ExchangeRow[] {
  const columns = EXCHANGE_COLUMNS[table].map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${columns} FROM "${table}" ${where} ORDER BY ${order}`).all(...params) as ExchangeRow[];
}

function referenceTables(db: Db): ExchangeContent['tables'] {
  return {
    journeys: rows(db, 'journeys', '', [], 'position, created_at, id'),
    touchpoints: rows(db, 'touchpoints', '', [], 'journey_id, position, created_at, id'),
    experience_values: rows(db, 'experience_values', '', [], 'position, created_at, id'),
    people: rows(db, 'people', '', [], 'created_at, id'),
  };
}

function finish(kind: ExchangeContent['kind'], tables: ExchangeContent['tables'], at: string): ExchangeExport {
  const totals = { journeys: 0, touchpoints: 0, values: 0, people: 0, settings: 0, ideas: 0, comments: 0, events: 0, thanks: 0 };
  for (const [table, list] of Object.entries(tables) as [ExchangeTable, ExchangeRow[]][]) {
    const kindOf = TABLE_KIND[table];
    if (kindOf) totals[kindOf] += list.length;
  }
  return { text: writeFile({ kind, exportedAt: at, tables }), exportedAt: at, totals };
}

export function exportSetup(db: Db, at: string): ExchangeExport {
  const keys = JSON.stringify(TEAM_SETTING_KEYS);
  const settings = rows(db, 'settings', 'WHERE key IN (SELECT value FROM json_each(?))', [keys], 'key');
  return finish('setup', { ...referenceTables(db), settings }, at);
}

/** Ideas (deleted ones too, so a deletion travels) of one person or all, optionally only those changed since `since`. */
export function exportIdeas(db: Db, at: string, options: { personId?: string; since?: string }): ExchangeExport {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (options.personId) {
    conditions.push('(author_id = ? OR owner_id = ?)');
    params.push(options.personId, options.personId);
  }
  if (options.since) {
    conditions.push(`(updated_at >= ?
      OR EXISTS (SELECT 1 FROM events e WHERE e.idea_id = ideas.id AND e.created_at >= ?)
      OR EXISTS (SELECT 1 FROM thanks t WHERE t.idea_id = ideas.id AND t.created_at >= ?))`);
    params.push(options.since, options.since, options.since);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const ideas = rows(db, 'ideas', where, params, 'created_at, id');
  const ids = JSON.stringify(ideas.map((i) => i.id));
  const ofIdeas = 'WHERE idea_id IN (SELECT value FROM json_each(?))';

  // Thanks for an exported idea, plus thanks without an idea that fit the same person and time filter.
  const loose: string[] = ['idea_id IS NULL'];
  const looseParams: unknown[] = [];
  if (options.personId) {
    loose.push('(from_id = ? OR to_id = ?)');
    looseParams.push(options.personId, options.personId);
  }
  if (options.since) {
    loose.push('created_at >= ?');
    looseParams.push(options.since);
  }
  const thanks = rows(
    db,
    'thanks',
    `WHERE idea_id IN (SELECT value FROM json_each(?)) OR (${loose.join(' AND ')})`,
    [ids, ...looseParams],
    'created_at, id',
  );
  return finish(
    'ideas',
    {
      ...referenceTables(db),
      ideas,
      idea_values: rows(db, 'idea_values', ofIdeas, [ids], 'idea_id, value_id'),
      comments: rows(db, 'comments', ofIdeas, [ids], 'created_at, rowid'),
      events: rows(db, 'events', ofIdeas, [ids], 'seq'),
      thanks,
    },
    at,
  );
}
