/**
 * The small window shown while the one-time migrations of an update run (db/migrate-in-worker.ts): its texts, its
 * page and stylesheet (served from memory by the app:// protocol, under the app's own Content-Security-Policy) and
 * its window options. Plain data and pure functions, tested under Node: type-only Electron imports.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, META_CONTENT_SECURITY_POLICY, isAppUrl, windowOptions } from './security';

export const NOTICE_TEXTS = {
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
} as const;

/** The notice page; its folder name cannot clash with the renderer's files (Vite writes index.html and assets/). */
export const NOTICE_URL = new URL('/_updating/notice.html', APP_ENTRY_URL).href;
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

/** The notice page in the given language. */
export function noticeHtml(lang: 'nl' | 'en'): string {
  const t = NOTICE_TEXTS[lang];
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

/** The notice's page or stylesheet for a request to app://, or null for any other URL (served as a file then). */
export function noticeAsset(url: string, lang: 'nl' | 'en'): { body: string; type: string } | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  if (pathname === new URL(NOTICE_URL).pathname) return { body: noticeHtml(lang), type: 'text/html; charset=utf-8' };
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
