/** The window: header with navigation, the current view, the dialogs, global keyboard shortcuts. */
import { useEffect } from 'react';
import { Plus, TrendingUp } from 'lucide-react';
import { BoardView } from '../features/board/BoardView';
import { CaptureDialog } from '../features/capture/CaptureDialog';
import { IdeaDetail } from '../features/detail/IdeaDetail';
import { PersonSwitcher } from '../features/people/PersonSwitcher';
import { WhoAreYou } from '../features/people/WhoAreYou';
import { SettingsView } from '../features/settings/SettingsView';
import { StandupView } from '../features/standup/StandupView';
import { PersonPageDialog } from '../features/standup/PersonPageDialog';
import { InsightView } from '../features/insight/InsightView';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { describeError } from '../i18n/i18n';
import { useT } from '../i18n/use-t';
import { useApp, useAppStoreApi } from '../store/store';
import type { View } from '../store/ui-slice';
import { Notifications } from './Notifications';
import { useGlobalShortcuts } from './shortcuts';
import { useTheme } from './theme';

const VIEWS: readonly View[] = ['board', 'standup', 'insight', 'settings'];

/**
 * The dialogs over the view. They subscribe here, not in App: opening or closing one (or typing in it) must not
 * re-render the view behind it, which for a board of thousands of cards takes 50-100 ms (every card through
 * dnd-kit's context) and would delay the first keys typed into the dialog.
 */
function Dialogs() {
  const captureOpen = useApp((s) => s.ui.captureOpen);
  const detailId = useApp((s) => s.ui.detailId);
  const needsPerson = useApp((s) => s.ready && (s.settings.currentPersonId === null || s.ui.personPickerOpen));
  return (
    <>
      {captureOpen && <CaptureDialog />}
      {detailId && <IdeaDetail key={detailId} ideaId={detailId} />}
      <PersonPageDialog />
      {needsPerson && <WhoAreYou />}
    </>
  );
}

export function App() {
  const t = useT();
  const store = useAppStoreApi();
  const ready = useApp((s) => s.ready);
  const bootError = useApp((s) => s.bootError);
  const recovery = useApp((s) => s.recovery);
  const view = useApp((s) => s.ui.view);
  const setView = useApp((s) => s.setView);
  const openCapture = useApp((s) => s.openCapture);
  const language = useApp((s) => s.settings.language);

  useTheme();
  useGlobalShortcuts();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    void store.getState().bootstrap();
  }, [store]);

  if (recovery) return <RecoveryScreen status={recovery} />;
  if (bootError) {
    return (
      <main className="boot boot--error" role="alert">
        <p>{t('app.bootFailed', { message: describeError(t, bootError) })}</p>
        <button type="button" className="button" onClick={() => void store.getState().bootstrap()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!ready) {
    return (
      <main className="boot" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">
          <TrendingUp className="app__logo" size={20} aria-hidden="true" />
          {t('app.name')}
        </h1>
        <nav aria-label={t('nav.label')} className="app__nav">
          {VIEWS.map((v) => (
            <button key={v} type="button" className="tab" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
        <div className="app__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={openCapture}
            aria-keyshortcuts="N Control+N"
            data-focus-fallback
          >
            <Plus size={16} aria-hidden="true" /> {t('action.newIdea')}
          </button>
          <PersonSwitcher />
        </div>
      </header>
      <main className="app__main">
        {view === 'board' && <BoardView />}
        {view === 'standup' && <StandupView />}
        {view === 'insight' && <InsightView />}
        {view === 'settings' && <SettingsView />}
      </main>
      <Dialogs />
      <Notifications />
    </div>
  );
}
