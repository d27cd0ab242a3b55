/** The recovery screen in Chromium: the harness started on a damaged database file. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openService } from '../../db/recovery';
import { audit, describeE2E, screenshot, startApp, type App } from './support';

const DAMAGE = Buffer.alloc(16384, 0x2a);

/** A team of one with a backup, then the database file overwritten with garbage. */
async function damagedWithBackup(dataDir: string): Promise<void> {
  const service = openService({ dbPath: path.join(dataDir, 'kaizenbord.sqlite'), dailyBackups: false });
  await service.call('people:create', { name: 'Anouk de Vries' });
  const backup = await service.call('backups:create', {});
  if (!backup.ok) throw new Error(backup.error.message);
  service.close();
  fs.writeFileSync(path.join(dataDir, 'kaizenbord.sqlite'), DAMAGE);
}

describeE2E('recovery screen in Chromium', () => {
  let app: App | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows the recovery screen for a damaged file and restores the latest backup from the keyboard', async () => {
    app = await startApp({ prepare: damagedWithBackup });
    const { page } = app;
    await page.goto(app.harness.url);
    const title = page.getByRole('heading', { name: 'Kaizenbord kan de database niet openen' });
    await title.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByRole('button', { name: 'Herstel laatste backup' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Begin leeg' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Afsluiten' }).isEnabled()).toBe(true);
    await screenshot(page, 'recovery-screen');
    expect(await audit(page)).toEqual([]);
    // The file is untouched while the screen is up.
    expect(fs.readFileSync(path.join(app.dataDir, 'kaizenbord.sqlite'))).toEqual(DAMAGE);

    // Tab to the restore button and press Enter.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused === 'Herstel laatste backup') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor({ timeout: 20_000 });
    const aside = fs.readdirSync(app.dataDir).filter((f) => /^kaizenbord\.damaged-\d{8}T\d{9}Z\.sqlite$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(app.dataDir, aside[0]!))).toEqual(DAMAGE);
    await screenshot(page, 'recovery-restored');
    expect(app.problems).toEqual([]);
  });

  it('"Afsluiten" in a browser says the tab can be closed; "Begin leeg" starts with an empty database', async () => {
    app = await startApp({ prepare: (dataDir) => fs.writeFileSync(path.join(dataDir, 'kaizenbord.sqlite'), DAMAGE) });
    const { page } = app;
    await page.goto(app.harness.url);
    await page.getByRole('heading', { name: 'Kaizenbord kan de database niet openen' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Er is geen bruikbare backup gevonden.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Herstel laatste backup' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    // In dark mode too: the screen uses the app's tokens.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await audit(page)).toEqual([]);
    expect(await page.getByRole('status').filter({ hasText: 'Je kunt dit tabblad nu sluiten' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Begin leeg' }).click();
    await page.getByRole('dialog').waitFor({ timeout: 20_000 });
    expect(fs.readdirSync(app.dataDir).some((f) => f.startsWith('kaizenbord.damaged-'))).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('lists backups in Beheer & instellingen and makes one on request', async () => {
    app = await startApp({
      prepare: async (dataDir) => {
        const service = openService({ dbPath: path.join(dataDir, 'kaizenbord.sqlite') });
        const person = await service.call('people:create', { name: 'Anouk de Vries' });
        if (!person.ok) throw new Error(person.error.message);
        await service.call('settings:update', { currentPersonId: (person.value as { id: string }).id });
        await service.call('backups:list', {}); // waits for the daily backup
        service.close();
      },
    });
    const { page } = app;
    await page.goto(app.harness.url);
    await page.getByRole('button', { name: 'Beheer & instellingen' }).click();
    const section = page.getByRole('region', { name: 'Backups', exact: true });
    await section.getByRole('table').waitFor({ timeout: 20_000 });
    expect(await section.getByRole('row').count()).toBe(2);
    await section.getByRole('button', { name: 'Nu een backup maken' }).click();
    await expect.poll(() => section.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-backups');
    expect(await audit(page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
