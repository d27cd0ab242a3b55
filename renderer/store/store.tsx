/** The one app store, built from feature slices on an injected api (zustand's createStore + React context). */
import { createContext, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { KaizenApi } from '../../shared/contract';
import { createBoardSlice } from './board-slice';
import { createInsightSlice } from './insight-slice';
import { createNotifySlice } from './notify-slice';
import { createRefSlice } from './ref-slice';
import { createStandupSlice } from './standup-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createUndoSlice } from './undo-slice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(api: KaizenApi): AppStore {
  return createStore<AppState>()((...a) => ({
    api,
    ...createRefSlice(api)(...a),
    ...createBoardSlice(api)(...a),
    ...createUiSlice(api)(...a),
    ...createNotifySlice(api)(...a),
    ...createUndoSlice(api)(...a),
    ...createInsightSlice(api)(...a),
    ...createStandupSlice(api)(...a),
  }));
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider is missing');
  return store;
}

/** Select from the app store; use `useApp(useShallow(...))`-style selectors for objects. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

export function useAppShallow<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), useShallow(selector));
}

export type { AppState };
