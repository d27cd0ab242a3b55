/**
 * One named item in a managed list (journey, touchpoint, belevingswaarde, person): its name with inline rename
 * (Enter saves, Esc cancels), move up/down buttons, extra controls, and archive.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Archive, ArrowDown, ArrowUp, Pencil, RotateCcw } from 'lucide-react';
import { NAME_MAX } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { checkName, nameProblemText } from './name-rules';

interface ItemRowProps {
  name: string;
  /** Other active names in the same list, to refuse duplicates. */
  taken: readonly string[];
  onRename: (name: string) => Promise<boolean>;
  /** Omit to leave out the move buttons. */
  onMove?: (direction: -1 | 1) => Promise<void>;
  canMoveUp?: boolean;
  canMoveDown?: boolean;
  onArchive: () => Promise<boolean>;
  /** When set, archiving is refused with this explanation. */
  archiveBlocked?: string;
  /** Extra controls shown after the name (e.g. the level of a belevingswaarde). */
  children?: ReactNode;
  /** Small text after the name (e.g. "jij"). */
  badge?: ReactNode;
  /** Show the name as a heading (a journey above its touchpoints). */
  heading?: boolean;
  className?: string;
}

export function ItemRow({
  name,
  taken,
  onRename,
  onMove,
  canMoveUp = true,
  canMoveDown = true,
  onArchive,
  archiveBlocked,
  children,
  badge,
  heading,
  className,
}: ItemRowProps) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      renameRef.current?.focus();
    }
  }, [editing]);

  const startEdit = () => {
    setDraft(name);
    setError(null);
    setEditing(true);
  };
  const cancel = () => {
    returnFocus.current = true;
    setEditing(false);
    setError(null);
  };
  const save = async () => {
    if (busy) return;
    if (draft.trim() === name) {
      cancel();
      return;
    }
    const problem = checkName(draft, taken);
    if (problem) {
      setError(nameProblemText(t, problem, draft));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const saved = await onRename(draft.trim());
    setBusy(false);
    if (saved) cancel();
  };

  const move = async (direction: -1 | 1) => {
    if (!onMove || busy) return;
    if ((direction === -1 && !canMoveUp) || (direction === 1 && !canMoveDown)) return;
    setBusy(true);
    await onMove(direction);
    setBusy(false);
    // The row may have been moved in the DOM, which drops focus; keep it on the button that was pressed.
    (direction === -1 ? upRef : downRef).current?.focus();
  };

  const archive = async () => {
    if (archiveBlocked) {
      setNote(archiveBlocked);
      return;
    }
    setBusy(true);
    await onArchive();
    setBusy(false);
  };

  const Name = heading ? 'h4' : 'span';

  return (
    <div className={`settings-item${editing ? ' settings-item--editing' : ''} ${className ?? ''}`}>
      {editing ? (
        <form
          className="settings-rename"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-rename`}>
            {t('settings.item.renameLabel', { name })}
          </label>
          <input
            ref={inputRef}
            id={`${id}-rename`}
            type="text"
            value={draft}
            maxLength={NAME_MAX + 40}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => {
              setDraft(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                cancel();
              }
            }}
          />
          <button type="submit" className="button button--small button--primary" disabled={busy}>
            {t('settings.item.renameSave')}
          </button>
          <button type="button" className="button button--small" onClick={cancel}>
            {t('settings.item.renameCancel')}
          </button>
          <span id={`${id}-hint`} className="field__hint settings-rename__hint">
            {t('settings.item.renameHint')}
          </span>
          {error && (
            <p id={`${id}-error`} className="field__error settings-rename__error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <>
          <Name className={`settings-item__name${heading ? ' settings-item__name--heading' : ''}`}>{name}</Name>
          {badge && <span className="settings-item__badge">{badge}</span>}
          <span className="settings-item__controls">
            {children}
            {onMove && (
              <span className="settings-item__order">
                <button
                  ref={upRef}
                  type="button"
                  className="icon-button settings-icon"
                  aria-label={t('settings.item.up', { name })}
                  title={t('settings.item.upShort')}
                  aria-disabled={!canMoveUp || undefined}
                  onClick={() => void move(-1)}
                >
                  <ArrowUp size={16} aria-hidden="true" />
                </button>
                <button
                  ref={downRef}
                  type="button"
                  className="icon-button settings-icon"
                  aria-label={t('settings.item.down', { name })}
                  title={t('settings.item.downShort')}
                  aria-disabled={!canMoveDown || undefined}
                  onClick={() => void move(1)}
                >
                  <ArrowDown size={16} aria-hidden="true" />
                </button>
              </span>
            )}
            <button
              ref={renameRef}
              type="button"
              className="button button--small settings-action"
              aria-label={t('settings.item.renameAria', { name })}
              onClick={startEdit}
            >
              <Pencil size={14} aria-hidden="true" />
              {t('settings.item.rename')}
            </button>
            <button
              type="button"
              className="button button--small settings-action"
              aria-label={t('settings.item.archiveAria', { name })}
              aria-disabled={archiveBlocked ? true : undefined}
              aria-describedby={note ? `${id}-note` : undefined}
              onClick={() => void archive()}
              disabled={busy}
            >
              <Archive size={14} aria-hidden="true" />
              {t('settings.item.archive')}
            </button>
          </span>
          {note && (
            <p id={`${id}-note`} className="field__hint settings-item__note" role="status">
              {note}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** An archived item: its name, where it belongs, and "Terugzetten". */
export function ArchivedRow({ name, detail, onRestore }: { name: string; detail?: string; onRestore: () => void }) {
  const t = useT();
  return (
    <div className="settings-item settings-item--archived">
      <span className="settings-item__name">{name}</span>
      {detail && <span className="settings-item__detail">{detail}</span>}
      <span className="settings-item__controls">
        <button
          type="button"
          className="button button--small settings-action"
          aria-label={t('settings.item.restoreAria', { name })}
          onClick={onRestore}
        >
          <RotateCcw size={14} aria-hidden="true" />
          {t('settings.item.restore')}
        </button>
      </span>
    </div>
  );
}
