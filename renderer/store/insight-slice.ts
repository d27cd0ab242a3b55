/** Inzicht: the period and filter, the figures the core computed for them, and the ideas for the CSV export. */
import type { InsightFilter, InsightReport } from '../../shared/contract-insight';
import type { Idea } from '../../shared/domain';
import type { CallError } from '../../shared/result';
import { DEFAULT_WEEKS, periodOf } from '../features/insight/period';
import type { SliceCreator } from './types';

export interface InsightSlice {
  insight: {
    weeks: number;
    filter: InsightFilter;
    report: InsightReport | null;
    loading: boolean;
    error: CallError | null;
  };
  /** Fetch the figures for the current period (ending this week) and filter. */
  loadInsight: (now?: Date) => Promise<void>;
  setInsightWeeks: (weeks: number) => void;
  setInsightFilter: (patch: Partial<InsightFilter>) => void;
  /** Every field of the ideas the board's filter shows; undefined after a failure (a notice is shown). */
  fetchIdeasInView: () => Promise<Idea[] | undefined>;
}

let loadSeq = 0;

export const createInsightSlice: SliceCreator<InsightSlice> = (api) => (set, get) => {
  const patch = (p: Partial<InsightSlice['insight']>) => set((s) => ({ insight: { ...s.insight, ...p } }));
  return {
    insight: { weeks: DEFAULT_WEEKS, filter: {}, report: null, loading: false, error: null },

    loadInsight: async (now = new Date()) => {
      const seq = ++loadSeq;
      const { weeks, filter } = get().insight;
      const period = periodOf(weeks, now);
      patch({ loading: true });
      const res = await api['insight:get']({
        weeks: period.weeks.map((d) => d.toISOString()),
        months: period.months.map((d) => d.toISOString()),
        filter,
      });
      // A newer load (another period or filter) supersedes this one.
      if (seq !== loadSeq) return;
      if (res.ok) patch({ report: res.value, loading: false, error: null });
      else patch({ loading: false, error: res.error });
    },

    setInsightWeeks: (weeks) => {
      patch({ weeks });
      void get().loadInsight();
    },

    setInsightFilter: (p) => {
      const filter: InsightFilter = { ...get().insight.filter, ...p };
      for (const key of Object.keys(filter) as (keyof InsightFilter)[]) {
        if (filter[key] === undefined || filter[key] === '') delete filter[key];
      }
      patch({ filter });
      void get().loadInsight();
    },

    fetchIdeasInView: async () => {
      const res = await api['insight:ideas']({ filter: get().filter });
      if (res.ok) return res.value;
      get().notify({ tone: 'error', error: res.error });
      return undefined;
    },
  };
};
