/** "Beheer & instellingen": language, theme and the team's reference data, on the real App over the real core. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function openSettings(options: Parameters<typeof createUiHarness>[0] = {}) {
  harness = await createUiHarness(options);
  const user = userEvent.setup();
  renderApp(harness);
  await user.click(await screen.findByRole('button', { name: options.language === 'en' ? 'Manage & settings' : 'Beheer & instellingen' }));
  await screen.findByRole('heading', { name: options.language === 'en' ? 'Settings' : 'Instellingen' });
  return { h: harness, user };
}

async function reference(h: UiHarness) {
  const res = await h.api['app:bootstrap']({});
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

const section = (name: string) => screen.getByRole('region', { name });
const names = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.settings-item__name')?.textContent);

describe('settings', () => {
  it('switches the whole UI to English at once, and back', async () => {
    const { h, user } = await openSettings();
    await user.click(screen.getByRole('radio', { name: 'English' }));

    const nav = screen.getByRole('navigation', { name: 'Main menu' });
    expect(within(nav).getByRole('button', { name: 'Board' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Manage & settings' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: 'Customer journeys and touchpoints' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    await waitFor(async () => expect((await reference(h)).settings.language).toBe('en'));
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('radio', { name: 'Nederlands' }));
    expect(screen.getByRole('button', { name: 'Bord' })).toBeInTheDocument();
    await waitFor(async () => expect((await reference(h)).settings.language).toBe('nl'));
  });

  it('applies the theme and remembers it', async () => {
    const { h, user } = await openSettings();
    const theme = screen.getByRole('group', { name: 'Thema' });
    expect(within(theme).getByRole('radio', { name: 'Systeem' })).toBeChecked();
    await user.click(within(theme).getByRole('radio', { name: 'Donker' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(within(theme).getByRole('radio', { name: 'Licht' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    await waitFor(async () => expect((await reference(h)).settings.theme).toBe('light'));
  });
});

describe('journeys and touchpoints', () => {
  it('adds, renames, archives and restores a touchpoint; its idea is kept', async () => {
    const { h, user } = await openSettings();
    const journeys = section('Klantreizen en touchpoints');

    await user.type(within(journeys).getByRole('textbox', { name: 'Nieuw touchpoint in Klantreis' }), 'Wachtkamer');
    await user.click(within(journeys).getByRole('button', { name: 'Touchpoint toevoegen aan Klantreis' }));
    const list = within(journeys).getByRole('list', { name: 'Touchpoints van Klantreis' });
    await within(list).findByText('Wachtkamer');
    expect(names(list).at(-1)).toBe('Wachtkamer');
    expect(within(journeys).getByRole('textbox', { name: 'Nieuw touchpoint in Klantreis' })).toHaveValue('');

    // Rename inline: Esc cancels, Enter saves.
    await user.click(within(list).getByRole('button', { name: 'Wachtkamer hernoemen' }));
    const field = within(list).getByRole('textbox', { name: 'Nieuwe naam voor Wachtkamer' });
    expect(field).toHaveFocus();
    await user.keyboard('Foutje{Escape}');
    expect(within(list).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Wachtkamer hernoemen' })).toHaveFocus();
    await user.click(within(list).getByRole('button', { name: 'Wachtkamer hernoemen' }));
    await user.clear(within(list).getByRole('textbox', { name: 'Nieuwe naam voor Wachtkamer' }));
    await user.keyboard('Wachtruimte{Enter}');
    await within(list).findByText('Wachtruimte');

    // An idea on it, then archive: it leaves the list but the idea stays.
    const ref = await reference(h);
    const tp = ref.touchpoints.find((x) => x.name === 'Wachtruimte')!;
    const idea = await h.api['ideas:create']({ actorId: ref.settings.currentPersonId!, title: 'Leesvoer', kind: 'verleuk', touchpointId: tp.id });
    if (!idea.ok) throw new Error(idea.error.message);
    await user.click(within(list).getByRole('button', { name: 'Wachtruimte archiveren' }));
    await waitFor(() => expect(within(list).queryByText('Wachtruimte')).not.toBeInTheDocument());

    const archived = within(journeys).getByText('Gearchiveerd (1)');
    await user.click(archived);
    expect(within(journeys).getByText(/ideeën en geschiedenis blijven bewaard/)).toBeVisible();
    const stored = await h.api['ideas:get']({ id: idea.value.id });
    expect(stored.ok && stored.value.idea.touchpointId).toBe(tp.id);
    expect((await reference(h)).touchpoints.find((x) => x.id === tp.id)?.archived).toBe(true);

    await user.click(within(journeys).getByRole('button', { name: 'Wachtruimte terugzetten' }));
    await within(list).findByText('Wachtruimte');
    expect((await reference(h)).touchpoints.find((x) => x.id === tp.id)?.archived).toBe(false);
  });

  it('reorders touchpoints with buttons that keep the focus', async () => {
    const { h, user } = await openSettings();
    const list = within(section('Klantreizen en touchpoints')).getByRole('list', { name: 'Touchpoints van Klantreis' });
    expect(names(list).slice(0, 2)).toEqual(['Eerste contact', 'Informatie & advies']);
    // The first one cannot go further up.
    expect(within(list).getByRole('button', { name: 'Eerste contact omhoog' })).toHaveAttribute('aria-disabled', 'true');

    const down = within(list).getByRole('button', { name: 'Eerste contact omlaag' });
    await user.click(down);
    await waitFor(() => expect(names(list).slice(0, 2)).toEqual(['Informatie & advies', 'Eerste contact']));
    expect(within(list).getByRole('button', { name: 'Eerste contact omlaag' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(names(list).slice(0, 3)).toEqual(['Informatie & advies', 'Aanvraag & bestelling', 'Eerste contact']));

    const ref = await reference(h);
    const order = ref.touchpoints.filter((t) => !t.archived).sort((a, b) => a.position - b.position).map((t) => t.name);
    expect(order.slice(0, 3)).toEqual(['Informatie & advies', 'Aanvraag & bestelling', 'Eerste contact']);
  });

  it('adds a journey and explains names that cannot be used', async () => {
    const { h, user } = await openSettings();
    const journeys = within(section('Klantreizen en touchpoints'));
    const add = journeys.getByRole('button', { name: 'Klantreis toevoegen' });

    await user.click(add);
    expect(journeys.getByRole('alert')).toHaveTextContent('Vul een naam in.');
    await user.type(journeys.getByRole('textbox', { name: 'Nieuwe klantreis' }), 'klantreis');
    await user.click(add);
    expect(journeys.getByRole('alert')).toHaveTextContent('"klantreis" bestaat hier al.');
    await user.clear(journeys.getByRole('textbox', { name: 'Nieuwe klantreis' }));
    await user.type(journeys.getByRole('textbox', { name: 'Nieuwe klantreis' }), 'Online bestellen');
    await user.click(add);

    expect(await journeys.findByRole('heading', { name: 'Online bestellen' })).toBeInTheDocument();
    expect(journeys.getByRole('textbox', { name: 'Nieuw touchpoint in Online bestellen' })).toBeInTheDocument();
    expect((await reference(h)).journeys.map((j) => j.name)).toEqual(['Klantreis', 'Online bestellen']);

    await user.click(journeys.getByRole('button', { name: 'Online bestellen omhoog' }));
    await waitFor(async () => {
      const ordered = (await reference(h)).journeys.sort((a, b) => a.position - b.position);
      expect(ordered.map((j) => j.name)).toEqual(['Online bestellen', 'Klantreis']);
    });
  });
});

describe('belevingswaarden', () => {
  it('adds one on level 3 and can change its level', async () => {
    const { h, user } = await openSettings();
    const values = within(section('Belevingswaarden'));
    expect(values.getByRole('heading', { name: 'Basis op orde' })).toBeInTheDocument();
    expect(values.getByRole('heading', { name: 'Negatieve emoties voorkomen' })).toBeInTheDocument();
    expect(values.getByText(/Warmte, verrassing en persoonlijke aandacht/)).toBeInTheDocument();

    await user.type(values.getByRole('textbox', { name: 'Nieuwe belevingswaarde' }), 'Verrassing');
    await user.selectOptions(values.getByRole('combobox', { name: 'Niveau' }), '3');
    await user.click(values.getByRole('button', { name: 'Belevingswaarde toevoegen' }));

    const level3 = values.getByRole('list', { name: 'Positieve emoties oproepen' });
    await within(level3).findByText('Verrassing');
    expect((await reference(h)).values.find((v) => v.name === 'Verrassing')?.level).toBe(3);

    await user.selectOptions(values.getByRole('combobox', { name: 'Niveau van Verrassing' }), '2');
    await within(values.getByRole('list', { name: 'Negatieve emoties voorkomen' })).findByText('Verrassing');
    expect((await reference(h)).values.find((v) => v.name === 'Verrassing')?.level).toBe(2);

    await user.click(values.getByRole('button', { name: 'Verrassing archiveren' }));
    await values.findByText('Gearchiveerd (1)');
  });
});

describe('people', () => {
  it('adds, renames and archives a person, but not yourself', async () => {
    const { h, user } = await openSettings();
    const people = within(section('Mensen'));

    await user.type(people.getByRole('textbox', { name: 'Naam nieuwe persoon' }), 'Bram Jansen');
    await user.click(people.getByRole('button', { name: 'Persoon toevoegen' }));
    const list = people.getByRole('list', { name: 'Mensen' });
    await within(list).findByText('Bram Jansen');

    await user.click(within(list).getByRole('button', { name: 'Bram Jansen hernoemen' }));
    await user.clear(within(list).getByRole('textbox', { name: 'Nieuwe naam voor Bram Jansen' }));
    await user.keyboard('Bram de Wit{Enter}');
    await within(list).findByText('Bram de Wit');

    await user.click(within(list).getByRole('button', { name: 'Bram de Wit archiveren' }));
    await people.findByText('Gearchiveerd (1)');
    expect((await reference(h)).people.find((p) => p.name === 'Bram de Wit')?.archived).toBe(true);

    await user.click(within(list).getByRole('button', { name: 'Anouk de Vries archiveren' }));
    expect(within(list).getByRole('status')).toHaveTextContent('Je kunt jezelf niet archiveren');
    expect((await reference(h)).people.find((p) => p.name === 'Anouk de Vries')?.archived).toBe(false);
  });
});
