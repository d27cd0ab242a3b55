/** The board on a narrow window (1024x700): the columns scroll sideways on their own, the page around them stays put. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, startApp, type App } from './support';

const scrolled = (page: Page) =>
  page.evaluate(() => ({
    page: window.scrollX,
    columns: document.querySelector('[data-board]')?.scrollLeft ?? -1,
  }));

describeE2E('the board on a narrow window, through the harness', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1024, height: 700 } });
    page = app.page;
    await page.goto(app.harness.url);
    await page.getByRole('list', { name: 'Nieuw', exact: true }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('dragging a card to the right edge scrolls the columns, not the whole page with its header', async () => {
    const source = page.getByRole('list', { name: 'Nieuw', exact: true }).getByRole('button', { name: / in Nieuw, / }).first();
    const from = (await source.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + 24, { steps: 4 });
    await page.mouse.move(1015, 350, { steps: 20 });
    // Auto-scroll runs while the pointer rests near the edge.
    await expect.poll(async () => (await scrolled(page)).columns, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await scrolled(page)).page).toBe(0);
    expect((await page.getByRole('banner').boundingBox())?.x).toBe(0);

    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(app.problems).toEqual([]);
  });
});
