import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, screenshot, startApp, type App } from './support';

const PERSON = 'Eva Jansen';
const IDEA_A = 'Terugbellen binnen een uur';
const IDEA_B = 'Bloemetje bij de oplevering';
const CHECK_RESULT = 'Acht van de tien klanten binnen het uur teruggebeld; klantcijfer van 6 naar 8.';

const column = (page: Page, stage: string): Locator => page.getByRole('list', { name: stage, exact: true });
/** A card is a button whose accessible name starts with the idea's title. */
const card = (scope: Page | Locator, title: string): Locator => scope.getByRole('button', { name: new RegExp(`^${title}`) });

async function eventually(check: () => Promise<unknown>, timeout = 10_000): Promise<void> {
  await expect.poll(async () => {
    try {
      await check();
      return true;
    } catch {
      return false;
    }
  }, { timeout }).toBe(true);
}

describeE2E('the board in Chromium, through the harness', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await page.goto(app.harness.url);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks "Wie ben je?" on first run and remembers the person added there', async () => {
    const who = page.getByRole('dialog', { name: 'Wie ben je?' });
    await who.waitFor();
    await who.getByRole('textbox', { name: 'Naam' }).fill(PERSON);
    await who.getByRole('button', { name: 'Toevoegen' }).click();
    await who.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: `Ingelogd als ${PERSON} — wissel van persoon` }).waitFor();
  });

  it('logs two ideas with "Nieuw idee": title, kind and touchpoint; Enter saves and keeps the form open', async () => {
    await page.getByRole('button', { name: 'Nieuw idee', exact: true }).click();
    const capture = page.getByRole('dialog', { name: 'Nieuw idee' });
    await capture.waitFor();

    const title = capture.getByRole('textbox', { name: /^Titel/ });
    const touchpoint = capture.getByRole('combobox', { name: /^Touchpoint/ });

    await title.fill(IDEA_A);
    await capture.getByRole('radio', { name: 'Verbeter' }).check();
    await touchpoint.fill('Klacht');
    await capture.getByRole('option', { name: /Klacht/ }).first().click();
    await title.press('Enter');
    await expect.poll(() => title.inputValue()).toBe('');
    await card(column(page, 'Nieuw'), IDEA_A).waitFor();

    await title.fill(IDEA_B);
    await capture.getByRole('radio', { name: 'Verleuk' }).check();
    await touchpoint.fill('Levering');
    await capture.getByRole('option', { name: /Levering/ }).first().click();
    await title.press('Enter');
    await card(column(page, 'Nieuw'), IDEA_B).waitFor();
    await screenshot(page, 'board-capture');

    await page.keyboard.press('Escape');
    await capture.waitFor({ state: 'hidden' });
    // Newest on top of Nieuw.
    const titles = await column(page, 'Nieuw').getByRole('button', { name: /^(Terugbellen|Bloemetje)/ }).allInnerTexts();
    expect(titles[0]).toContain(IDEA_B);
    expect(titles[1]).toContain(IDEA_A);
  });

  it('drags a card to Plan with the mouse', async () => {
    const source = card(column(page, 'Nieuw'), IDEA_A);
    const from = (await source.boundingBox())!;
    const to = (await column(page, 'Plan').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // A few pixels first to pass the drag activation distance, then across in steps.
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 60), { steps: 20 });
    await page.mouse.up();

    await card(column(page, 'Plan'), IDEA_A).waitFor();
    await expect.poll(() => card(column(page, 'Nieuw'), IDEA_A).count()).toBe(0);
  });

  it('moves a card with the keyboard: Space lifts, ArrowRight moves a column, Space drops, announced in Dutch', async () => {
    // dnd-kit's live region says what happens; waiting for it also lets each key land after the previous step.
    const announced = (text: RegExp) =>
      expect.poll(() => page.getByRole('status').allTextContents().then((t) => t.join(' ')), { timeout: 10_000 }).toMatch(text);
    const moving = card(column(page, 'Plan'), IDEA_A);
    await moving.focus();
    await page.keyboard.press('Space');
    await announced(new RegExp(`'${IDEA_A}' opgepakt in Plan`));
    // dnd-kit starts listening for arrow keys in a timer after the lift is announced; a person never types
    // that fast, a test on a loaded machine can. Press again only while nothing has moved yet.
    const movedToDo = new RegExp(`'${IDEA_A}' staat nu in Do`);
    await expect
      .poll(
        async () => {
          const status = (await page.getByRole('status').allTextContents()).join(' ');
          if (movedToDo.test(status)) return true;
          // Any "staat nu in" means the key did land: never press twice then.
          if (!status.includes('staat nu in')) await page.keyboard.press('ArrowRight');
          await page.waitForTimeout(250);
          return movedToDo.test((await page.getByRole('status').allTextContents()).join(' '));
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe(true);
    await page.keyboard.press('Space');
    await announced(new RegExp(`'${IDEA_A}' neergezet in Do`));

    await card(column(page, 'Do'), IDEA_A).waitFor();
    await expect.poll(() => card(column(page, 'Plan'), IDEA_A).count()).toBe(0);
  });

  it('filters on "Alleen verleuk" in one click', async () => {
    const onlyVerleuk = page.getByRole('button', { name: 'Alleen verleuk' });
    await onlyVerleuk.click();
    await expect.poll(() => onlyVerleuk.getAttribute('aria-pressed')).toBe('true');
    await eventually(async () => {
      expect(await card(page, IDEA_A).count()).toBe(0);
      expect(await card(column(page, 'Nieuw'), IDEA_B).count()).toBe(1);
    });
    await screenshot(page, 'board-filter-verleuk');

    await page.getByRole('button', { name: 'Alle soorten' }).click();
    await card(column(page, 'Do'), IDEA_A).waitFor();
  });

  it('opens an idea with Enter and fills a Check field that saves by itself', async () => {
    await card(column(page, 'Do'), IDEA_A).focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: new RegExp(IDEA_A) });
    await detail.waitFor();

    const result = detail.getByRole('textbox', { name: 'Resultaat', exact: true });
    await result.fill(CHECK_RESULT);
    await detail.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'idea-detail');

    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
  });

  it('still has everything after a reload', async () => {
    await page.reload();
    await column(page, 'Do').waitFor();
    await expect(page.getByRole('dialog', { name: 'Wie ben je?' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: `Ingelogd als ${PERSON} — wissel van persoon` }).waitFor();

    await card(column(page, 'Do'), IDEA_A).waitFor();
    await card(column(page, 'Nieuw'), IDEA_B).waitFor();
    expect(await card(column(page, 'Nieuw'), IDEA_B).getAttribute('aria-label')).toMatch(/verleuk/i);
    expect(await card(column(page, 'Do'), IDEA_A).getAttribute('aria-label')).toMatch(/verbeter/i);
    await screenshot(page, 'board-after-reload');

    await card(column(page, 'Do'), IDEA_A).click();
    const detail = page.getByRole('dialog', { name: new RegExp(IDEA_A) });
    await detail.waitFor();
    await expect.poll(() => detail.getByRole('textbox', { name: 'Resultaat', exact: true }).inputValue()).toBe(CHECK_RESULT);
    await page.keyboard.press('Escape');

    expect(app.problems).toEqual([]);
  });
});
