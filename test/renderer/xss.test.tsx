/** Users' text is never rendered as HTML: hostile names, titles, descriptions and comments show as plain text. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '<svg onload=window.__xss=3><a href="javascript:window.__xss=4">x</a>';
const IFRAME = '<iframe srcdoc="<b>x</b>"></iframe>';

let harness: UiHarness | undefined;
afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function must<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Nothing the payloads could have created: no img/script/iframe/object, no on* attribute, no javascript: link. */
function expectNoInjectedMarkup(): void {
  expect(document.querySelectorAll('img, script, iframe, object, embed').length).toBe(0);
  const withHandlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')));
  expect(withHandlers.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  expect(document.querySelectorAll('a[href^="javascript:" i]').length).toBe(0);
  expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
}

describe('hostile text', () => {
  it('renders script-like names, titles, descriptions and comments as text on the board, in the detail and in settings', async () => {
    harness = await createUiHarness({ person: IMG });
    const { api } = harness;
    const boot = await must(api['app:bootstrap']({}));
    const me = boot.people[0]!;
    const journey = await must(api['journeys:create']({ name: SCRIPT }));
    const touchpoint = await must(api['touchpoints:create']({ journeyId: journey.id, name: SVG.slice(0, 80) }));
    await must(api['values:create']({ name: IFRAME, level: 3 }));
    const idea = await must(
      api['ideas:create']({ actorId: me.id, title: `${IMG} ${SCRIPT}`, kind: 'verleuk', touchpointId: touchpoint.id, description: `${SVG}\n${IFRAME}` }),
    );
    await must(api['comments:add']({ ideaId: idea.id, authorId: me.id, body: `${SCRIPT} ${IMG}` }));
    await must(api['ideas:update']({ id: idea.id, actorId: me.id, patch: { problem: IMG, proposal: SCRIPT, lesson: SVG } }));

    const user = userEvent.setup();
    renderApp(harness);
    // Board: the card title is the literal text.
    const card = await screen.findByText(`${IMG} ${SCRIPT}`);
    expect(card).toBeInTheDocument();
    expectNoInjectedMarkup();

    // Detail: description, PDCA fields and the comment, as text.
    await user.click(card);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText(new RegExp(`${SCRIPT.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`)).length).toBeGreaterThan(0);
    const values = [...dialog.querySelectorAll('textarea, input')].map((el) => (el as HTMLTextAreaElement).value);
    expect(values.some((v) => v.includes(SVG) && v.includes(IFRAME))).toBe(true);
    expect(values).toContain(IMG);
    expectNoInjectedMarkup();
    await user.keyboard('{Escape}');

    // Settings: journey, touchpoint and belevingswaarde names.
    await user.click(screen.getByRole('button', { name: 'Beheer & instellingen' }));
    expect((await screen.findAllByText(SCRIPT)).length).toBeGreaterThan(0);
    expect(screen.getAllByText(IFRAME).length).toBeGreaterThan(0);
    expectNoInjectedMarkup();
  });
});
