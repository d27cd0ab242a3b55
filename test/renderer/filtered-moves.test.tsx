/** Ideas the current filter hides: moves and undo still happen in the core, the board follows, capture says so. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kind, Stage } from '../../shared/domain';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function start(ideas: { title: string; kind: Kind }[]) {
  harness = await createUiHarness();
  const h = harness;
  const boot = await h.api['app:bootstrap']({});
  if (!boot.ok) throw new Error(boot.error.message);
  const actorId = boot.value.settings.currentPersonId!;
  const touchpointId = boot.value.touchpoints[0].id;
  for (const idea of [...ideas].reverse()) {
    const res = await h.api['ideas:create']({ actorId, title: idea.title, kind: idea.kind, touchpointId });
    if (!res.ok) throw new Error(res.error.message);
  }
  const user = userEvent.setup();
  renderApp(h);
  await screen.findByRole('list', { name: 'Nieuw' });
  return { h, user };
}

async function storedStage(h: UiHarness, stage: Stage) {
  const res = await h.api['board:get']({ filter: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.cards.filter((c) => c.stage === stage).map((c) => c.title);
}

const card = (title: string) => screen.getByRole('button', { name: new RegExp(`^${title}, `) });

describe('moves of ideas the filter hides', () => {
  it('Ctrl+Z undoes a move even when the filter now hides the moved idea', async () => {
    const { h, user } = await start([
      { title: 'Koffie bij binnenkomst', kind: 'verbeter' },
      { title: 'Bloemen op de balie', kind: 'verleuk' },
    ]);
    const item = card('Koffie bij binnenkomst').closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Verplaats naar…' }));
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Plan' }));
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual(['Koffie bij binnenkomst']));

    await user.click(screen.getByRole('button', { name: 'Alleen verleuk' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Koffie bij binnenkomst, / })).not.toBeInTheDocument());

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual([]));
    expect(await storedStage(h, 'nieuw')).toEqual(['Koffie bij binnenkomst', 'Bloemen op de balie']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('finishes an idea from its detail after an edit took it out of the filter', async () => {
    const { h, user } = await start([{ title: 'Koffie bij binnenkomst', kind: 'verbeter' }]);
    await user.click(screen.getByRole('button', { name: 'Alleen verbeter' }));
    await user.click(card('Koffie bij binnenkomst'));
    const dialog = await screen.findByRole('dialog', { name: 'Koffie bij binnenkomst' });
    await user.click(within(dialog).getByRole('radio', { name: /Verleuk/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Koffie bij binnenkomst, / })).not.toBeInTheDocument());

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Verplaats naar' }), 'Afgerond');
    const finish = await screen.findByRole('dialog', { name: '“Koffie bij binnenkomst” afronden' });
    await user.click(within(finish).getByRole('radio', { name: 'Standaard geworden' }));
    await user.click(within(finish).getByRole('button', { name: 'Afronden' }));
    await waitFor(async () => expect(await storedStage(h, 'afgerond')).toEqual(['Koffie bij binnenkomst']));
  });
  it('says so when a new idea is saved while the filter hides it', async () => {
    const { h, user } = await start([{ title: 'Bloemen op de balie', kind: 'verleuk' }]);
    await user.click(screen.getByRole('button', { name: 'Alleen verleuk' }));
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw idee' });
    await user.click(within(dialog).getByRole('radio', { name: /Verbeter/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Wachttijd tonen{Enter}');
    await waitFor(async () => expect(await storedStage(h, 'nieuw')).toEqual(['Wachttijd tonen', 'Bloemen op de balie']));
    expect(await within(dialog).findByText(/Wachttijd tonen.*filter/)).toBeInTheDocument();
    expect(within(dialog).queryByText(/staat bovenaan in Nieuw\. Typ/)).not.toBeInTheDocument();
  });
});
