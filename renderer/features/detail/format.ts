/** Dates and times in the detail view, in the user's language (date-fns locales). */
import { differenceInSeconds, format, formatDistanceToNowStrict, parseISO } from 'date-fns';
import type { Locale } from 'date-fns/locale';
import type { Translate } from '../../i18n/i18n';

/** "23 nov. 2026 14:05" / "23 Nov 2026 14:05". */
export const formatDateTime = (iso: string, locale: Locale) => format(parseISO(iso), 'd MMM yyyy HH:mm', { locale });

/** "23 november 2026". */
export const formatDate = (iso: string, locale: Locale) => format(parseISO(iso), 'd MMMM yyyy', { locale });

/** "2 uur geleden", or "zojuist" within a minute. */
export function formatAgo(iso: string, locale: Locale, t: Translate, now = new Date()): string {
  const date = parseISO(iso);
  if (Math.abs(differenceInSeconds(now, date)) < 60) return t('detail.time.justNow');
  return formatDistanceToNowStrict(date, { addSuffix: true, locale });
}
