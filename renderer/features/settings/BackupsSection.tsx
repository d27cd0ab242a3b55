/**
 * Backups in Beheer & instellingen: the list (date, kind, size, whether its check passed), make one now, restore one
 * after a confirmation. A backup its check found damaged cannot be restored.
 */
import { CircleAlert, CircleCheck, Clock } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BackupInfo } from '../../../shared/contract-maintenance';
import { describeError } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { backupDate, backupSize } from '../recovery/format';
import '../recovery/recovery.css';
import { SettingsSection } from './SettingsSection';

export function BackupsSection() {
  const t = useT();
  const { dateLocale, numberLocale } = useLocale();
  const store = useAppStoreApi();
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  const announce = useApp((s) => s.announce);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();

  const load = useCallback(async () => {
    const res = await api['backups:list']({});
    if (res.ok) {
      setBackups(res.value);
      setLoadError(null);
    } else setLoadError(describeError(t, res.error));
  }, [api, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    setBusy(true);
    const res = await api['backups:create']({});
    setBusy(false);
    if (!res.ok) {
      notify({ tone: 'error', error: res.error });
      return;
    }
    announce(t('backups.created', { name: res.value.name }));
    notify({ tone: 'info', key: 'backups.created', vars: { name: res.value.name } });
    await load();
  };

  const restore = async (backup: BackupInfo) => {
    setConfirming(null);
    setBusy(true);
    const res = await api['backups:restore']({ name: backup.name });
    setBusy(false);
    if (!res.ok) {
      if (res.error.code === 'validation' && res.error.field === 'name') notify({ tone: 'error', key: 'backups.damaged' });
      else notify({ tone: 'error', error: res.error });
      await load();
      return;
    }
    // Another file is open now: load everything again from it.
    await store.getState().bootstrap();
    const date = backupDate(backup.at, dateLocale);
    announce(t('backups.restored', { date }));
    notify({ tone: 'info', key: 'backups.restored', vars: { date } });
    await load();
  };

  return (
    <SettingsSection title={t('backups.title')} intro={t('backups.intro')}>
      <div className="backups__bar">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void create()}>
          {t('backups.create')}
        </button>
        <p className="backups__folder">{t('backups.folder')}</p>
      </div>
      {loadError && (
        <p role="alert" className="field__error">
          {t('backups.failed', { message: loadError })}
        </p>
      )}
      {!loadError && backups === null && <p aria-busy="true">{t('backups.loading')}</p>}
      {backups?.length === 0 && <p>{t('backups.empty')}</p>}
      {backups && backups.length > 0 && (
        // The list can be long: it scrolls by itself, and can be reached and scrolled from the keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="backups__scroll" tabIndex={0} role="region" aria-label={t('backups.tableLabel')}>
          <table className="backups__table">
            <thead>
              <tr>
                <th scope="col">{t('backups.col.date')}</th>
                <th scope="col">{t('backups.col.kind')}</th>
                <th scope="col" className="backups__size">
                  {t('backups.col.size')}
                </th>
                <th scope="col">{t('backups.col.check')}</th>
                <th scope="col" className="backups__action">
                  <span className="visually-hidden">{t('backups.col.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => {
                const date = backupDate(b.at, dateLocale);
                return (
                  <tr key={b.name}>
                    <td>
                      <time dateTime={b.at}>{date}</time>
                    </td>
                    <td>{t(`backups.kind.${b.kind}`)}</td>
                    <td className="backups__size">{backupSize(t, b.size, numberLocale)}</td>
                    <td>
                      <CheckState check={b.check} />
                    </td>
                    <td className="backups__action">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy || b.check === 'damaged'}
                        aria-label={t('backups.restoreAria', { date })}
                        onClick={() => setConfirming(b)}
                      >
                        {t('backups.restore')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <Dialog title={t('backups.confirmTitle')} onClose={() => setConfirming(null)} initialFocus={confirmRef} describedBy={bodyId}>
          <p id={bodyId}>{t('backups.confirmBody', { date: backupDate(confirming.at, dateLocale) })}</p>
          <div className="backups__confirm-actions">
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('backups.cancel')}
            </button>
            <button ref={confirmRef} type="button" className="button button--danger" onClick={() => void restore(confirming)}>
              {t('backups.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </SettingsSection>
  );
}

const CHECK_ICONS = { ok: CircleCheck, damaged: CircleAlert, unchecked: Clock } as const;

/** A backup's check in words, with an icon beside them (the words carry it, never the colour alone). */
function CheckState({ check }: { check: BackupInfo['check'] }) {
  const t = useT();
  const Icon = CHECK_ICONS[check];
  return (
    <span className={`backups__check backups__check--${check}`}>
      <Icon aria-hidden="true" focusable="false" size={14} />
      {t(`backups.check.${check}`)}
    </span>
  );
}
