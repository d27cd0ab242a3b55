/**
 * The window itself never scrolls: each view scrolls inside the app, below the fixed header. Content that is
 * positioned absolutely (screen-reader-only labels, chart tooltips) once made the document taller than the window,
 * so the wheel could scroll the whole app away into an empty page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, startApp, type App } from './support';

describeE2E('window layout in Chromium', () => {
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

  const documentOverflow = () =>
    page.evaluate(() => ({
      height: document.documentElement.scrollHeight - window.innerHeight,
      width: document.documentElement.scrollWidth - window.innerWidth,
    }));

  it.each([
    ['Bord', () => page.getByRole('list', { name: 'Afgerond', exact: true })],
    ['Stand-up', () => page.getByRole('timer', { name: 'Resterende tijd' })],
    ['Inzicht', () => page.getByRole('region', { name: 'Waar', exact: true })],
    ['Beheer & instellingen', () => page.getByRole('region', { name: 'Mensen' })],
  ] as const)('%s fits the window; only the view itself scrolls', async (view, ready) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: view, exact: true }).click();
    await ready().waitFor();
    expect(await documentOverflow()).toEqual({ height: 0, width: 0 });
  });

  it.each([1100, 1440, 1920])('typing in search never moves the board (%i px wide)', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Bord', exact: true }).click();
    const board = page.getByRole('region', { name: 'PDCA-bord' });
    await board.waitFor();
    const top = async () => (await board.boundingBox())!.y;
    const before = await top();
    const search = page.getByRole('searchbox', { name: 'Zoeken' });
    // The count of matches and "Filters wissen" appear with the first key: the board stays where it is.
    await search.fill('k');
    await page.getByRole('button', { name: 'Filters wissen' }).waitFor();
    expect(await top()).toBe(before);
    await page.getByText(/passen bij de filters/).waitFor();
    expect(await top()).toBe(before);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByRole('button', { name: 'Filters wissen' }).waitFor({ state: 'detached' });
    expect(await top()).toBe(before);
  });
});
