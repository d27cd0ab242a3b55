/**
 * The small window shown while the slow part of an open runs in a worker (db/migrate-in-worker.ts): the one-time
 * migrations of an update, or the full check of the data (after an unclean end, weekly, after damage was seen).
 * Its texts, its pages and stylesheet (served from memory by the app:// protocol, under the app's own
 * Content-Security-Policy), its window options and which notice an open calls for. Plain data and pure functions,
 * tested under Node: type-only Electron imports.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { NextOpen } from '../db/migrate-in-worker';
import { APP_ENTRY_URL, META_CONTENT_SECURITY_POLICY, isAppUrl, windowOptions } from './security';

/** What the worker does while the notice shows. */
export type NoticeKind = 'migration' | 'check';

export const NOTICE_TEXTS = {
  migration: {
    nl: {
      title: 'Kaizenbord wordt bijgewerkt.',
      body: 'Dit gebeurt één keer en kan een minuut duren. Je gegevens worden eerst geback-upt.',
      busy: 'Bezig met bijwerken',
    },
    en: {
      title: 'Updating Kaizenbord.',
      body: 'This happens once and can take a minute. Your data is backed up first.',
      busy: 'Updating',
    },
  },
  check: {
    nl: {
      title: 'Kaizenbord controleert je gegevens.',
      body: 'Dit duurt even bij een grote database.',
      busy: 'Bezig met controleren',
    },
    en: {
      title: 'Kaizenbord is checking your data.',
      body: 'This takes a moment with a large database.',
      busy: 'Checking',
    },
  },
} as const;

/**
 * The notice the next open calls for: a migration (which checks in full first) or a full check alone; null when
 * the open is quick (cheap checks only) or cannot be looked at (openService meets that file and says why).
 */
export function noticeFor(next: NextOpen | null): NoticeKind | null {
  if (next?.migration) return 'migration';
  return next?.check.level === 'full' ? 'check' : null;
}

/** The notice pages; their folder name cannot clash with the renderer's files (Vite writes index.html and assets/). */
export const NOTICE_URLS: Readonly<Record<NoticeKind, string>> = {
  migration: new URL('/_updating/notice.html', APP_ENTRY_URL).href,
  check: new URL('/_updating/check.html', APP_ENTRY_URL).href,
};
const NOTICE_CSS_URL = new URL('/_updating/notice.css', APP_ENTRY_URL).href;

const CSS = `:root { color-scheme: light dark; --bg: #f7f4ef; --fg: #1f2328; --track: #ddd6cc; --bar: #2f6f5e; }
@media (prefers-color-scheme: dark) { :root { --bg: #1d1f22; --fg: #eceae6; --track: #3a3d42; --bar: #7cc3ad; } }
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--fg); }
body { display: flex; align-items: center; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { padding: 20px 28px; }
h1 { font-size: 17px; margin: 0 0 6px; }
p { margin: 0 0 18px; }
.bar { position: relative; height: 6px; border-radius: 3px; overflow: hidden; background: var(--track); }
.bar span { position: absolute; top: 0; bottom: 0; width: 35%; border-radius: 3px; background: var(--bar); animation: slide 1.6s ease-in-out infinite; }
@keyframes slide { from { left: -35%; } to { left: 100%; } }
@media (prefers-reduced-motion: reduce) { .bar span { animation: none; left: 0; width: 100%; opacity: 0.55; } }
`;

/** A notice page in the given language. */
export function noticeHtml(kind: NoticeKind, lang: 'nl' | 'en'): string {
  const t = NOTICE_TEXTS[kind][lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">
<title>Kaizenbord</title>
<link rel="stylesheet" href="${NOTICE_CSS_URL}">
</head>
<body>
<main>
<h1 id="title">${t.title}</h1>
<p id="body">${t.body}</p>
<div class="bar" role="progressbar" aria-label="${t.busy}" aria-describedby="title body"><span></span></div>
</main>
</body>
</html>
`;
}

/** A notice page or the stylesheet for a request to app://, or null for any other URL (served as a file then). */
export function noticeAsset(url: string, lang: 'nl' | 'en'): { body: string; type: string } | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  for (const kind of ['migration', 'check'] as const) {
    if (pathname === new URL(NOTICE_URLS[kind]).pathname) return { body: noticeHtml(kind, lang), type: 'text/html; charset=utf-8' };
  }
  if (pathname === new URL(NOTICE_CSS_URL).pathname) return { body: CSS, type: 'text/css; charset=utf-8' };
  return null;
}

/**
 * A small, plain, fixed-size window with the app window's security settings but no preload: the page needs no
 * bridge, so it gets none.
 */
export function noticeWindowOptions(): BrowserWindowConstructorOptions {
  const webPreferences = { ...windowOptions('').webPreferences, spellcheck: false };
  delete webPreferences.preload;
  return {
    width: 460,
    height: 190,
    useContentSize: true,
    resizable: false,
    maximizable: false,
    fullscreenable: false,
    center: true,
    show: false,
    title: 'Kaizenbord',
    backgroundColor: '#f7f4ef',
    autoHideMenuBar: true,
    webPreferences,
  };
}
