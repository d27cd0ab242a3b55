/**
 * Contract calls of one feature (Issue 4: Inzicht metrics and CSV export.) Spread into the one table in shared/contract.ts.
 *
 * Time zones: the core knows no time zones. The renderer computes the local period boundaries (Monday 00:00 of each
 * ISO week, and the first of each month, in the user's own time zone with date-fns) and sends them as instants;
 * the core buckets its UTC timestamps between them. Daylight-saving weeks of 167 or 169 hours come out right that way.
 */
import { z } from 'zod';
import type { Idea, Kind, PyramidLevel, Stage } from './domain';
import { QUERY_MAX } from './domain';
import { call, id, instant, kind, returns } from './contract-kit';

/** Ascending instants; n+1 boundaries make n buckets [b0, b1), [b1, b2), … */
const boundaries = (max: number) => z.array(instant).min(2).max(max + 1);

export const INSIGHT_MAX_WEEKS = 104;

const insightFilter = z.strictObject({
  kind: kind.optional(),
  touchpointId: id.optional(),
  personId: id.optional(),
});

/** The board's filter (shared/contract.ts): the Inzicht filter plus belevingswaarde and search text. */
const exportFilter = insightFilter.extend({ valueId: id.optional(), query: z.string().max(QUERY_MAX).optional() });

export type InsightFilter = z.infer<typeof insightFilter>;

/** Counts of ideas by kind. */
export type KindCounts = Record<Kind, number>;

/** Median and 85th percentile (nearest rank) of a set of durations in milliseconds; null when the set is empty. */
export interface DurationStats {
  count: number;
  medianMs: number | null;
  p85Ms: number | null;
}

export interface InsightReport {
  /** The period as asked: [from, to). */
  from: string;
  to: string;
  // Participation
  /** Ideas logged per week bucket, by kind. */
  ideasPerWeek: (KindCounts & { start: string })[];
  /** People (not archived) with at least one idea in the last 4 weeks of the period, and the team size. */
  activeShare: { active: number; team: number; since: string };
  /** Ideas logged per month bucket and how many different people logged them; divide by team for per person. */
  ideasPerMonth: { start: string; ideas: number; authors: number }[];
  /** People (not archived) without an idea in the period: an invitation, sorted by name. */
  quietPeople: { id: string; name: string }[];
  // Flow
  /** Ideas moved into Afgerond per week bucket. */
  finishedPerWeek: { start: string; count: number }[];
  /** Nieuw → Afgerond for the ideas finished in the period (and still finished). */
  leadTime: DurationStats;
  /** Completed stays per column, by the moment the stay ended (in the period). */
  timeInStage: (DurationStats & { stage: Stage })[];
  /** Cards per column at the end of each week bucket (history from the events, deletions included). */
  wipPerWeek: ({ start: string } & Record<Stage, number>)[];
  /** How many PDCA cycles the ideas finished in the period took. */
  cycles: { cycles: number; ideas: number }[];
  // Outcome
  outcomes: { adopted: number; stopped: number };
  /** Ideas finished in the period with both grades. */
  grades: { ideas: number; averageChange: number | null; liftedToNine: number };
  /** Touchpoints whose finished ideas raised the average grade, best first. */
  touchpointsImproved: {
    touchpointId: string;
    name: string;
    archived: boolean;
    ideas: number;
    averageBefore: number;
    averageAfter: number;
  }[];
  // Where
  /** Ideas logged in the period per touchpoint and kind (every active touchpoint, archived ones with ideas). */
  heatmap: ({ touchpointId: string; name: string; journeyName: string; archived: boolean } & KindCounts)[];
  /** Ideas logged in the period per belevingswaarde (active ones, archived ones with ideas). */
  valueCoverage: { valueId: string; name: string; level: PyramidLevel; archived: boolean; ideas: number }[];
  /** Ideas logged in the period per pyramid level (null: no level chosen). */
  levelCoverage: { level: PyramidLevel | null; ideas: number }[];
  /** Per column with a WIP limit: how often it went over the limit in the period and for how long (whole board). */
  wipExceeded: { stage: Stage; limit: number; times: number; msOver: number; peak: number }[];
}

export const insightCalls = {
  'insight:get': call(
    'Every Inzicht figure for a period (local week and month boundaries as instants) and a filter, computed in SQL.',
    z.strictObject({
      weeks: boundaries(INSIGHT_MAX_WEEKS),
      months: boundaries(30),
      filter: insightFilter,
    }),
    returns<InsightReport>(),
  ),
  'insight:ideas': call(
    'Every field of the ideas matching a board filter (deleted ones excluded), in board order, for the CSV export.',
    z.strictObject({ filter: exportFilter }),
    returns<Idea[]>(),
  ),
} as const;
