/**
 * Electron main process: a thin shell around the core. It owns the window, the security policy, the native
 * menu and the database path; every call from the renderer goes through one IPC channel per contract entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
} from 'electron';
import { CALL_NAMES } from '../shared/contract';
import type { Result } from '../shared/result';
import { ensurePrivateDir } from '../db/backup';
import { migrateInWorker, nextOpen } from '../db/migrate-in-worker';
import { openService, type Service } from '../db/recovery';
import { registerHostHandlers } from './host';
import { NOTICE_URLS, noticeAsset, noticeFor, noticeWindowOptions } from './migration-notice';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  DB_FILE_NAME,
  SECURITY_HEADERS,
  contentTypeFor,
  isAppUrl,
  isTrustedSender,
  menuLanguage,
  resolveAppFile,
  resolveDataDir,
  windowOptions,
} from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'preload.cjs');
/** Bundled next to main.cjs by build/scripts/build-electron.mjs (MIGRATE_WORKER_FILE). */
const migrateWorkerPath = path.join(__dirname, 'migrate-worker.cjs');
/** better-sqlite3 built for Electron's ABI; node_modules keeps the Node build so `npm test` keeps working. */
const nativeBindingPath = app.isPackaged
  ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
  : path.join(__dirname, '..', 'native', 'better_sqlite3.node');

let mainWindow: BrowserWindow | null = null;
/** The core, or recovery mode when the database could not be opened (db/recovery.ts). */
let service: Service | null = null;

crashReporter.start({ uploadToServer: false });
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const lang = (): 'nl' | 'en' => menuLanguage(app.getPreferredSystemLanguages());

const texts = {
  nl: {
    dbTitle: 'Kaizenbord kan de database niet openen',
    dbBody: (file: string, reason: string) =>
      `De database in ${file} kon niet worden geopend.\n\n${reason}\n\nEr is niets gewijzigd of verwijderd. Sluit andere vensters van Kaizenbord en probeer het opnieuw.`,
    goneTitle: 'Het venster is vastgelopen',
    goneBody: 'Het venster van Kaizenbord reageert niet meer. Je gegevens zijn opgeslagen.',
    reload: 'Opnieuw laden',
    wait: 'Wachten',
    quit: 'Afsluiten',
    file: 'Bestand',
    edit: 'Bewerken',
    view: 'Beeld',
    window: 'Venster',
  },
  en: {
    dbTitle: 'Kaizenbord cannot open its database',
    dbBody: (file: string, reason: string) =>
      `The database at ${file} could not be opened.\n\n${reason}\n\nNothing was changed or deleted. Close other Kaizenbord windows and try again.`,
    goneTitle: 'The window stopped responding',
    goneBody: 'The Kaizenbord window stopped responding. Your data has been saved.',
    reload: 'Reload',
    wait: 'Wait',
    quit: 'Quit',
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
  },
} as const;

function buildMenu(): void {
  const t = texts[lang()];
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [isMac ? { role: 'close', accelerator: 'CmdOrCtrl+W' } : { role: 'quit', label: t.quit, accelerator: 'CmdOrCtrl+Q' }],
    },
    {
      label: t.edit,
      // Edit roles make copy/paste work in text fields (on macOS only through the menu). The renderer sees
      // CmdOrCtrl+Z first and uses it to undo a move outside text fields.
      submenu: [
        { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { role: 'redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', accelerator: 'CmdOrCtrl+R' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.window, submenu: [{ role: 'minimize', accelerator: 'CmdOrCtrl+M' }, ...(isMac ? [{ role: 'front' } as MenuItemConstructorOptions] : [])] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * The database's path, once its folder and the better-sqlite3 build for Electron are there. Only what the recovery
 * screen cannot help with (no data folder, no better-sqlite3 build for Electron) ends in a dialog (and null).
 */
function dataPath(): string | null {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  try {
    ensurePrivateDir(dataDir);
    if (!fs.existsSync(nativeBindingPath)) throw new Error(`better-sqlite3 for Electron is missing: ${nativeBindingPath} (npm run rebuild-electron)`);
  } catch (err) {
    const t = texts[lang()];
    const reason = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox(t.dbTitle, t.dbBody(dbPath, reason));
    return null;
  }
  return dbPath;
}

/**
 * When the next open is slow (an update brings migrations for existing data, or the file is due for the full check:
 * after an unclean end, weekly, after damage was seen), run that open (check, backup, migrations; a passing check
 * is recorded) in a worker thread while a small notice window says so, instead of freezing before any window
 * exists. Returns the notice window, which stays until the app window shows, or null when the open is quick. A
 * failure needs no handling here: openService meets it again and serves the recovery screen.
 */
async function openInWorkerWithNotice(dbPath: string): Promise<BrowserWindow | null> {
  const kind = noticeFor(nextOpen(dbPath, { nativeBinding: nativeBindingPath }));
  if (!kind) return null;
  const options = noticeWindowOptions();
  const notice = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  notice.removeMenu();
  let working = true;
  // Quitting halfway would roll a migration back and redo it (or the check) at the next start: the window stays.
  notice.on('close', (event) => {
    if (working) event.preventDefault();
  });
  notice.once('ready-to-show', () => {
    if (working) notice.show();
  });
  void notice.loadURL(NOTICE_URLS[kind]);
  const outcome = await migrateInWorker(dbPath, { workerFile: migrateWorkerPath, nativeBinding: nativeBindingPath });
  working = false;
  if (!outcome.ok) console.error(`The ${kind} did not finish (${outcome.failure.reason}): ${outcome.failure.detail}`);
  return notice;
}

/** Close the notice once the app window shows (or is gone), so the screen is never empty in between. */
function closeNoticeWhenShown(notice: BrowserWindow, win: BrowserWindow): void {
  const close = (): void => {
    if (!notice.isDestroyed()) notice.close();
  };
  win.once('ready-to-show', close);
  win.once('closed', close);
}

const trusted = (event: Electron.IpcMainInvokeEvent): boolean =>
  isTrustedSender(event.senderFrame, event.sender.id, mainWindow?.webContents.id ?? null);

function registerCalls(): void {
  const refused: Result<never> = { ok: false, error: { code: 'unavailable', message: 'Call refused: untrusted sender' } };
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!trusted(event)) return refused;
      if (!service) return { ok: false, error: { code: 'unavailable', message: 'Database is closed' } };
      try {
        return await service.call(name, input);
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
      }
    });
  }
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // Anything that is not the app's own scheme (http, https, file, ...) is never loaded.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const notice = noticeAsset(request.url, lang());
    if (notice) return new Response(notice.body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': notice.type } });
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}

function createWindow(): BrowserWindow {
  const options = windowOptions(preloadPath);
  // The security switches restated at the constructor (windowOptions already sets them; tests check both), so a
  // reader and electronegativity see them here.
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', () => offerReload(win));
  win.on('unresponsive', () => offerReload(win));
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function offerReload(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  const t = texts[lang()];
  void dialog
    .showMessageBox(win, { type: 'warning', title: t.goneTitle, message: t.goneBody, buttons: [t.reload, t.wait], defaultId: 0, cancelId: 1 })
    .then(({ response }) => {
      if (response === 0 && !win.isDestroyed()) void win.loadURL(APP_ENTRY_URL);
    });
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);

  // Every web contents, including any the page might try to create: no navigation, no popups, no webviews.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    service?.close();
    service = null;
  });

  void app.whenReady().then(async () => {
    const dbPath = dataPath();
    if (!dbPath) {
      app.exit(1);
      return;
    }
    lockDownSession();
    const notice = await openInWorkerWithNotice(dbPath);
    // Opens the database, or serves the recovery screen when it is damaged, unreadable, locked or too new.
    service = openService({ dbPath, nativeBinding: nativeBindingPath });
    registerCalls();
    registerHostHandlers({
      ipcMain,
      dialog,
      window: () => mainWindow,
      isTrusted: trusted,
      startDir: () => app.getPath('documents'),
    });
    buildMenu();
    const win = createWindow();
    if (notice) closeNoticeWhenShown(notice, win);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
