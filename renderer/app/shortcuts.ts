/** Keys that work from anywhere: N / Ctrl+N new idea, Ctrl/Cmd+Z undo (on the board), / search. */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/store';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function useGlobalShortcuts() {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      const s = store.getState();
      // While a card is lifted its keys belong to the drag (dnd-kit listens on the window too).
      if (s.ui.dragging) return;
      const mod = e.ctrlKey || e.metaKey;
      const typing = isTypingTarget(e.target);
      const dialogOpen = document.querySelector('[role="dialog"]') !== null;
      const key = e.key.toLowerCase();
      if (key === 'n' && (mod || (!typing && !e.shiftKey))) {
        if (s.settings.currentPersonId === null || s.ui.personPickerOpen) return;
        // A finish waiting for its outcome must be answered (or cancelled) first.
        if (s.ui.pendingFinish) return;
        if (!mod && dialogOpen) return;
        e.preventDefault();
        s.closeDetail();
        s.openCapture();
        return;
      }
      // Inside a dialog Ctrl+Z belongs to what is open there, not to a board change hidden behind it.
      if (key === 'z' && mod && !e.shiftKey && !typing && !dialogOpen) {
        e.preventDefault();
        void s.undo();
        return;
      }
      if (e.key === '/' && !typing && !mod && !dialogOpen) {
        const search = document.getElementById('board-search');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
