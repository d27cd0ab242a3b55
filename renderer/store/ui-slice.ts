/** Which view, dialog and idea are open. */
import type { Stage } from '../../shared/domain';
import type { SliceCreator } from './types';

export type View = 'board' | 'standup' | 'insight' | 'settings';

/** A drop into Afgerond waits for the outcome before it is saved. */
export interface PendingFinish {
  id: string;
  toStage: Stage;
  afterId: string | null;
  /** The idea's title, for when the filter hides its card. */
  title: string;
}

export interface UiState {
  view: View;
  captureOpen: boolean;
  detailId: string | null;
  personPickerOpen: boolean;
  pendingFinish: PendingFinish | null;
  /** A card is lifted (mouse or keyboard): global keys stay out of the way until it is dropped. */
  dragging: boolean;
}

export interface UiSlice {
  ui: UiState;
  setView: (view: View) => void;
  openCapture: () => void;
  closeCapture: () => void;
  openDetail: (id: string) => void;
  closeDetail: () => void;
  openPersonPicker: () => void;
  closePersonPicker: () => void;
  askFinish: (pending: PendingFinish) => void;
  cancelFinish: () => void;
  setDragging: (dragging: boolean) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = () => (set) => {
  const patch = (p: Partial<UiState>) => set((s) => ({ ui: { ...s.ui, ...p } }));
  return {
    ui: { view: 'board', captureOpen: false, detailId: null, personPickerOpen: false, pendingFinish: null, dragging: false },
    setView: (view) => patch({ view }),
    openCapture: () => patch({ captureOpen: true }),
    closeCapture: () => patch({ captureOpen: false }),
    openDetail: (id) => patch({ detailId: id }),
    closeDetail: () => patch({ detailId: null }),
    openPersonPicker: () => patch({ personPickerOpen: true }),
    closePersonPicker: () => patch({ personPickerOpen: false }),
    askFinish: (pending) => patch({ pendingFinish: pending }),
    cancelFinish: () => patch({ pendingFinish: null }),
    setDragging: (dragging) => patch({ dragging }),
  };
};
