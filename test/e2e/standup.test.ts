/**
 * The stand-up in Chromium through the harness, on the demo board: open it, walk two columns with the keyboard,
 * tick attendees, write a note, thank someone, finish; after a reload the record and the thanks are still there.
 * Screenshots: the normal layout, the presenter layout and the print layout.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, screenshot, startApp, type App } from './support';

const NOTE = 'Wachtrij bij de balie loopt terug; volgende week meten.';
const THANKS = 'Dank voor het meedenken over de wachtrij!';

describeE2E('the stand-up in Chromium, through the harness', () => {
  let app: App;
  let page: Page;
  let thanked = '';
  const walkHeading = (stage: string) => page.getByRole('heading', { level: 3, name: new RegExp(`^${stage}`) });

  beforeAll(async () => {
    app = await startApp({ demo: true });
    page = app.page;
    await page.goto(app.harness.url);
    // The demo board signs in as its first person.
    await page.getByRole('button', { name: /^Ingelogd als / }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens the stand-up with the digest since last time', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Stand-up' }).click();
    await page.getByRole('heading', { level: 2, name: 'Stand-up' }).waitFor();
    await page.getByText('De afgelopen 7 dagen (nog geen eerdere stand-up)', { exact: true }).waitFor();
    for (const section of ['Nieuwe ideeën', 'Verplaatst', 'Klaar voor Check', 'Staat stil', 'Zonder eigenaar', 'Nieuwe standaard']) {
      await page.getByRole('region', { name: new RegExp(`^${section}`) }).waitFor();
    }
    await page.getByRole('timer', { name: 'Resterende tijd' }).waitFor();
    await screenshot(page, 'standup-digest');
    // Long lists show their first eight; "Toon alle" (or, past the digest's 50, "Toon de eerste 50") opens the rest.
    const moved = page.getByRole('region', { name: /^Verplaatst/ });
    expect(await moved.getByRole('listitem').count()).toBe(8);
    const count = Number((await moved.getByRole('heading').textContent())!.replace(/\D/g, ''));
    const all = moved.getByRole('button', { name: /^Toon (alle|de eerste) \d+$/ });
    const listed = Number((await all.textContent())!.replace(/\D/g, ''));
    expect(listed).toBe(Math.min(count, 50));
    expect(listed).toBeGreaterThan(8);
    await all.click();
    await expect.poll(() => moved.getByRole('listitem').count()).toBe(listed);
    if (count > listed) await moved.getByText(`en nog ${count - listed}`).waitFor();
    await moved.getByRole('button', { name: 'Toon minder' }).click();
  });

  it('walks two columns with the keyboard, right to left', async () => {
    await page.getByRole('button', { name: 'Begin bij Afgerond' }).click();
    await walkHeading('Afgerond').waitFor();
    await page.keyboard.press('ArrowRight');
    await walkHeading('Act').waitFor();
    await expect.poll(() => walkHeading('Act').textContent()).toContain('Kolom 2 van 6');
    await page.keyboard.press('ArrowRight');
    await walkHeading('Check').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('standup-walk-heading');
    await page.keyboard.press('ArrowLeft');
    await walkHeading('Act').waitFor();
    await page.keyboard.press('ArrowRight');
    await walkHeading('Check').waitFor();
  });

  it('ticks attendees and writes a note', async () => {
    const side = page.getByRole('complementary', { name: 'Aanwezigen, notities en afspraken' });
    const boxes = side.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await side.getByText('2 van').waitFor();
    await side.getByRole('textbox', { name: 'Notities' }).fill(NOTE);
    await side.getByRole('textbox', { name: 'Nieuwe afspraak' }).fill('Balie meet de wachttijd een week lang');
    await side.getByRole('textbox', { name: 'Nieuwe afspraak' }).press('Enter');
    await side.getByRole('textbox', { name: 'Afspraak 1' }).waitFor();
    await screenshot(page, 'standup-walk');
  });

  it('shows the presenter layout large on the screen, and Esc closes it', async () => {
    await page.getByRole('button', { name: 'Presentatie', exact: true }).click();
    await page.locator('.standup-meeting--presenter').waitFor();
    await walkHeading('Check').waitFor();
    await screenshot(page, 'standup-presenter');
    // Headless Chromium may refuse full screen; the large layout works either way and Esc leaves it.
    await page.keyboard.press('Escape');
    await page.locator('.standup-meeting--presenter').waitFor({ state: 'detached' });
  });

  it('thanks someone for an idea from the walk', async () => {
    const firstCard = page.locator('.standup-walk__cards > li').first();
    await firstCard.waitFor();
    await firstCard.getByRole('button', { name: /^Bedank voor / }).click();
    const dialog = page.getByRole('dialog', { name: /^Bedank voor / });
    await dialog.waitFor();
    const who = dialog.getByRole('combobox', { name: 'Bedank' });
    thanked = (await who.locator('option:checked').textContent()) ?? '';
    expect(thanked).not.toBe('');
    await dialog.getByRole('textbox', { name: 'Bericht' }).fill(THANKS);
    await dialog.getByRole('button', { name: 'Bedankje versturen' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('prints a one-page summary with the print stylesheet', async () => {
    // The printable area of A4 with 14 mm margins, at 96 dpi: 182 × 269 mm.
    const mm = 96 / 25.4;
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: Math.floor(182 * mm), height: Math.floor(269 * mm) });
    await page.emulateMedia({ media: 'print' });
    const summary = page.locator('.standup-print');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(NOTE);
    await screenshot(page, 'standup-print');
    // One page: the summary of this demo stand-up (dozens of ideas in the digest) fits the printable height.
    const height = await summary.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(269 * mm);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(viewport);
    expect(await summary.isVisible()).toBe(false);
  });

  it('finishes the stand-up; after a reload the record and the thanks are there', async () => {
    await page.getByRole('button', { name: 'Stand-up afronden' }).click();
    await page.getByText(/^Stand-up van .* bewaard: 2 aanwezig/).waitFor();

    await page.reload();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Stand-up' }).click();
    await page.getByText(/^Sinds de stand-up van/).waitFor();
    await page.getByRole('region', { name: /^Bedankt sinds vorige keer/ }).waitFor();

    await page.getByRole('button', { name: 'Eerdere stand-ups' }).click();
    const past = page.getByRole('region', { name: 'Eerdere stand-ups' });
    await past.getByText(NOTE).waitFor();
    await past.getByText('Balie meet de wachttijd een week lang').waitFor();
    expect(await past.locator('.standup-past__item').count()).toBe(1);
    await screenshot(page, 'standup-past');

    await page.getByRole('button', { name: 'Dankmuur' }).click();
    const wall = page.getByRole('region', { name: 'Dankmuur' });
    await wall.getByText(THANKS).waitFor();
    await wall.getByRole('button', { name: `Pagina van ${thanked}` }).first().click();
    const person = page.getByRole('dialog', { name: thanked });
    await person.getByRole('region', { name: /^Bedankjes gekregen/ }).getByText(THANKS).waitFor();
    await screenshot(page, 'standup-person');
    expect(app.problems).toEqual([]);
  });
});
