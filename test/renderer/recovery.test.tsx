/** The recovery screen (over the real recovery service on a damaged file) and the backups section (real core). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { backupDirFor, listBackups } from '../../db/backup';
import { checkMarkFor, writeCheckMark } from '../../db/backup-check';
import { backupChecksSettled } from '../../db/maintenance/verify';
import { seedDemo } from '../../db/demo';
import { openService, type Service } from '../../db/recovery';
import { createApi } from '../../shared/contract';
import { App } from '../../renderer/app/App';
import { createAppStore, StoreProvider } from '../../renderer/store/store';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A data folder with a team and one backup, then the database file damaged; the app rendered on it. */
async function renderOnDamagedFile(options: { backup?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-recovery-ui-'));
  const dbPath = path.join(dir, 'kaizenbord.sqlite');
  let service: Service = openService({ dbPath, dailyBackups: options.backup !== false });
  await service.call('people:create', { name: 'Anouk de Vries' });
  if (options.backup !== false) await service.call('backups:create', {});
  service.close();
  const original = Buffer.alloc(12288, 0x21);
  fs.writeFileSync(dbPath, original);
  service = openService({ dbPath, dailyBackups: false });
  cleanups.push(() => {
    service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const api = createApi((name, input) => service.call(name, input === undefined ? undefined : JSON.parse(JSON.stringify(input))));
  const store = createAppStore(api);
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return { dir, dbPath, original, service, store };
}

describe('recovery screen', () => {
  it('explains a damaged file in Dutch, offers the three ways on, and restores the latest backup', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL', 'en']);
    cleanups.push(() => vi.restoreAllMocks());
    const user = userEvent.setup();
    const { dir, original } = await renderOnDamagedFile();
    const title = await screen.findByRole('heading', { name: 'Kaizenbord kan de database niet openen' });
    expect(title).toHaveFocus();
    expect(screen.getByText(/Het databasebestand is beschadigd/)).toBeInTheDocument();
    expect(screen.getByText('Er is niets verwijderd of overschreven. Kies hoe je verder wilt.')).toBeInTheDocument();
    expect(screen.getByText(/^Laatste goede backup: .*handmatig/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Begin leeg' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Afsluiten' })).toBeEnabled();

    // Keyboard only: Tab to "Herstel laatste backup", Enter.
    const restore = screen.getByRole('button', { name: 'Herstel laatste backup' });
    while (document.activeElement !== restore) await user.tab();
    await user.keyboard('{Enter}');

    // The app boots on the restored data; the damaged file is kept aside.
    await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('kaizenbord.damaged-') && f.endsWith('.sqlite'));
    expect(aside).toBeDefined();
    expect(fs.readFileSync(path.join(dir, aside!))).toEqual(original);
  });

  it('follows an English system, switches to Dutch, says the tab can be closed in a browser, and starts empty', async () => {
    const user = userEvent.setup();
    await renderOnDamagedFile({ backup: false });
    await screen.findByRole('heading', { name: 'Kaizenbord cannot open its database' });
    expect(screen.getByText('No usable backup was found.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore latest backup' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Quit' }));
    expect(screen.getByRole('status')).toHaveTextContent('You can close this tab now. Nothing was changed.');

    await user.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(screen.getByRole('heading', { name: 'Kaizenbord kan de database niet openen' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Begin leeg' }));
    // An empty database: the app asks who you are.
    await screen.findByRole('dialog');
  });
});

describe('damage met during a session', () => {
  it('switches to the recovery screen when a call meets a damaged page, leaving the file as it was', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL', 'en']);
    cleanups.push(() => vi.restoreAllMocks());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaizenbord-damage-ui-'));
    const dbPath = path.join(dir, 'kaizenbord.sqlite');
    const first = openService({ dbPath, dailyBackups: false });
    seedDemo(first.core!, { count: 120, open: 120 });
    first.close();
    // Open cleanly (cheap checks), then overwrite the ideas' leaf pages before the board reads them.
    const service = openService({ dbPath, dailyBackups: false });
    cleanups.push(() => {
      service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const probe = new Database(dbPath, { readonly: true });
    const pages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'ideas' AND pagetype = 'leaf'").pluck().all() as number[];
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    expect(pages.length).toBeGreaterThan(0);
    const fd = fs.openSync(dbPath, 'r+');
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (page - 1) * pageSize);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(dbPath);

    const api = createApi((name, input) => service.call(name, input === undefined ? undefined : JSON.parse(JSON.stringify(input))));
    render(
      <StoreProvider store={createAppStore(api)}>
        <App />
      </StoreProvider>,
    );
    await screen.findByRole('heading', { name: 'Kaizenbord kan de database niet openen' });
    expect(screen.getByText(/Het databasebestand is beschadigd/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Begin leeg' })).toBeEnabled();
    expect(fs.readFileSync(dbPath).equals(damaged)).toBe(true);
  });
});

describe('the store watches every call for a database in recovery', () => {
  const status = { state: 'recovery', reason: 'damaged', detail: 'x', file: 'kaizenbord.sqlite', latestBackup: null, canReplace: true };
  const storeOn = (answer: (name: string) => unknown) =>
    createAppStore(createApi(async (name) => answer(name) as never));

  it('turns to the recovery screen after any call that met damage or found the host in recovery, not after other errors', async () => {
    for (const code of ['damaged', 'unavailable'] as const) {
      const store = storeOn((name) => (name === 'recovery:status' ? { ok: true, value: status } : { ok: false, error: { code, message: 'x' } }));
      // A call no notice reports (as the detail view's autosave or thanks make them).
      await store.getState().api['ideas:get']({ id: 'a' });
      await waitFor(() => expect(store.getState().recovery).toEqual(status));
    }
    const calm = storeOn((name) => (name === 'recovery:status' ? { ok: true, value: status } : { ok: false, error: { code: 'invalid', message: 'x' } }));
    await calm.getState().api['ideas:get']({ id: 'a' });
    await new Promise((r) => setTimeout(r, 20));
    expect(calm.getState().recovery).toBeNull();
    // A host that is fine (unavailable for another reason) leaves the app as it is.
    const fine = storeOn((name) => (name === 'recovery:status' ? { ok: true, value: { state: 'ok' } } : { ok: false, error: { code: 'unavailable', message: 'x' } }));
    await fine.getState().api['ideas:get']({ id: 'a' });
    await new Promise((r) => setTimeout(r, 20));
    expect(fine.getState().recovery).toBeNull();
  });
});

describe('backups section', () => {
  let harness: UiHarness | undefined;
  afterEach(() => {
    harness?.close();
    harness = undefined;
  });

  it('lists backups with date, kind and size, makes one now, and restores one after confirming', async () => {
    harness = await createUiHarness();
    const h = harness;
    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: 'Beheer & instellingen' }));
    const section = await screen.findByRole('region', { name: 'Backups' });
    const table = await within(section).findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2); // header + the daily backup
    expect(within(table).getByText('Dagelijks')).toBeInTheDocument();
    expect(within(table).getByText(/kB$/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Nu een backup maken' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByText('Handmatig')).toBeInTheDocument();

    // A person added after the backup disappears when it is restored.
    await h.api['people:create']({ name: 'Later Toegevoegd' });
    const manualRow = within(table).getByText('Handmatig').closest('tr')!;
    await user.click(within(manualRow).getByRole('button', { name: /^Backup van .* terugzetten$/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Backup terugzetten?' });
    expect(within(dialog).getByRole('button', { name: 'Ja, terugzetten' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Ja, terugzetten' }));

    await waitFor(() => expect(within(table).getByText('Vóór terugzetten')).toBeInTheDocument());
    expect((await screen.findAllByText(/^Backup van .* teruggezet/)).length).toBeGreaterThan(0);
    expect(h.store.getState().people.map((p) => p.name)).not.toContain('Later Toegevoegd');
  });

  it("shows each backup's check in words and offers no restore of a damaged one", async () => {
    harness = await createUiHarness();
    const h = harness;
    await h.api['backups:create']({});
    await h.api['backups:create']({});
    await backupChecksSettled();
    const dir = backupDirFor(path.join(h.dir, 'kaizenbord.sqlite'));
    const [newest, middle] = listBackups(dir).filter((b) => b.kind === 'manual');
    expect(listBackups(dir).map((b) => b.check)).toEqual(['ok', 'ok', 'ok']);
    // The newest manual backup was found damaged; the other one's mark is gone (its check has not run yet).
    const damaged = path.join(dir, newest!.name);
    fs.writeFileSync(damaged, Buffer.alloc(4096, 7));
    writeCheckMark(damaged, { ok: false, certain: true, detail: 'file is not a database' }, new Date());
    fs.rmSync(checkMarkFor(path.join(dir, middle!.name)));

    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: 'Beheer & instellingen' }));
    const section = await screen.findByRole('region', { name: 'Backups' });
    const table = await within(section).findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Controle' })).toBeInTheDocument();
    const [, damagedRow, uncheckedRow, dailyRow] = within(table).getAllByRole('row');
    expect(within(damagedRow!).getByText('Beschadigd')).toBeInTheDocument();
    expect(within(damagedRow!).getByRole('button', { name: /terugzetten$/ })).toBeDisabled();
    expect(within(uncheckedRow!).getByText('Nog niet gecontroleerd')).toBeInTheDocument();
    expect(within(uncheckedRow!).getByRole('button', { name: /terugzetten$/ })).toBeEnabled();
    expect(within(dailyRow!).getByText('In orde')).toBeInTheDocument();
    expect(within(dailyRow!).getByText('Dagelijks')).toBeInTheDocument();
  });

  it('cancels a restore with Escape and changes nothing', async () => {
    harness = await createUiHarness({ language: 'en' });
    const user = userEvent.setup();
    renderApp(harness);
    await user.click(await screen.findByRole('button', { name: 'Manage & settings' }));
    const section = await screen.findByRole('region', { name: 'Backups' });
    await user.click(await within(section).findByRole('button', { name: /^Restore the backup of / }));
    await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(section).queryByText('Before restore')).toBeNull();
  });
});
