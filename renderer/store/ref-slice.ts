/** Reference data (people, journeys, touchpoints, belevingswaarden) and this laptop's settings. */
import type { CallInput } from '../../shared/contract';
import type { RecoveryStatus } from '../../shared/contract-maintenance';
import type { CallError } from '../../shared/result';
import { DEFAULT_SETTINGS, type ExperienceValue, type Journey, type Person, type Settings, type Touchpoint } from '../../shared/domain';
import type { SliceCreator } from './types';

export type RefCall =
  | 'people:create'
  | 'people:update'
  | 'journeys:create'
  | 'journeys:update'
  | 'journeys:reorder'
  | 'touchpoints:create'
  | 'touchpoints:update'
  | 'touchpoints:reorder'
  | 'values:create'
  | 'values:update'
  | 'values:reorder';

export interface RefSlice {
  ready: boolean;
  /** Why loading failed at start; the shell describes it in the user's language. */
  bootError: CallError | null;
  /** Set when the database could not be opened: the app shows the recovery screen instead (features/recovery). */
  recovery: Extract<RecoveryStatus, { state: 'recovery' }> | null;
  settings: Settings;
  people: Person[];
  journeys: Journey[];
  touchpoints: Touchpoint[];
  values: ExperienceValue[];
  /** Load settings and reference data, then the board. */
  bootstrap: () => Promise<void>;
  refreshReference: () => Promise<void>;
  updateSettings: (patch: CallInput<'settings:update'>) => Promise<boolean>;
  /** Run a reference-data call and refresh the lists; returns the created/updated record or undefined on failure. */
  editReference: <K extends RefCall>(name: K, input: CallInput<K>) => Promise<unknown>;
}


export const createRefSlice: SliceCreator<RefSlice> = (api) => (set, get) => ({
  ready: false,
  bootError: null,
  recovery: null,
  settings: DEFAULT_SETTINGS,
  people: [],
  journeys: [],
  touchpoints: [],
  values: [],
  bootstrap: async () => {
    const res = await api['app:bootstrap']({});
    if (!res.ok) {
      // The host may be serving the recovery screen because the database could not be opened.
      const status = await api['recovery:status']({});
      if (status.ok && status.value.state === 'recovery') set({ recovery: status.value, bootError: null, ready: false });
      else set({ bootError: res.error, ready: false });
      return;
    }
    set({ ...res.value, bootError: null, recovery: null, ready: true });
    await get().loadBoard();
  },
  refreshReference: async () => {
    const res = await api['app:bootstrap']({});
    if (res.ok) set({ ...res.value });
    else get().notify({ tone: 'error', error: res.error });
  },
  updateSettings: async (patch) => {
    const before = get().settings;
    set({ settings: { ...before, ...patch } as Settings });
    const res = await api['settings:update'](patch);
    if (!res.ok) {
      set({ settings: before });
      get().notify({ tone: 'error', error: res.error });
      return false;
    }
    set({ settings: res.value });
    return true;
  },
  editReference: async (name, input) => {
    const fn = api[name] as (i: unknown) => ReturnType<(typeof api)['people:create']>;
    const res = await fn(input);
    if (!res.ok) {
      get().notify({ tone: 'error', error: res.error });
      return undefined;
    }
    await get().refreshReference();
    return res.value;
  },
});
