/** The app shell: start-up failure in the user's language, dialog focus trap, global keys over other dialogs. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../shared/contract';
import { App } from '../../renderer/app/App';
import { createAppStore, StoreProvider } from '../../renderer/store/store';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

describe('app shell', () => {
  it('explains a failed start in Dutch, not with the core’s English text, and can retry', async () => {
    let calls = 0;
    const api = createApi(async (name) => {
      // A failed start also asks whether the host is in recovery mode (recovery:status); count the starts.
      if (name === 'app:bootstrap') calls++;
      return { ok: false, error: { code: 'unavailable', message: 'connect ECONNREFUSED 127.0.0.1:5174' } };
    });
    const store = createAppStore(api);
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Kaizenbord is niet bereikbaar');
    expect(alert).not.toHaveTextContent('ECONNREFUSED');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(() => expect(calls).toBe(2));
  });

  it('keeps Shift+Tab inside a dialog even when the dialog box itself has focus', async () => {
    harness = await createUiHarness();
    const user = userEvent.setup();
    renderApp(harness);
    await user.click(await screen.findByRole('button', { name: /Nieuw idee/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    dialog.focus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(dialog);
  });

  it('does not open capture over the outcome dialog with Ctrl+N', async () => {
    harness = await createUiHarness();
    const boot = await harness.api['app:bootstrap']({});
    if (!boot.ok) throw new Error(boot.error.message);
    const made = await harness.api['ideas:create']({
      actorId: boot.value.settings.currentPersonId!,
      title: 'Afronden maar',
      kind: 'verbeter',
      touchpointId: boot.value.touchpoints[0].id,
    });
    if (!made.ok) throw new Error(made.error.message);
    const user = userEvent.setup();
    renderApp(harness);
    await screen.findByRole('list', { name: 'Nieuw' });
    harness.store.getState().askFinish({ id: made.value.id, toStage: 'afgerond', afterId: null, title: 'Afronden maar' });
    await screen.findByRole('dialog', { name: /afronden/ });
    await user.keyboard('{Control>}n{/Control}');
    expect(screen.queryByRole('dialog', { name: 'Nieuw idee' })).not.toBeInTheDocument();
  });
});
