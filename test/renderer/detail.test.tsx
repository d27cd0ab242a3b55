/** The idea detail: edits save by themselves, PDCA fields, comments, history and actions, on the real core. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, type CallName, type KaizenApi } from '../../shared/contract';
import type { Stage } from '../../shared/domain';
import { App } from '../../renderer/app/App';
import { createAppStore, StoreProvider } from '../../renderer/store/store';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
});

async function seedIdea(h: UiHarness, title: string, stage: Stage = 'nieuw') {
  const boot = await h.api['app:bootstrap']({});
  if (!boot.ok) throw new Error(boot.error.message);
  const actorId = boot.value.settings.currentPersonId!;
  const touchpoint = boot.value.touchpoints.find((tp) => tp.name === 'Eerste contact')!;
  const created = await h.api['ideas:create']({ actorId, title, kind: 'verbeter', touchpointId: touchpoint.id });
  if (!created.ok) throw new Error(created.error.message);
  if (stage !== 'nieuw') {
    const moved = await h.api['ideas:move']({
      id: created.value.id,
      actorId,
      toStage: stage,
      afterId: null,
      ...(stage === 'afgerond' ? { outcome: 'adopted' as const, lesson: 'Elke ochtend doen' } : {}),
    });
    if (!moved.ok) throw new Error(moved.error.message);
  }
  return { id: created.value.id, actorId, boot: boot.value };
}

async function stored(h: UiHarness, id: string) {
  const res = await h.api['ideas:get']({ id });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** Open an idea the way a person does: click its card on the board. */
async function openIdea(title: string) {
  const user = userEvent.setup();
  const card = await screen.findByRole('button', { name: new RegExp(`^${title}, `) });
  await user.click(card);
  const dialog = await screen.findByRole('dialog', { name: title });
  await within(dialog).findByRole('textbox', { name: 'Titel' });
  return { user, dialog };
}

async function start(title: string, stage: Stage = 'nieuw') {
  harness = await createUiHarness();
  const seeded = await seedIdea(harness, title, stage);
  renderApp(harness);
  const opened = await openIdea(title);
  return { h: harness, ...seeded, ...opened };
}

const saved = (dialog: HTMLElement) => within(dialog).findByText('Opgeslagen', {}, { timeout: 3000 });

describe('idea detail', () => {
  it('shows every field of the idea in labelled controls and PDCA groups', async () => {
    const { dialog } = await start('Wachtkamer opfleuren');
    const d = within(dialog);
    expect(d.getByRole('textbox', { name: 'Titel' })).toHaveValue('Wachtkamer opfleuren');
    expect(d.getByRole('textbox', { name: 'Omschrijving' })).toBeInTheDocument();
    expect(d.getByRole('radio', { name: /Verbeter/ })).toBeChecked();
    expect(d.getByRole('combobox', { name: 'Touchpoint' })).toHaveDisplayValue('Eerste contact');
    expect(d.getByRole('combobox', { name: 'Eigenaar' })).toHaveDisplayValue('Niemand');
    expect(d.getByRole('group', { name: 'Belevingswaarden' })).toBeInTheDocument();
    expect(d.getByRole('radio', { name: 'Geen' })).toBeChecked();

    const plan = d.getByRole('group', { name: 'Plan' });
    for (const label of ['Probleem', 'Idee', 'Verwacht resultaat']) {
      expect(within(plan).getByRole('textbox', { name: label })).toBeInTheDocument();
    }
    const doGroup = d.getByRole('group', { name: 'Do' });
    expect(within(doGroup).getByRole('textbox', { name: 'Wat we testen' })).toBeInTheDocument();
    expect(within(doGroup).getByLabelText('Startdatum')).toHaveAttribute('type', 'date');
    const check = d.getByRole('group', { name: 'Check' });
    expect(within(check).getByRole('spinbutton', { name: 'Klantcijfer voor' })).toBeInTheDocument();
    expect(within(check).getByRole('spinbutton', { name: 'Klantcijfer na' })).toBeInTheDocument();
    expect(within(check).getByRole('group', { name: 'Verwachting gehaald' })).toBeInTheDocument();
    const act = d.getByRole('group', { name: 'Act' });
    for (const decision of ['Standaard maken', 'Nog een cyclus', 'Stoppen']) {
      expect(within(act).getByRole('radio', { name: decision })).toBeInTheDocument();
    }
    expect(within(act).getByRole('textbox', { name: 'Nieuwe standaard of les' })).toBeInTheDocument();
    // Author, date and cycle are shown.
    expect(d.getByText('Ingebracht door').nextElementSibling).toHaveTextContent('Anouk de Vries');
    expect(d.getByText('Cyclus').nextElementSibling).toHaveTextContent('1');
  });

  it('saves typed text by itself after a pause, and choices at once', async () => {
    const { h, id, dialog, user, boot } = await start('Wachtkamer opfleuren');
    const d = within(dialog);

    await user.type(d.getByRole('textbox', { name: 'Probleem' }), 'Klanten wachten in een kale ruimte');
    expect(d.getByRole('status')).toHaveTextContent('Opslaan…');
    await saved(dialog);
    expect((await stored(h, id)).idea.problem).toBe('Klanten wachten in een kale ruimte');

    await user.click(d.getByRole('radio', { name: /Verleuk/ }));
    await user.click(d.getByRole('checkbox', { name: 'Warmte' }));
    await user.click(d.getByRole('radio', { name: 'Positieve emoties oproepen' }));
    await user.selectOptions(d.getByRole('combobox', { name: 'Eigenaar' }), 'Anouk de Vries');
    await user.selectOptions(d.getByRole('combobox', { name: 'Touchpoint' }), d.getByRole('option', { name: 'Klacht & nazorg' }));
    await user.click(within(d.getByRole('group', { name: 'Verwachting gehaald' })).getByRole('radio', { name: 'Deels' }));

    await waitFor(async () => {
      const { idea } = await stored(h, id);
      expect(idea.kind).toBe('verleuk');
      expect(idea.valueIds).toEqual([boot.values.find((v) => v.name === 'Warmte')!.id]);
      expect(idea.pyramidLevel).toBe(3);
      expect(idea.ownerId).toBe(boot.settings.currentPersonId);
      expect(idea.touchpointId).toBe(boot.touchpoints.find((tp) => tp.name === 'Klacht & nazorg')!.id);
      expect(idea.expectationMet).toBe('deels');
    });
    await saved(dialog);
  });

  it('saves what was typed when the dialog closes before the pause is over', async () => {
    const { h, id, dialog, user } = await start('Koffie bij de balie');
    await user.type(within(dialog).getByRole('textbox', { name: 'Omschrijving' }), 'Verse koffie');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(async () => expect((await stored(h, id)).idea.description).toBe('Verse koffie'));
  });

  it('refuses grade 11 with a clear message and saves nothing, then shows the change', async () => {
    const { h, id, dialog, user } = await start('Terugbellen binnen een uur');
    const d = within(dialog);
    const after = d.getByRole('spinbutton', { name: 'Klantcijfer na' });

    await user.type(after, '11');
    await user.tab();
    expect(after).toHaveAttribute('aria-invalid', 'true');
    expect(d.getByRole('alert')).toHaveTextContent('Vul een heel cijfer van 1 tot en met 10 in.');
    expect(after).toHaveValue(11);
    // Give a save every chance to happen; none may.
    await new Promise((r) => setTimeout(r, 700));
    expect((await stored(h, id)).idea.gradeAfter).toBeNull();

    await user.clear(after);
    await user.type(after, '8');
    await user.type(d.getByRole('spinbutton', { name: 'Klantcijfer voor' }), '6');
    expect(d.queryByText('Vul een heel cijfer van 1 tot en met 10 in.')).not.toBeInTheDocument();
    expect(d.getByText('Verschil: +2')).toBeInTheDocument();
    await user.tab();
    await waitFor(async () => {
      const { idea } = await stored(h, id);
      expect([idea.gradeBefore, idea.gradeAfter]).toEqual([6, 8]);
    });
  });

  it('keeps the last saved title when the title is emptied', async () => {
    const { h, id, dialog, user } = await start('Naambordjes');
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    await user.clear(title);
    await user.tab();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Een idee heeft een titel nodig');
    await new Promise((r) => setTimeout(r, 700));
    expect((await stored(h, id)).idea.title).toBe('Naambordjes');
  });

  it('adds a comment with its author and time', async () => {
    const { h, id, dialog, user } = await start('Welkomstkaartje');
    const d = within(dialog);
    await user.click(d.getByRole('button', { name: 'Plaatsen' }));
    expect(d.getByRole('alert')).toHaveTextContent('Schrijf eerst een reactie.');

    await user.type(d.getByRole('textbox', { name: 'Reactie' }), 'Mooi idee, ik help mee');
    await user.click(d.getByRole('button', { name: 'Plaatsen' }));

    const comments = d.getByRole('region', { name: /Reacties/ });
    const item = await within(comments).findByText('Mooi idee, ik help mee');
    const entry = item.closest('li')!;
    expect(within(entry).getByText('Anouk de Vries')).toBeInTheDocument();
    // "23 nov. 2026 14:05": day, short month, year and time in Dutch.
    expect(entry.querySelector('time')?.textContent).toMatch(/^\d{1,2} [a-z]{3,4}\.? \d{4} \d{2}:\d{2}$/);
    expect(d.getByRole('textbox', { name: 'Reactie' })).toHaveValue('');
    const { comments: storedComments } = await stored(h, id);
    expect(storedComments.map((c) => c.body)).toEqual(['Mooi idee, ik help mee']);
  });

  it('moves the idea from the detail and shows the move in the history, newest first', async () => {
    const { h, id, dialog, user } = await start('Parkeerplek voor bezoekers');
    const d = within(dialog);
    await user.selectOptions(d.getByRole('combobox', { name: 'Verplaats naar' }), 'Plan');

    const history = d.getByRole('region', { name: 'Geschiedenis' });
    await within(history).findByText(/Anouk de Vries verplaatste van Nieuw naar Plan/);
    const lines = within(history).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(lines[0]).toMatch(/^Anouk de Vries verplaatste van Nieuw naar Plan · zojuist$/);
    expect(lines[lines.length - 1]).toMatch(/^Anouk de Vries bracht dit idee in · /);
    expect((await stored(h, id)).idea.stage).toBe('plan');
    // The Plan section is now the highlighted one.
    expect(d.getByRole('group', { name: 'Plan' })).toHaveAttribute('aria-current', 'step');
    expect(within(screen.getByRole('list', { name: 'Plan' })).getByRole('button', { name: /^Parkeerplek voor bezoekers, / })).toBeInTheDocument();

    await user.type(d.getByRole('textbox', { name: 'Idee' }), 'Twee plekken reserveren');
    await saved(dialog);
    await within(history).findByText(/Anouk de Vries wijzigde idee/);
  });

  it('asks for the outcome when moved to Afgerond', async () => {
    const { dialog, user } = await start('Bedankmail na bezoek');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Verplaats naar' }), 'Afgerond');
    expect(screen.queryByRole('dialog', { name: 'Bedankmail na bezoek' })).not.toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: /Standaard geworden/ })).toBeInTheDocument();
  });

  it('starts another cycle from Act', async () => {
    const { h, id, dialog, user } = await start('Checklist voor de kassa', 'act');
    await user.click(within(dialog).getByRole('button', { name: 'Nog een cyclus' }));
    await waitFor(async () => expect((await stored(h, id)).idea).toMatchObject({ stage: 'plan', cycle: 2 }));
    expect(await within(dialog).findByText(/startte een nieuwe cyclus/)).toBeInTheDocument();
    expect(within(dialog).getByText('Cyclus').nextElementSibling).toHaveTextContent('2');
    expect(within(dialog).queryByRole('button', { name: 'Nog een cyclus' })).not.toBeInTheDocument();
  });

  it('shows outcome and lesson of a finished idea', async () => {
    const { dialog } = await start('Vaste belrondes', 'afgerond');
    expect(within(dialog).getByRole('heading', { name: 'Afgerond: Standaard geworden' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Wat we leerden' })).toHaveValue('Elke ochtend doen');
  });

  it('deletes the idea, closes, and can be undone', async () => {
    const { h, id, dialog, user } = await start('Overbodig formulier');
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const notice = await screen.findByText('"Overbodig formulier" verwijderd.');
    await user.click(within(notice.closest('li')!).getByRole('button', { name: 'Ongedaan maken' }));
    await waitFor(async () => expect((await stored(h, id)).events.map((e) => e.type)).toContain('restored'));
  });
});

describe('when saving fails', () => {
  it('says so, keeps the text in the field and saves it on retry', async () => {
    const base = await createUiHarness();
    harness = base;
    const seeded = await seedIdea(base, 'Wifi voor gasten');
    let failing = true;
    // The same core, except that edits fail while `failing` is set (as when the core is unreachable).
    const flaky: KaizenApi = createApi(async (name: CallName, input: unknown) => {
      if (name === 'ideas:update' && failing) return { ok: false, error: { code: 'unavailable', message: 'down' } };
      return (base.api[name] as (i: unknown) => ReturnType<KaizenApi['ideas:get']>)(input);
    });
    render(
      <StoreProvider store={createAppStore(flaky)}>
        <App />
      </StoreProvider>,
    );
    const { dialog, user } = await openIdea('Wifi voor gasten');
    const d = within(dialog);
    const field = d.getByRole('textbox', { name: 'Probleem' });
    await user.type(field, 'Gasten vragen steeds het wachtwoord');

    const alert = await d.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('Niet opgeslagen');
    expect(alert).toHaveTextContent('Kaizenbord is niet bereikbaar');
    expect(field).toHaveValue('Gasten vragen steeds het wachtwoord');
    expect((await stored(base, seeded.id)).idea.problem).toBe('');

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Opnieuw opslaan' }));
    await saved(dialog);
    expect((await stored(base, seeded.id)).idea.problem).toBe('Gasten vragen steeds het wachtwoord');
  });
});

describe('in English', () => {
  it('labels the detail and dates in English', async () => {
    harness = await createUiHarness({ language: 'en' });
    await seedIdea(harness, 'Name badges');
    renderApp(harness);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Name badges, / }));
    const dialog = await screen.findByRole('dialog', { name: 'Name badges' });
    const d = within(dialog);
    expect(d.getByRole('textbox', { name: 'Title' })).toBeInTheDocument();
    expect(d.getByRole('group', { name: 'Check' })).toBeInTheDocument();
    expect(d.getByRole('spinbutton', { name: 'Customer grade after' })).toBeInTheDocument();
    expect(d.getByRole('combobox', { name: 'Move to' })).toBeInTheDocument();
    const history = within(d.getByRole('region', { name: 'History' })).getAllByRole('listitem');
    expect(history.map((li) => li.textContent)).toEqual(['Anouk de Vries logged this idea · just now']);
  });
});
