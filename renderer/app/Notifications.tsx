/** Visible messages (errors, undoable actions) and the polite live region for screen readers. */
import { useEffect } from 'react';
import { describeError } from '../i18n/i18n';
import { useT } from '../i18n/use-t';
import { useApp, useAppShallow } from '../store/store';
import type { Notice } from '../store/notify-slice';
import type { Translate } from '../i18n/i18n';

function noticeText(t: Translate, notice: Notice): string {
  if (notice.error) return describeError(t, notice.error);
  const vars = { ...notice.vars };
  if (typeof vars.stageKey === 'string') vars.stage = t(`stage.${vars.stageKey}`);
  return t(notice.key ?? '', vars);
}

const INFO_MS = 6000;

function NoticeItem({ notice }: { notice: Notice }) {
  const t = useT();
  const dismiss = useApp((s) => s.dismiss);
  const undo = useApp((s) => s.undo);
  useEffect(() => {
    if (notice.tone !== 'info') return undefined;
    const timer = setTimeout(() => dismiss(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <li className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span className="notice__icon" aria-hidden="true">
        {notice.tone === 'error' ? '!' : 'i'}
      </span>
      <span className="notice__text">{noticeText(t, notice)}</span>
      {notice.undoKey !== undefined && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            dismiss(notice.id);
            void undo(notice.undoKey);
          }}
        >
          {t('action.undo')}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t('action.dismiss')} onClick={() => dismiss(notice.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

export function Notifications() {
  const notices = useAppShallow((s) => s.notices);
  const announcement = useApp((s) => s.announcement);
  return (
    <>
      {/* Each notice is its own live region (role alert/status), so the list itself has no list role (axe "list"). */}
      <ul className="notices" role="none">
        {notices.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </ul>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}
