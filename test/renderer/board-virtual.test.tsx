/**
 * Long columns on the real App over the real core: only a window of cards is rendered (also in jsdom, which has no
 * layout), the list still says how long it is, keyboard focus reaches every card, and Afgerond is paged with
 * "Toon meer".
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_DONE_PAGE, SEARCH_COUNT_CAP, SEARCH_PAGE, type Stage } from '../../shared/domain';
import { placeCard } from '../../renderer/store/board-slice';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

/** `count` ideas "Idee 1" … "Idee N" (1 on top), then `finished` of them moved to Afgerond. */
async function start(count: number, finished = 0) {
  harness = await createUiHarness();
  const h = harness;
  const boot = await h.api['app:bootstrap']({});
  if (!boot.ok) throw new Error(boot.error.message);
  const actorId = boot.value.settings.currentPersonId!;
  const touchpointId = boot.value.touchpoints[0]!.id;
  const ids: string[] = [];
  for (let i = count; i >= 1; i--) {
    const res = await h.api['ideas:create']({ actorId, title: `Idee ${i}`, kind: i % 3 ? 'verbeter' : 'verleuk', touchpointId });
    if (!res.ok) throw new Error(res.error.message);
    ids.unshift(res.value.id);
  }
  for (const id of ids.slice(count - finished).reverse()) {
    const res = await h.api['ideas:move']({ id, actorId, toStage: 'afgerond', afterId: null, outcome: 'adopted' });
    if (!res.ok) throw new Error(res.error.message);
  }
  renderApp(h);
  await screen.findByRole('list', { name: 'Nieuw' });
  return { h, user: userEvent.setup() };
}

const list = (stage: string) => screen.getByRole('list', { name: stage });
const heading = (stage: Stage, name: string) =>
  screen.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }).closest(`[data-column="${stage}"]`)!;
const cardNamed = (title: string) => screen.getByRole('button', { name: new RegExp(`^${title}, `) });

describe('a long column', () => {
  it('renders a window of its cards, says how many there are, and keeps the order', async () => {
    await start(300);
    const items = await waitFor(() => {
      const found = within(list('Nieuw')).getAllByRole('listitem');
      expect(found.length).toBeGreaterThan(5);
      return found;
    });
    // Far fewer than 300 in the DOM, the first ones in order, each with its place in the whole list.
    expect(items.length).toBeLessThan(60);
    items.forEach((item, i) => {
      expect(item).toHaveAttribute('aria-posinset', String(i + 1));
      expect(item).toHaveAttribute('aria-setsize', '300');
      expect(within(item).getAllByRole('button')[0]!.getAttribute('aria-label')).toMatch(new RegExp(`^Idee ${i + 1}, `));
    });
    expect(within(heading('nieuw', 'Nieuw') as HTMLElement).getByText('300')).toBeInTheDocument();
    // Padding below the window stands in for the cards that are not rendered.
    expect(Number.parseFloat((list('Nieuw') as HTMLElement).style.paddingBottom)).toBeGreaterThan(200 * 100);
  });

  it('shows a new result with the cards in view first and the rest of its window a moment later', async () => {
    const { user } = await start(60);
    const count = () => within(list('Nieuw')).queryAllByRole('listitem').length;
    // The settled window: the cards in view and the overscan below them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const settled = count();
    expect(settled).toBeGreaterThan(10);

    const seen: number[] = [];
    const observer = new MutationObserver(() => seen.push(count()));
    observer.observe(list('Nieuw'), { childList: true });
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'idee');
    await waitFor(() => expect(screen.getByText(/passen bij de filters/)).toBeInTheDocument());
    await waitFor(() => expect(count()).toBe(settled));
    observer.disconnect();
    // The result was first drawn with fewer cards, then grew back to the whole window.
    expect(Math.min(...seen)).toBeLessThan(settled - 4);
    expect(seen[seen.length - 1]).toBe(settled);
  });

  it('moves keyboard focus to cards outside the window (End, then k)', async () => {
    const { user } = await start(200);
    const first = cardNamed('Idee 1');
    first.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label') ?? '').toMatch(/^Idee 200, /));
    await user.keyboard('k');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label') ?? '').toMatch(/^Idee 199, /));
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label') ?? '').toMatch(/^Idee 1, /));
  });
});

describe('Afgerond', () => {
  it('shows its first page, counts all of it, and shows more on request', async () => {
    const { user } = await start(BOARD_DONE_PAGE + 30, BOARD_DONE_PAGE + 30);
    const column = heading('afgerond', 'Afgerond') as HTMLElement;
    expect(within(column).getByText(String(BOARD_DONE_PAGE + 30))).toBeInTheDocument();
    const more = within(column).getByRole('button', { name: 'Toon 30 meer (nog 30 niet getoond)' });
    expect(within(list('Afgerond')).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', String(BOARD_DONE_PAGE + 30));
    await user.click(more);
    await waitFor(() => expect(within(column).queryByRole('button', { name: /^Toon \d+ meer/ })).toBeNull());
    expect(harness!.store.getState().columns.afgerond).toHaveLength(BOARD_DONE_PAGE + 30);
    expect(within(column).getByText(String(BOARD_DONE_PAGE + 30))).toBeInTheDocument();
  });
});

describe('search results', () => {
  it('page every column, count all the matches, and show more of an open column on request', async () => {
    const { user } = await start(SEARCH_PAGE + 20);
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'idee');
    const column = heading('nieuw', 'Nieuw') as HTMLElement;
    const more = await within(column).findByRole('button', { name: 'Toon 20 meer (nog 20 niet getoond)' });
    expect(harness!.store.getState().columns.nieuw).toHaveLength(SEARCH_PAGE);
    expect(within(column).getByText(String(SEARCH_PAGE + 20))).toBeInTheDocument();
    expect(screen.getByText(`${SEARCH_PAGE + 20} ideeën passen bij de filters`)).toBeInTheDocument();
    await user.click(more);
    await waitFor(() => expect(within(column).queryByRole('button', { name: /^Toon \d+ meer/ })).toBeNull());
    expect(harness!.store.getState().columns.nieuw).toHaveLength(SEARCH_PAGE + 20);
    // Without search text the open columns come whole again.
    await user.click(screen.getByRole('button', { name: 'Filters wissen' }));
    await waitFor(() => expect(screen.queryByText(/passen bij de filters/)).toBeNull());
    expect(harness!.store.getState().columns.nieuw).toHaveLength(SEARCH_PAGE + 20);
    expect(within(column).queryByRole('button', { name: /^Toon \d+ meer/ })).toBeNull();
  });

  it(`say "${SEARCH_COUNT_CAP}+" when more finished ideas match than a search counts`, async () => {
    harness = await createUiHarness({ demo: { count: 2800, open: 20, now: new Date('2026-03-02T09:00:00.000Z') } });
    renderApp(harness);
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Afgerond' });
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'e');
    const column = heading('afgerond', 'Afgerond') as HTMLElement;
    await waitFor(() => expect(within(column).getByText(`${SEARCH_COUNT_CAP.toLocaleString('nl-NL')}+ verbeter`)).toBeInTheDocument());
    expect(within(column).getByText(/^\d{1,3}(\.\d{3})*\+$/)).toBeInTheDocument();
    expect(within(column).getByRole('button', { name: /^Toon 50 meer \(nog ruim [\d.]+ niet getoond\)$/ })).toBeInTheDocument();
    expect(screen.getByText(/^Meer dan \d{1,3}(\.\d{3})* ideeën passen bij de filters$/)).toBeInTheDocument();
  });
});

describe('paging while searching', () => {
  it('"Toon meer" in one column shows more of that column only', async () => {
    harness = await createUiHarness({ demo: { count: 700, open: 650, now: new Date('2026-03-02T09:00:00.000Z') } });
    renderApp(harness);
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Nieuw' });
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'e');
    await waitFor(() => expect(harness!.store.getState().filter.query).toBe('e'));
    const shown = () => Object.fromEntries(Object.entries(harness!.store.getState().columns).map(([stage, ids]) => [stage, ids.length]));
    await waitFor(() => expect(shown().plan).toBe(SEARCH_PAGE));
    expect(shown().nieuw).toBe(SEARCH_PAGE);
    const nieuw = heading('nieuw', 'Nieuw') as HTMLElement;
    await user.click(within(nieuw).getByRole('button', { name: /^Toon \d+ meer/ }));
    await waitFor(() => expect(shown().nieuw).toBeGreaterThan(SEARCH_PAGE));
    expect(shown().plan).toBe(SEARCH_PAGE);
    expect(within(heading('plan', 'Plan') as HTMLElement).getByRole('button', { name: /^Toon \d+ meer/ })).toBeInTheDocument();
  });

  it('places a card moved below a card that is not shown at the end of what the column shows', () => {
    const columns = { nieuw: ['a', 'b'], plan: ['c', 'd'], do: [], check: [], act: [], afgerond: [] };
    expect(placeCard(columns, 'a', 'plan', 'paged-out').plan).toEqual(['c', 'd', 'a']);
    expect(placeCard(columns, 'a', 'plan', 'c').plan).toEqual(['c', 'a', 'd']);
    expect(placeCard(columns, 'a', 'plan', null).plan).toEqual(['a', 'c', 'd']);
    expect(placeCard(columns, 'a', 'plan', null).nieuw).toEqual(['b']);
  });
});
