/**
 * Drag and drop with the keyboard through dnd-kit's own keyboard sensor (Space lifts, arrows move, Space drops,
 * Esc cancels), on the real App and core. jsdom has no layout, so the board gets a simple one: six columns side
 * by side, cards stacked 90 px apart. Everything else is real: sensors, collision detection, announcements.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../shared/domain';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

const COLUMN_LEFT = 10;
const COLUMN_STEP = 165;
const COLUMN_WIDTH = 155;
const LIST_TOP = 110;
const CARD_STEP = 90;
const CARD_HEIGHT = 80;

const rect = (x: number, y: number, width: number, height: number) =>
  ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;

/** A tiny layout engine: where each column, list item and drag overlay would be on a wide screen. */
function layout(el: Element): DOMRect {
  const overlay = el.closest('.board-overlay')?.parentElement;
  if (overlay instanceof HTMLElement && overlay.style.position === 'fixed') {
    // dnd-kit places its drag overlay with top/left/width/height and measures the card inside it.
    const s = overlay.style;
    return rect(parseFloat(s.left), parseFloat(s.top), parseFloat(s.width), parseFloat(s.height));
  }
  const column = el.closest('[data-column]');
  const board = column?.closest('[data-board]');
  if (!column || !board) return rect(0, 0, 0, 0);
  const c = Array.from(board.querySelectorAll('[data-column]')).indexOf(column);
  const left = COLUMN_LEFT + c * COLUMN_STEP;
  if (el === column) return rect(left, 60, COLUMN_WIDTH, 700);
  if (el.classList.contains('board-column__body')) return rect(left, 100, COLUMN_WIDTH, 660);
  const li = el.closest('li');
  if (li && li.parentElement) {
    const i = Array.from(li.parentElement.children).indexOf(li);
    return rect(left + 6, LIST_TOP + i * CARD_STEP, COLUMN_WIDTH - 12, CARD_HEIGHT);
  }
  return rect(left, 100, COLUMN_WIDTH, 0);
}

const original = Element.prototype.getBoundingClientRect;
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function getBoundingClientRect(this: Element) {
    return layout(this);
  };
});
afterAll(() => {
  Element.prototype.getBoundingClientRect = original;
});

let harness: UiHarness | undefined;
afterEach(() => {
  observer?.disconnect();
  harness?.close();
  harness = undefined;
});

async function start(titles: { title: string; stage?: Stage }[], language: 'nl' | 'en' = 'nl') {
  harness = await createUiHarness({ language });
  const h = harness;
  const boot = await h.api['app:bootstrap']({});
  if (!boot.ok) throw new Error(boot.error.message);
  const actorId = boot.value.settings.currentPersonId as string;
  const touchpointId = boot.value.touchpoints[0].id;
  for (const { title, stage } of [...titles].reverse()) {
    const res = await h.api['ideas:create']({ actorId, title, kind: 'verbeter', touchpointId });
    if (!res.ok) throw new Error(res.error.message);
    if (stage && stage !== 'nieuw') {
      const moved = await h.api['ideas:move']({
        id: res.value.id,
        actorId,
        toStage: stage,
        afterId: null,
        ...(stage === 'afgerond' ? { outcome: 'adopted' as const } : {}),
      });
      if (!moved.ok) throw new Error(moved.error.message);
    }
  }
  const user = userEvent.setup();
  listen();
  renderApp(h);
  await screen.findByRole('list', { name: language === 'nl' ? 'Nieuw' : 'New' });
  return { h, user };
}

async function column(h: UiHarness, stage: Stage) {
  const res = await h.api['board:get']({ filter: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.cards.filter((c) => c.stage === stage).map((c) => c.title);
}

const card = (title: string) => screen.getByRole('button', { name: new RegExp(`^${title}, `) });
/** Everything dnd-kit's live region has said so far (it replaces its text, so we listen). */
let spoken: string[] = [];
let observer: MutationObserver | undefined;
function listen() {
  spoken = [];
  observer?.disconnect();
  observer = new MutationObserver(() => {
    for (const region of document.querySelectorAll('[id^="DndLiveRegion"]')) {
      const text = region.textContent ?? '';
      if (text && spoken[spoken.length - 1] !== text) spoken.push(text);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}
const live = () => spoken.join('\n');

describe('board: keyboard drag and drop (dnd-kit keyboard sensor)', () => {
  it('lifts with Space, moves right across columns with the arrows, drops with Space, and persists', async () => {
    const { h, user } = await start([
      { title: 'Terugbellen binnen een uur' },
      { title: 'Koffie bij binnenkomst' },
      { title: 'Bestaand plan', stage: 'plan' },
    ]);
    card('Koffie bij binnenkomst').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("Kaart 'Koffie bij binnenkomst' opgepakt in Nieuw."));

    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(live()).toMatch(/'Koffie bij binnenkomst' staat nu in Plan, positie \d van 2\./));
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("'Koffie bij binnenkomst' neergezet in Plan."));

    await waitFor(async () => expect(await column(h, 'plan')).toContain('Koffie bij binnenkomst'));
    expect(await column(h, 'nieuw')).toEqual(['Terugbellen binnen een uur']);
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Plan' })).getByRole('button', { name: /^Koffie bij binnenkomst, / })).toBeInTheDocument(),
    );
  });

  it('drops into an empty column and reorders within a column', async () => {
    const { h, user } = await start([{ title: 'Eerste' }, { title: 'Tweede' }, { title: 'Derde' }]);

    // Within Nieuw: Derde one up.
    card('Derde').focus();
    await user.keyboard('[Space]');
    await user.keyboard('{ArrowUp}');
    await user.keyboard('[Space]');
    await waitFor(async () => expect(await column(h, 'nieuw')).toEqual(['Eerste', 'Derde', 'Tweede']));

    // Across two empty columns to Do.
    card('Eerste').focus();
    await user.keyboard('[Space]');
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(live()).toContain("'Eerste' staat nu in Do, positie 1 van 1."));
    await user.keyboard('[Space]');
    await waitFor(async () => expect(await column(h, 'do')).toEqual(['Eerste']));
  });

  it('cancels with Esc and leaves the card where it was', async () => {
    const { h, user } = await start([{ title: 'Blijft staan' }]);
    card('Blijft staan').focus();
    await user.keyboard('[Space]');
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(live()).toContain("Verplaatsen geannuleerd. 'Blijft staan' staat weer in Nieuw."));
    expect(await column(h, 'nieuw')).toEqual(['Blijft staan']);
    expect(within(screen.getByRole('list', { name: 'Nieuw' })).getByRole('button', { name: /^Blijft staan, / })).toBeInTheDocument();
  });

  it('asks for the outcome when dropped into Afgerond', async () => {
    const { h, user } = await start([{ title: 'Bijna klaar', stage: 'act' }]);
    card('Bijna klaar').focus();
    await user.keyboard('[Space]');
    await user.keyboard('{ArrowRight}');
    await user.keyboard('[Space]');
    const dialog = await screen.findByRole('dialog', { name: '“Bijna klaar” afronden' });
    expect(await column(h, 'act')).toEqual(['Bijna klaar']);
    await user.click(within(dialog).getByRole('radio', { name: 'Standaard geworden' }));
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    await waitFor(async () => expect(await column(h, 'afgerond')).toEqual(['Bijna klaar']));
  });
  it('reorders within Afgerond without asking for the outcome again', async () => {
    const { h, user } = await start([
      { title: 'Al afgerond', stage: 'afgerond' },
      { title: 'Ook afgerond', stage: 'afgerond' },
    ]);
    card('Ook afgerond').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("Kaart 'Ook afgerond' opgepakt in Afgerond."));
    await user.keyboard('{ArrowUp}');
    await user.keyboard('[Space]');
    await waitFor(async () => expect(await column(h, 'afgerond')).toEqual(['Ook afgerond', 'Al afgerond']));
    expect(live()).toContain("'Ook afgerond' neergezet in Afgerond.");
    expect(live()).not.toContain('Kies nu de uitkomst');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('announces in English when the app is in English: pick up, over, drop and cancel', async () => {
    const { h, user } = await start([{ title: 'Call back within the hour' }, { title: 'Stays put' }], 'en');
    card('Call back within the hour').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("Picked up card 'Call back within the hour' in New."));
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(live()).toContain("'Call back within the hour' is now in Plan, position 1 of 1."));
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("'Call back within the hour' dropped in Plan."));
    await waitFor(async () => expect(await column(h, 'plan')).toEqual(['Call back within the hour']));
    // The board reloads after the drop; a key pressed on a card it is replacing would be lost (flaky under load).
    await waitFor(() => expect(screen.getByRole('region', { name: 'PDCA board' })).not.toHaveAttribute('aria-busy'));

    card('Stays put').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("Picked up card 'Stays put' in New."));
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(live()).toContain("Move cancelled. 'Stays put' is back in New."));
    expect(await column(h, 'nieuw')).toEqual(['Stays put']);
  });

  it('ignores the global keys while a card is lifted: N does not open capture, Ctrl+Z does not undo', async () => {
    const { h, user } = await start([{ title: 'Wordt verplaatst' }, { title: 'Eerder verplaatst', stage: 'plan' }]);
    card('Wordt verplaatst').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toContain("Kaart 'Wordt verplaatst' opgepakt in Nieuw."));
    await user.keyboard('n');
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The card is still lifted: the arrows move it and Space drops it.
    await user.keyboard('{ArrowRight}');
    await user.keyboard('[Space]');
    await waitFor(async () => expect(await column(h, 'plan')).toContain('Wordt verplaatst'));
    expect(await column(h, 'nieuw')).toEqual([]);
  });
});
