/** "Wie ben je?" and the person switcher, on the real App over the real core. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { createAppStore, StoreProvider } from '../../renderer/store/store';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function settings(h: UiHarness) {
  const res = await h.api['app:bootstrap']({});
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

describe('first run', () => {
  it('asks "Wie ben je?" and cannot be dismissed before someone is chosen', async () => {
    harness = await createUiHarness({ person: null });
    const user = userEvent.setup();
    renderApp(harness);

    const dialog = await screen.findByRole('dialog', { name: 'Wie ben je?' });
    expect(within(dialog).queryByRole('button', { name: 'Sluiten' })).not.toBeInTheDocument();
    expect(within(dialog).getByText(/nog niemand in het team/i)).toBeInTheDocument();
    // The name field has the focus, so typing starts right away.
    expect(within(dialog).getByRole('textbox', { name: 'Naam' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Wie ben je?' })).toBeInTheDocument();
  });

  it('puts focus on "Nieuw idee" once the first person is added, so the keyboard user can start', async () => {
    harness = await createUiHarness({ person: null });
    const user = userEvent.setup();
    renderApp(harness);
    const dialog = await screen.findByRole('dialog', { name: 'Wie ben je?' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Naam' }), 'Noor Bakker{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Wie ben je?' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: /Nieuw idee/ })).toHaveFocus();
  });

  it('explains an empty or too long name and saves nothing', async () => {
    harness = await createUiHarness({ person: null });
    const user = userEvent.setup();
    renderApp(harness);
    const dialog = await screen.findByRole('dialog', { name: 'Wie ben je?' });

    await user.click(within(dialog).getByRole('button', { name: 'Toevoegen' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Vul een naam in.');
    expect(within(dialog).getByRole('textbox', { name: 'Naam' })).toHaveAttribute('aria-invalid', 'true');

    await user.type(within(dialog).getByRole('textbox', { name: 'Naam' }), 'x'.repeat(81));
    await user.click(within(dialog).getByRole('button', { name: 'Toevoegen' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('hoogstens 80 tekens');

    expect((await settings(harness)).people).toHaveLength(0);
  });

  it('adding a person selects them, and a new start remembers who it is', async () => {
    harness = await createUiHarness({ person: null });
    const user = userEvent.setup();
    const first = renderApp(harness);
    const dialog = await screen.findByRole('dialog', { name: 'Wie ben je?' });

    await user.type(within(dialog).getByRole('textbox', { name: 'Naam' }), 'Sanne Bakker{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Wie ben je?' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Ingelogd als Sanne Bakker — wissel van persoon' })).toBeInTheDocument();
    const stored = await settings(harness);
    const sanne = stored.people.find((p) => p.name === 'Sanne Bakker');
    expect(stored.settings.currentPersonId).toBe(sanne?.id);

    // Restart: a fresh store over the same core starts as Sanne, without asking again.
    first.unmount();
    const store = createAppStore(harness.api);
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    expect(await screen.findByRole('button', { name: 'Ingelogd als Sanne Bakker — wissel van persoon' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Wie ben je?' })).not.toBeInTheDocument();
  });
});

describe('switching person', () => {
  it('takes two clicks and is remembered', async () => {
    harness = await createUiHarness({ person: 'Anouk de Vries' });
    await harness.api['people:create']({ name: 'Bram Jansen' });
    const user = userEvent.setup();
    renderApp(harness);

    await user.click(await screen.findByRole('button', { name: 'Ingelogd als Anouk de Vries — wissel van persoon' }));
    const dialog = screen.getByRole('dialog', { name: 'Wie ben je?' });
    // The current person is marked; the other can be picked.
    expect(within(dialog).getByRole('button', { name: 'Anouk de Vries' })).toHaveAttribute('aria-current', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Bram Jansen' }));

    expect(await screen.findByRole('button', { name: 'Ingelogd als Bram Jansen — wissel van persoon' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Wie ben je?' })).not.toBeInTheDocument();
    const stored = await settings(harness);
    expect(stored.people.find((p) => p.id === stored.settings.currentPersonId)?.name).toBe('Bram Jansen');
  });

  it('can be closed without choosing when someone is already signed in', async () => {
    harness = await createUiHarness({ person: 'Anouk de Vries' });
    const user = userEvent.setup();
    renderApp(harness);

    const switcher = await screen.findByRole('button', { name: 'Ingelogd als Anouk de Vries — wissel van persoon' });
    await user.click(switcher);
    expect(screen.getByRole('dialog', { name: 'Wie ben je?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Wie ben je?' })).not.toBeInTheDocument();
    expect(switcher).toHaveFocus();

    await user.click(switcher);
    await user.click(within(screen.getByRole('dialog', { name: 'Wie ben je?' })).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('dialog', { name: 'Wie ben je?' })).not.toBeInTheDocument();
  });

  it('archived people are not offered', async () => {
    harness = await createUiHarness({ person: 'Anouk de Vries' });
    const gone = await harness.api['people:create']({ name: 'Oud Collega' });
    if (!gone.ok) throw new Error(gone.error.message);
    await harness.api['people:update']({ id: gone.value.id, archived: true });
    const user = userEvent.setup();
    renderApp(harness);

    await user.click(await screen.findByRole('button', { name: /^Ingelogd als Anouk de Vries/ }));
    const dialog = screen.getByRole('dialog', { name: 'Wie ben je?' });
    expect(within(dialog).getByRole('button', { name: 'Anouk de Vries' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Oud Collega' })).not.toBeInTheDocument();
  });
});
