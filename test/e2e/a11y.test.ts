/**
 * Accessibility audit with axe-core in real Chromium (jsdom cannot compute contrast): the demo board in light
 * and dark, capture, an idea's detail, settings, the stand-up, Inzicht, and the first-run "Wie ben je?" dialog. Any WCAG 2.1 A/AA
 * violation fails the test and is listed with its elements.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { audit, describeE2E, screenshot, startApp, type App } from './support';

describeE2E('accessibility (axe-core, WCAG 2.1 AA) in Chromium', () => {
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

  it('the demo board has no violations in the light theme', async () => {
    expect(await audit(page)).toEqual([]);
  });

  it('capture has no violations', async () => {
    await page.getByRole('button', { name: 'Nieuw idee', exact: true }).click();
    await page.getByRole('dialog', { name: 'Nieuw idee' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it("an idea's detail has no violations", async () => {
    await page.getByRole('list', { name: 'Check', exact: true }).getByRole('button').first().click();
    await page.getByRole('dialog').getByRole('group', { name: 'Check' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('settings have no violations', async () => {
    await page.getByRole('button', { name: 'Beheer & instellingen' }).click();
    await page.getByRole('region', { name: 'Mensen' }).waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it('the stand-up has no violations: digest, walk, Dankmuur', async () => {
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('button', { name: 'Stand-up' }).click();
    await page.getByRole('timer', { name: 'Resterende tijd' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Begin bij Afgerond' }).click();
    await page.getByRole('heading', { level: 3, name: /^Afgerond/ }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dankmuur' }).click();
    await page.getByRole('heading', { name: 'Dankmuur' }).first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Onderdelen van de stand-up' }).getByRole('button', { name: 'Stand-up', exact: true }).click();
    await page.getByRole('timer', { name: 'Resterende tijd' }).waitFor();
  });

  it('Inzicht has no violations, with every data table open', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Inzicht' }).click();
    await page.getByRole('heading', { name: 'Inzicht', level: 2 }).waitFor();
    const toggles = page.getByRole('button', { name: 'Toon tabel' });
    await toggles.first().waitFor();
    while ((await toggles.count()) > 0) await toggles.first().click();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Beheer & instellingen' }).click();
    await page.getByRole('region', { name: 'Mensen' }).waitFor();
  });

  it('the board, settings, stand-up and Inzicht have no violations in the dark theme', async () => {
    await page.getByRole('radio', { name: /Donker/ }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Bord' }).click();
    await page.getByRole('list', { name: 'Nieuw', exact: true }).waitFor();
    await screenshot(page, 'board-dark');
    expect(await audit(page)).toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('button', { name: 'Stand-up' }).click();
    await page.getByRole('timer', { name: 'Resterende tijd' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await nav.getByRole('button', { name: 'Inzicht' }).click();
    await page.getByRole('heading', { name: 'Inzicht', level: 2 }).waitFor();
    await page.getByRole('region', { name: 'Deelname', exact: true }).waitFor();
    expect(await audit(page)).toEqual([]);
  });

  it('the first-run "Wie ben je?" dialog has no violations', async () => {
    const first = await startApp();
    try {
      await first.page.goto(first.harness.url);
      await first.page.getByRole('dialog', { name: 'Wie ben je?' }).waitFor();
      expect(await audit(first.page)).toEqual([]);
    } finally {
      await first.close();
    }
  });
});
