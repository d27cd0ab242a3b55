/**
 * The stand-up on a board longer than the digest's cap (50 per list) and the walk's cap (100 per column), on the real
 * App over the real core: the counts are the whole lists, the lists say how many more there are.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  cleanup();
  harness?.close();
  harness = undefined;
  localStorage.clear();
});

const IDEAS = 110;

async function ok<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

describe('stand-up on a long board', () => {
  it('counts whole lists, shows the first 50 with "en nog n", and walks a column past 100 cards', async () => {
    const h = await createUiHarness();
    harness = h;
    const boot = await ok(h.api['app:bootstrap']({}));
    const me = boot.settings.currentPersonId!;
    for (let i = 1; i <= IDEAS; i++) {
      await ok(h.api['ideas:create']({ actorId: me, title: `Idee ${i}`, kind: 'verbeter', touchpointId: boot.touchpoints[0]!.id }));
    }
    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: 'Stand-up' }));

    const fresh = await screen.findByRole('region', { name: /Nieuwe ideeën/ });
    expect(within(fresh).getByRole('heading', { name: `Nieuwe ideeën ${IDEAS}` })).toBeInTheDocument();
    const noOwner = screen.getByRole('region', { name: /Zonder eigenaar/ });
    expect(within(noOwner).getByRole('heading', { name: `Zonder eigenaar ${IDEAS}` })).toBeInTheDocument();
    expect(within(noOwner).getAllByRole('listitem')).toHaveLength(8);
    expect(within(noOwner).queryByText(/^en nog/)).not.toBeInTheDocument();
    await user.click(within(noOwner).getByRole('button', { name: 'Toon de eerste 50' }));
    expect(within(noOwner).getAllByRole('listitem')).toHaveLength(50);
    expect(within(noOwner).getByText(`en nog ${IDEAS - 50}`)).toBeInTheDocument();
    await user.click(within(noOwner).getByRole('button', { name: 'Toon minder' }));
    expect(within(noOwner).getAllByRole('listitem')).toHaveLength(8);

    await user.click(screen.getByRole('button', { name: 'Begin bij Afgerond' }));
    await screen.findByRole('heading', { level: 3, name: /^Afgerond/ });
    await user.click(screen.getByRole('button', { name: new RegExp(`^Nieuw\\s*${IDEAS}$`) }));
    const heading = await screen.findByRole('heading', { level: 3, name: /^Nieuw/ });
    expect(heading).toHaveTextContent(`${IDEAS} ideeën`);
    const walk = screen.getByRole('region', { name: /^Nieuw/ });
    const cards = within(walk).getAllByRole('heading', { level: 4 });
    expect(cards).toHaveLength(100);
    expect(cards[0]).toHaveTextContent('Idee 1');
    expect(within(walk).getByText(`En nog ${IDEAS - 100}: die staan op het bord.`)).toBeInTheDocument();
  }, 60_000);
});
