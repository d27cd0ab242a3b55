/**
 * Runs the real bundled main process (esbuild output of electron/main.ts) under Node against a recording fake of
 * the `electron` module: no Electron binary is needed to check the wiring of IPC, protocol, permissions, window
 * and startup errors. better-sqlite3 is loaded through the same `nativeBinding` path as in Electron, pointed at
 * the Node build.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { electronBundleOptions, MIGRATE_WORKER_FILE } from '../../build/scripts/build-electron.mjs';
import { backupDirFor, listBackups } from '../../db/backup';
import { seedDemo } from '../../db/demo';
import { MIGRATIONS } from '../../db/migrations';
import { LATEST_VERSION, openDatabase } from '../../db/open';
import { damageMarkerFor, LAST_FULL_CHECK_KEY } from '../../db/file-check';
import { NOTICE_URLS } from '../../electron/migration-notice';
import { CALL_NAMES } from '../../shared/contract';
import { HOST_CHANNELS } from '../../shared/host';
import type { Result } from '../../shared/result';
import { damagePages, leaveUnclean } from './start-files';

type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly id: number) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

interface FakeWindowRecord {
  options: Record<string, unknown>;
  loaded: string[];
  webContents: FakeWebContents;
  /** The window object itself, to emit its events ('ready-to-show', 'close'). */
  win: EventEmitter & { close(): void };
  closed: boolean;
  menuRemoved: boolean;
}

/** Everything the fake Electron saw, for assertions. */
interface Recorder {
  app: EventEmitter;
  handlers: Map<string, Handler>;
  windows: FakeWindowRecord[];
  /** Windows created and closed, in order: 'created 1', 'closed 1', ... (by window number, from 1). */
  log: string[];
  schemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: () => boolean;
  headers?: (details: { responseHeaders: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
  beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
  errorBoxes: { title: string; body: string }[];
  menu: unknown[] | null;
  exitCode: number | null;
  quit: number;
  sandboxEnabled: boolean;
  ready: Promise<void>;
}

function fakeElectron(options: { lock?: boolean; userData: string }): { module: unknown; rec: Recorder } {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: (name: string) => (name === 'userData' ? options.userData : os.tmpdir()),
    getPreferredSystemLanguages: () => ['nl-NL'],
    requestSingleInstanceLock: () => options.lock ?? true,
    enableSandbox: () => (rec.sandboxEnabled = true),
    whenReady: () => ready,
    quit: () => rec.quit++,
    exit: (code: number) => (rec.exitCode = code),
  });
  const rec: Recorder = {
    app,
    handlers: new Map(),
    windows: [],
    log: [],
    schemes: [],
    protocolHandlers: new Map(),
    errorBoxes: [],
    menu: null,
    exitCode: null,
    quit: 0,
    sandboxEnabled: false,
    ready: ready.then(() => new Promise((r) => setTimeout(r, 10))),
  };
  let nextId = 1;
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => rec.windows;
    webContents = new FakeWebContents(nextId++);
    readonly record: FakeWindowRecord;
    constructor(windowOptions: Record<string, unknown>) {
      super();
      const record: FakeWindowRecord = { options: windowOptions, loaded: [], webContents: this.webContents, win: this, closed: false, menuRemoved: false };
      this.record = record;
      rec.windows.push(record);
      rec.log.push(`created ${rec.windows.length}`);
      app.emit('web-contents-created', {}, this.webContents);
      this.loadURL = async (url: string) => {
        record.loaded.push(url);
      };
    }
    loadURL: (url: string) => Promise<void>;
    show() {}
    focus() {}
    restore() {}
    removeMenu() {
      this.record.menuRemoved = true;
    }
    /** Like Electron: 'close' may be prevented; otherwise the window is gone and 'closed' follows. */
    close() {
      if (this.record.closed) return;
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.record.closed = true;
      rec.log.push(`closed ${rec.windows.indexOf(this.record) + 1}`);
      this.emit('closed');
    }
    isMinimized = () => false;
    isDestroyed = () => this.record.closed;
  }
  const module = {
    app,
    BrowserWindow,
    crashReporter: { start: () => {} },
    dialog: {
      showErrorBox: (title: string, body: string) => rec.errorBoxes.push({ title, body }),
      showMessageBox: async () => ({ response: 1 }),
    },
    ipcMain: { handle: (channel: string, handler: Handler) => rec.handlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown[]) => template, setApplicationMenu: (menu: unknown[]) => (rec.menu = menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => rec.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Recorder['permissionRequest']) => (rec.permissionRequest = h),
        setPermissionCheckHandler: (h: Recorder['permissionCheck']) => (rec.permissionCheck = h),
        setDevicePermissionHandler: () => {},
        setDisplayMediaRequestHandler: () => {},
        webRequest: {
          onHeadersReceived: (h: Recorder['headers']) => (rec.headers = h),
          onBeforeRequest: (h: Recorder['beforeRequest']) => (rec.beforeRequest = h),
        },
      },
    },
  };
  return { module: Object.assign(module, { __ready: markReady }), rec };
}

let tmp: string;
let mainFile: string;
const require = createRequire(import.meta.url);
const betterSqlite3: unknown = require('better-sqlite3');
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };

/** Load a fresh copy of the bundled main process with `electron` resolved to the fake. */
async function runMain(options: { lock?: boolean; dataDir?: string; file?: string } = {}): Promise<Recorder> {
  const file = options.file ?? mainFile;
  const { module, rec } = fakeElectron({ lock: options.lock, userData: path.join(tmp, 'userData') });
  const original = moduleWithLoad._load;
  moduleWithLoad._load = function (request, parent, isMain) {
    if (request === 'electron') return module;
    // The bundle sits in a temp folder, outside this project's node_modules.
    if (request === 'better-sqlite3') return betterSqlite3;
    return original.call(this, request, parent, isMain);
  };
  const previousDataDir = process.env.KAIZENBORD_DATA_DIR;
  if (options.dataDir !== undefined) process.env.KAIZENBORD_DATA_DIR = options.dataDir;
  else delete process.env.KAIZENBORD_DATA_DIR;
  try {
    delete require.cache[file];
    require(file);
    (module as { __ready: () => void }).__ready();
    await rec.ready;
  } finally {
    moduleWithLoad._load = original;
    if (previousDataDir === undefined) delete process.env.KAIZENBORD_DATA_DIR;
    else process.env.KAIZENBORD_DATA_DIR = previousDataDir;
  }
  return rec;
}

const closers: Recorder[] = [];

/** Wait (polling, so the main process's promises and the worker keep running) until `done` holds. */
async function waitFor(done: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A data folder holding kaizenbord.sqlite at schema 0090 with a small demo board, as an update finds it. */
function dataDirAt90(name: string): { dir: string; file: string } {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'kaizenbord.sqlite');
  const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 90) });
  seedDemo(db, { count: 60, seed: 3, now: new Date('2026-03-02T09:00:00Z') });
  db.close();
  return { dir, file };
}

const appSender = (rec: Recorder, index: number) => ({
  sender: { id: rec.windows[index]!.webContents.id },
  senderFrame: { url: 'app://kaizenbord/index.html', parent: null },
});

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-main-'));
  mainFile = path.join(tmp, 'main', 'main.cjs');
  await build({ ...electronBundleOptions('electron/main.ts', mainFile), minify: false });
  // The migration worker, next to main.cjs as build-electron.mjs puts it; its better-sqlite3 resolves from tmp.
  await build(electronBundleOptions('db/migrate-worker.ts', path.join(tmp, 'main', MIGRATE_WORKER_FILE)));
  fs.mkdirSync(path.join(tmp, 'node_modules'));
  fs.symlinkSync(path.dirname(require.resolve('better-sqlite3/package.json')), path.join(tmp, 'node_modules', 'better-sqlite3'), 'dir');
  // The Node build stands in for the Electron build at the path main.ts hands to `nativeBinding`.
  fs.mkdirSync(path.join(tmp, 'native'));
  fs.copyFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'), path.join(tmp, 'native', 'better_sqlite3.node'));
  fs.mkdirSync(path.join(tmp, 'renderer'));
  fs.writeFileSync(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><title>Kaizenbord</title>');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside');
}, 60_000);

afterAll(() => {
  // will-quit closes the database.
  for (const rec of closers) rec.app.emit('will-quit');
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Electron main process (bundled, on a fake electron module)', () => {
  let rec: Recorder;
  const dataDir = () => path.join(tmp, 'data');

  beforeEach(async () => {
    if (!rec) {
      rec = await runMain({ dataDir: dataDir() });
      closers.push(rec);
    }
  });

  it('opens the database in KAIZENBORD_DATA_DIR through the nativeBinding path and shows one sandboxed window', () => {
    expect(rec.errorBoxes).toEqual([]);
    expect(fs.existsSync(path.join(dataDir(), 'kaizenbord.sqlite'))).toBe(true);
    expect(rec.sandboxEnabled).toBe(true);
    // A new database has nothing to migrate: no notice window, only the app window.
    expect(rec.windows).toHaveLength(1);
    const win = rec.windows[0]!;
    expect(win.loaded).toEqual(['app://kaizenbord/index.html']);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join(tmp, 'preload', 'preload.cjs'),
    });
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('registers exactly one IPC channel per contract call, plus the three host channels', () => {
    expect([...rec.handlers.keys()].sort()).toEqual([...CALL_NAMES, ...Object.values(HOST_CHANNELS)].sort());
  });

  it('refuses host requests from a foreign frame before any dialog opens', async () => {
    const id = rec.windows[0]!.webContents.id;
    const foreign = { sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } };
    for (const channel of Object.values(HOST_CHANNELS)) {
      expect(await rec.handlers.get(channel)!(foreign, { title: 'x', filters: [], suggestedName: 'a.txt', text: 'x', mime: 'text/plain' })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
  });

  it('hands calls from the app top frame to the core, which validates them', async () => {
    const sender = { sender: { id: rec.windows[0]!.webContents.id }, senderFrame: { url: 'app://kaizenbord/index.html', parent: null } };
    const created = await rec.handlers.get('people:create')!(sender, { name: 'Noor' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Noor' } });
    const boot = (await rec.handlers.get('app:bootstrap')!(sender, {})) as Result<{ people: { name: string }[] }>;
    expect(boot.ok && boot.value.people.map((p) => p.name)).toEqual(['Noor']);
    const bad = await rec.handlers.get('people:create')!(sender, { name: '', extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it.each([
    ['a null senderFrame', (id: number) => ({ sender: { id }, senderFrame: null })],
    ['a sub frame', (id: number) => ({ sender: { id }, senderFrame: { url: 'app://kaizenbord/index.html', parent: {} } })],
    ['a foreign page', (id: number) => ({ sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['another web contents', (id: number) => ({ sender: { id: id + 100 }, senderFrame: { url: 'app://kaizenbord/index.html', parent: null } })],
  ])('refuses calls from %s and writes nothing', async (_label, event) => {
    const id = rec.windows[0]!.webContents.id;
    const refused = await rec.handlers.get('people:create')!(event(id), { name: 'Mallory' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const boot = (await rec.handlers.get('app:bootstrap')!({ sender: { id }, senderFrame: { url: 'app://kaizenbord/', parent: null } }, {})) as Result<{
      people: { name: string }[];
    }>;
    expect(boot.ok && boot.value.people.map((p) => p.name)).not.toContain('Mallory');
  });

  it('denies navigation, new windows, webviews and every permission', () => {
    const contents = rec.windows[0]!.webContents;
    for (const eventName of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(eventName, { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, eventName).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) rec.permissionRequest?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(rec.permissionCheck?.()).toBe(false);
  });

  it('adds the CSP to every response and cancels requests that leave the app scheme', () => {
    let headers: Record<string, string[]> = {};
    rec.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      rec.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://kaizenbord/assets/x.js')).toBe(false);
    expect(verdict('https://example.com/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
  });

  it('serves the renderer over app:// with security headers, and nothing outside it', async () => {
    const handler = rec.protocolHandlers.get('app')!;
    const index = await handler(new Request('app://kaizenbord/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Kaizenbord</title>');
    expect((await handler(new Request('app://kaizenbord/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://kaizenbord/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://kaizenbord/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('builds a native menu with CmdOrCtrl accelerators and edit roles', () => {
    const menu = JSON.stringify(rec.menu);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(menu).toContain(`"role":"${role}"`);
    expect(menu).toContain('CmdOrCtrl+C');
    expect(menu).toContain('"label":"Bewerken"');
  });

  it('focuses the existing window when a second instance starts', () => {
    expect(rec.app.listenerCount('second-instance')).toBe(1);
  });
});

describe('packaged build', () => {
  it('never contains the browser harness: not in the main bundle, not in the files electron-builder packs', () => {
    const bundle = fs.readFileSync(mainFile, 'utf8');
    expect(bundle).not.toContain('startHarness');
    expect(bundle).not.toMatch(/createServer\(/);
    const config = fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    const files = config.slice(config.indexOf('\nfiles:'), config.indexOf('\nasar:'));
    const included = files
      .split('\n')
      .map((line) => /^\s+- '?([^'#]+?)'?\s*$/.exec(line)?.[1])
      .filter((glob): glob is string => glob !== undefined && !glob.startsWith('!'));
    expect(included).toEqual(['out/**', 'package.json']);
    expect(config).toMatch(/runAsNode: false/);
    expect(config).toMatch(/enableNodeCliInspectArguments: false/);
    expect(config).toMatch(/onlyLoadAppFromAsar: true/);
  });
});

describe('Electron main process start-up', () => {
  it('quits at once when another instance holds the lock', async () => {
    const rec = await runMain({ lock: false, dataDir: path.join(tmp, 'locked') });
    expect(rec.quit).toBe(1);
    expect(rec.windows).toHaveLength(0);
    expect(rec.handlers.size).toBe(0);
  });

  it('shows a dialog instead of crashing when the database cannot be opened', async () => {
    const blocker = path.join(tmp, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the data folder should be');
    const rec = await runMain({ dataDir: blocker });
    expect(rec.errorBoxes).toHaveLength(1);
    expect(rec.errorBoxes[0]!.title).toBe('Kaizenbord kan de database niet openen');
    expect(rec.errorBoxes[0]!.body).toContain(path.join(blocker, 'kaizenbord.sqlite'));
    expect(rec.exitCode).toBe(1);
    expect(rec.windows).toHaveLength(0);
  });

  it('loads better-sqlite3 from the separately built binary, not from node_modules', async () => {
    // The same bundle in a folder without native/better_sqlite3.node next to it.
    const elsewhere = path.join(tmp, 'elsewhere', 'main', 'main.cjs');
    fs.mkdirSync(path.dirname(elsewhere), { recursive: true });
    fs.copyFileSync(mainFile, elsewhere);
    const rec = await runMain({ dataDir: path.join(tmp, 'no-binary'), file: elsewhere });
    expect(rec.errorBoxes).toHaveLength(1);
    expect(rec.errorBoxes[0]!.body).toContain(path.join(tmp, 'elsewhere', 'native', 'better_sqlite3.node'));
    expect(fs.existsSync(path.join(tmp, 'no-binary', 'kaizenbord.sqlite'))).toBe(false);
    expect(rec.exitCode).toBe(1);
  });

  it('shows a notice window while the worker migrates an older file, before the app window, and closes it once that shows', async () => {
    const { dir, file } = dataDirAt90('older');
    // Hold the write lock, so the worker's migration waits (its busy timeout is 5 s) until the notice is checked.
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const errors = vi.spyOn(console, 'error');
    let rec: Recorder;
    try {
      rec = await runMain({ dataDir: dir });
      closers.push(rec);
      await waitFor(() => rec.windows[0]?.loaded.length === 1, 'the notice page');
      expect(rec.log).toEqual(['created 1']);
      expect(rec.handlers.size).toBe(0);
      const notice = rec.windows[0]!;
      expect(notice.loaded).toEqual([NOTICE_URLS.migration]);
      expect(notice.menuRemoved).toBe(true);
      expect(notice.options).toMatchObject({ resizable: false, maximizable: false, fullscreenable: false, show: false });
      expect(notice.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(notice.options.webPreferences).not.toHaveProperty('preload');
      // The notice cannot be closed halfway (that would roll the migration back and redo it at the next start).
      notice.win.close();
      expect(notice.closed).toBe(false);
      // Same rules as the app window: no navigation, no new windows.
      let prevented = false;
      notice.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented).toBe(true);
      expect(notice.webContents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      // Its page comes from app:// with the app's CSP, in the user's language.
      const page = await rec.protocolHandlers.get('app')!(new Request(NOTICE_URLS.migration));
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('Kaizenbord wordt bijgewerkt.');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    await waitFor(() => rec.windows.length === 2, 'the app window');
    expect(rec.windows[1]!.loaded).toEqual(['app://kaizenbord/index.html']);
    // The worker finished (main.ts logs a migration that did not), so openService had nothing left to migrate.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    // The worker migrated and backed up the file before openService opened it.
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    probe.close();
    expect(listBackups(backupDirFor(file)).map((b) => b.kind)).toEqual(['pre-migration']);
    // The notice stays until the app window is ready to show, so the screen is never empty in between.
    expect(rec.log).toEqual(['created 1', 'created 2']);
    rec.windows[1]!.win.emit('ready-to-show');
    expect(rec.log).toEqual(['created 1', 'created 2', 'closed 1']);
    const boot = (await rec.handlers.get('app:bootstrap')!(appSender(rec, 1), {})) as Result<{ people: unknown[] }>;
    expect(boot.ok && boot.value.people.length).toBeGreaterThan(0);
    // The notice window's contents are not the app's: calls from it are refused.
    expect(await rec.handlers.get('app:bootstrap')!(appSender(rec, 0), {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('shows no notice window for a clean file at the latest version with a recent check', async () => {
    const { dir } = dataDirAt90('current');
    openDatabase(path.join(dir, 'kaizenbord.sqlite')).close();
    const rec = await runMain({ dataDir: dir });
    closers.push(rec);
    expect(rec.log).toEqual(['created 1']);
    expect(rec.windows[0]!.loaded).toEqual(['app://kaizenbord/index.html']);
  });

  it('after an unclean end shows the check notice while the worker checks the file, before the app window, and closes it once that shows', async () => {
    const { dir, file } = dataDirAt90('unclean');
    openDatabase(file).close();
    const checkedAt = () => {
      const db = new Database(file, { readonly: true });
      try {
        return Date.parse(JSON.parse(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LAST_FULL_CHECK_KEY) as string) as string);
      } finally {
        db.close();
      }
    };
    const before = checkedAt();
    const preMigration = () => listBackups(backupDirFor(file)).filter((b) => b.kind === 'pre-migration');
    // The one made when the setup migrated the file to the latest version.
    expect(preMigration()).toHaveLength(1);
    leaveUnclean(file);
    const errors = vi.spyOn(console, 'error');
    const rec = await runMain({ dataDir: dir });
    closers.push(rec);
    await waitFor(() => rec.windows.length === 2, 'the app window');
    expect(rec.windows[0]!.loaded).toEqual([NOTICE_URLS.check]);
    expect(rec.windows[0]!.menuRemoved).toBe(true);
    const page = await (await rec.protocolHandlers.get('app')!(new Request(NOTICE_URLS.check))).text();
    expect(page).toContain('<h1 id="title">Kaizenbord controleert je gegevens.</h1>');
    expect(page).toContain('Dit duurt even bij een grote database.');
    expect(rec.windows[1]!.loaded).toEqual(['app://kaizenbord/index.html']);
    // The worker checked the file in full and recorded it (openDatabase records only a passing full check), and
    // finished: main.ts logs an open in the worker that did not.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(checkedAt()).toBeGreaterThan(before);
    // Nothing to migrate, so no second pre-migration backup.
    expect(preMigration()).toHaveLength(1);
    // The notice stays until the app window is ready to show.
    expect(rec.log).toEqual(['created 1', 'created 2']);
    rec.windows[1]!.win.emit('ready-to-show');
    expect(rec.log).toEqual(['created 1', 'created 2', 'closed 1']);
    const boot = (await rec.handlers.get('app:bootstrap')!(appSender(rec, 1), {})) as Result<{ people: unknown[] }>;
    expect(boot.ok && boot.value.people.length).toBeGreaterThan(0);
  });

  it.each([
    ['after a failed migration (a damaged older file)', 'migration', false],
    ['after a failed full check (a damaged current file, where a call met damage in the last session)', 'check', true],
  ] as const)('%s closes the notice and serves the recovery screen, file untouched', async (_what, kind, current) => {
    const { dir, file } = dataDirAt90(`damaged-${kind}`);
    if (current) {
      openDatabase(file).close();
      fs.writeFileSync(damageMarkerFor(file), 'SQLITE_CORRUPT\n');
    }
    const bytes = damagePages(file);
    const rec = await runMain({ dataDir: dir });
    closers.push(rec);
    await waitFor(() => rec.windows.length === 2, 'the app window');
    expect(rec.windows[0]!.loaded).toEqual([NOTICE_URLS[kind]]);
    rec.windows[1]!.win.emit('ready-to-show');
    expect(rec.log).toEqual(['created 1', 'created 2', 'closed 1']);
    expect(await rec.handlers.get('recovery:status')!(appSender(rec, 1), {})).toMatchObject({ ok: true, value: { state: 'recovery', reason: 'damaged' } });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('serves the recovery screen for a file that is not a database, and leaves it untouched', async () => {
    const dir = path.join(tmp, 'garbage');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'kaizenbord.sqlite');
    const garbage = Buffer.from('this is not an SQLite database, just some bytes '.repeat(100));
    fs.writeFileSync(file, garbage);
    const rec = await runMain({ dataDir: dir });
    closers.push(rec);
    expect(rec.errorBoxes).toEqual([]);
    expect(rec.exitCode).toBeNull();
    expect(rec.windows).toHaveLength(1);
    const sender = { sender: { id: rec.windows[0]!.webContents.id }, senderFrame: { url: 'app://kaizenbord/index.html', parent: null } };
    expect(await rec.handlers.get('recovery:status')!(sender, {})).toMatchObject({ ok: true, value: { state: 'recovery', reason: 'damaged' } });
    expect(await rec.handlers.get('app:bootstrap')!(sender, {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    // "Begin leeg" keeps the file aside and opens an empty database.
    expect(await rec.handlers.get('recovery:reset')!(sender, {})).toEqual({ ok: true, value: { state: 'ok' } });
    expect(await rec.handlers.get('app:bootstrap')!(sender, {})).toMatchObject({ ok: true });
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('kaizenbord.damaged-'));
    expect(fs.readFileSync(path.join(dir, aside!)).equals(garbage)).toBe(true);
  });
});

describe('Electron preload (bundled, on a fake electron module)', () => {
  it('exposes window.kaizen with exactly one function per contract call, each invoking its own channel', async () => {
    const preloadFile = path.join(tmp, 'preload', 'preload.cjs');
    await build({ ...electronBundleOptions('electron/preload.ts', preloadFile), minify: false });
    const exposed: [string, unknown][] = [];
    const invoked: [string, unknown][] = [];
    const fake = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invoked.push([channel, input]);
          if (channel === 'ideas:delete') throw new Error('main process gone');
          return { ok: true, value: channel };
        },
      },
    };
    const original = moduleWithLoad._load;
    const loaded: string[] = [];
    moduleWithLoad._load = function (request, parent, isMain) {
      loaded.push(request);
      if (request === 'electron') return fake;
      return original.call(this, request, parent, isMain);
    };
    try {
      require(preloadFile);
    } finally {
      moduleWithLoad._load = original;
    }
    // A sandboxed preload can only require electron: everything else must be bundled.
    expect(loaded.filter((request) => request !== preloadFile)).toEqual(['electron']);
    expect(exposed.map(([k]) => k)).toEqual(['kaizen', 'kaizenHost']);
    const [key, api] = exposed[0] as [string, Record<string, (input: unknown) => Promise<Result<unknown>>>];
    expect(key).toBe('kaizen');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);

    expect(await api['people:create']!({ name: 'Noor' })).toEqual({ ok: true, value: 'people:create' });
    expect(invoked).toEqual([['people:create', { name: 'Noor' }]]);
    // A failing invoke still resolves to a Result, never a rejection in the page.
    expect(await api['ideas:delete']!({})).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'main process gone' } });

    // The host bridge: three functions on their own channels, frozen, nothing else.
    const host = exposed[1]![1] as Record<string, (request: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(host)).toBe(true);
    expect(Object.keys(host).sort()).toEqual(['openFile', 'print', 'saveFile']);
    invoked.length = 0;
    await host.saveFile!({ suggestedName: 'a.json' });
    await host.openFile!({ title: 'x' });
    await host.print!({ title: 'x' });
    expect(invoked.map(([channel]) => channel)).toEqual([HOST_CHANNELS.saveFile, HOST_CHANNELS.openFile, HOST_CHANNELS.print]);
  });
});
