/**
 * The running stand-up: countdown, presenter layout, print, "Stand-up afronden"; the digest or the walk; the
 * lead's side panel. The presenter layout fills the screen (Fullscreen API where the browser allows it).
 */
import { useEffect, useRef, useState } from 'react';
import { CheckCircle2, Footprints, ListChecks, Maximize2, Minimize2, Printer, RotateCcw } from 'lucide-react';
import type { StandupDigest } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { Countdown } from './Countdown';
import { Digest } from './Digest';
import { formatDay, minutesOf, printStandup, todayLocal } from './format';
import { MeetingSide } from './MeetingSide';
import { MeetingPrint } from './PrintSummary';
import { Walk, WALK_ORDER } from './Walk';

export function Meeting({ digest }: { digest: StandupDigest }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const store = useAppStoreApi();
  const session = useApp((s) => s.standup.session);
  const presenter = useApp((s) => s.standup.presenter);
  const lastFinished = useApp((s) => s.standup.lastFinished);
  const rootRef = useRef<HTMLDivElement>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);
  const walking = session.walkIndex !== null;

  // Leaving full screen with the browser's own Esc ends the presenter layout too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && store.getState().standup.presenter) store.getState().setPresenter(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [store]);

  useEffect(() => {
    if (!presenter) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('[role="dialog"]')) store.getState().setPresenter(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [presenter, store]);

  // Leaving the stand-up view closes full screen.
  useEffect(
    () => () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      store.getState().setPresenter(false);
    },
    [store],
  );

  const togglePresenter = async () => {
    const s = store.getState();
    if (presenter) {
      s.setPresenter(false);
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => {});
      return;
    }
    s.setPresenter(true);
    // Not every window may go full screen (an iframe, a test browser): the large layout works without it.
    await rootRef.current?.requestFullscreen?.().catch(() => {});
  };

  const print = () => printStandup(store, t, dateLocale, todayLocal());

  const finish = async () => {
    const saved = await store.getState().finishStandup();
    if (!saved) return;
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => {});
    store.getState().setPresenter(false);
  };


  return (
    <div ref={rootRef} className={`standup-meeting${presenter ? ' standup-meeting--presenter' : ''}`}>
      <div className="standup-toolbar">
        <Countdown startedAt={session.startedAt} />
        <div className="standup-toolbar__modes" role="group" aria-label={t('standup.title')}>
          <button
            type="button"
            className="tab"
            aria-pressed={!walking}
            onClick={() => store.getState().updateSession({ walkIndex: null })}
          >
            <ListChecks size={16} aria-hidden="true" /> {t('standup.view.digest')}
          </button>
          <button
            type="button"
            className="tab"
            aria-pressed={walking}
            onClick={() => store.getState().updateSession({ walkIndex: session.walkIndex ?? 0 })}
          >
            <Footprints size={16} aria-hidden="true" /> {t('standup.view.walk')}
          </button>
        </div>
        <div className="standup-toolbar__actions">
          <button type="button" className="button" onClick={() => void togglePresenter()} title={t('standup.presenter.hint')}>
            {presenter ? <Minimize2 size={16} aria-hidden="true" /> : <Maximize2 size={16} aria-hidden="true" />}
            {presenter ? t('standup.presenter.off') : t('standup.presenter.on')}
          </button>
          {!presenter && (
            <>
              <button type="button" className="button" onClick={() => void print()} title={t('standup.print.hint')}>
                <Printer size={16} aria-hidden="true" /> {t('standup.print')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmRestart(true)}>
                <RotateCcw size={16} aria-hidden="true" /> {t('standup.restart')}
              </button>
            </>
          )}
          <button type="button" className="button button--primary" onClick={() => void finish()}>
            <CheckCircle2 size={16} aria-hidden="true" /> {t('standup.finish')}
          </button>
        </div>
      </div>
      <p className="standup-saved" role="status">
        {lastFinished &&
          t('standup.finish.done', {
            date: formatDay(lastFinished.date, dateLocale),
            count: lastFinished.attendeeIds.length,
            minutes: minutesOf(lastFinished.durationSeconds),
          })}
      </p>
      <div className="standup-meeting__body">
        <div className="standup-meeting__main">
          {walking ? (
            <Walk cards={digest.walk} totals={digest.walkTotals} index={Math.min(session.walkIndex!, WALK_ORDER.length - 1)} />
          ) : (
            <>
              <Digest digest={digest} />
              <p className="standup-walk__intro">
                {t('standup.walk.intro')}{' '}
                <button type="button" className="button button--primary" onClick={() => store.getState().updateSession({ walkIndex: 0 })}>
                  <Footprints size={16} aria-hidden="true" /> {t('standup.walk.start')}
                </button>
              </p>
            </>
          )}
        </div>
        {!presenter && <MeetingSide />}
      </div>
      <MeetingPrint digest={digest} />
      {confirmRestart && (
        <Dialog title={t('standup.restart.title')} onClose={() => setConfirmRestart(false)}>
          <p>{t('standup.restart.confirm')}</p>
          <div className="standup-thanks-form__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                store.getState().restartStandup();
                setConfirmRestart(false);
              }}
            >
              {t('standup.restart')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmRestart(false)}>
              {t('standup.thanks.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
