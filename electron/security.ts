/**
 * The Electron shell's security rules as plain data and pure functions, so they can be unit-tested under
 * Node without an Electron binary. This module must never import `electron` at runtime (types only).
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

export { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, contentTypeFor } from '../db/harness-security';

/** The renderer is served from this privileged custom scheme instead of file:// (Electron security checklist). */
export const APP_SCHEME = 'app';
const APP_HOST = 'kaizenbord';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Options of the one app window: an untrusted renderer with no Node and no way out of its sandbox. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Kaizenbord',
    backgroundColor: '#f7f4ef',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Middle-click (auxclick) could otherwise open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      defaultEncoding: 'UTF-8',
      enableWebSQL: false,
      safeDialogs: true,
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL of the app itself (app://kaizenbord/...). Parsed with `new URL`, never string matching,
 * so tricks like `app://kaizenbord.evil.com` or `app://evil@kaizenbord` do not pass.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The shape of Electron's WebFrameMain that the sender check needs. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * An IPC call is accepted only from the top frame of the app's own window showing the app's own page.
 * `senderFrame` is null when the frame navigated or was destroyed meanwhile: refuse that too.
 */
export function isTrustedSender(
  senderFrame: SenderFrame | null | undefined,
  senderId: number,
  appWebContentsId: number | null,
): boolean {
  if (!senderFrame) return false;
  if (appWebContentsId === null || senderId !== appWebContentsId) return false;
  if (senderFrame.parent !== null) return false;
  return isAppUrl(senderFrame.url);
}

/**
 * Maps a request for app://kaizenbord/<path> to a file inside `rootDir`, or null when it points outside
 * (path traversal, encoded separators, another host). An empty path serves index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = new URL(requestUrl);
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** Language for the native menu from the OS's preferred languages. */
export function menuLanguage(preferred: readonly string[]): 'nl' | 'en' {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('nl')) return 'nl';
    if (lower.startsWith('en')) return 'en';
  }
  return 'nl';
}

/** Where the database lives: KAIZENBORD_DATA_DIR (tests, portable use) wins over Electron's userData folder. */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, userDataDir: string): string {
  const override = env.KAIZENBORD_DATA_DIR?.trim();
  return override ? path.resolve(override) : userDataDir;
}

export const DB_FILE_NAME = 'kaizenbord.sqlite';
