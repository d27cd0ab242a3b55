/**
 * Search as you type on a board of thousands of ideas, in Chromium through the harness: every column shows a page of
 * its matches with "Toon meer", counts stay honest ("1000+" where a search stops counting finished ideas), a
 * card found by search can be dragged, and a reload brings the board back whole.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, SEARCH_PAGE } from '../../shared/domain';
import { describeE2E, screenshot, startApp, type App } from './support';

const list = (page: Page, stage: string): Locator => page.getByRole('list', { name: stage, exact: true });
const section = (page: Page, stage: string): Locator => page.locator(`[data-column="${stage}"]`);

describeE2E('search on a large board', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    // 3,000 generated ideas: most are finished, a few hundred stand in the open columns.
    app = await startApp({ demo: 3000 });
    page = app.page;
    await page.goto(app.harness.url);
    await list(page, 'Nieuw').getByRole('listitem').first().waitFor();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('pages each column of a one-letter search, counts every match, and shows more on request', async () => {
    const search = page.getByRole('searchbox', { name: 'Zoeken' });
    await search.pressSequentially('e', { delay: 50 });
    const done = section(page, 'afgerond');
    // 3,000 ideas hold more than SEARCH_COUNT_CAP finished verbeter ideas with an "e": that count stops there.
    await expect.poll(() => done.locator('.board-column__total').textContent(), { timeout: 10_000 }).toMatch(/^\d{1,3}(\.\d{3})*\+$/);
    await expect(page.getByText(/^Meer dan \d{1,3}(\.\d{3})* ideeën passen bij de filters$/).count()).resolves.toBe(1);
    await done.getByText(`${SEARCH_COUNT_CAP.toLocaleString('nl-NL')}+ verbeter`).waitFor();

    // The fullest open column shows its first page and offers the rest.
    const more = page.getByRole('button', { name: /^Toon \d+ meer \(nog [\d.]+ niet getoond\)$/ }).first();
    await more.waitFor();
    const stage = (await more.evaluate((el) => el.closest('[data-column]')!.getAttribute('data-column')))!;
    const column = section(page, stage);
    const totalText = (await column.locator('.board-column__total').textContent())!;
    const total = Number(totalText.replace(/\./g, ''));
    expect(total).toBeGreaterThan(SEARCH_PAGE);
    await screenshot(page, 'search-paged');
    await more.click();
    await expect
      .poll(() => page.evaluate((s) => document.querySelectorAll(`[data-column="${s}"] [data-card-id]`).length, stage), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // After "Toon meer" the column holds up to twice the page, and its count is unchanged.
    await expect.poll(() => column.locator('.board-column__total').textContent()).toBe(totalText);
    expect(app.problems).toEqual([]);
  });

  it('finds an idea by a longer word, drags it to the next column, and after a reload it is still there', async () => {
    const search = page.getByRole('searchbox', { name: 'Zoeken' });
    // Scrolled down in the previous result: another filter shows each column from its top again.
    const nieuwBody = page.locator('[data-column="nieuw"] .board-column__body');
    await nieuwBody.evaluate((el) => (el.scrollTop = 2000));
    expect(await nieuwBody.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await search.fill('');
    await page.getByRole('button', { name: 'Filters wissen' }).click().catch(() => undefined);
    await expect.poll(() => nieuwBody.evaluate((el) => el.scrollTop)).toBe(0);
    // The whole board is back and settled; the card's id and name are read at once (two reads could straddle a render).
    await expect.poll(() => page.getByText(/passen bij de filters$/).count(), { timeout: 10_000 }).toBe(0);
    await page.waitForFunction(() => document.querySelector('[data-board]')?.getAttribute('aria-busy') === null);
    const first = page.locator('[data-column="nieuw"] [data-card-id]').first();
    const { id, label } = await first.evaluate((el) => ({ id: el.getAttribute('data-card-id')!, label: el.getAttribute('aria-label')! }));
    const title = label.split(/, (?:verbeter|verleuk),/i)[0]!;
    const word = title.split(/[^\p{L}]+/u).find((w) => w.length >= 5) ?? title;
    await search.pressSequentially(word.toLowerCase(), { delay: 30 });
    await expect.poll(() => page.getByText(/passen bij de filters$/).count(), { timeout: 10_000 }).toBe(1);
    const found = page.locator(`[data-column="nieuw"] [data-card-id="${id}"]`);
    await found.waitFor();
    // The result has landed and painted (no load in flight), and the card stands still in view.
    await page.waitForFunction(() => document.querySelector('[data-board]')?.getAttribute('aria-busy') === null);
    await found.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const from = (await found.boundingBox())!;
    const target = (await page.locator('[data-column="plan"] .board-column__body').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 4 });
    // Small steps with a frame between them, so dnd-kit sees the card pass over the column.
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(from.x + ((target.x + target.width / 2 - from.x) * i) / 20, from.y + ((target.y + 40 - from.y) * i) / 20);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(100);
    await page.mouse.up();
    try {
      await page.locator(`[data-column="plan"] [data-card-id="${id}"]`).waitFor({ timeout: 10_000 });
    } catch (e) {
      await screenshot(page, 'search-drop-failed');
      throw e;
    }

    await page.reload();
    await list(page, 'Plan').getByRole('listitem').first().waitFor();
    await page.getByRole('searchbox', { name: 'Zoeken' }).pressSequentially(word.toLowerCase(), { delay: 30 });
    await expect.poll(() => page.getByText(/passen bij de filters$/).count(), { timeout: 10_000 }).toBe(1);
    await page.waitForFunction(() => document.querySelector('[data-board]')?.getAttribute('aria-busy') === null);
    try {
      await page.locator(`[data-column="plan"] [data-card-id="${id}"]`).waitFor({ timeout: 10_000 });
    } catch (e) {
      await screenshot(page, 'search-reload-failed');
      throw e;
    }
    await screenshot(page, 'search-moved');
    expect(app.problems).toEqual([]);
  });
});
