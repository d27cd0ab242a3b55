/**
 * Component tests run the real UI on the real core: a fresh SQLite file in a temp folder,
 * reached through the same contract the renderer uses (inputs JSON-cloned like IPC/HTTP would).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from '@testing-library/react';
import { createApi, type KaizenApi } from '../../shared/contract';
import { createCore, seedDemo, type DemoOptions } from '../../db/index';
import { App } from '../../renderer/app/App';
import { createAppStore, StoreProvider, type AppStore } from '../../renderer/store/store';

export interface UiHarness {
  api: KaizenApi;
  store: AppStore;
  dir: string;
  close: () => void;
}

export function createTestApi(options: { now?: () => Date; demo?: DemoOptions } = {}): {
  api: KaizenApi;
  dir: string;
  close: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-ui-'));
  const { demo, ...coreOptions } = options;
  const core = createCore({ dbPath: path.join(dir, 'kaizenbord.sqlite'), ...coreOptions });
  if (demo) seedDemo(core, demo);
  const api = createApi((name, input) => core.call(name, input === undefined ? undefined : JSON.parse(JSON.stringify(input))));
  return {
    api,
    dir,
    close: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A store on a fresh core (with a generated demo board if asked), with one person logged in (unless `person: null`). */
export async function createUiHarness(
  options: { person?: string | null; language?: 'nl' | 'en'; demo?: DemoOptions } = {},
): Promise<UiHarness> {
  const { api, dir, close } = createTestApi({ demo: options.demo });
  const personName = options.person === undefined ? 'Anouk de Vries' : options.person;
  if (personName !== null) {
    const person = await api['people:create']({ name: personName });
    if (!person.ok) throw new Error(person.error.message);
    await api['settings:update']({ currentPersonId: person.value.id });
  }
  if (options.language) await api['settings:update']({ language: options.language });
  const store = createAppStore(api);
  return { api, store, dir, close };
}

/**
 * The api as a store sees it, looking each call up on `h.api` when it is made: a store made on it lets a test hold
 * or fail a call by replacing `h.api[name]` while the app runs (the store wraps each call once, when it is made).
 */
export function liveApi(h: UiHarness): KaizenApi {
  const calls = h.api as unknown as Record<string, (input: unknown) => unknown>;
  return Object.fromEntries(Object.keys(calls).map((name) => [name, (input: unknown) => calls[name]!(input)])) as unknown as KaizenApi;
}

/** Render the whole app on a harness and wait for it to boot. */
export function renderApp(harness: UiHarness) {
  return render(
    <StoreProvider store={harness.store}>
      <App />
    </StoreProvider>,
  );
}
