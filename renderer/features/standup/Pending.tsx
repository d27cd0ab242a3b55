/** A stand-up list that is not there yet: "loading", or a retry button once loading failed. */
import { useT } from '../../i18n/use-t';

export function Pending({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const t = useT();
  return failed ? (
    <p>
      <button type="button" className="button" onClick={onRetry}>
        {t('standup.retry')}
      </button>
    </p>
  ) : (
    <p aria-busy="true">{t('standup.loading')}</p>
  );
}
