/**
 * The Inzicht period in the user's own time zone: Monday weeks (ISO 8601) and calendar months, computed with date-fns
 * in local time and sent to the core as instants (see shared/contract-insight.ts). The last week is the current one.
 */
import { addMonths, addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek, startOfMonth } from 'date-fns';

export const PERIOD_CHOICES = [4, 12, 26, 52] as const;
export const DEFAULT_WEEKS = 12;

export interface Period {
  /** n + 1 local Monday midnights: week i is [weeks[i], weeks[i + 1]). */
  weeks: Date[];
  /** The same span cut at each local first of the month (first and last boundary equal the weeks'). */
  months: Date[];
}

/** The last `count` Monday weeks up to and including the week of `now`. */
export function periodOf(count: number, now: Date): Period {
  const first = addWeeks(startOfISOWeek(now), -(count - 1));
  const weeks = Array.from({ length: count + 1 }, (_, i) => addWeeks(first, i));
  const end = weeks[count]!;
  const months = [first];
  for (let m = addMonths(startOfMonth(first), 1); m < end; m = addMonths(m, 1)) months.push(m);
  months.push(end);
  return { weeks, months };
}

/** ISO week and its year, e.g. { week: 53, year: 2026 } for Monday 28 December 2026. */
export function isoWeekOf(date: Date): { week: number; year: number } {
  return { week: getISOWeek(date), year: getISOWeekYear(date) };
}
