/**
 * The notice window shown while the slow part of an open (an update's migrations, or the full check of the data)
 * runs in a worker (electron/migration-notice.ts), under plain Node.
 */
import { describe, expect, it } from 'vitest';
import type { NextOpen } from '../../db/migrate-in-worker';
import { NOTICE_TEXTS, NOTICE_URLS, noticeAsset, noticeFor, noticeHtml, noticeWindowOptions } from '../../electron/migration-notice';
import { META_CONTENT_SECURITY_POLICY } from '../../electron/security';

describe('start notice', () => {
  it('says in Dutch and English that the update runs once, may take a minute and backs up first', () => {
    const t = NOTICE_TEXTS.migration;
    expect(`${t.nl.title} ${t.nl.body}`).toBe('Kaizenbord wordt bijgewerkt. Dit gebeurt één keer en kan een minuut duren. Je gegevens worden eerst geback-upt.');
    expect(`${t.en.title} ${t.en.body}`).toBe('Updating Kaizenbord. This happens once and can take a minute. Your data is backed up first.');
  });

  it('says in Dutch and English that the data is being checked and that this takes a moment with a large database', () => {
    const t = NOTICE_TEXTS.check;
    expect(`${t.nl.title} ${t.nl.body}`).toBe('Kaizenbord controleert je gegevens. Dit duurt even bij een grote database.');
    expect(`${t.en.title} ${t.en.body}`).toBe('Kaizenbord is checking your data. This takes a moment with a large database.');
  });

  it.each(['migration', 'check'] as const)('the %s page carries its own title, body and progress label in the page language', (kind) => {
    for (const lang of ['nl', 'en'] as const) {
      const html = noticeHtml(kind, lang);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1 id="title">${NOTICE_TEXTS[kind][lang].title}</h1>`);
      expect(html).toContain(`<p id="body">${NOTICE_TEXTS[kind][lang].body}</p>`);
      // An indeterminate progress bar: the role without a value.
      expect(html).toContain(`role="progressbar" aria-label="${NOTICE_TEXTS[kind][lang].busy}"`);
      expect(html).not.toContain('aria-valuenow');
      expect(noticeAsset(NOTICE_URLS[kind], lang)).toEqual({ body: html, type: 'text/html; charset=utf-8' });
    }
  });

  it('lives under the app CSP: the same meta policy, no script, no inline style, its stylesheet from app://', () => {
    for (const kind of ['migration', 'check'] as const) {
      const html = noticeHtml(kind, 'en');
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`);
      expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1]!;
      expect(href.startsWith('app://kaizenbord/')).toBe(true);
      expect(noticeAsset(href, 'en')).toMatchObject({ type: 'text/css; charset=utf-8' });
    }
    expect(NOTICE_URLS.check).not.toBe(NOTICE_URLS.migration);
    // Only those three; anything else, or another host, is not the notice's.
    expect(noticeAsset('app://kaizenbord/index.html', 'nl')).toBeNull();
    expect(noticeAsset(NOTICE_URLS.migration.replace('kaizenbord', 'evil'), 'nl')).toBeNull();
    expect(noticeAsset(NOTICE_URLS.check.replace('kaizenbord', 'evil'), 'nl')).toBeNull();
  });

  it('stops its animation when the system asks for reduced motion', () => {
    const css = noticeAsset(new URL('notice.css', NOTICE_URLS.migration).href, 'nl')!.body;
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

  it('shows the update text for a migration, the check text for a full check alone, nothing for a quick open', () => {
    const migration = { from: 90, to: 100 };
    const cases: [NextOpen | null, ReturnType<typeof noticeFor>][] = [
      [{ migration, check: { level: 'full', reason: 'migration' } }, 'migration'],
      [{ migration, check: { level: 'full', reason: 'unclean' } }, 'migration'],
      [{ migration: null, check: { level: 'full', reason: 'unclean' } }, 'check'],
      [{ migration: null, check: { level: 'full', reason: 'stale' } }, 'check'],
      [{ migration: null, check: { level: 'full', reason: 'damage_seen' } }, 'check'],
      [{ migration: null, check: { level: 'full', reason: 'never' } }, 'check'],
      [{ migration: null, check: { level: 'cheap', reason: 'recent' } }, null],
      // A file nextOpen cannot look at: openService meets it and says why.
      [null, null],
    ];
    for (const [next, kind] of cases) expect(noticeFor(next), JSON.stringify(next)).toBe(kind);
  });
});
