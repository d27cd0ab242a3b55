/** "Nieuw idee": the real App on the real core, used the way a person would (by role and name). */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { CAPTURE_DRAFTS_KEY } from '../../renderer/store/capture-slice';
import { createAppStore, StoreProvider } from '../../renderer/store/store';
import { createUiHarness, liveApi, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof createUiHarness>[0] = {}) {
  harness = await createUiHarness(options);
  harness.store = createAppStore(liveApi(harness));
  const user = userEvent.setup();
  renderApp(harness);
  await screen.findByRole('list', { name: options.language === 'en' ? 'New' : 'Nieuw' });
  return { h: harness, user };
}

async function boardCards(h: UiHarness) {
  const res = await h.api['board:get']({ filter: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.cards;
}

async function touchpointByName(h: UiHarness, name: string) {
  const res = await h.api['app:bootstrap']({});
  if (!res.ok) throw new Error(res.error.message);
  const tp = res.value.touchpoints.find((t) => t.name === name);
  if (!tp) throw new Error(`no touchpoint ${name}`);
  return tp;
}

describe('capture: Nieuw idee', () => {
  it('opens from the header button with the title focused', async () => {
    const { user } = await start();
    await user.click(screen.getByRole('button', { name: /Nieuw idee/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveFocus();
    expect(within(dialog).getByRole('group', { name: 'Soort' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Touchpoint' })).toHaveValue('Eerste contact');
    expect(within(dialog).getByRole('textbox', { name: /Omschrijving/ })).toBeInTheDocument();
  });

  it('opens with the key N and with Ctrl+N', async () => {
    const { user } = await start();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Nieuw idee' })).toBeInTheDocument();
  });

  it('saves with Enter, stays open and empty for the next idea, and puts it on top of Nieuw', async () => {
    const { h, user } = await start();
    await user.click(screen.getByRole('button', { name: /Nieuw idee/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });

    await user.type(title, 'Klanten binnen een uur terugbellen{Enter}');
    await waitFor(() => expect(title).toHaveValue(''));
    expect(title).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Nieuw idee' })).toBeInTheDocument();
    // The form empties at once; the confirmation follows when the idea is saved.
    expect(await within(dialog).findByText(/staat bovenaan in Nieuw/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Idee opgeslagen')).toBeInTheDocument());

    await user.type(title, 'Koffie klaarzetten bij binnenkomst{Enter}');
    await waitFor(() => expect(title).toHaveValue(''));

    const nieuw = screen.getByRole('list', { name: 'Nieuw' });
    await waitFor(() => expect(within(nieuw).getAllByRole('listitem')).toHaveLength(2));
    const items = within(nieuw).getAllByRole('listitem');
    expect(within(items[0]).getByRole('button', { name: /^Koffie klaarzetten bij binnenkomst, / })).toBeInTheDocument();
    expect(within(items[1]).getByRole('button', { name: /^Klanten binnen een uur terugbellen, / })).toBeInTheDocument();

    const cards = await boardCards(h);
    expect(cards.map((c) => [c.title, c.stage])).toEqual([
      ['Koffie klaarzetten bij binnenkomst', 'nieuw'],
      ['Klanten binnen een uur terugbellen', 'nieuw'],
    ]);
    const person = h.store.getState().settings.currentPersonId;
    expect(cards.every((c) => c.authorId === person)).toBe(true);
  });

  it('empties the title on Enter at once, so the next idea can be typed while the board is still reloading', async () => {
    const { h, user } = await start();
    // Hold the board reload that follows each save, as a board of 100,000 ideas does for 100-300 ms.
    const load = h.api['board:get'];
    let release = () => {};
    let held = 0;
    h.api['board:get'] = async (input) => {
      held++;
      await new Promise<void>((resolve) => (release = resolve));
      return load(input);
    };
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });

    await user.type(title, 'Wachtrij bij de balie korter{Enter}');
    await waitFor(() => expect(held).toBe(1));
    await user.keyboard('Tweede');
    expect(title).toHaveValue('Tweede');
    // Enter on the next idea while the first is still being saved: it is saved after it, not ignored.
    await user.keyboard(' loket bij drukte{Enter}');
    expect(title).toHaveValue('');
    await user.keyboard('Derde');

    h.api['board:get'] = load;
    release();
    await waitFor(async () =>
      expect((await boardCards(h)).map((c) => c.title)).toEqual(['Tweede loket bij drukte', 'Wachtrij bij de balie korter']),
    );
    const nieuw = screen.getByRole('list', { name: 'Nieuw' });
    expect(await within(nieuw).findByRole('button', { name: /^Tweede loket bij drukte, / })).toBeInTheDocument();
    expect(title).toHaveValue('Derde');
    expect(title).toHaveFocus();
  });

  it('puts the title back when saving fails, unless the next one is already being typed', async () => {
    const { h, user } = await start();
    let fail = () => {};
    h.api['ideas:create'] = async () => {
      await new Promise<void>((resolve) => (fail = resolve));
      return { ok: false, error: { code: 'unavailable', message: 'disk full' } } as Awaited<ReturnType<(typeof h.api)['ideas:create']>>;
    };
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });

    await user.type(title, 'Wachtrij bij de balie korter{Enter}');
    expect(title).toHaveValue('');
    fail();
    await waitFor(() => expect(title).toHaveValue('Wachtrij bij de balie korter'));

    await user.keyboard('{Enter}');
    await user.keyboard('Tweede');
    fail();
    await waitFor(() => expect(screen.getAllByRole('alert').length).toBeGreaterThan(0));
    expect(title).toHaveValue('Tweede');
    expect(await boardCards(h)).toHaveLength(0);
  });

  it('saves the optional description and closes with Esc', async () => {
    const { h, user } = await start();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Naambordje bij de balie');
    await user.type(within(dialog).getByRole('textbox', { name: /Omschrijving/ }), 'Zodat klanten weten wie ze helpt.');
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    const [card] = await boardCards(h);
    const detail = await h.api['ideas:get']({ id: card.id });
    expect(detail.ok && detail.value.idea.description).toBe('Zodat klanten weten wie ze helpt.');
    expect(within(dialog).getByRole('textbox', { name: /Omschrijving/ })).toHaveValue('');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nieuw idee' })).not.toBeInTheDocument());
  });

  it('requires a title and refuses one over 200 characters, with a clear message', async () => {
    const { h, user } = await start();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });

    await user.type(title, '   {Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Geef het idee een titel.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(/Geef het idee een titel\./);

    await user.clear(title);
    await user.click(title);
    await user.paste('x'.repeat(201));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('De titel is te lang: maximaal 200 tekens, nu 201.');
    expect(within(dialog).getByText('201 van 200 tekens')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(title).toHaveValue('x'.repeat(201));

    // Back within the limit the message goes and the idea saves.
    await user.keyboard('{Backspace}');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).getByText('200 van 200 tekens')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(title).toHaveValue(''));
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    const cards = await boardCards(h);
    expect(cards[0].title).toHaveLength(200);
  });

  it('defaults the kind to the one used last, also after a restart', async () => {
    const { h, user } = await start();
    await user.keyboard('n');
    let dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(dialog).getByRole('radio', { name: 'Verbeter' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Verbeter' })).toHaveAccessibleDescription(/minder fouten/);
    await user.click(within(dialog).getByRole('radio', { name: 'Verleuk' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Verjaardagskaart voor vaste klanten{Enter}');
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    // Kind and touchpoint stay for the next idea.
    expect(within(dialog).getByRole('radio', { name: 'Verleuk' })).toBeChecked();
    await user.keyboard('{Escape}');

    await user.keyboard('n');
    dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(dialog).getByRole('radio', { name: 'Verleuk' })).toBeChecked();
    await user.keyboard('{Escape}');

    // A new window on the same database remembers it too.
    cleanup();
    const store = createAppStore(h.api);
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    await screen.findByRole('list', { name: 'Nieuw' });
    await user.keyboard('n');
    dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(dialog).getByRole('radio', { name: 'Verleuk' })).toBeChecked();
    const [card] = await boardCards(h);
    expect(card.kind).toBe('verleuk');
  });

  it('picks the touchpoint by typing, arrows and Enter, and remembers it', async () => {
    const { h, user } = await start();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const combo = within(dialog).getByRole('combobox', { name: 'Touchpoint' });
    await user.click(combo);
    expect(combo).toHaveAttribute('aria-expanded', 'true');
    const listbox = within(dialog).getByRole('listbox', { name: 'Touchpoint' });
    expect(within(listbox).getByRole('group', { name: 'Klantreis' })).toBeInTheDocument();
    expect(within(listbox).getAllByRole('option')).toHaveLength(6);

    await user.clear(combo);
    await user.type(combo, 'fact');
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Factuur & betaling']);
    await user.clear(combo);
    await user.type(combo, 'ing');
    const names = within(listbox).getAllByRole('option').map((o) => o.textContent);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(['Aanvraag & bestelling', 'Levering & service', 'Factuur & betaling']);
    await user.keyboard('{ArrowDown}');
    const active = combo.getAttribute('aria-activedescendant');
    const chosen = active ? document.getElementById(active)?.textContent : null;
    expect(chosen).toBe(names[1]);
    await user.keyboard('{Enter}');
    expect(combo).toHaveValue(names[1]);
    expect(combo).toHaveAttribute('aria-expanded', 'false');
    // The dialog is still open: Enter in the list picks, it does not save.
    expect(await boardCards(h)).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Wachtmuziek vervangen{Enter}');
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    const tp = await touchpointByName(h, names[1] ?? '');
    expect((await boardCards(h))[0].touchpointId).toBe(tp.id);
    expect(combo).toHaveValue(names[1]);

    // Esc in an open list closes only the list.
    await user.click(combo);
    await user.keyboard('{Escape}');
    expect(combo).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('dialog', { name: 'Nieuw idee' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.keyboard('n');
    const again = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(again).getByRole('combobox', { name: 'Touchpoint' })).toHaveValue(names[1]);
  });

  it('picks a touchpoint with the mouse and speaks English when asked', async () => {
    const { h, user } = await start({ language: 'en' });
    await user.click(screen.getByRole('button', { name: /New idea/ }));
    const dialog = await screen.findByRole('dialog', { name: 'New idea' });
    await user.click(within(dialog).getByRole('radio', { name: 'Delight' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Touchpoint' }));
    await user.click(within(dialog).getByRole('option', { name: 'Klacht & nazorg' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Handwritten thank-you note');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    const tp = await touchpointByName(h, 'Klacht & nazorg');
    const [card] = await boardCards(h);
    expect(card).toMatchObject({ kind: 'verleuk', touchpointId: tp.id, title: 'Handwritten thank-you note' });
    await waitFor(() => expect(screen.getByText('Idea saved')).toBeInTheDocument());
  });
});

/** Every save waits until the test lets it fail or go through, one at a time in the order they were asked. */
function holdCreates(h: UiHarness) {
  const create = h.api['ideas:create'];
  const waiting: ((ok: boolean) => void)[] = [];
  h.api['ideas:create'] = async (input) => {
    const ok = await new Promise<boolean>((resolve) => waiting.push(resolve));
    return ok ? create(input) : { ok: false, error: { code: 'unavailable', message: 'disk full' } };
  };
  const next = async (ok: boolean) => {
    await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    waiting.shift()!(ok);
  };
  return { fail: () => next(false), pass: () => next(true), original: create };
}

/** The text of every alert, one after another. */
const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent ?? '').join('\n');
const NOT_SAVED = (title: string) =>
  `“${title}” is niet opgeslagen: Kaizenbord is niet bereikbaar. Er is niets gewijzigd; probeer het zo opnieuw. Je vindt het terug in Nieuw idee.`;

async function ideaOf(h: UiHarness, title: string) {
  const card = (await boardCards(h)).find((c) => c.title === title);
  if (!card) throw new Error(`no card ${title}`);
  const res = await h.api['ideas:get']({ id: card.id });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.idea;
}

/** The app with every save held (see holdCreates), and Nieuw idee open. */
async function startHeld() {
  const { h, user } = await start();
  const saves = holdCreates(h);
  await user.keyboard('n');
  const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
  return { h, user, saves, dialog, title: within(dialog).getByRole('textbox', { name: 'Titel' }) };
}

describe('capture: an idea whose save failed is kept whole', () => {
  it('never mixes it into the idea being typed: it waits, named, and comes back whole after the next Enter', async () => {
    const { h, user, saves, dialog, title } = await startHeld();
    const desc = within(dialog).getByRole('textbox', { name: /Omschrijving/ });
    await user.type(title, 'Wachtrij korter');
    await user.type(desc, 'Een tweede loket bij drukte');
    await user.click(title);
    await user.keyboard('{Enter}');
    expect(title).toHaveValue('');
    await user.keyboard('Koffie klaarzetten');

    await saves.fail();
    await waitFor(() => expect(alerts()).not.toBe(''));
    expect(title).toHaveValue('Koffie klaarzetten');
    expect(desc).toHaveValue('');
    expect(alerts()).toContain(NOT_SAVED('Wachtrij korter'));
    expect(within(dialog).getByText(/^“Wachtrij korter” is niet opgeslagen en komt hier terug/)).toBeInTheDocument();

    // Enter saves the idea being typed as it is; the failed one comes back whole into the emptied form.
    await user.keyboard('{Enter}');
    expect(title).toHaveValue('Wachtrij korter');
    expect(desc).toHaveValue('Een tweede loket bij drukte');
    expect(within(dialog).queryByText(/komt hier terug/)).not.toBeInTheDocument();
    await saves.pass();
    await user.click(title);
    await user.keyboard('{Enter}');
    expect(title).toHaveValue('');
    await saves.pass();

    await waitFor(async () => expect(await boardCards(h)).toHaveLength(2));
    expect((await ideaOf(h, 'Koffie klaarzetten')).description).toBe('');
    expect((await ideaOf(h, 'Wachtrij korter')).description).toBe('Een tweede loket bij drukte');
    expect(title).toHaveValue('');
    expect(desc).toHaveValue('');
  });

  it('keeps it when the dialog was closed before the save failed, and puts it back when Nieuw idee opens again', async () => {
    const held = await startHeld();
    const { h, user, saves } = held;
    let dialog = held.dialog;
    await user.type(within(dialog).getByRole('textbox', { name: /Omschrijving/ }), 'Zodat klanten weten wie ze helpt.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Naambordje bij de balie{Enter}');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    await saves.fail();
    await waitFor(() => expect(alerts()).not.toBe(''));

    await user.keyboard('n');
    dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    expect(title).toHaveValue('Naambordje bij de balie');
    expect(within(dialog).getByRole('textbox', { name: /Omschrijving/ })).toHaveValue('Zodat klanten weten wie ze helpt.');
    expect(alerts()).toContain(NOT_SAVED('Naambordje bij de balie'));
    expect(screen.getByText('“Naambordje bij de balie” is niet opgeslagen en staat weer in het formulier.')).toBeInTheDocument();

    await user.click(title);
    await user.keyboard('{Enter}');
    await saves.pass();
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    expect((await ideaOf(h, 'Naambordje bij de balie')).description).toBe('Zodat klanten weten wie ze helpt.');
  });

  it('puts its kind and touchpoint back with its words', async () => {
    const { h, user, saves, dialog, title } = await startHeld();
    const combo = within(dialog).getByRole('combobox', { name: 'Touchpoint' });
    await user.click(within(dialog).getByRole('radio', { name: 'Verleuk' }));
    await user.click(combo);
    await user.click(within(dialog).getByRole('option', { name: 'Klacht & nazorg' }));
    await user.type(title, 'Handgeschreven bedankkaart{Enter}');

    // The next idea, of another kind and touchpoint, is saved after it.
    await user.click(within(dialog).getByRole('radio', { name: 'Verbeter' }));
    await user.click(combo);
    await user.click(within(dialog).getByRole('option', { name: 'Eerste contact' }));
    await user.type(title, 'Wachttijd aankondigen{Enter}');
    expect(title).toHaveValue('');

    await saves.fail();
    await waitFor(() => expect(title).toHaveValue('Handgeschreven bedankkaart'));
    expect(within(dialog).getByRole('radio', { name: 'Verleuk' })).toBeChecked();
    expect(combo).toHaveValue('Klacht & nazorg');
    await saves.pass();
    await user.click(title);
    await user.keyboard('{Enter}');
    await saves.pass();

    await waitFor(async () => expect(await boardCards(h)).toHaveLength(2));
    const complaint = await touchpointByName(h, 'Klacht & nazorg');
    const first = await touchpointByName(h, 'Eerste contact');
    expect(await ideaOf(h, 'Handgeschreven bedankkaart')).toMatchObject({ kind: 'verleuk', touchpointId: complaint.id });
    expect(await ideaOf(h, 'Wachttijd aankondigen')).toMatchObject({ kind: 'verbeter', touchpointId: first.id });
  });

  it('saves it once: closed while back in the form it comes back once more, and after its save never again', async () => {
    const held = await startHeld();
    const { h, user, saves } = held;
    let dialog = held.dialog;
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Wachtmuziek vervangen{Enter}');
    await saves.fail();
    // The form was untouched: the idea is back at once.
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveValue('Wachtmuziek vervangen'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    await user.keyboard('n');
    dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    expect(title).toHaveValue('Wachtmuziek vervangen');
    await user.click(title);
    await user.keyboard('{Enter}');
    expect(title).toHaveValue('');
    await saves.pass();
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    await user.keyboard('n');
    dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveValue('');
    expect(within(dialog).queryByText(/niet opgeslagen/)).not.toBeInTheDocument();
    expect((await boardCards(h)).map((c) => c.title)).toEqual(['Wachtmuziek vervangen']);
  });

  it('comes back once under StrictMode too (effects mount, unmount and mount again)', async () => {
    harness = await createUiHarness();
    const h = harness;
    const saves = holdCreates(h);
    const user = userEvent.setup();
    render(
      <StrictMode>
        <StoreProvider store={createAppStore(liveApi(h))}>
          <App />
        </StoreProvider>
      </StrictMode>,
    );
    await screen.findByRole('list', { name: 'Nieuw' });
    await user.keyboard('n');
    let dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Wachtmuziek vervangen{Enter}');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await saves.fail();
    await waitFor(() => expect(alerts()).not.toBe(''));

    for (let i = 0; i < 2; i++) {
      await user.keyboard('n');
      dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
      expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveValue('Wachtmuziek vervangen');
      expect(within(dialog).queryByText(/komt hier terug/)).not.toBeInTheDocument();
      await user.keyboard('{Escape}');
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
    }
    await user.keyboard('n');
    dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.keyboard('{Enter}');
    await saves.pass();
    await waitFor(async () => expect(await boardCards(h)).toHaveLength(1));
    expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveValue('');
  });
});

describe('capture: an idea not known to be saved outlives the window', () => {
  /** Close the window and open a new one on the same core and the same localStorage (a reload, a restart). */
  async function reload(h: UiHarness) {
    cleanup();
    h.store = createAppStore(liveApi(h));
    renderApp(h);
    await screen.findByRole('list', { name: 'Nieuw' });
  }

  it('offers a failed idea again after a reload, with a notice, and forgets it once saved', async () => {
    const { h, user, saves, dialog, title } = await startHeld();
    await user.type(within(dialog).getByRole('textbox', { name: /Omschrijving/ }), 'Een tweede loket bij drukte');
    await user.type(title, 'Wachtrij korter{Enter}');
    await saves.fail();
    await waitFor(() => expect(alerts()).toContain(NOT_SAVED('Wachtrij korter')));

    await reload(h);
    expect(await screen.findByText('Eén idee van de vorige keer is nog niet opgeslagen. Het staat klaar in Nieuw idee.')).toBeInTheDocument();
    await user.keyboard('n');
    const again = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const againTitle = within(again).getByRole('textbox', { name: 'Titel' });
    expect(againTitle).toHaveValue('Wachtrij korter');
    expect(within(again).getByRole('textbox', { name: /Omschrijving/ })).toHaveValue('Een tweede loket bij drukte');

    await user.click(againTitle);
    await user.keyboard('{Enter}');
    await saves.pass();
    await waitFor(async () => expect((await boardCards(h)).map((c) => c.title)).toEqual(['Wachtrij korter']));
    await waitFor(() => expect(window.localStorage.getItem(CAPTURE_DRAFTS_KEY)).toBeNull());
    await reload(h);
    await user.keyboard('n');
    expect(within(await screen.findByRole('dialog', { name: 'Nieuw idee' })).getByRole('textbox', { name: 'Titel' })).toHaveValue('');
    expect(screen.queryByText(/van de vorige keer/)).not.toBeInTheDocument();
  });

  it('offers an idea back in the form and one whose save was still waiting when the window went', async () => {
    const { h, user, saves, title } = await startHeld();
    await user.type(title, 'Koffie klaarzetten{Enter}');
    await user.type(title, 'Naambordje bij de balie{Enter}');
    // The first save fails and, the form being empty, comes back into it; the second is still waiting.
    await saves.fail();
    await waitFor(() => expect(alerts()).toContain(NOT_SAVED('Koffie klaarzetten')));
    await waitFor(() => expect(title).toHaveValue('Koffie klaarzetten'));

    // In the new window saves go through at once; the old window's waiting save never ends.
    h.api['ideas:create'] = saves.original;
    await reload(h);
    expect(
      await screen.findByText('2 ideeën van de vorige keer zijn nog niet opgeslagen. Ze staan een voor een klaar in Nieuw idee.'),
    ).toBeInTheDocument();
    await user.keyboard('n');
    const again = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    const againTitle = within(again).getByRole('textbox', { name: 'Titel' });
    expect(againTitle).toHaveValue('Koffie klaarzetten');
    await user.click(againTitle);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(againTitle).toHaveValue('Naambordje bij de balie'));
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await boardCards(h)).map((c) => c.title).sort()).toEqual(['Koffie klaarzetten', 'Naambordje bij de balie']));
    await waitFor(() => expect(window.localStorage.getItem(CAPTURE_DRAFTS_KEY)).toBeNull());
  });

  it('starts normally when what was kept is damaged, offering only the well-formed ideas', async () => {
    window.localStorage.setItem(CAPTURE_DRAFTS_KEY, '{niet te lezen');
    const first = await start();
    await first.user.keyboard('n');
    expect(within(await screen.findByRole('dialog', { name: 'Nieuw idee' })).getByRole('textbox', { name: 'Titel' })).toHaveValue('');
    expect(screen.queryByText(/van de vorige keer/)).not.toBeInTheDocument();
    first.h.close();
    harness = undefined;
    cleanup();

    const tp = 'touchpoint-that-was-archived';
    window.localStorage.setItem(
      CAPTURE_DRAFTS_KEY,
      JSON.stringify([
        { title: 'Bedankkaartje', description: 'Met de hand', kind: 'verleuk', touchpointId: tp },
        { title: 42, description: '', kind: 'verbeter', touchpointId: tp },
        { title: 'Zonder soort', description: '', kind: 'anders', touchpointId: tp },
        null,
      ]),
    );
    const { user } = await start();
    expect(await screen.findByText('Eén idee van de vorige keer is nog niet opgeslagen. Het staat klaar in Nieuw idee.')).toBeInTheDocument();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveValue('Bedankkaartje');
    expect(within(dialog).getByRole('radio', { name: 'Verleuk' })).toBeChecked();
  });
});
