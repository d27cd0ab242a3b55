/**
 * The stand-up view (issue 3): the meeting (digest, walk, countdown, presenter layout, notes, finish), past
 * stand-ups and the Dankmuur. The digest is reloaded each time the view opens (and after an idea's detail closes)
 * so it counts up to now.
 */
import { useEffect, useId } from 'react';
import { describeError } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import type { StandupTab } from '../../store/standup-slice';
import { Meeting } from './Meeting';
import { PastStandups } from './PastStandups';
import { ThanksWall } from './ThanksWall';
import './standup.css';

const TABS: readonly StandupTab[] = ['meeting', 'past', 'wall'];

export function StandupView() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const tab = useApp((s) => s.standup.tab);
  const digest = useApp((s) => s.standup.digest);
  const digestError = useApp((s) => s.standup.digestError);

  // Load on opening, and again whenever an idea's detail closes: it may have been moved or edited there.
  const detailOpen = useApp((s) => s.ui.detailId !== null);
  useEffect(() => {
    if (!detailOpen) void store.getState().loadDigest();
  }, [store, detailOpen]);

  return (
    <section className="standup" aria-labelledby={id}>
      <header className="standup__header">
        <h2 id={id} className="standup__title">
          {t('standup.title')}
        </h2>
        <nav className="standup__tabs" aria-label={t('standup.tabs')}>
          {TABS.map((x) => (
            <button
              key={x}
              type="button"
              className="tab"
              aria-current={tab === x ? 'page' : undefined}
              onClick={() => store.getState().setStandupTab(x)}
            >
              {t(`standup.tab.${x}`)}
            </button>
          ))}
        </nav>
      </header>
      {tab === 'meeting' &&
        (digest ? (
          <Meeting digest={digest} />
        ) : digestError ? (
          <div className="standup-panel" role="alert">
            <p>{t('standup.loadFailed', { reason: describeError(t, digestError) })}</p>
            <button type="button" className="button" onClick={() => void store.getState().loadDigest()}>
              {t('standup.retry')}
            </button>
          </div>
        ) : (
          <p aria-busy="true">{t('standup.loading')}</p>
        ))}
      {tab === 'past' && <PastStandups />}
      {tab === 'wall' && <ThanksWall />}
    </section>
  );
}
