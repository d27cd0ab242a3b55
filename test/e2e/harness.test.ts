import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, screenshot, startApp, type App } from './support';

describeE2E('browser harness in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ demo: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the app with its CSP to the browser and loads the demo board without errors', async () => {
    const response = await app.page.goto(app.harness.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => app.page.getByRole('list', { name: /^Nieuw\b/ }).count(), { timeout: 20_000 }).toBe(1);
    await screenshot(app.page, 'demo-board');
    expect(app.problems).toEqual([]);
  });

  it('serves a production build of React, even when the build ran under vitest (NODE_ENV=test)', async () => {
    const html = await (await fetch(app.harness.origin)).text();
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await (await fetch(new URL(script!, app.harness.origin))).text();
    // The development build of React is several times slower and larger; it must never be what users get.
    expect(js).not.toContain('jsxDEV');
  });

  it('refuses a request with a foreign Host, even from a page on the harness (DNS rebinding)', async () => {
    const token = { 'x-kaizenbord-token': app.harness.token };
    const foreignHost = await app.page.request.post(`${app.harness.origin}api/people:create`, {
      headers: { host: 'rebind.evil.example', 'content-type': 'application/json', ...token },
      data: { name: 'Mallory' },
    });
    expect(foreignHost.status()).toBe(403);

    const foreignOrigin = await app.page.request.post(`${app.harness.origin}api/people:create`, {
      headers: { origin: 'http://evil.example', 'content-type': 'application/json', ...token },
      data: { name: 'Mallory' },
    });
    expect(foreignOrigin.status()).toBe(403);

    // Without the token even the harness's own origin gets nothing.
    const noToken = await app.page.request.post(`${app.harness.origin}api/people:create`, {
      headers: { 'content-type': 'application/json' },
      data: { name: 'Mallory' },
    });
    expect(noToken.status()).toBe(401);

    // The page's own calls still work (the token came in the address's fragment and left the address bar), and
    // Mallory was never written.
    expect(app.page.url()).toBe(app.harness.origin);
    const people = await app.page.evaluate(async () => {
      const token = sessionStorage.getItem('kaizenbord-harness-token') ?? '';
      const headers = { 'content-type': 'application/json', 'x-kaizenbord-token': token };
      const res = await fetch('/api/app:bootstrap', { method: 'POST', headers, body: '{}' });
      const body = (await res.json()) as { ok: boolean; value: { people: { name: string }[] } };
      return body.value.people.map((p) => p.name);
    });
    expect(people.length).toBeGreaterThan(0);
    expect(people).not.toContain('Mallory');
  });

  it('blocks what the CSP forbids: injected inline script and connections to other hosts', async () => {
    const outcome = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      let fetched = 'fetch ran';
      try {
        await fetch('http://example.com/');
      } catch {
        fetched = 'fetch blocked';
      }
      return { injected: (window as unknown as { __injected?: boolean }).__injected === true, fetched };
    });
    expect(outcome).toEqual({ injected: false, fetched: 'fetch blocked' });
    // Both refusals are logged as console errors: expected here, so they are not counted as problems.
    app.problems.length = 0;
  });
});
