/** Inzicht on the real App over the real core: the charts' data tables, empty periods, filters, CSV export, WIP limits. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getISOWeek } from 'date-fns';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host, SaveFileRequest } from '../../shared/host';
import { fromCsvCell } from '../../shared/csv';
import { createUiHarness, renderApp, type UiHarness } from '../support/ui-harness';

let harness: UiHarness | undefined;

afterEach(() => {
  harness?.close();
  harness = undefined;
  delete window.kaizenHost;
});

async function ok<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** Anouk (logged in) logs two verbeter ideas and one verleuk idea; Bram logs nothing. */
async function withIdeas(options: Parameters<typeof createUiHarness>[0] = {}) {
  harness = await createUiHarness(options);
  const { api } = harness;
  const boot = await ok(api['app:bootstrap']({}));
  const me = boot.settings.currentPersonId!;
  await ok(api['people:create']({ name: 'Bram' }));
  const tp = boot.touchpoints[0]!.id;
  const first = await ok(api['ideas:create']({ actorId: me, title: '=HYPERLINK("x")', kind: 'verbeter', touchpointId: tp, description: 'twee\nregels; "quotes" 😀' }));
  await ok(api['ideas:update']({ id: first.id, actorId: me, patch: { valueIds: [boot.values[0]!.id], pyramidLevel: 1 } }));
  await ok(api['ideas:create']({ actorId: me, title: 'Koffie klaar', kind: 'verbeter', touchpointId: tp }));
  await ok(api['ideas:create']({ actorId: me, title: 'Bloemetje', kind: 'verleuk', touchpointId: tp }));
  return { h: harness, boot };
}

async function openInsight(language: 'nl' | 'en' = 'nl') {
  const user = userEvent.setup();
  renderApp(harness!);
  await user.click(await screen.findByRole('button', { name: language === 'en' ? 'Insights' : 'Inzicht' }));
  // The view is loaded on first visit (React.lazy with recharts): on a busy machine that takes a while.
  await screen.findByRole('heading', { name: language === 'en' ? 'Insights' : 'Inzicht', level: 2 }, { timeout: 15_000 });
  return user;
}

const figure = (name: string) => screen.getByRole('region', { name });

describe('Inzicht', () => {
  it('shows ideas per week as a table: twelve Monday weeks with ISO week numbers, by kind', async () => {
    await withIdeas();
    const user = await openInsight();
    const perWeek = await screen.findByRole('region', { name: 'Ideeën per week, verbeter en verleuk' });
    const toggle = within(perWeek).getByRole('button', { name: 'Toon tabel' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = within(perWeek).getByRole('table', { name: 'Ideeën per week, verbeter en verleuk' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Week', 'Verbeter', 'Verleuk', 'Totaal']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    const thisWeek = rows.at(-1)!;
    expect(within(thisWeek).getByRole('rowheader')).toHaveTextContent(`week ${getISOWeek(new Date())} (`);
    expect(within(thisWeek).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '1', '3']);
    expect(rows.slice(0, -1).every((r) => within(r).getAllByRole('cell').at(-1)!.textContent === '0')).toBe(true);
  });

  it('names who has not logged an idea kindly, and marks belevingswaarden without ideas in words', async () => {
    const { boot } = await withIdeas();
    const user = await openInsight();
    const quiet = await screen.findByRole('region', { name: 'Nog niet van zich laten horen' });
    expect(within(quiet).getByRole('list', { name: 'Nog niet van zich laten horen' })).toHaveTextContent('Bram');
    expect(figure('Actief in de laatste 4 weken')).toHaveTextContent('50%');
    expect(figure('Actief in de laatste 4 weken')).toHaveTextContent('1 van 2 mensen');

    const values = figure('Ideeën per belevingswaarde');
    await user.click(within(values).getByRole('button', { name: 'Toon tabel' }));
    const table = within(values).getByRole('table', { name: 'Ideeën per belevingswaarde' });
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(row(boot.values[0]!.name)).toHaveTextContent('1');
    expect(row(boot.values[1]!.name)).toHaveTextContent('0 (nog geen ideeën)');
    expect(within(values).getByText(/belevingswaarden hebben in deze periode nog geen ideeën/)).toBeInTheDocument();

    const heat = figure('Ideeën per touchpoint en soort');
    const heatRow = within(heat).getByRole('rowheader', { name: new RegExp(boot.touchpoints[0]!.name) }).closest('tr')!;
    expect(within(heatRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '1']);
  });

  it('filters by kind', async () => {
    await withIdeas();
    const user = await openInsight();
    const perWeek = await screen.findByRole('region', { name: 'Ideeën per week, verbeter en verleuk' });
    await user.click(within(perWeek).getByRole('button', { name: 'Toon tabel' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Soort' }), 'verleuk');
    await waitFor(() => {
      const last = within(perWeek).getAllByRole('row').at(-1)!;
      expect(within(last).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '1', '1']);
    });
  });

  it('says so when the period has no ideas instead of drawing empty axes', async () => {
    harness = await createUiHarness();
    await openInsight();
    expect(await screen.findByText('Nog geen ideeën in deze periode. Zodra het team ideeën logt, verschijnen ze hier.')).toBeInTheDocument();
    const perWeek = figure('Ideeën per week, verbeter en verleuk');
    expect(within(perWeek).getByText('Niets in deze periode.')).toBeInTheDocument();
    expect(within(perWeek).queryByRole('button', { name: 'Toon tabel' })).toBeNull();
    expect(figure('Doorlooptijd van Nieuw tot Afgerond')).toHaveTextContent('Niets in deze periode.');
  });

  it('speaks English with English numbers and week labels', async () => {
    await withIdeas({ language: 'en' });
    const user = await openInsight('en');
    const perWeek = await screen.findByRole('region', { name: 'Ideas per week, improve and delight' });
    await user.click(within(perWeek).getByRole('button', { name: 'Show table' }));
    const table = within(perWeek).getByRole('table', { name: 'Ideas per week, improve and delight' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Week', 'Improve', 'Delight', 'Total']);
    expect(figure('Not heard from yet')).toHaveTextContent('Bram');
  });

  it('exports the ideas in view as CSV through the host: BOM, semicolons, every field back through a parser', async () => {
    await withIdeas();
    const saved: SaveFileRequest[] = [];
    const host: Omit<Host, 'kind'> = {
      saveFile: vi.fn(async (request: SaveFileRequest) => {
        saved.push(request);
        return { ok: true, value: 'done' } as const;
      }),
      openFile: vi.fn(),
      print: vi.fn(async () => ({ ok: true, value: 'done' }) as const),
    };
    window.kaizenHost = host;
    const user = await openInsight();
    await user.click(screen.getByRole('button', { name: 'CSV exporteren' }));
    await screen.findByText('3 ideeën geëxporteerd.');
    expect(saved).toHaveLength(1);
    const { text, suggestedName } = saved[0]!;
    expect(suggestedName).toMatch(/^kaizenbord-ideeen-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data.map((r) => r.map(fromCsvCell));
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['Titel', 'Omschrijving', 'Soort', 'Kolom']);
    const formula = rows.find((r) => r[0] === '=HYPERLINK("x")')!;
    expect(formula[1]).toBe('twee\nregels; "quotes" 😀');
    expect(formula[header.indexOf('Soort')]).toBe('Verbeter');
    expect(formula[header.indexOf('Piramideniveau')]).toBe('Basis op orde');
    // In the file itself the formula-like title starts with an apostrophe, so it never runs.
    expect(text).toContain(`'=HYPERLINK(""x"")`);

    await user.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(host.print).toHaveBeenCalledTimes(1);
  });
});

describe('WIP limits', () => {
  it('are set per column in Settings; the board shows a column over its limit in words', async () => {
    await withIdeas();
    const user = userEvent.setup();
    renderApp(harness!);
    await user.click(await screen.findByRole('button', { name: 'Beheer & instellingen' }));
    const field = await screen.findByRole('spinbutton', { name: 'Limiet voor Nieuw' });

    await user.type(field, '0');
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent('Vul een heel getal van 1 tot en met 999 in, of laat het veld leeg.');
    expect(field).toHaveValue(0);
    expect((await ok(harness!.api['app:bootstrap']({}))).settings.wipLimits.nieuw).toBeNull();

    await user.clear(field);
    await user.type(field, '2{Enter}');
    await waitFor(async () => expect((await ok(harness!.api['app:bootstrap']({}))).settings.wipLimits.nieuw).toBe(2));

    await user.click(screen.getByRole('button', { name: 'Bord' }));
    const heading = await screen.findByRole('heading', { name: /^Nieuw/, level: 2 });
    expect(heading).toHaveTextContent('3 van maximaal 2: boven de WIP-limiet');
    expect(within(heading).getByText('3 / 2 — boven limiet')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Plan/, level: 2 })).not.toHaveTextContent('WIP');
  });
});
