/** Keyboard focus is never dropped on the page body after an action removes what had it; keys act where focus is. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function start(titles: string[]) {
  harness = await createUiHarness();
  const h = harness;
  const boot = await h.api['app:bootstrap']({});
  if (!boot.ok) throw new Error(boot.error.message);
  const actorId = boot.value.settings.currentPersonId!;
  for (const title of [...titles].reverse()) {
    const res = await h.api['ideas:create']({ actorId, title, kind: 'verbeter', touchpointId: boot.value.touchpoints[0].id });
    if (!res.ok) throw new Error(res.error.message);
  }
  const user = userEvent.setup();
  renderApp(h);
  await screen.findByRole('list', { name: 'Nieuw' });
  return { h, user };
}

const card = (title: string) => screen.getByRole('button', { name: new RegExp(`^${title}, `) });

describe('focus after actions', () => {
  it('deleting from the detail puts focus on the next card, and on the card above at the end of a column', async () => {
    const { user } = await start(['Eerste idee', 'Tweede idee', 'Derde idee']);
    card('Tweede idee').focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Tweede idee' });
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Tweede idee, / })).not.toBeInTheDocument());
    await waitFor(() => expect(card('Derde idee')).toHaveFocus());

    await user.keyboard('{Enter}');
    const last = await screen.findByRole('dialog', { name: 'Derde idee' });
    await user.click(within(last).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Derde idee, / })).not.toBeInTheDocument());
    await waitFor(() => expect(card('Eerste idee')).toHaveFocus());
  });
  it('Ctrl+Z inside an open dialog does not undo a board move behind it', async () => {
    const { h, user } = await start(['Verplaatst idee', 'Open idee']);
    const item = card('Verplaatst idee').closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Verplaats naar…' }));
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Plan' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Plan' })).getAllByRole('listitem')).toHaveLength(1));

    await user.click(card('Open idee'));
    const dialog = await screen.findByRole('dialog', { name: 'Open idee' });
    within(dialog).getByRole('radio', { name: /Verbeter/ }).focus();
    await user.keyboard('{Control>}z{/Control}');
    await new Promise((r) => setTimeout(r, 50));
    const board = await h.api['board:get']({ filter: {} });
    if (!board.ok) throw new Error(board.error.message);
    expect(board.value.cards.find((c) => c.title === 'Verplaatst idee')?.stage).toBe('plan');
  });
});
