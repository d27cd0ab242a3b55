import type { StateCreator } from 'zustand';
import type { KaizenApi } from '../../shared/contract';
import type { BoardSlice } from './board-slice';
import type { CaptureSlice } from './capture-slice';
import type { InsightSlice } from './insight-slice';
import type { RefSlice } from './ref-slice';
import type { UiSlice } from './ui-slice';
import type { NotifySlice } from './notify-slice';
import type { UndoSlice } from './undo-slice';
import type { StandupSlice } from './standup-slice';

export type AppState = RefSlice & BoardSlice & UiSlice & NotifySlice & UndoSlice & StandupSlice & InsightSlice & CaptureSlice & { api: KaizenApi };

/** A feature slice of the one app store; it receives the injected api. */
export type SliceCreator<T> = (api: KaizenApi) => StateCreator<AppState, [], [], T>;
