/**
 * Two laptops in Chromium: ideas exported as a download from one harness data folder are imported (file chooser,
 * preview dialog, "Importeren") into another, and are on its board, also after a reload.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../db/harness';
import { describeE2E, RESULTS_DIR, screenshot, startApp, type App } from './support';

async function iAm(page: Page, name: string): Promise<void> {
  const who = page.getByRole('dialog', { name: 'Wie ben je?' });
  await who.waitFor();
  await who.getByRole('textbox', { name: 'Naam' }).fill(name);
  await who.getByRole('button', { name: 'Toevoegen' }).click();
  await who.waitFor({ state: 'hidden' });
}

async function openSection(page: Page) {
  await page.getByRole('button', { name: 'Beheer & instellingen' }).click();
  const region = page.getByRole('region', { name: 'Team en bestanden' });
  await region.scrollIntoViewIfNeeded();
  return region;
}

interface FileIdea {
  title: string;
  stage: string;
  deleted_at: string | null;
}

describeE2E('ideas from one laptop onto another, through files', () => {
  let app: App;
  let second: Harness;
  let secondDir: string;
  let secondPage: Page;
  let downloaded: string;
  let ideas: FileIdea[];

  beforeAll(async () => {
    app = await startApp({ demo: true });
    secondDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-e2e-b-'));
    second = await startHarness({ port: 0, dataDir: secondDir, demo: false, log: () => undefined });
  });

  afterAll(async () => {
    await app?.close();
    await second?.close();
    if (secondDir) fs.rmSync(secondDir, { recursive: true, force: true });
  });

  it('exports all ideas of the demo laptop as a dated download', async () => {
    const { page } = app;
    await page.goto(app.harness.url);
    // The demo board already knows who is at the keyboard.
    await page.getByRole('list', { name: 'Nieuw', exact: true }).waitFor();
    const region = await openSection(page);
    await region.getByRole('radio', { name: 'Alle ideeën' }).check();
    await region.screenshot({ path: path.join(RESULTS_DIR, 'exchange-section.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Ideeën exporteren' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kaizenbord-ideeen-\d{4}-\d{2}-\d{2}\.kaizenbord\.json$/);
    downloaded = path.join(secondDir, download.suggestedFilename());
    await download.saveAs(downloaded);
    const file = JSON.parse(fs.readFileSync(downloaded, 'utf8')) as { format: string; content: { tables: { ideas: FileIdea[] } } };
    expect(file.format).toBe('kaizenbord.exchange');
    ideas = file.content.tables.ideas;
    expect(ideas.length).toBeGreaterThan(10);
  });

  it('imports the file on a fresh laptop after a preview, and the ideas are on its board', async () => {
    secondPage = await app.context.newPage();
    await secondPage.goto(second.url);
    await iAm(secondPage, 'Sem de Wit');
    const region = await openSection(secondPage);
    const [chooser] = await Promise.all([
      secondPage.waitForEvent('filechooser'),
      region.getByRole('button', { name: 'Bestand kiezen…' }).click(),
    ]);
    await chooser.setFiles(downloaded);

    const dialog = secondPage.getByRole('dialog', { name: /^Importeren: kaizenbord-ideeen-/ });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(`${ideas.length} nieuw, 0 bijgewerkt, 0 overgeslagen`);
    await screenshot(secondPage, 'exchange-preview');
    await dialog.getByRole('button', { name: 'Importeren' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await secondPage.getByRole('button', { name: 'Bord', exact: true }).click();
    const live = ideas.filter((i) => i.deleted_at === null && i.stage === 'nieuw').slice(0, 3);
    expect(live.length).toBeGreaterThan(0);
    for (const idea of live) {
      await secondPage.getByRole('list', { name: 'Nieuw', exact: true }).getByRole('button', { name: new RegExp(`^${escape(idea.title)}`) }).first().waitFor();
    }
    await screenshot(secondPage, 'exchange-imported-board');

    await secondPage.reload();
    await secondPage.getByRole('list', { name: 'Nieuw', exact: true }).getByRole('button', { name: new RegExp(`^${escape(live[0]!.title)}`) }).first().waitFor();
    expect(app.problems).toEqual([]);
  });

  it('importing the same file again changes nothing, and the preview says so', async () => {
    const region = await openSection(secondPage);
    const [chooser] = await Promise.all([
      secondPage.waitForEvent('filechooser'),
      region.getByRole('button', { name: 'Bestand kiezen…' }).click(),
    ]);
    await chooser.setFiles(downloaded);
    const dialog = secondPage.getByRole('dialog', { name: /^Importeren: / });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(`0 nieuw, 0 bijgewerkt, ${ideas.length} overgeslagen`);
    await expect.poll(() => dialog.textContent()).toContain('Alles uit dit bestand staat hier al.');
    await secondPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('refuses a file that was edited after the export, with a sentence, and changes nothing', async () => {
    const tampered = path.join(secondDir, 'bewerkt.kaizenbord.json');
    const original = fs.readFileSync(downloaded, 'utf8');
    fs.writeFileSync(tampered, original.replace(JSON.stringify(ideas[0]!.title), JSON.stringify(`${ideas[0]!.title} (aangepast)`)));
    const region = await openSection(secondPage);
    const [chooser] = await Promise.all([
      secondPage.waitForEvent('filechooser'),
      region.getByRole('button', { name: 'Bestand kiezen…' }).click(),
    ]);
    await chooser.setFiles(tampered);
    await expect.poll(() => region.getByRole('alert').textContent()).toContain('Dit bestand is na het exporteren veranderd');
    expect(await secondPage.getByRole('dialog').count()).toBe(0);
    await screenshot(secondPage, 'exchange-refused');
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
