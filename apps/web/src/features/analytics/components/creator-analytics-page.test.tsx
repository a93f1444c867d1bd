import type { CreatorAnalytics } from '@nano/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLocale } from '../../../shared/i18n/i18n.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { type MockRequest, mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const URL = 'GET /api/v1/me/analytics';
const creator = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }) };
const PIVOT = '0190b5a0-0000-7000-8000-000000000001';
const MACROS = '0190b5a0-0000-7000-8000-000000000002';
const DRAFT = '0190b5a0-0000-7000-8000-000000000003';

const zero = { views: 0, uniqueViewers: 0, downloads: 0, favorites: 0, ratingsCount: 0, ratingAverage: null };

/** A dashboard answer for the requested days: the figures of a creator with two published Nanos and a draft. */
function createAnalytics(request: MockRequest, overrides: Partial<CreatorAnalytics> = {}): CreatorAnalytics {
  const from = request.url.searchParams.get('from') ?? '2026-05-01';
  const to = request.url.searchParams.get('to') ?? '2026-05-03';
  const days: CreatorAnalytics['days'] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    days.push({ day: new Date(at).toISOString().slice(0, 10), ...zero });
  }
  return {
    from,
    to,
    updatedAt: '2026-05-20T08:05:00.000Z',
    totals: {
      views: 1234,
      uniqueViewers: 987,
      downloads: 120,
      favorites: 14,
      ratingsCount: 3,
      ratingAverage: 4.333,
    },
    days,
    nanos: [
      {
        nanoId: PIVOT,
        title: 'Pivot-Tabellen',
        status: 'published',
        views: 1000,
        uniqueViewers: 800,
        downloads: 20,
        favorites: 10,
        ratingsCount: 2,
        ratingAverage: 4.5,
        ratingDistribution: [0, 0, 1, 3, 8],
        ratingAverageAllTime: 4.58,
        ratingCountAllTime: 12,
      },
      {
        nanoId: MACROS,
        title: 'Makros aufzeichnen',
        status: 'published',
        views: 234,
        uniqueViewers: 187,
        downloads: 100,
        favorites: 4,
        ratingsCount: 1,
        ratingAverage: 4,
        ratingDistribution: [1, 0, 0, 1, 0],
        ratingAverageAllTime: 2.5,
        ratingCountAllTime: 2,
      },
      {
        nanoId: DRAFT,
        title: 'Entwurf: Power Query',
        status: 'draft',
        ...zero,
        ratingDistribution: [0, 0, 0, 0, 0],
        ratingAverageAllTime: null,
        ratingCountAllTime: 0,
      },
    ],
    ratingDistribution: [1, 0, 1, 4, 8],
    ...overrides,
  };
}

const daysBetween = (request: MockRequest | undefined) =>
  (Date.parse(request?.url.searchParams.get('to') ?? '') -
    Date.parse(request?.url.searchParams.get('from') ?? '')) /
  86_400_000;

function bodyRows(table: HTMLElement): HTMLElement[] {
  return within(table).getAllByRole('row').slice(1);
}

describe('creator analytics page', () => {
  beforeEach(() => {
    // jsdom lays nothing out, so the charts measure 0 × 0 and recharts says so on every render.
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('of chart should be greater than 0')) {
        warn(...args);
      }
    });
  });

  it('shows the key figures, the rating distribution and the per-Nano table of the last 30 days', async () => {
    const api = mockApi({ ...creator, [URL]: (request) => createAnalytics(request) });
    renderApp('/meine-nanos/statistik');

    expect(await screen.findByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
    const views = await screen.findByRole('region', { name: 'Aufrufe' });
    expect(views).toHaveTextContent('1.234');
    expect(screen.getByRole('region', { name: 'Eindeutige Besucher (pro Tag)' })).toHaveTextContent('987');
    expect(screen.getByRole('region', { name: 'Downloads' })).toHaveTextContent('120');
    expect(screen.getByRole('region', { name: 'Neue Favoriten' })).toHaveTextContent('14');
    const rating = screen.getByRole('region', { name: 'Bewertungen Ø' });
    expect(rating).toHaveTextContent(/^Bewertungen Ø4,3/);
    expect(rating).toHaveTextContent('3 neue Bewertungen im Zeitraum');

    // All-time distribution, 5 stars first, as text beside the chart.
    const distribution = screen.getByRole('region', { name: 'Verteilung der Bewertungen' });
    expect(distribution).toHaveTextContent('Ø 4,3 aus 14 Bewertungen');
    expect(
      within(distribution)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['5 Sterne: 8', '4 Sterne: 4', '3 Sterne: 1', '2 Sterne: 0', '1 Stern: 1']);
    expect(screen.getByRole('img', { name: /^Diagramm: Aufrufe und Downloads pro Tag vom/ })).toBeVisible();
    expect(screen.getByText('Der letzte Tag ist heute und noch nicht abgeschlossen.')).toBeVisible();

    const table = screen.getByRole('table', { name: /Kennzahlen je Nano/ });
    const rows = bodyRows(table);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Pivot-Tabellen1.000800201024,6 (12)',
      'Makros aufzeichnen234187100412,5 (2)',
      'Entwurf: Power QueryEntwurf00000–',
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Pivot-Tabellen' })).toHaveAttribute(
      'href',
      `/nanos/${PIVOT}`,
    );
    expect(
      within(rows[0] as HTMLElement).getByRole('link', { name: /Bewertungen zu „Pivot-Tabellen“ ansehen/ }),
    ).toHaveAttribute('href', `/meine-nanos/bewertungen?nano=${PIVOT}`);
    expect(
      screen.getByText(/^Stand: 20\.05\.2026, \d{2}:05\. Die Zahlen werden stündlich aktualisiert\./),
    ).toBeVisible();

    const request = api.callsTo(URL)[0];
    expect(daysBetween(request)).toBe(29);
    expect(request?.url.searchParams.get('to')).toBe(new Date().toISOString().slice(0, 10));
    expect(request?.url.searchParams.has('nanoId')).toBe(false);
  });

  it('asks again for another period or one Nano, and keeps both in the address', async () => {
    const api = mockApi({ ...creator, [URL]: (request) => createAnalytics(request) });
    const user = userEvent.setup();
    const { router } = renderApp('/meine-nanos/statistik');
    await screen.findByRole('table', { name: /Kennzahlen je Nano/ });

    await user.click(screen.getByRole('radio', { name: '12 Monate' }));
    await waitFor(() => expect(daysBetween(api.callsTo(URL).at(-1))).toBe(364));
    expect(router.state.location.search).toBe('?zeitraum=365');

    const select = screen.getByRole('textbox', { name: 'Nano' });
    await waitFor(() => expect(select).toBeEnabled());
    await user.click(select);
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'Alle Nanos',
      'Entwurf: Power Query',
      'Makros aufzeichnen',
      'Pivot-Tabellen',
    ]);
    await user.click(screen.getByRole('option', { name: 'Makros aufzeichnen' }));
    await waitFor(() => expect(api.callsTo(URL).at(-1)?.url.searchParams.get('nanoId')).toBe(MACROS));
    expect(daysBetween(api.callsTo(URL).at(-1))).toBe(364);
    expect(router.state.location.search).toBe(`?zeitraum=365&nano=${MACROS}`);

    await user.click(screen.getByRole('textbox', { name: 'Nano' }));
    await user.click(await screen.findByRole('option', { name: 'Alle Nanos' }));
    await waitFor(() => expect(router.state.location.search).toBe('?zeitraum=365'));
    expect(api.callsTo(URL).at(-1)?.url.searchParams.has('nanoId')).toBe(false);
  });

  it('sorts the table by the column clicked, descending first, then ascending', async () => {
    mockApi({ ...creator, [URL]: (request) => createAnalytics(request) });
    const user = userEvent.setup();
    renderApp('/meine-nanos/statistik');
    const table = await screen.findByRole('table', { name: /Kennzahlen je Nano/ });
    const titles = () => bodyRows(table).map((row) => within(row).getAllByRole('link')[0]?.textContent);
    expect(within(table).getByRole('columnheader', { name: /Aufrufe/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await user.click(within(table).getByRole('button', { name: 'Downloads' }));
    expect(titles()).toEqual(['Makros aufzeichnen', 'Pivot-Tabellen', 'Entwurf: Power Query']);
    expect(within(table).getByRole('columnheader', { name: /Downloads/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(within(table).getByRole('columnheader', { name: /Aufrufe/ })).toHaveAttribute('aria-sort', 'none');

    await user.click(within(table).getByRole('button', { name: 'Ø Bewertung' }));
    expect(titles()).toEqual(['Pivot-Tabellen', 'Makros aufzeichnen', 'Entwurf: Power Query']);
    await user.click(within(table).getByRole('button', { name: 'Ø Bewertung' }));
    expect(titles()).toEqual(['Entwurf: Power Query', 'Makros aufzeichnen', 'Pivot-Tabellen']);

    await user.click(within(table).getByRole('button', { name: 'Nano' }));
    expect(titles()).toEqual(['Entwurf: Power Query', 'Makros aufzeichnen', 'Pivot-Tabellen']);
    expect(within(table).getByRole('columnheader', { name: /Nano/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('explains the empty dashboard of a creator without published Nanos', async () => {
    mockApi({
      ...creator,
      [URL]: (request) => {
        const draft = createAnalytics(request).nanos[2];
        return createAnalytics(request, {
          totals: zero,
          nanos: draft ? [draft] : [],
          ratingDistribution: [0, 0, 0, 0, 0],
        });
      },
    });
    renderApp('/meine-nanos/statistik');
    expect(await screen.findByRole('heading', { level: 2, name: 'Noch keine Statistik' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu meinen Nanos' })).toHaveAttribute('href', '/meine-nanos');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('reports a failed load with the problem title and loads again on request', async () => {
    const api = mockApi({
      ...creator,
      [URL]: [
        () =>
          problemResponse(503, 'database_unavailable', 'Die Datenbank ist vorübergehend nicht erreichbar.'),
        (request) => createAnalytics(request),
      ],
    });
    const user = userEvent.setup();
    renderApp('/meine-nanos/statistik');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Die Datenbank ist vorübergehend nicht erreichbar.');
    expect(alert).toHaveTextContent('Die Statistik konnte nicht geladen werden.');
    await user.click(within(alert).getByRole('button'));
    expect(await screen.findByRole('table', { name: /Kennzahlen je Nano/ })).toBeVisible();
    expect(api.callsTo(URL)).toHaveLength(2);
  });

  it('formats numbers and dates for English', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator', locale: 'en' }),
      [URL]: (request) => createAnalytics(request, { updatedAt: null }),
    });
    await changeLocale('en');
    renderApp('/meine-nanos/statistik');
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    expect(await screen.findByRole('region', { name: 'Views' })).toHaveTextContent('1,234');
    expect(screen.getByRole('region', { name: 'Average rating' })).toHaveTextContent('4.3');
    expect(screen.getByText(/first evaluation is still to come/)).toBeVisible();
  });

  it('is for creators only', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'consumer' }) });
    renderApp('/meine-nanos/statistik');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  });
});
