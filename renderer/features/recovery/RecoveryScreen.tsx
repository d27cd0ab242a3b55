/**
 * Shown instead of the app when the database could not be opened (db/recovery.ts): what happened, in plain words,
 * and three ways on: restore the latest good backup, start empty (the file is kept aside), or quit.
 * Settings cannot be read in this state, so the language follows the system, with a switch on the screen.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { AlertTriangle } from 'lucide-react';
import type { RecoveryStatus } from '../../../shared/contract-maintenance';
import type { Language } from '../../../shared/domain';
import { isDesktop } from '../../api/transport';
import { createTranslator, dateLocales, describeError, numberLocales } from '../../i18n/i18n';
import { useApp, useAppStoreApi } from '../../store/store';
import { backupDate, backupSize } from './format';
import './recovery.css';

type Recovery = Extract<RecoveryStatus, { state: 'recovery' }>;
type Action = 'recovery:restore' | 'recovery:reset' | 'recovery:retry';

function systemLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const first = preferred.find((l) => /^(nl|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function RecoveryScreen({ status }: { status: Recovery }) {
  const store = useAppStoreApi();
  const api = useApp((s) => s.api);
  const [language, setLanguage] = useState<Language>(systemLanguage);
  const t = useMemo(() => createTranslator(language), [language]);
  const [busy, setBusy] = useState<Action | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [closedTab, setClosedTab] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => {
    titleRef.current?.focus();
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const act = async (action: Action) => {
    setBusy(action);
    setProblem(null);
    const res = await api[action]({});
    setBusy(null);
    if (!res.ok) {
      setProblem(t('recovery.failed', { message: describeError(t, res.error) }));
      return;
    }
    if (res.value.state === 'ok') {
      store.setState({ recovery: null });
      await store.getState().bootstrap();
      return;
    }
    store.setState({ recovery: res.value });
    setProblem(t('recovery.stillBroken', { reason: t(`recovery.reason.${res.value.reason}`) }));
  };

  const quit = () => {
    // The desktop window may close itself (and the app quits with it); a browser tab may not.
    if (isDesktop()) window.close();
    else setClosedTab(true);
  };

  const latest = status.latestBackup;
  const other: Language = language === 'nl' ? 'en' : 'nl';

  return (
    <main className="recovery" aria-labelledby={titleId} aria-busy={busy !== null}>
      <div className="recovery__card">
        <div className="recovery__top">
          <AlertTriangle className="recovery__icon" size={28} aria-hidden="true" />
          <button type="button" className="button button--small" lang={other} onClick={() => setLanguage(other)}>
            {t('recovery.language')}
          </button>
        </div>
        <h1 id={titleId} ref={titleRef} tabIndex={-1} className="recovery__title">
          {t('recovery.title')}
        </h1>
        <p className="recovery__reason">{t(`recovery.reason.${status.reason}`)}</p>
        <p className="recovery__safe">{t('recovery.safe')}</p>
        <p className="recovery__file">{t('recovery.file', { file: status.file })}</p>
        <p className="recovery__backup">
          {latest
            ? t('recovery.latest', {
                date: backupDate(latest.at, dateLocales[language]),
                kind: t(`backups.kind.${latest.kind}`).toLowerCase(),
                size: backupSize(t, latest.size, numberLocales[language]),
              })
            : t('recovery.noBackup')}
        </p>

        <div className="recovery__actions">
          {status.canReplace ? (
            <>
              <Choice
                label={busy === 'recovery:restore' ? t('recovery.busy') : t('recovery.restore')}
                hint={t('recovery.restoreHint')}
                primary
                disabled={busy !== null || !latest}
                onClick={() => void act('recovery:restore')}
              />
              <Choice
                label={busy === 'recovery:reset' ? t('recovery.busy') : t('recovery.empty')}
                hint={t('recovery.emptyHint')}
                disabled={busy !== null}
                onClick={() => void act('recovery:reset')}
              />
            </>
          ) : (
            <Choice
              label={busy === 'recovery:retry' ? t('recovery.busy') : t('recovery.retry')}
              primary
              disabled={busy !== null}
              onClick={() => void act('recovery:retry')}
            />
          )}
          <Choice label={t('recovery.quit')} disabled={busy !== null} onClick={quit} />
        </div>

        <div role="alert" className="recovery__problem">
          {problem}
        </div>
        <div role="status" className="recovery__closed">
          {closedTab ? t('recovery.quitBrowser') : ''}
        </div>

        <details className="recovery__details">
          <summary>{t('recovery.detail')}</summary>
          <p>{status.detail}</p>
        </details>
      </div>
    </main>
  );
}

/** One way on: a button, and what it does in a sentence next to it (its accessible description). */
function Choice(props: { label: string; hint?: string; primary?: boolean; disabled: boolean; onClick: () => void }) {
  const hintId = useId();
  return (
    <div className="recovery__choice">
      <button
        type="button"
        className={props.primary ? 'button button--primary' : 'button'}
        disabled={props.disabled}
        aria-describedby={props.hint ? hintId : undefined}
        onClick={props.onClick}
      >
        {props.label}
      </button>
      {props.hint && (
        <p id={hintId} className="recovery__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
