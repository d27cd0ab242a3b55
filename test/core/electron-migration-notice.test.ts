/** The notice window shown while an update migrates the database (electron/migration-notice.ts), under plain Node. */
import { describe, expect, it } from 'vitest';
import { NOTICE_TEXTS, NOTICE_URL, noticeAsset, noticeHtml, noticeWindowOptions } from '../../electron/migration-notice';
import { META_CONTENT_SECURITY_POLICY } from '../../electron/security';

describe('migration notice', () => {
  it('says in Dutch and English that the update runs once, may take a minute and backs up first', () => {
    expect(noticeHtml('nl')).toContain('<html lang="nl">');
    expect(`${NOTICE_TEXTS.nl.title} ${NOTICE_TEXTS.nl.body}`).toBe(
      'Kaizenbord wordt bijgewerkt. Dit gebeurt één keer en kan een minuut duren. Je gegevens worden eerst geback-upt.',
    );
    expect(`${NOTICE_TEXTS.en.title} ${NOTICE_TEXTS.en.body}`).toBe('Updating Kaizenbord. This happens once and can take a minute. Your data is backed up first.');
    for (const lang of ['nl', 'en'] as const) {
      const html = noticeHtml(lang);
      expect(html).toContain(NOTICE_TEXTS[lang].title);
      expect(html).toContain(NOTICE_TEXTS[lang].body);
      // An indeterminate progress bar: the role without a value.
      expect(html).toMatch(/role="progressbar" aria-label="[^"]+"/);
      expect(html).not.toContain('aria-valuenow');
    }
  });

  it('lives under the app CSP: the same meta policy, no script, no inline style, its stylesheet from app://', () => {
    const html = noticeHtml('en');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`);
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1]!;
    expect(href.startsWith('app://kaizenbord/')).toBe(true);
    expect(noticeAsset(href, 'en')).toMatchObject({ type: 'text/css; charset=utf-8' });
    expect(noticeAsset(NOTICE_URL, 'en')).toEqual({ body: html, type: 'text/html; charset=utf-8' });
    // Only those two; anything else, or another host, is not the notice's.
    expect(noticeAsset('app://kaizenbord/index.html', 'nl')).toBeNull();
    expect(noticeAsset(NOTICE_URL.replace('kaizenbord', 'evil'), 'nl')).toBeNull();
  });

  it('stops its animation when the system asks for reduced motion', () => {
    const css = noticeAsset(new URL('notice.css', NOTICE_URL).href, 'nl')!.body;
    expect(css).toMatch(/animation: slide/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\) \{[^}]*animation: none/);
  });

  it('is a small fixed-size window, sandboxed, without Node and without a preload', () => {
    const options = noticeWindowOptions();
    expect(options).toMatchObject({ resizable: false, maximizable: false, fullscreenable: false, show: false });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });
});
