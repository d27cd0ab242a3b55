/**
 * A modal dialog: labelled by its title, focus moves in on open and back on close, Tab stays inside,
 * Esc closes. Used by capture, detail, outcome and person dialogs.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing, e.g. 'dialog--wide'. */
  className?: string;
  /** Element to focus first (defaults to the first focusable element). */
  initialFocus?: React.RefObject<HTMLElement | null>;
  /** Hide the close button in the header (e.g. when a choice is required). */
  hideClose?: boolean;
  describedBy?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, onClose, children, className, initialFocus, hideClose, describedBy }: DialogProps) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const node = ref.current;
    const first = initialFocus?.current ?? node?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? node)?.focus();
    return () => {
      if (previous && previous !== document.body && document.contains(previous)) previous.focus();
      // Nothing had focus before (first run): start from the app's main action rather than the page itself.
      else document.querySelector<HTMLElement>('[data-focus-fallback]')?.focus();
    };
    // Focus once on open only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      onCloseRef.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    // Focus can sit on the dialog box itself (it is focused when nothing inside is focusable yet).
    if (e.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        className={`dialog ${className ?? ''}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {!hideClose && (
            <button type="button" className="icon-button" onClick={onClose} aria-label={t('action.close')}>
              <span aria-hidden="true">×</span>
            </button>
          )}
        </header>
        <div className="dialog__body">{children}</div>
      </div>
    </div>
  );
}
