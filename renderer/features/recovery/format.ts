/** How backups are shown: their moment in the user's locale and a readable size. */
import { format } from 'date-fns';
import type { Locale } from 'date-fns/locale';
import type { Translate } from '../../i18n/i18n';

export function backupDate(at: string, locale: Locale): string {
  return format(new Date(at), 'PPP p', { locale });
}

export function backupSize(t: Translate, bytes: number, numberLocale: string): string {
  const n = (value: number) => value.toLocaleString(numberLocale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return t('backups.bytes', { size: n(bytes) });
  if (bytes < 1024 * 1024) return t('backups.kb', { size: n(bytes / 1024) });
  return t('backups.mb', { size: n(bytes / (1024 * 1024)) });
}
