/** The collapsed "Gearchiveerd" part under a managed list, with the promise that nothing is lost. */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';

export function ArchivedPart({ count, children }: { count: number; children: ReactNode }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <details className="settings-archived">
      <summary className="settings-archived__summary">{t('settings.archived.title', { count })}</summary>
      <p className="settings-archived__note">{t('settings.archived.note')}</p>
      <ul className="settings-list settings-list--archived">{children}</ul>
    </details>
  );
}
