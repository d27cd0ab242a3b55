/** The PDCA board: the real App on the real core, used the way a person would (by role and name). */
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

interface Seed {
  title: string;
  kind?: Kind;
  touchpoint?: string;
  stage?: Stage;
}

/** Log ideas through the api (first in the list ends on top), then move them where they belong. */
async function seed(h: UiHarness, ideas: Seed[]) {
  const boot = await h.api['app:bootstrap']({});
  if (!boot.ok) throw new Error(boot.error.message);
  const actorId = boot.value.settings.currentPersonId;
  if (!actorId) throw new Error('no current person');
  const ids: Record<string, string> = {};
  for (const idea of [...ideas].reverse()) {
    const tp = boot.value.touchpoints.find((t) => t.name === (idea.touchpoint ?? 'Eerste contact'));
    if (!tp) throw new Error(`no touchpoint ${idea.touchpoint}`);
    const res = await h.api['ideas:create']({ actorId, title: idea.title, kind: idea.kind ?? 'verbeter', touchpointId: tp.id });
    if (!res.ok) throw new Error(res.error.message);
    ids[idea.title] = res.value.id;
  }
  // Move bottom-up to the top of each column, so the seed order is kept.
  for (const idea of [...ideas].reverse()) {
    if (!idea.stage || idea.stage === 'nieuw') continue;
    const res = await h.api['ideas:move']({
      id: ids[idea.title],
      actorId,
      toStage: idea.stage,
      afterId: null,
      ...(idea.stage === 'afgerond' ? { outcome: 'adopted' as const } : {}),
    });
    if (!res.ok) throw new Error(res.error.message);
  }
  return { ids, actorId };
}

async function start(ideas: Seed[] = [], options: Parameters<typeof createUiHarness>[0] = {}) {
  harness = await createUiHarness(options);
  const seeded = await seed(harness, ideas);
  const user = userEvent.setup();
  renderApp(harness);
  await screen.findByRole('list', { name: options.language === 'en' ? 'New' : 'Nieuw' });
  return { h: harness, user, ...seeded };
}

async function stored(h: UiHarness) {
  const res = await h.api['board:get']({ filter: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.cards;
}

async function storedStage(h: UiHarness, stage: Stage) {
  return (await stored(h)).filter((c) => c.stage === stage).map((c) => c.title);
}

const list = (stage: string) => screen.getByRole('list', { name: stage });

/** Titles of the cards in a column, top to bottom, as their accessible names start. */
function titlesIn(stage: string, titles: string[]) {
  const names = within(list(stage))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('[data-card-id]')?.getAttribute('aria-label') ?? '');
  return titles.filter((t) => names.some((n) => n.startsWith(`${t}, `))).sort(
    (a, b) => names.findIndex((n) => n.startsWith(`${a}, `)) - names.findIndex((n) => n.startsWith(`${b}, `)),
  );
}

const card = (title: string) => screen.getByRole('button', { name: new RegExp(`^${title}, `) });

/** Move a card with its "Verplaats naar…" menu. */
async function moveWithMenu(user: ReturnType<typeof userEvent.setup>, title: string, stage: string) {
  await user.click(within(card(title).closest('li') as HTMLElement).getByRole('button', { name: 'Verplaats naar…' }));
  await user.click(screen.getByRole('menuitem', { name: stage }));
}

describe('board', () => {
  it('shows six lists named by stage, with counts in total and per kind', async () => {
    await start([
      { title: 'Terugbellen binnen een uur' },
      { title: 'Koffie bij binnenkomst', kind: 'verleuk' },
      { title: 'Factuur in gewone taal', touchpoint: 'Factuur & betaling' },
      { title: 'Bedankkaartje na klacht', kind: 'verleuk', touchpoint: 'Klacht & nazorg', stage: 'plan' },
    ]);
    for (const stage of ['Nieuw', 'Plan', 'Do', 'Check', 'Act', 'Afgerond']) {
      expect(screen.getByRole('list', { name: stage })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name: new RegExp(`^${stage}\\b`) })).toBeInTheDocument();
    }
    expect(screen.getByRole('heading', { name: /^Nieuw/ })).toHaveTextContent('Nieuw 3 · 2 verbeter · 1 verleuk');
    expect(screen.getByRole('heading', { name: /^Plan/ })).toHaveTextContent('Plan 1 · 1 verleuk');
    expect(screen.getByRole('heading', { name: /^Do/ })).toHaveTextContent('Do 0');
    expect(within(list('Nieuw')).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list('Do')).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText(/Nog niets in Do\./)).toBeInTheDocument();
  });

  it('keeps the order of a column that did not change when the board reloads, so only changed columns re-render', async () => {
    const { h, user } = await start([
      { title: 'Terugbellen binnen een uur' },
      { title: 'Koffie bij binnenkomst', kind: 'verleuk' },
      { title: 'Bedankkaartje na klacht', kind: 'verleuk', stage: 'plan' },
      { title: 'Factuur in gewone taal', stage: 'do' },
    ]);
    const before = h.store.getState().columns;
    await moveWithMenu(user, 'Koffie bij binnenkomst', 'Plan');
    await waitFor(() => expect(titlesIn('Plan', ['Koffie bij binnenkomst', 'Bedankkaartje na klacht'])).toHaveLength(2));
    await h.store.getState().loadBoard();
    const after = h.store.getState().columns;
    expect(after.nieuw).not.toBe(before.nieuw);
    expect(after.plan).not.toBe(before.plan);
    expect(after.do).toBe(before.do);
    expect(after.afgerond).toBe(before.afgerond);
    // A reload that changes nothing keeps every column.
    await h.store.getState().loadBoard();
    for (const stage of ['nieuw', 'plan', 'do', 'check', 'act', 'afgerond'] as const) expect(h.store.getState().columns[stage]).toBe(after[stage]);
  });

  it('names each card starting with its title, then kind, touchpoint and time in the column', async () => {
    const { h } = await start([{ title: 'Koffie bij binnenkomst', kind: 'verleuk', stage: 'plan' }]);
    const el = card('Koffie bij binnenkomst');
    expect(el).toHaveAccessibleName(
      'Koffie bij binnenkomst, Verleuk, Eerste contact, minder dan een minuut in Plan, ingediend door Anouk de Vries',
    );
    expect(el).toHaveAttribute('tabindex', '0');
    const item = el.closest('li');
    expect(item).not.toBeNull();
    expect(within(item as HTMLElement).getByText('Verleuk')).toBeInTheDocument();
    expect(within(item as HTMLElement).getByText('Eerste contact')).toBeInTheDocument();
    expect(within(item as HTMLElement).getByRole('img', { name: 'Anouk de Vries' })).toHaveTextContent('AV');

    // Enter opens the detail, and so does a click.
    el.focus();
    await userEvent.keyboard('{Enter}');
    const id = (await stored(h))[0].id;
    expect(h.store.getState().ui.detailId).toBe(id);
  });

  it('moves a card with the "Verplaats naar…" menu, persists it, and Ctrl+Z undoes it', async () => {
    const { h, user } = await start([{ title: 'Terugbellen binnen een uur' }, { title: 'Koffie bij binnenkomst' }]);
    const item = card('Koffie bij binnenkomst').closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Verplaats naar…' }));
    const menu = screen.getByRole('menu', { name: /Verplaats “Koffie bij binnenkomst” naar/ });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual([
      'Plan',
      'Do',
      'Check',
      'Act',
      'Afgerond',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'Plan' })).toHaveFocus();
    await user.click(within(menu).getByRole('menuitem', { name: 'Plan' }));

    await waitFor(() => expect(within(list('Plan')).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list('Plan')).getByRole('button', { name: /^Koffie bij binnenkomst, / })).toBeInTheDocument();
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual(['Koffie bij binnenkomst']));
    await waitFor(() => expect(card('Koffie bij binnenkomst')).toHaveFocus());
    expect(screen.getByText('"Koffie bij binnenkomst" verplaatst naar Plan.')).toBeInTheDocument();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual([]));
    expect(await storedStage(h, 'nieuw')).toEqual(['Terugbellen binnen een uur', 'Koffie bij binnenkomst']);
    await waitFor(() => expect(within(list('Nieuw')).getAllByRole('listitem')).toHaveLength(2));
  });

  it("each message's \"Ongedaan maken\" undoes its own move, and a move already undone offers no undo", async () => {
    const { h, user } = await start([{ title: 'Koffie bij binnenkomst' }, { title: 'Naambordje bij de balie' }]);
    await moveWithMenu(user, 'Koffie bij binnenkomst', 'Plan');
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual(['Koffie bij binnenkomst']));
    await moveWithMenu(user, 'Naambordje bij de balie', 'Do');
    await waitFor(async () => expect(await storedStage(h, 'do')).toEqual(['Naambordje bij de balie']));

    // The older message, about Koffie, undoes Koffie's move, not the newer one.
    const notice = (text: string) => screen.getByText(text).closest('li') as HTMLElement;
    await user.click(within(notice('"Koffie bij binnenkomst" verplaatst naar Plan.')).getByRole('button', { name: 'Ongedaan maken' }));
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual([]));
    expect(await storedStage(h, 'do')).toEqual(['Naambordje bij de balie']);

    // Ctrl+Z undoes Naambordje's move; its message no longer offers an undo that would undo something else.
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await storedStage(h, 'do')).toEqual([]));
    expect((await storedStage(h, 'nieuw')).sort()).toEqual(['Koffie bij binnenkomst', 'Naambordje bij de balie']);
    expect(screen.queryByRole('button', { name: 'Ongedaan maken' })).not.toBeInTheDocument();
  });

  it('undoing an older move puts the card back on top when the card it sat below has moved on', async () => {
    const { h, user } = await start([{ title: 'Bovenste idee' }, { title: 'Onderste idee' }]);
    await moveWithMenu(user, 'Onderste idee', 'Plan');
    await waitFor(async () => expect(await storedStage(h, 'plan')).toEqual(['Onderste idee']));
    await moveWithMenu(user, 'Bovenste idee', 'Do');
    await waitFor(async () => expect(await storedStage(h, 'do')).toEqual(['Bovenste idee']));

    const notice = screen.getByText('"Onderste idee" verplaatst naar Plan.').closest('li') as HTMLElement;
    await user.click(within(notice).getByRole('button', { name: 'Ongedaan maken' }));
    await waitFor(async () => expect(await storedStage(h, 'nieuw')).toEqual(['Onderste idee']));
    expect(await storedStage(h, 'do')).toEqual(['Bovenste idee']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('opens the move menu with m and moves with the keyboard only', async () => {
    const { h, user } = await start([{ title: 'Naambordje bij de balie' }]);
    card('Naambordje bij de balie').focus();
    await user.keyboard('m');
    const menu = screen.getByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Plan' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Check' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(card('Naambordje bij de balie')).toHaveFocus();

    await user.keyboard('m');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(async () => expect(await storedStage(h, 'do')).toEqual(['Naambordje bij de balie']));
    await waitFor(() => expect(within(list('Do')).getByRole('button', { name: /^Naambordje bij de balie, / })).toHaveFocus());
  });

  it('asks for the outcome when a card goes to Afgerond; cancelling leaves it where it was', async () => {
    const { h, user } = await start([{ title: 'Wachtmuziek vervangen', stage: 'act' }]);
    const item = () => card('Wachtmuziek vervangen').closest('li') as HTMLElement;

    await user.click(within(item()).getByRole('button', { name: 'Verplaats naar…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Afgerond' }));
    let dialog = await screen.findByRole('dialog', { name: '“Wachtmuziek vervangen” afronden' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(list('Act')).getByRole('button', { name: /^Wachtmuziek vervangen, / })).toBeInTheDocument();
    expect(await storedStage(h, 'act')).toEqual(['Wachtmuziek vervangen']);

    await user.click(within(item()).getByRole('button', { name: 'Verplaats naar…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Afgerond' }));
    dialog = await screen.findByRole('dialog', { name: '“Wachtmuziek vervangen” afronden' });
    const choices = within(dialog).getByRole('group', { name: /Uitkomst/ });
    expect(within(choices).getByRole('radio', { name: 'Standaard geworden' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Kies een uitkomst');
    expect(await storedStage(h, 'afgerond')).toEqual([]);

    await user.click(within(choices).getByRole('radio', { name: 'Gestopt' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Wat hebben we geleerd?' }), 'Klanten merkten het verschil niet.');
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(list('Afgerond')).getByRole('button', { name: /^Wachtmuziek vervangen, .*Gestopt$/ })).toBeInTheDocument());
    await waitFor(async () => expect(await storedStage(h, 'afgerond')).toEqual(['Wachtmuziek vervangen']));
    const [done] = await stored(h);
    const detail = await h.api['ideas:get']({ id: done.id });
    expect(detail.ok && detail.value.idea).toMatchObject({ outcome: 'stopped', lesson: 'Klanten merkten het verschil niet.' });
  });

  it('shows the earlier lesson when a reopened idea is finished again, and saves what is there now', async () => {
    const { h, user } = await start([{ title: 'Wachtmuziek vervangen', stage: 'act' }]);
    const item = () => card('Wachtmuziek vervangen').closest('li') as HTMLElement;
    const finish = async () => {
      await user.click(within(item()).getByRole('button', { name: 'Verplaats naar…' }));
      await user.click(screen.getByRole('menuitem', { name: 'Afgerond' }));
      return screen.findByRole('dialog', { name: '“Wachtmuziek vervangen” afronden' });
    };
    let dialog = await finish();
    await user.click(within(dialog).getByRole('radio', { name: 'Gestopt' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Wat hebben we geleerd?' }), 'Eerste les');
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    await waitFor(async () => expect(await storedStage(h, 'afgerond')).toEqual(['Wachtmuziek vervangen']));

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await storedStage(h, 'act')).toEqual(['Wachtmuziek vervangen']));

    dialog = await finish();
    const lesson = within(dialog).getByRole('textbox', { name: 'Wat hebben we geleerd?' });
    await waitFor(() => expect(lesson).toHaveValue('Eerste les'));
    await user.clear(lesson);
    await user.click(within(dialog).getByRole('radio', { name: 'Standaard geworden' }));
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    await waitFor(async () => expect(await storedStage(h, 'afgerond')).toEqual(['Wachtmuziek vervangen']));
    const [done] = await stored(h);
    const detail = await h.api['ideas:get']({ id: done.id });
    expect(detail.ok && detail.value.idea).toMatchObject({ outcome: 'adopted', lesson: '' });
  });

  it('sends an idea in Act round for another cycle', async () => {
    const { h, user } = await start([{ title: 'Welkomstmail herschrijven', stage: 'act' }]);
    const item = card('Welkomstmail herschrijven').closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Nog een cyclus' }));
    await waitFor(() =>
      expect(within(list('Plan')).getByRole('button', { name: /^Welkomstmail herschrijven, .*cyclus 2$/ })).toBeInTheDocument(),
    );
    expect(within(list('Plan')).getByText('Cyclus 2')).toBeInTheDocument();
    const [c] = await stored(h);
    expect(c).toMatchObject({ stage: 'plan', cycle: 2 });
  });

  it('filters on kind with one click, counts follow, and "Filters wissen" brings everything back', async () => {
    const { user } = await start([
      { title: 'Terugbellen binnen een uur' },
      { title: 'Koffie bij binnenkomst', kind: 'verleuk' },
      { title: 'Bedankkaartje na klacht', kind: 'verleuk', stage: 'check' },
      { title: 'Factuur in gewone taal', stage: 'check' },
    ]);
    const kinds = screen.getByRole('group', { name: 'Soort' });
    expect(within(kinds).getByRole('button', { name: 'Alle soorten' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Filters wissen' })).not.toBeInTheDocument();

    await user.click(within(kinds).getByRole('button', { name: 'Alleen verleuk' }));
    expect(within(kinds).getByRole('button', { name: 'Alleen verleuk' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Terugbellen binnen een uur, / })).not.toBeInTheDocument());
    expect(card('Koffie bij binnenkomst')).toBeInTheDocument();
    expect(card('Bedankkaartje na klacht')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Nieuw/ })).toHaveTextContent('Nieuw 1 · 1 verleuk');
    expect(screen.getByRole('heading', { name: /^Check/ })).toHaveTextContent('Check 1 · 1 verleuk');
    expect(screen.getByText('2 ideeën passen bij de filters')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Filters wissen' }));
    await waitFor(() => expect(card('Terugbellen binnen een uur')).toBeInTheDocument());
    expect(screen.getByRole('heading', { name: /^Check/ })).toHaveTextContent('Check 2 · 1 verbeter · 1 verleuk');
    expect(within(kinds).getByRole('button', { name: 'Alle soorten' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('searchbox', { name: 'Zoeken' })).toHaveFocus();
  });

  it('searches as you type and filters by touchpoint', async () => {
    const { user } = await start([
      { title: 'Terugbellen binnen een uur' },
      { title: 'Koffie bij binnenkomst', kind: 'verleuk' },
      { title: 'Factuur in gewone taal', touchpoint: 'Factuur & betaling', stage: 'do' },
    ]);
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Zoeken' });
    expect(search).toHaveFocus();
    await user.type(search, 'koffie');
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Terugbellen binnen een uur, / })).not.toBeInTheDocument());
    expect(card('Koffie bij binnenkomst')).toBeInTheDocument();
    expect(screen.getByText('1 idee past bij de filters')).toBeInTheDocument();
    await user.clear(search);
    await waitFor(() => expect(card('Terugbellen binnen een uur')).toBeInTheDocument());

    const touchpoint = screen.getByRole('combobox', { name: 'Touchpoint' });
    await user.selectOptions(touchpoint, within(touchpoint).getByRole('option', { name: 'Factuur & betaling' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Koffie bij binnenkomst, / })).not.toBeInTheDocument());
    expect(card('Factuur in gewone taal')).toBeInTheDocument();
    expect(screen.getByText('Geen ideeën in Nieuw die bij de filters passen.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Persoon' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Belevingswaarde' })).toBeInTheDocument();
  });

  it('moves focus between cards with j/k and h/l', async () => {
    const { user } = await start([
      { title: 'Eerste idee' },
      { title: 'Tweede idee' },
      { title: 'Derde idee', stage: 'do' },
    ]);
    card('Eerste idee').focus();
    await user.keyboard('j');
    expect(card('Tweede idee')).toHaveFocus();
    await user.keyboard('k');
    expect(card('Eerste idee')).toHaveFocus();
    await user.keyboard('l');
    expect(card('Derde idee')).toHaveFocus();
    await user.keyboard('h');
    expect(card('Eerste idee')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(card('Tweede idee')).toHaveFocus();
  });

  it('speaks English when the setting says so', async () => {
    await start([{ title: 'Coffee on arrival', kind: 'verleuk', stage: 'afgerond' }], { language: 'en' });
    for (const stage of ['New', 'Plan', 'Do', 'Check', 'Act', 'Done']) {
      expect(screen.getByRole('list', { name: stage })).toBeInTheDocument();
    }
    expect(screen.getByRole('heading', { name: /^Done/ })).toHaveTextContent('Done 1 · 1 delight');
    expect(card('Coffee on arrival')).toHaveAccessibleName(
      'Coffee on arrival, Delight, Eerste contact, less than a minute in Done, logged by Anouk de Vries, Adopted as standard',
    );
    expect(screen.getByRole('button', { name: 'Only delight' })).toHaveAttribute('aria-pressed', 'false');
    expect(titlesIn('Done', ['Coffee on arrival'])).toEqual(['Coffee on arrival']);
  });
});
