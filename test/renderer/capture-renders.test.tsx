/**
 * Typing in "Nieuw idee" never re-renders the board behind it: at 100,000 ideas one render of the board (and of
 * every card through dnd-kit's context) takes 50-100 ms, which a keystroke must not wait for. The board's renders
 * are counted by wrapping the real BoardView; everything else is the real App on the real core.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as BoardViewModule from '../../renderer/features/board/BoardView';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

const boardRenders = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../renderer/features/board/BoardView', async (importOriginal) => {
  const real = await importOriginal<typeof BoardViewModule>();
  return {
    ...real,
    BoardView: () => {
      boardRenders.count++;
      return <real.BoardView />;
    },
  };
});

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function start() {
  harness = await createUiHarness();
  const user = userEvent.setup();
  renderApp(harness);
  await screen.findByRole('list', { name: 'Nieuw' });
  // Let the board's first loads settle before counting.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return { h: harness, user };
}

describe('capture leaves the board alone', () => {
  it('opening Nieuw idee with the button, typing a title and a description, and closing it render the board 0 times', async () => {
    const { user } = await start();
    const before = boardRenders.count;
    expect(before).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: /Nieuw idee/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Wachtrij bij de balie korter');
    await user.type(within(dialog).getByRole('textbox', { name: /Omschrijving/ }), 'Een tweede loket bij drukte');
    await user.click(within(dialog).getByRole('radio', { name: /Verleuk/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Klaar' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    expect(boardRenders.count - before).toBe(0);
  });

  it('opening with the key N and closing with Esc render the board 0 times', async () => {
    const { user } = await start();
    const before = boardRenders.count;

    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.keyboard('Koffie klaar');
    expect(within(dialog).getByRole('textbox', { name: 'Titel' })).toHaveValue('Koffie klaar');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    expect(boardRenders.count - before).toBe(0);
  });

  it('still shows a saved idea on the board (the board does render when its data changes)', async () => {
    const { user } = await start();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Wachtrij bij de balie korter{Enter}');
    const nieuw = screen.getByRole('list', { name: 'Nieuw' });
    expect(await within(nieuw).findByRole('button', { name: /^Wachtrij bij de balie korter, / })).toBeInTheDocument();
  });
});
