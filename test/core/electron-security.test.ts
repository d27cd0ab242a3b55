import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  contentTypeFor,
  isAppUrl,
  isTrustedSender,
  menuLanguage,
  resolveAppFile,
  resolveDataDir,
  windowOptions,
} from '../../electron/security';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('window options', () => {
  it('isolate the renderer: context isolation and sandbox on, Node integration and webviews off', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('content security policy', () => {
  it('allows only the app itself and forbids objects, base changes, forms and framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+(.*)/, 2) as [string, string]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('is repeated in the meta tag of renderer/index.html, minus frame-ancestors (ignored in meta tags)', () => {
    const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });

  it('travels with nosniff on every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('app URLs', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://kaizenbord/assets/index-abc.js', true],
    ['app://kaizenbord', true],
    ['app://kaizenbord.evil.com/index.html', false],
    ['app://evil@kaizenbord/index.html', false],
    ['app://kaizenbord:8080/index.html', false],
    ['app://other/index.html', false],
    ['https://kaizenbord/index.html', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:5174/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('IPC sender check', () => {
  const top = { url: APP_ENTRY_URL, parent: null };

  it('accepts the top frame of the app window on the app page', () => {
    expect(isTrustedSender(top, 7, 7)).toBe(true);
  });

  it.each([
    ['a null frame (navigated or destroyed)', null, 7, 7],
    ['an undefined frame', undefined, 7, 7],
    ['another web contents', top, 8, 7],
    ['no app window yet', top, 7, null],
    ['a sub frame', { url: APP_ENTRY_URL, parent: {} }, 7, 7],
    ['a foreign page in the app window', { url: 'https://evil.example/', parent: null }, 7, 7],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }, 7, 7],
  ] as const)('refuses %s', (_label, frame, senderId, appId) => {
    expect(isTrustedSender(frame, senderId, appId)).toBe(false);
  });
});

describe('app:// file resolution', () => {
  const dir = path.join(root, 'out', 'renderer');

  it('maps the root and asset paths into the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://kaizenbord/')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://kaizenbord/index.html')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://kaizenbord/assets/a%20b.js')).toBe(path.join(dir, 'assets', 'a b.js'));
  });

  it.each([
    'app://kaizenbord/../../etc/passwd',
    'app://kaizenbord/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://kaizenbord/%2e%2e/%2e%2e/etc/passwd',
    'app://kaizenbord/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://kaizenbord/..%5c..%5cwindows',
    'app://kaizenbord/index.html%00.png',
    'app://kaizenbord/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    // The URL parser folds plain ../ away; whatever is left must stay inside the renderer folder.
    const resolved = resolveAppFile(dir, url);
    expect(resolved === null || resolved.startsWith(dir + path.sep)).toBe(true);
  });

  it('serves known types with their content type and everything else as opaque bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/readme')).toBe('application/octet-stream');
  });
});

describe('shell settings', () => {
  it('puts the database in userData unless KAIZENBORD_DATA_DIR says otherwise', () => {
    expect(resolveDataDir({}, '/home/a/.config/Kaizenbord')).toBe('/home/a/.config/Kaizenbord');
    expect(resolveDataDir({ KAIZENBORD_DATA_DIR: '  ' }, '/u')).toBe('/u');
    expect(resolveDataDir({ KAIZENBORD_DATA_DIR: '/tmp/kb-test' }, '/u')).toBe('/tmp/kb-test');
  });

  it('picks the menu language from the OS preferences, Dutch first', () => {
    expect(menuLanguage(['en-GB', 'nl-NL'])).toBe('en');
    expect(menuLanguage(['nl-BE'])).toBe('nl');
    expect(menuLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(menuLanguage(['fr-FR'])).toBe('nl');
  });
});

describe('electron/security.ts', () => {
  it('has no runtime Electron import, so it runs under plain Node', () => {
    const security = fs.readFileSync(path.join(root, 'electron', 'security.ts'), 'utf8');
    expect(security.match(/^import (?!type )[^;]*from 'electron'/gm)).toBeNull();
  });
});
