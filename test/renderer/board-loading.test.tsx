/**
 * While the board loads: the region says it is busy at once, and the cards dim only when the load takes long (a
 * search as it is typed loads in milliseconds; dimming on every load repainted the whole board twice per key).
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/store';
import { createUiHarness, liveApi, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

describe('the board while it loads', () => {
  it('is busy at once, dims its cards only after a while, and is back to normal when the load is done', async () => {
    harness = await createUiHarness();
    const h = harness;
    h.store = createAppStore(liveApi(h));
    const user = userEvent.setup();
    renderApp(h);
    await screen.findByRole('list', { name: 'Nieuw' });
    const board = screen.getByRole('region', { name: 'PDCA-bord' });
    await waitFor(() => expect(board).not.toHaveAttribute('aria-busy'));

    // The next board load waits until the test lets it go.
    const load = h.api['board:get'];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    h.api['board:get'] = async (input) => {
      await held;
      return load(input);
    };
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'koffie');
    await waitFor(() => expect(board).toHaveAttribute('aria-busy', 'true'));
    expect(board).not.toHaveAttribute('data-slow');
    await waitFor(() => expect(board).toHaveAttribute('data-slow'), { timeout: 2000 });

    release();
    await waitFor(() => expect(board).not.toHaveAttribute('aria-busy'));
    expect(board).not.toHaveAttribute('data-slow');
  });
});
