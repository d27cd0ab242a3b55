/** The stand-up on the real App over the real core: digest, keyboard walk, finish, thanks, person page, settings. */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Stage } from '../../shared/domain';
import { createAppStore } from '../../renderer/store/store';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
  // The running meeting is kept in localStorage; every test starts a fresh one.
  localStorage.clear();
});

async function ok<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** Anouk (logged in) and Bram, and one idea per given stage. */
async function seed(ideas: [string, Stage][]) {
  const h = await createUiHarness();
  harness = h;
  const bram = await ok(h.api['people:create']({ name: 'Bram Jansen' }));
  const boot = await ok(h.api['app:bootstrap']({}));
  const me = boot.settings.currentPersonId!;
  const ids: Record<string, string> = {};
  for (const [title, stage] of ideas) {
    const idea = await ok(h.api['ideas:create']({ actorId: me, title, kind: 'verbeter', touchpointId: boot.touchpoints[0]!.id }));
    ids[title] = idea.id;
    if (stage !== 'nieuw') {
      await ok(
        h.api['ideas:move']({ id: idea.id, actorId: me, toStage: stage, afterId: null, ...(stage === 'afgerond' ? { outcome: 'adopted' as const } : {}) }),
      );
    }
  }
  return { h, me, bram, ids };
}

async function openStandup() {
  const user = userEvent.setup();
  renderApp(harness!);
  await user.click(await screen.findByRole('button', { name: 'Stand-up' }));
  await screen.findByRole('heading', { name: 'Stand-up', level: 2 });
  await screen.findByRole('region', { name: /Nieuwe ideeën/ });
  return user;
}

describe('stand-up', () => {
  it('shows the digest since last time, and an entry opens the idea', async () => {
    await seed([
      ['Koffie bij de balie', 'nieuw'],
      ['Wachtrij korter', 'do'],
      ['Welkomstkaart', 'afgerond'],
    ]);
    const user = await openStandup();
    const fresh = screen.getByRole('region', { name: /Nieuwe ideeën/ });
    expect(within(fresh).getByRole('heading', { name: 'Nieuwe ideeën 3' })).toBeInTheDocument();
    expect(within(fresh).getByRole('button', { name: 'Pagina van Anouk de Vries' })).toBeInTheDocument();
    const adopted = screen.getByRole('region', { name: /Nieuwe standaard/ });
    expect(within(adopted).getByRole('button', { name: 'Welkomstkaart' })).toBeInTheDocument();
    const noOwner = screen.getByRole('region', { name: /Zonder eigenaar/ });
    expect(within(noOwner).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('De afgelopen 7 dagen (nog geen eerdere stand-up)')).toBeInTheDocument();

    await user.click(within(fresh).getByRole('button', { name: 'Koffie bij de balie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Koffie bij de balie' });
    // An owner given in the detail takes the idea off "Zonder eigenaar" once the detail closes.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Eigenaar' }), 'Anouk de Vries');
    await waitFor(() => expect(within(dialog).getByText(/wijzigde eigenaar/)).toBeInTheDocument());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(within(screen.getByRole('region', { name: /Zonder eigenaar/ })).getAllByRole('listitem')).toHaveLength(1));
  });

  it('walks the board right to left with the arrow keys and sets owner and check-op date on a card', async () => {
    const { h, bram, ids } = await seed([
      ['Koffie bij de balie', 'nieuw'],
      ['Wachtrij korter', 'check'],
      ['Welkomstkaart', 'afgerond'],
    ]);
    const user = await openStandup();
    await user.click(screen.getByRole('button', { name: 'Begin bij Afgerond' }));
    const heading = await screen.findByRole('heading', { level: 3, name: /^Afgerond/ });
    expect(heading).toHaveTextContent('Kolom 1 van 6: Afgerond');
    // The start button is gone; keyboard focus continues at the column, not at the top of the page.
    expect(heading).toHaveFocus();
    expect(screen.getByRole('heading', { level: 4, name: 'Welkomstkaart' })).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    await screen.findByRole('heading', { level: 3, name: /^Act/ });
    expect(screen.getByText('Geen ideeën in Act.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: /^Act/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const check = await screen.findByRole('heading', { level: 3, name: /^Check/ });
    expect(check).toHaveTextContent('Kolom 3 van 6');
    await user.keyboard('{ArrowLeft}');
    await screen.findByRole('heading', { level: 3, name: /^Act/ });
    await user.keyboard('{ArrowRight}');
    await screen.findByRole('heading', { level: 3, name: /^Check/ });

    const card = screen.getByRole('listitem', { name: 'Wachtrij korter' });
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Eigenaar' }), 'Bram Jansen');
    await waitFor(async () => expect((await ok(h.api['ideas:get']({ id: ids['Wachtrij korter']! }))).idea.ownerId).toBe(bram.id));
    const date = within(card).getByLabelText('Check op');
    await user.type(date, '2026-12-01');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await ok(h.api['ideas:get']({ id: ids['Wachtrij korter']! }))).idea.checkOn).toBe('2026-12-01'));

    // Arrow keys inside a field stay with the field.
    within(card).getByRole('combobox', { name: 'Eigenaar' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('heading', { level: 3, name: /^Check/ })).toBeInTheDocument();
  });

  it('ticks attendees, keeps notes and actions, and "Stand-up afronden" saves the record; past stand-ups show it', async () => {
    const { h, me, bram, ids } = await seed([
      ['Koffie bij de balie', 'nieuw'],
      ['Welkomstkaart', 'afgerond'],
    ]);
    const user = await openStandup();
    const side = screen.getByRole('complementary', { name: 'Aanwezigen, notities en afspraken' });
    await user.click(within(side).getByRole('checkbox', { name: /Anouk de Vries/ }));
    await user.click(within(side).getByRole('checkbox', { name: /Bram Jansen/ }));
    expect(within(side).getByText('2 van 2 aanwezig')).toBeInTheDocument();
    await user.type(within(side).getByRole('textbox', { name: 'Notities' }), 'Rustige week');
    await user.type(within(side).getByRole('textbox', { name: 'Nieuwe afspraak' }), 'Bram belt de leverancier{Enter}');
    await user.selectOptions(within(side).getByRole('combobox', { name: 'Wie (Afspraak 1)' }), 'Bram Jansen');
    await user.click(screen.getByRole('button', { name: 'Begin bij Afgerond' }));
    await screen.findByRole('heading', { level: 4, name: 'Welkomstkaart' });

    // Notes survive a trip to the board and back.
    await user.click(screen.getByRole('button', { name: 'Bord' }));
    await user.click(screen.getByRole('button', { name: 'Stand-up' }));
    expect(await screen.findByRole('textbox', { name: 'Notities' })).toHaveValue('Rustige week');

    await user.click(screen.getByRole('button', { name: 'Stand-up afronden' }));
    await screen.findByText(/^Stand-up van .* bewaard: 2 aanwezig/);
    const [record] = await ok(h.api['standup:list']({}));
    expect(record).toMatchObject({ leadId: me, notes: 'Rustige week', ideaIds: [ids['Welkomstkaart']] });
    expect(record!.attendeeIds.sort()).toEqual([me, bram.id].sort());
    expect(record!.actions).toEqual([expect.objectContaining({ text: 'Bram belt de leverancier', ownerId: bram.id })]);
    // A new meeting starts empty; the digest now counts from the finished one.
    expect(screen.getByRole('textbox', { name: 'Notities' })).toHaveValue('');
    expect(await screen.findByText(/^Sinds de stand-up van/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Eerdere stand-ups' }));
    const list = await screen.findByRole('region', { name: 'Eerdere stand-ups' });
    expect(await within(list).findByText('Rustige week')).toBeInTheDocument();
    expect(within(list).getByText(/Bram belt de leverancier/)).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Welkomstkaart' })).toBeInTheDocument();

    // A finished stand-up prints its own summary (the browser's print dialog here).
    let printed = '';
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      printed = document.querySelector('.standup-print')?.textContent ?? '';
    });
    try {
      await user.click(within(list).getByRole('button', { name: /^Stand-up van .* afdrukken$/ }));
      await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
      expect(printed).toContain('Rustige week');
      expect(printed).toContain('Bram belt de leverancier — Bram Jansen');
      expect(printed).toContain('Welkomstkaart');
      await waitFor(() => expect(document.querySelector('.standup-print')).toBeNull());
    } finally {
      print.mockRestore();
    }
  });

  it('keeps the running meeting through a reload of the window', async () => {
    const { h } = await seed([['Koffie bij de balie', 'nieuw']]);
    const user = await openStandup();
    const side = screen.getByRole('complementary', { name: 'Aanwezigen, notities en afspraken' });
    await user.click(within(side).getByRole('checkbox', { name: /Bram Jansen/ }));
    await user.type(within(side).getByRole('textbox', { name: 'Notities' }), 'Halverwege');
    await user.type(within(side).getByRole('textbox', { name: 'Nieuwe afspraak' }), 'Eerste{Enter}');
    cleanup();

    // A new window on the same core: a fresh store, the meeting comes back from localStorage.
    harness = { ...h, store: createAppStore(h.api) };
    const again = await openStandup();
    const restored = screen.getByRole('complementary', { name: 'Aanwezigen, notities en afspraken' });
    expect(within(restored).getByRole('checkbox', { name: /Bram Jansen/ })).toBeChecked();
    expect(within(restored).getByRole('textbox', { name: 'Notities' })).toHaveValue('Halverwege');
    expect(within(restored).getByRole('textbox', { name: 'Afspraak 1' })).toHaveValue('Eerste');
    await again.type(within(restored).getByRole('textbox', { name: 'Nieuwe afspraak' }), 'Tweede{Enter}');
    expect(within(restored).getByRole('textbox', { name: 'Afspraak 2' })).toHaveValue('Tweede');

    // "Opnieuw beginnen" asks first; Annuleren keeps everything, confirming clears it.
    await again.click(screen.getByRole('button', { name: 'Opnieuw beginnen' }));
    const ask = await screen.findByRole('dialog', { name: 'Opnieuw beginnen?' });
    await again.click(within(ask).getByRole('button', { name: 'Annuleren' }));
    expect(within(restored).getByRole('textbox', { name: 'Notities' })).toHaveValue('Halverwege');
    await again.click(screen.getByRole('button', { name: 'Opnieuw beginnen' }));
    await again.click(within(await screen.findByRole('dialog', { name: 'Opnieuw beginnen?' })).getByRole('button', { name: 'Opnieuw beginnen' }));
    expect(within(restored).getByRole('textbox', { name: 'Notities' })).toHaveValue('');
    expect(within(restored).getByRole('checkbox', { name: /Bram Jansen/ })).not.toBeChecked();

    await again.type(within(restored).getByRole('textbox', { name: 'Notities' }), 'Nog iets');

    // A damaged or stale saved meeting is ignored: a fresh one starts.
    localStorage.setItem('kaizenbord.standup.session', '{"startedAt": "gisteren"');
    cleanup();
    harness = { ...h, store: createAppStore(h.api) };
    await openStandup();
    expect(screen.getByRole('textbox', { name: 'Notities' })).toHaveValue('');
  });

  it('counts down from the minutes in Settings, warns when time is up, and never stops the meeting', async () => {
    const { h } = await seed([['Koffie bij de balie', 'nieuw']]);
    await ok(h.api['settings:update']({ standupMinutes: 3 }));
    // A meeting that started 4 minutes ago (kept in localStorage, as after a reload).
    localStorage.setItem(
      'kaizenbord.standup.session',
      JSON.stringify({ startedAt: Date.now() - 4 * 60_000, attendeeIds: [], discussedIds: [], notes: '', actions: [], walkIndex: null }),
    );
    harness = { ...h, store: createAppStore(h.api) };
    const user = await openStandup();
    const timer = screen.getByRole('timer', { name: 'Resterende tijd' });
    expect(timer).toHaveTextContent(/\+1:0\d/);
    expect(timer).toHaveTextContent(/over tijd/);
    expect(timer).toHaveClass('standup-timer--over');
    await waitFor(() => expect(screen.getByText('De tijd voor de stand-up is om. Rond af wanneer jullie klaar zijn.')).toBeInTheDocument());
    // Everything still works after the time is up.
    await user.type(screen.getByRole('textbox', { name: 'Notities' }), 'Uitgelopen');
    await user.click(screen.getByRole('button', { name: 'Stand-up afronden' }));
    await screen.findByText(/bewaard: 0 aanwezig, 4 min\./);
    const [record] = await ok(h.api['standup:list']({}));
    expect(record!.durationSeconds).toBeGreaterThanOrEqual(240);
    // The next meeting starts with the full time again.
    await waitFor(() => expect(screen.getByRole('timer', { name: 'Resterende tijd' }).textContent).toMatch(/^(3:00|2:5\d)nog/));
  });

  it('saves a restored meeting that names people and ideas this database does not know, without them', async () => {
    const { h, me, ids } = await seed([['Koffie bij de balie', 'plan']]);
    const stranger = '11111111-1111-4111-8111-111111111111';
    localStorage.setItem(
      'kaizenbord.standup.session',
      JSON.stringify({
        startedAt: Date.now() - 60_000,
        attendeeIds: [me, stranger],
        discussedIds: [stranger, ids['Koffie bij de balie']],
        notes: 'Van een andere laptop',
        actions: [{ key: 1, text: 'Bellen', ownerId: stranger, ideaId: stranger }],
        walkIndex: null,
      }),
    );
    harness = { ...h, store: createAppStore(h.api) };
    const user = await openStandup();
    await user.click(screen.getByRole('button', { name: 'Stand-up afronden' }));
    await screen.findByText(/bewaard: 1 aanwezig/);
    const [record] = await ok(h.api['standup:list']({}));
    expect(record).toMatchObject({ attendeeIds: [me], ideaIds: [ids['Koffie bij de balie']], notes: 'Van een andere laptop' });
    expect(record!.actions).toEqual([expect.objectContaining({ text: 'Bellen', ownerId: null, ideaId: null })]);
  });

  it('thanks someone from the idea detail; the thanks show on the idea, the Dankmuur and the person page', async () => {
    const { h, bram, ids } = await seed([['Koffie bij de balie', 'plan']]);
    await ok(h.api['ideas:update']({ id: ids['Koffie bij de balie']!, actorId: (await ok(h.api['app:bootstrap']({}))).settings.currentPersonId!, patch: { ownerId: bram.id } }));
    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: /^Koffie bij de balie, / }));
    const dialog = await screen.findByRole('dialog', { name: 'Koffie bij de balie' });
    const section = within(dialog).getByRole('region', { name: 'Bedankjes' });
    expect(within(section).getByText('Nog niemand bedankt voor dit idee.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Bedank' }));
    expect(within(section).getByRole('combobox', { name: 'Bedank' })).toHaveDisplayValue('Bram Jansen');
    // An empty message is refused with a sentence, nothing is sent.
    await user.click(within(section).getByRole('button', { name: 'Bedankje versturen' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('Schrijf een kort bericht.');
    await user.type(within(section).getByRole('textbox', { name: 'Bericht' }), 'Heerlijk idee!');
    await user.click(within(section).getByRole('button', { name: 'Bedankje versturen' }));
    expect(await within(section).findByText('Heerlijk idee!')).toBeInTheDocument();
    expect(await within(dialog).findByText(/Anouk de Vries bedankte Bram Jansen/)).toBeInTheDocument();
    const stored = await ok(h.api['thanks:list']({}));
    expect(stored).toEqual([expect.objectContaining({ toId: bram.id, message: 'Heerlijk idee!', ideaId: ids['Koffie bij de balie'] })]);
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Stand-up' }));
    await user.click(await screen.findByRole('button', { name: 'Dankmuur' }));
    const wall = await screen.findByRole('region', { name: 'Dankmuur' });
    expect(await within(wall).findByText('Heerlijk idee!')).toBeInTheDocument();
    expect(within(wall).getByRole('button', { name: 'Koffie bij de balie' })).toBeInTheDocument();

    await user.click(within(wall).getByRole('button', { name: 'Pagina van Bram Jansen' }));
    const page = await screen.findByRole('dialog', { name: 'Bram Jansen' });
    const got = await within(page).findByRole('region', { name: /Bedankjes gekregen/ });
    expect(within(got).getByText('Heerlijk idee!')).toBeInTheDocument();
    const theirIdeas = within(page).getByRole('region', { name: /^Ideeën/ });
    expect(within(theirIdeas).getByRole('button', { name: 'Koffie bij de balie' })).toBeInTheDocument();
    expect(within(theirIdeas).getByText(/Plan · eigenaar/)).toBeInTheDocument();
    // Thank Bram right from his page; the page shows it at once.
    await user.click(within(page).getByRole('button', { name: 'Bedank Bram Jansen' }));
    await user.type(within(page).getByRole('textbox', { name: 'Bericht' }), 'Fijne collega');
    await user.click(within(page).getByRole('button', { name: 'Bedankje versturen' }));
    expect(await within(got).findByText('Fijne collega')).toBeInTheDocument();

    // From the person page straight to the idea: one dialog at a time.
    await user.click(within(theirIdeas).getByRole('button', { name: 'Koffie bij de balie' }));
    expect(await screen.findByRole('dialog', { name: 'Koffie bij de balie' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Bram Jansen' })).not.toBeInTheDocument();
  });

  it('says so when thanks cannot be loaded (idea, Dankmuur), and loads them on retry', async () => {
    const { h } = await seed([['Koffie bij de balie', 'plan']]);
    let down = true;
    const api = {
      ...h.api,
      'thanks:list': (input: Parameters<typeof h.api['thanks:list']>[0]) =>
        down ? Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'offline' } }) : h.api['thanks:list'](input),
    };
    harness = { ...h, store: createAppStore(api) };
    const user = userEvent.setup();
    renderApp(harness);
    await user.click(await screen.findByRole('button', { name: /^Koffie bij de balie, / }));
    const section = within(await screen.findByRole('dialog', { name: 'Koffie bij de balie' })).getByRole('region', { name: 'Bedankjes' });
    expect(await within(section).findByRole('alert')).toHaveTextContent(/^De bedankjes konden niet worden geladen: /);
    down = false;
    await user.click(within(section).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await within(section).findByText('Nog niemand bedankt voor dit idee.')).toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();

    // The Dankmuur: the notice says why, "Opnieuw proberen" loads it.
    await user.keyboard('{Escape}');
    down = true;
    await user.click(screen.getByRole('button', { name: 'Stand-up' }));
    await user.click(await screen.findByRole('button', { name: 'Dankmuur' }));
    const wall = await screen.findByRole('region', { name: 'Dankmuur' });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    down = false;
    await user.click(await within(wall).findByRole('button', { name: 'Opnieuw proberen' }));
    expect(await within(wall).findByText('Nog geen bedankjes. Bedank iemand voor een idee!')).toBeInTheDocument();
  });

  it('sets the check-op date on the idea detail too; it shows in the walk and the history', async () => {
    const { h, ids } = await seed([['Wachtrij korter', 'do']]);
    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: /^Wachtrij korter, / }));
    const dialog = await screen.findByRole('dialog', { name: 'Wachtrij korter' });
    const checkOn = within(dialog).getByLabelText('Check op');
    await user.type(checkOn, '2026-12-04');
    await user.tab();
    await waitFor(async () => expect((await ok(h.api['ideas:get']({ id: ids['Wachtrij korter']! }))).idea.checkOn).toBe('2026-12-04'));
    expect(await within(dialog).findByText(/wijzigde check op/)).toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Stand-up' }));
    await user.click(await screen.findByRole('button', { name: 'Loop het bord' }));
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    const card = await screen.findByRole('listitem', { name: 'Wachtrij korter' });
    expect(within(card).getByLabelText('Check op')).toHaveValue('2026-12-04');
    expect(within(card).getByText('check op 4 dec.')).toBeInTheDocument();
  });

  it('speaks English when the app does', async () => {
    const { h } = await seed([['Koffie bij de balie', 'do']]);
    await ok(h.api['settings:update']({ language: 'en' }));
    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: 'Stand-up' }));
    expect(await screen.findByRole('region', { name: /^New ideas/ })).toBeInTheDocument();
    expect(screen.getByText('The last 7 days (no earlier stand-up yet)')).toBeInTheDocument();
    expect(screen.getByText('In Do for more than 5 working days')).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent(/left/);
    await user.click(screen.getByRole('button', { name: 'Start at Done' }));
    expect(await screen.findByRole('heading', { level: 3, name: /^Done/ })).toHaveTextContent('Column 1 of 6: Done · 0 ideas');
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    const card = await screen.findByRole('listitem', { name: 'Koffie bij de balie' });
    expect(within(card).getByText('0 working days in Do')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Thank for Koffie bij de balie' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Finish stand-up' })).toBeInTheDocument();
  });

  it('edits the stand-up thresholds in Settings and refuses a wrong number without changing anything', async () => {
    const { h } = await seed([]);
    const user = userEvent.setup();
    renderApp(h);
    await user.click(await screen.findByRole('button', { name: 'Beheer & instellingen' }));
    const section = await screen.findByRole('region', { name: 'Stand-up' });
    const doDays = within(section).getByRole('spinbutton', { name: 'Klaar voor Check na (werkdagen in Do)' });
    await user.clear(doDays);
    await user.type(doDays, '0');
    await user.tab();
    expect(within(section).getByRole('alert')).toHaveTextContent('Vul een heel getal in van 1 tot en met 60.');
    expect((await ok(h.api['app:bootstrap']({}))).settings.standupDoDays).toBe(5);
    await user.clear(doDays);
    await user.type(doDays, '3');
    await user.tab();
    await waitFor(async () => expect((await ok(h.api['app:bootstrap']({}))).settings.standupDoDays).toBe(3));
    const minutes = within(section).getByRole('spinbutton', { name: 'Duur van de stand-up (minuten)' });
    await user.clear(minutes);
    await user.type(minutes, '10{Enter}');
    await waitFor(async () => expect((await ok(h.api['app:bootstrap']({}))).settings.standupMinutes).toBe(10));
  });
});

describe('a person with years of ideas', () => {
  it('their page lists the open ideas and the most recently finished, and says how many more there are', async () => {
    harness = await createUiHarness({ demo: { count: 1500, open: 60, now: new Date('2026-03-02T09:00:00.000Z') } });
    renderApp(harness);
    await screen.findByRole('list', { name: 'Nieuw' });
    // A demo colleague with many finished ideas.
    const pages = await Promise.all(
      harness.store.getState().people.map(async (p) => ({ person: p, full: await ok(harness!.api['people:page']({ id: p.id, timeZone: 'Europe/Amsterdam' })) })),
    );
    const { person, full } = pages.sort((a, b) => b.full.ideasTotal - a.full.ideasTotal)[0]!;
    expect(full.ideasTotal).toBeGreaterThan(full.ideas.length);
    await harness.store.getState().openPersonPage(person.id);
    const page = await screen.findByRole('dialog', { name: person.name });
    const ideas = await within(page).findByRole('region', { name: /^Ideeën/ });
    expect(within(ideas).getAllByRole('listitem')).toHaveLength(full.ideas.length);
    expect(within(ideas).getByRole('heading', { name: `Ideeën ${full.ideasTotal.toLocaleString('nl-NL')}` })).toBeInTheDocument();
    expect(
      within(ideas).getByText(
        `En nog ${(full.ideasTotal - full.ideas.length).toLocaleString('nl-NL')} eerder afgeronde ideeën; het bord met deze persoon als filter toont alles.`,
      ),
    ).toBeInTheDocument();
  });
});
