/** The one app store, built from feature slices on an injected api (zustand's createStore + React context). */
import { createContext, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { KaizenApi } from '../../shared/contract';
import type { RecoveryStatus } from '../../shared/contract-maintenance';
import type { Result } from '../../shared/result';
import { createBoardSlice } from './board-slice';
import { createCaptureSlice } from './capture-slice';
import { createInsightSlice } from './insight-slice';
import { createNotifySlice } from './notify-slice';
import { createRefSlice } from './ref-slice';
import { createStandupSlice } from './standup-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createUndoSlice } from './undo-slice';

export type AppStore = StoreApi<AppState>;

/**
 * The api with one watch on every result: a call that met a damaged database file ('damaged'), or any call after the
 * host turned to recovery ('unavailable'), asks the host for its state and shows the recovery screen when it is in
 * recovery. Every feature's calls pass here, also those that show their failure themselves (autosave, thanks).
 */
function watchForRecovery(api: KaizenApi, show: (status: Extract<RecoveryStatus, { state: 'recovery' }>) => void): KaizenApi {
  let asking = false;
  const ask = async () => {
    if (asking) return;
    asking = true;
    try {
      const status = await api['recovery:status']({});
      if (status.ok && status.value.state === 'recovery') show(status.value);
    } finally {
      asking = false;
    }
  };
  const watched: Record<string, (input: never) => Promise<Result<unknown>>> = {};
  for (const [name, call] of Object.entries(api) as [string, (input: never) => Promise<Result<unknown>>][]) {
    watched[name] =
      name === 'recovery:status'
        ? call
        : async (input) => {
            const res = await call(input);
            if (!res.ok && (res.error.code === 'damaged' || res.error.code === 'unavailable')) void ask();
            return res;
          };
  }
  return watched as unknown as KaizenApi;
}

export function createAppStore(rawApi: KaizenApi): AppStore {
  let store: AppStore | null = null;
  const api = watchForRecovery(rawApi, (recovery) => store?.setState({ recovery, ready: false }));
  store = createStore<AppState>()((...a) => ({
    api,
    ...createRefSlice(api)(...a),
    ...createBoardSlice(api)(...a),
    ...createUiSlice(api)(...a),
    ...createNotifySlice(api)(...a),
    ...createUndoSlice(api)(...a),
    ...createInsightSlice(api)(...a),
    ...createStandupSlice(api)(...a),
    ...createCaptureSlice(api)(...a),
  }));
  return store;
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
