/** Small helpers of the stand-up feature: names of people, dates in the user's language, minutes. */
import { format, parseISO } from 'date-fns';
import type { Locale } from 'date-fns/locale';
import type { Person } from '../../../shared/domain';
import { getHost } from '../../api/host';
import type { AppStore } from '../../store/store';
import type { Translate } from '../../i18n/i18n';

/** "maandag 2 maart 2026" / "Monday 2 March 2026" for a YYYY-MM-DD day. */
export const formatDay = (date: string, locale: Locale) => format(parseISO(date), 'EEEE d MMMM yyyy', { locale });

/** "2 mrt." / "2 Mar" for a YYYY-MM-DD day or an instant. */
export const formatShortDay = (date: string, locale: Locale) => format(parseISO(date), 'd MMM', { locale });

/** "2 mrt. 09:41". */
export const formatMoment = (iso: string, locale: Locale) => format(parseISO(iso), 'd MMM HH:mm', { locale });

/** Whole minutes, at least 1 for anything that lasted. */
export const minutesOf = (seconds: number) => (seconds === 0 ? 0 : Math.max(1, Math.round(seconds / 60)));

/** "12:05" for 725 seconds; hours are shown as more minutes ("75:00"). */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A person's name by id ("Onbekend" when the id is not known on this laptop). */
export function nameLookup(people: readonly Person[], t: Translate): (id: string | null) => string {
  const byId = new Map(people.map((p) => [p.id, p.name]));
  return (id) => (id === null ? t('person.unknown') : (byId.get(id) ?? t('person.unknown')));
}

/** The local calendar day today, YYYY-MM-DD. */
export const todayLocal = (now = new Date()) => format(now, 'yyyy-MM-dd');

/**
 * Print the summary of the stand-up of `date` (YYYY-MM-DD) that is on the page: a PDF where the user chooses in
 * Electron, the print dialog in the browser. A failure becomes a notice in the user's language.
 */
export async function printStandup(store: AppStore, t: Translate, locale: Locale, date: string): Promise<void> {
  const res = await getHost().print({
    suggestedName: `${t('standup.print.file', { date })}.pdf`,
    title: t('standup.print.title', { date: formatDay(date, locale) }),
  });
  if (!res.ok) store.getState().notify({ tone: 'error', key: 'standup.print.failed', vars: { reason: res.error.message } });
}
