/** Inzicht on the demo board in Chromium: charts drawn, tables behind their toggles, CSV download, print path. */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import path from 'node:path';
import { describeE2E, RESULTS_DIR, screenshot, startApp, type App } from './support';

describeE2E('Inzicht in Chromium, on the demo board', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ demo: true });
    page = app.page;
    await page.goto(app.harness.url);
    await page.getByRole('list', { name: 'Nieuw', exact: true }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  const figure = (name: string) => page.getByRole('region', { name, exact: true });

  it('opens Inzicht and draws the charts from the demo history', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Inzicht' }).click();
    await page.getByRole('heading', { name: 'Inzicht', level: 2 }).waitFor();
    const perWeek = figure('Ideeën per week, verbeter en verleuk');
    await perWeek.locator('svg[role="application"]').waitFor();
    expect(await perWeek.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // Twelve weekly bars per kind (some may be zero height), and a legend naming both kinds.
    await expect.poll(() => perWeek.locator('.recharts-legend-item-text').allTextContents()).toEqual(['Verbeter', 'Verleuk']);
    await figure('Onderhanden werk per kolom (eind van de week)').locator('.recharts-line').first().waitFor();
    expect(await page.getByText('Nog geen ideeën in deze periode').count()).toBe(0);
    await screenshot(page, 'insight-light');
    // Each part on its own, to look at the whole report: the view scrolls inside the window, so make the window as
    // tall as the report first (an element screenshot would otherwise cut a part at the window's edge).
    const viewport = page.viewportSize()!;
    const reportHeight = await page.evaluate(() => document.querySelector('.app__main')!.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: reportHeight + 80 });
    await screenshot(page, 'insight-full');
    for (const [n, part] of ['Deelname', 'Doorstroom', 'Resultaat', 'Waar', 'WIP-limieten'].entries()) {
      await page.getByRole('region', { name: part, exact: true }).screenshot({ path: path.join(RESULTS_DIR, `insight-part-${n + 1}.png`) });
    }
    await page.setViewportSize(viewport);
    expect(app.problems).toEqual([]);
  });

  it('shows a chart as a table with the toggle', async () => {
    const perWeek = figure('Ideeën per week, verbeter en verleuk');
    await perWeek.getByRole('button', { name: 'Toon tabel' }).click();
    const table = perWeek.getByRole('table', { name: 'Ideeën per week, verbeter en verleuk' });
    await table.waitFor();
    // A header row and twelve weeks.
    expect(await table.getByRole('row').count()).toBe(13);
    const total = await table.locator('tbody tr td:last-child').allTextContents();
    expect(total.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('downloads the ideas in view as CSV with a BOM and semicolons', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV exporteren' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kaizenbord-ideeen-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFFTitel;Omschrijving;Soort;Kolom;Touchpoint;')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    await page.getByText(/ideeën geëxporteerd\./).waitFor();
  });

  it('prints through the host, with a print stylesheet that drops the app chrome and shows every table', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    await figure('Onderhanden werk per kolom (eind van de week)').getByRole('table').waitFor();
    await screenshot(page, 'insight-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows a column over its WIP limit on the board, and how often it happened in Inzicht', async () => {
    await page.getByRole('button', { name: 'Beheer & instellingen' }).click();
    const field = page.getByRole('spinbutton', { name: 'Limiet voor Nieuw' });
    await field.fill('2');
    await field.press('Enter');
    await page.getByRole('button', { name: 'Bord' }).click();
    const heading = page.getByRole('heading', { name: /^Nieuw/, level: 2 });
    await expect.poll(() => heading.textContent()).toMatch(/\d+ \/ 2 — boven limiet/);
    await page.locator('[data-column="nieuw"]').screenshot({ path: path.join(RESULTS_DIR, 'insight-wip-column.png') });
    await page.getByRole('button', { name: 'Inzicht' }).click();
    const wip = page.getByRole('table', { name: 'WIP-limieten' });
    await wip.waitFor();
    expect(await wip.getByRole('row').count()).toBe(2);
    expect(await wip.getByRole('rowheader').textContent()).toBe('Nieuw');
  });

  it('reads well in the dark theme', async () => {
    await page.getByRole('button', { name: 'Beheer & instellingen' }).click();
    await page.getByRole('radio', { name: /Donker/ }).check();
    await page.getByRole('button', { name: 'Inzicht' }).click();
    await figure('Ideeën per week, verbeter en verleuk').locator('svg[role="application"]').waitFor();
    await screenshot(page, 'insight-dark');
    expect(app.problems).toEqual([]);
  });
});
