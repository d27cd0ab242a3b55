/** Numbers, durations and week labels for the Inzicht view, in the user's language. */
import { format } from 'date-fns';
import { useMemo } from 'react';
import type { Translate } from '../../i18n/i18n';
import { useLocale } from '../../i18n/use-t';
import { isoWeekOf } from './period';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Formats {
  number: (n: number) => string;
  /** One decimal at most. */
  decimal: (n: number) => string;
  percent: (fraction: number) => string;
  /** "3 dagen" from a day on, "5 uur" below it; "–" for null. */
  duration: (ms: number | null) => string;
  /** Days with one decimal, for chart axes. */
  days: (ms: number | null) => number;
  /** "wk 53" */
  weekShort: (iso: string) => string;
  /** "week 53 (28 dec. 2026)" */
  weekLong: (iso: string) => string;
  /** "december 2026" */
  month: (iso: string) => string;
  date: (iso: string) => string;
}

export function useFormats(t: Translate): Formats {
  const { numberLocale, dateLocale } = useLocale();
  return useMemo(() => {
    const whole = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
    const one = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 0 });
    const date = (iso: string) => format(new Date(iso), 'd MMM yyyy', { locale: dateLocale });
    return {
      number: (n) => whole.format(n),
      decimal: (n) => one.format(n),
      percent: (f) => pct.format(f),
      duration: (ms) => {
        if (ms === null) return t('insight.duration.none');
        if (ms >= DAY) {
          const count = Math.round((ms / DAY) * 10) / 10;
          return t('insight.duration.days', { count, value: one.format(count) });
        }
        const count = Math.max(0, Math.round(ms / HOUR));
        return t('insight.duration.hours', { count, value: whole.format(count) });
      },
      days: (ms) => (ms === null ? 0 : Math.round((ms / DAY) * 10) / 10),
      weekShort: (iso) => t('insight.weekShort', { week: isoWeekOf(new Date(iso)).week }),
      weekLong: (iso) => t('insight.weekLabel', { week: isoWeekOf(new Date(iso)).week, date: date(iso) }),
      month: (iso) => format(new Date(iso), 'LLLL yyyy', { locale: dateLocale }),
      date,
    };
  }, [numberLocale, dateLocale, t]);
}
