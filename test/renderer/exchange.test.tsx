/** "Team en bestanden": export through the host, import with a preview dialog, refusals in words; real App, real core. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KaizenApi } from '../../shared/contract';
import { EXCHANGE_FORMAT } from '../../shared/exchange-format';
import { CONFLICT_REASONS } from '../../shared/result';
import type { Host, OpenOutcome, SaveFileRequest } from '../../shared/host';
import { describeExchangeError } from '../../renderer/features/exchange/use-exchange';
import { createTranslator } from '../../renderer/i18n/i18n';
import { createTestApi, createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;
const closers: (() => void)[] = [];

afterEach(() => {
  harness?.close();
  harness = undefined;
  while (closers.length) closers.pop()!();
  delete window.kaizenHost;
});

async function ok<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** Another laptop with two ideas (one of them commented), exported as an ideas file. */
async function colleagueFile(): Promise<string> {
  const other = createTestApi();
  closers.push(other.close);
  const api: KaizenApi = other.api;
  const sanne = await ok(api['people:create']({ name: 'Sanne' }));
  const { touchpoints } = await ok(api['app:bootstrap']({}));
  const first = await ok(api['ideas:create']({ actorId: sanne.id, title: 'Koffie voor wachtende klanten', kind: 'verleuk', touchpointId: touchpoints[0]!.id }));
  await ok(api['ideas:create']({ actorId: sanne.id, title: 'Formulier korter maken', kind: 'verbeter', touchpointId: touchpoints[2]!.id }));
  await ok(api['comments:add']({ ideaId: first.id, authorId: sanne.id, body: 'Mooi!' }));
  return (await ok(api['ideas:export']({}))).text;
}

/** A host whose dialogs are scripted: openFile hands over `opened`, saveFile records what it was given. */
function fakeHost(opened: OpenOutcome) {
  const saved: SaveFileRequest[] = [];
  const host: Omit<Host, 'kind'> = {
    saveFile: vi.fn(async (request: SaveFileRequest) => {
      saved.push(request);
      return { ok: true as const, value: 'done' as const };
    }),
    openFile: vi.fn(async () => opened),
    print: vi.fn(async () => ({ ok: true as const, value: 'done' as const })),
  };
  window.kaizenHost = host;
  return { saved, host };
}

async function openSection(language: 'nl' | 'en' = 'nl') {
  harness = await createUiHarness({ language });
  const user = userEvent.setup();
  renderApp(harness);
  await user.click(await screen.findByRole('button', { name: language === 'en' ? 'Manage & settings' : 'Beheer & instellingen' }));
  const region = await screen.findByRole('region', { name: language === 'en' ? 'Team and files' : 'Team en bestanden' });
  return { h: harness, user, region };
}

describe('Team en bestanden', () => {
  it('previews an ideas file with counts per kind, imports it on "Importeren" and shows it on the board', async () => {
    fakeHost({ ok: true, value: { name: 'sanne.kaizenbord.json', text: await colleagueFile() } });
    const { h, user, region } = await openSection();
    await user.click(within(region).getByRole('button', { name: 'Bestand kiezen…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Importeren: sanne.kaizenbord.json' });
    expect(dialog).toHaveAccessibleDescription(/Ideeën, geëxporteerd op .*2 nieuw, 0 bijgewerkt, 0 overgeslagen/);
    const table = within(dialog).getByRole('table', { name: 'Wat er verandert, per soort' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(within(row('Ideeën')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '0']);
    expect(within(row('Reacties')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '0']);
    expect(within(row('Mensen')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '0']);
    // Nothing is written before "Importeren".
    expect((await ok(h.api['board:get']({ filter: {} }))).cards).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Importeren' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Importeren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(h.store.getState().announcement).toBe('Geïmporteerd uit sanne.kaizenbord.json: 2 nieuw, 0 bijgewerkt, 0 overgeslagen.');
    expect(Object.values(h.store.getState().cards).map((c) => c.title).sort()).toEqual(['Formulier korter maken', 'Koffie voor wachtende klanten']);
    expect(h.store.getState().people.map((p) => p.name)).toContain('Sanne');
  });

  it('cancelling the preview changes nothing', async () => {
    fakeHost({ ok: true, value: { name: 'sanne.kaizenbord.json', text: await colleagueFile() } });
    const { h, user, region } = await openSection();
    await user.click(within(region).getByRole('button', { name: 'Bestand kiezen…' }));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect((await ok(h.api['board:get']({ filter: {} }))).cards).toHaveLength(0);
  });

  it('refuses a damaged or foreign file with a sentence, in Dutch and in English', async () => {
    fakeHost({ ok: true, value: { name: 'half.kaizenbord.json', text: '{"format":"kaizenbord.exchange","vers' } });
    const { user, region } = await openSection();
    await user.click(within(region).getByRole('button', { name: 'Bestand kiezen…' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent('Dit bestand is leeg of beschadigd');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    harness?.close();
    harness = undefined;

    fakeHost({ ok: true, value: { name: 'package.json', text: '{"name":"x","version":"1.0.0"}' } });
    const en = await openSection('en');
    await en.user.click(within(en.region).getByRole('button', { name: 'Choose file…' }));
    expect(await within(en.region).findByRole('alert')).toHaveTextContent('This is not a Kaizenbord file.');
  });

  it('says so when the host refuses a file that is too large', async () => {
    fakeHost({ ok: false, error: { code: 'too-large', message: '60000000 bytes' } });
    const { user, region } = await openSection();
    await user.click(within(region).getByRole('button', { name: 'Bestand kiezen…' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent('Dit bestand is te groot (meer dan 50 MB).');
  });

  it('exports my ideas and the team setup under dated file names', async () => {
    const { saved } = fakeHost({ ok: true, value: null });
    const { h, user, region } = await openSection();
    await user.click(within(region).getByRole('radio', { name: 'Mijn ideeën (Anouk de Vries)' }));
    await user.click(within(region).getByRole('button', { name: 'Ideeën exporteren' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.suggestedName).toMatch(/^kaizenbord-ideeen-anouk-de-vries-\d{4}-\d{2}-\d{2}\.kaizenbord\.json$/);
    expect(JSON.parse(saved[0]!.text)).toMatchObject({ format: EXCHANGE_FORMAT, content: { kind: 'ideas' } });
    await waitFor(() => expect(h.store.getState().announcement).toMatch(/^0 ideeën bewaard als kaizenbord-ideeen-anouk/));

    await user.click(within(region).getByRole('button', { name: 'Teaminstellingen exporteren' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.suggestedName).toMatch(/^kaizenbord-team-\d{4}-\d{2}-\d{2}\.kaizenbord\.json$/);
    expect(JSON.parse(saved[1]!.text).content.tables.people.map((p: { name: string }) => p.name)).toEqual(['Anouk de Vries']);
  });

  it('exports only what changed since a chosen day, and refuses a day in the future', async () => {
    const { saved } = fakeHost({ ok: true, value: null });
    const { user, region } = await openSection();
    const day = within(region).getByLabelText('Gewijzigd sinds');
    expect(day).toBeDisabled();
    await user.click(within(region).getByRole('checkbox', { name: 'Alleen wat gewijzigd is sinds' }));
    await user.clear(day);
    await user.type(day, '2999-01-01');
    expect(within(region).getByRole('alert')).toHaveTextContent('Kies een geldige datum, niet later dan vandaag.');
    expect(within(region).getByRole('button', { name: 'Ideeën exporteren' })).toBeDisabled();
    await user.clear(day);
    await user.type(day, '2020-01-01');
    await user.click(within(region).getByRole('button', { name: 'Ideeën exporteren' }));
    await waitFor(() => expect(saved).toHaveLength(1));
  });

  it('says how large a file may be, for the core\'s limit and for the browser harness\'s request limit', () => {
    const nl = createTranslator('nl');
    const en = createTranslator('en');
    const core = { code: 'validation' as const, message: 'text: too long', field: 'text', issue: 'too_long' as const, limit: 52428800 };
    const harnessLimit = { code: 'validation' as const, message: 'Request body too large', issue: 'too_big' as const, limit: 1048576 };
    expect(describeExchangeError(nl, core)).toBe('Dit bestand is te groot (meer dan 50 MB). Er is niets gewijzigd.');
    expect(describeExchangeError(en, harnessLimit)).toBe('This file is too large (more than 1 MB). Nothing was changed.');
    expect(describeExchangeError(nl, { code: 'conflict', message: 'x', field: 'text', reason: 'file_tampered' })).toBe(
      'Dit bestand is na het exporteren veranderd; de controlesom klopt niet. Er is niets gewijzigd.',
    );
  });

  it('has its own sentence in Dutch and English for every reason a file is refused', () => {
    const reasons = ['file_damaged', 'file_foreign', 'file_too_new', 'file_tampered', 'file_invalid', 'id_clash', 'file_changed'] as const;
    for (const reason of reasons) expect(CONFLICT_REASONS).toContain(reason);
    for (const language of ['nl', 'en'] as const) {
      const t = createTranslator(language);
      const generic = t('error.conflict');
      const sentences = reasons.map((reason) => describeExchangeError(t, { code: 'conflict', message: '', field: 'text', reason }));
      for (const sentence of sentences) expect(sentence).not.toBe(generic);
      expect(new Set(sentences).size).toBe(reasons.length);
    }
  });
});
