/**
 * "Verplaats naar…": the keyboard and mouse alternative to dragging. A menu button on every card
 * (also opened with `m` on a focused card) listing the other columns, plus "Nog een cyclus" in Act.
 */
import { ArrowRight, ArrowRightLeft, RefreshCw } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { STAGES, type Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useAppStoreApi, type AppStore } from '../../store/store';
import { focusCardSoon } from './board-dnd';

interface MoveMenuProps {
  id: string;
  stage: Stage;
  title: string;
  /** Id of the element holding the card's title, to describe the button. */
  titleId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

interface Item {
  key: string;
  label: string;
  icon: 'move' | 'cycle';
  run: () => void;
}

type Place = { top?: number; bottom?: number; right: number };

const MENU_HEIGHT = 250;

export function MoveMenu({ id, stage, title, titleId, open, onOpenChange }: MoveMenuProps) {
  const t = useT();
  const store = useAppStoreApi();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [place, setPlace] = useState<Place | null>(null);

  const close = (refocus = true) => {
    onOpenChange(false);
    if (refocus) (returnFocus.current ?? buttonRef.current)?.focus();
  };

  const items: Item[] = STAGES.filter((s) => s !== stage).map((target) => ({
    key: target,
    label: t(`stage.${target}`),
    icon: 'move' as const,
    run: () => {
      const s = store.getState();
      if (target === 'afgerond') {
        s.askFinish({ id, toStage: target, afterId: null, title });
        return;
      }
      focusCardSoon(id);
      void s.moveIdea(id, target, null);
    },
  }));
  if (stage === 'act') {
    items.push({
      key: 'cycle',
      label: t('board.card.cycleAgain'),
      icon: 'cycle',
      run: () => void cycleCard(store, id),
    });
  }

  useLayoutEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) {
      const right = Math.max(8, window.innerWidth - rect.right);
      setPlace(
        rect.bottom + MENU_HEIGHT > window.innerHeight && rect.top > MENU_HEIGHT
          ? { bottom: window.innerHeight - rect.top + 4, right }
          : { top: rect.bottom + 4, right },
      );
    }
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (e: Event) => {
      const target = e.target as Node;
      if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      onOpenChange(false);
    };
    const onScroll = (e: Event) => {
      if (menuRef.current?.contains(e.target as Node)) return;
      onOpenChange(false);
    };
    document.addEventListener('mousedown', onPointer);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open, onOpenChange]);

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const entries = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(entries.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        close();
        break;
      default: {
        // Type the first letter of a column to jump to it.
        if (e.key.length !== 1) return;
        const letter = e.key.toLocaleLowerCase();
        const start = index + 1;
        for (let k = 0; k < entries.length; k++) {
          const entry = entries[(start + k) % entries.length];
          if (entry.textContent?.trim().toLocaleLowerCase().startsWith(letter)) {
            entry.focus();
            break;
          }
        }
        break;
      }
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="board-card__menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('board.card.moveMenu')}
        aria-describedby={titleId}
        title={t('board.card.moveMenu')}
        onClick={() => onOpenChange(!open)}
      >
        <ArrowRightLeft aria-hidden="true" focusable="false" size={15} />
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            tabIndex={-1}
            aria-label={t('board.card.moveMenu.label', { title })}
            className="board-menu"
            style={place ? { top: place.top, bottom: place.bottom, right: place.right } : undefined}
            onKeyDown={onMenuKeyDown}
          >
            <div className="board-menu__heading" aria-hidden="true">
              {t('board.card.moveMenu')}
            </div>
            {items.map((item) => (
              <button
                key={item.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={`board-menu__item${item.icon === 'cycle' ? ' board-menu__item--cycle' : ''}`}
                onClick={() => {
                  close();
                  item.run();
                }}
              >
                {item.icon === 'cycle' ? (
                  <RefreshCw aria-hidden="true" focusable="false" size={14} />
                ) : (
                  <ArrowRight aria-hidden="true" focusable="false" size={14} />
                )}
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}

/** "Nog een cyclus": back to Plan with cycle + 1; focus follows the card and a notice says so. */
export async function cycleCard(store: AppStore, id: string): Promise<void> {
  const before = store.getState().cards[id];
  const done = await store.getState().cycleIdea(id);
  if (!done || !before) return;
  focusCardSoon(id);
  const cycle = store.getState().cards[id]?.cycle ?? before.cycle + 1;
  store.getState().notify({ tone: 'info', key: 'board.card.cycled', vars: { title: before.title, cycle } });
}
