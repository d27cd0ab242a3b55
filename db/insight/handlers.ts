/** Core handlers for the calls in shared/contract-insight.ts; each runs inside the transaction runCall opens. */
import type { insightCalls } from '../../shared/contract-insight';
import type { Db, HandlersFor } from '../core-types';
import { invalid } from '../errors';
import { readSettings } from '../queries/settings';
import { exportIdeas } from './export';
import { insightReport, type InsightQuery } from './figures';

/** The instants as the core writes them (UTC, milliseconds), strictly ascending. */
function normalised(field: string, list: readonly string[]): string[] {
  const out = list.map((s) => new Date(s).toISOString());
  for (let i = 1; i < out.length; i++) {
    if (out[i]! <= out[i - 1]!) throw invalid(field, 'invalid_value', `${field} must be strictly ascending`);
  }
  return out;
}

/** The query of an insight:get call (validated input) as the figures take it. */
export function insightQueryOf(
  db: Db,
  { weeks, months, filter }: { weeks: readonly string[]; months: readonly string[]; filter: InsightQuery['filter'] },
  at: string,
): InsightQuery {
  return {
    weeks: normalised('weeks', weeks),
    months: normalised('months', months),
    filter,
    wipLimits: readSettings(db).wipLimits,
    now: at,
  };
}

export const insightHandlers: HandlersFor<typeof insightCalls> = {
  'insight:get': ({ db, at }, input) => insightReport(db, insightQueryOf(db, input, at)),
  'insight:ideas': ({ db }, { filter }) => exportIdeas(db, filter),
};
