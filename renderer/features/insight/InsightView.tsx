/** The Inzicht view: loaded on first visit, so the chart library never weighs on the board's first load. */
import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/use-t';

const InsightReport = lazy(() => import('./InsightReport'));

export function InsightView() {
  const t = useT();
  return (
    <Suspense
      fallback={
        <p className="boot" role="status">
          {t('insight.loading')}
        </p>
      }
    >
      <InsightReport />
    </Suspense>
  );
}
