import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlatformAnalytics } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const URL = 'GET /api/v1/admin/analytics';
const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };
const DAY_MS = 86_400_000;

function answer(request: MockRequest) {
  return createPlatformAnalytics(
    request.url.searchParams.get('from') ?? '2026-05-01',
    request.url.searchParams.get('to') ?? '2026-05-03',
  );
}

function spanOf(request: MockRequest | undefined): number {
  const from = Date.parse(request?.url.searchParams.get('from') ?? '');
  const to = Date.parse(request?.url.searchParams.get('to') ?? '');
  return (to - from) / DAY_MS + 1;
}

describe('platform analytics dashboard', () => {
  beforeAll(async () => {
    // The page is loaded lazily with the chart library; loading it once up front keeps the first
    // test about the page, not about how fast this machine transforms recharts.
    await import('./platform-analytics-page.tsx');
  });

  beforeEach(() => {
    // jsdom lays nothing out, so the charts measure 0 × 0 and recharts says so on every render.
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('of chart should be greater than 0')) {
        warn(...args);
      }
    });
  });

  it('shows the key figures, every chart with a summary and its table, and the search lists', async () => {
    const api = mockApi({ ...admin, [URL]: answer });
    renderApp('/admin/statistik');

    expect(await screen.findByRole('heading', { level: 1, name: 'Plattform-Statistik' })).toBeVisible();
    const dau = await screen.findByRole('region', { name: 'Aktive Nutzer (Tag)' });
    expect(dau).toHaveTextContent('42');
    expect(screen.getByRole('region', { name: 'Aktive Nutzer (Monat)' })).toHaveTextContent('1.234');
    expect(screen.getByRole('region', { name: 'Warteschlange' })).toHaveTextContent('4');
    expect(screen.getByRole('region', { name: 'Ältestes Element' })).toHaveTextContent('30 Std.');
    expect(screen.getByRole('region', { name: 'SLA-Quote' })).toHaveTextContent('87,5 %');
    expect(screen.getByRole('region', { name: 'SLA-Quote' })).toHaveTextContent('8 Entscheidungen');
    expect(screen.getByRole('region', { name: '5xx-Fehlerquote' })).toHaveTextContent('0,02 %');
    expect(screen.getByRole('region', { name: '5xx-Fehlerquote' })).toHaveTextContent(
      '3 von 20.000 Anfragen',
    );
    expect(spanOf(api.callsTo(URL)[0])).toBe(30);

    const active = screen.getByRole('img', { name: /^Diagramm: Aktive Nutzer pro Tag vom/ });
    expect(active.getAttribute('aria-label')).toContain('höchstens 69');
    expect(
      screen.getByRole('img', { name: /^Diagramm: Registrierungen und Uploads pro Tag/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Diagramm: Moderation pro Tag/ })).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Diagramm: Nanos nach Status\. Entwurf: 6, In Prüfung: 4/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Diagramm: Verteilung der Bewertungen\. 5 Sterne: 20/ }),
    ).toBeInTheDocument();

    const flags = screen.getByRole('region', { name: 'Meldungen nach Grund' });
    const flagTable = within(flags).getByRole('table', { hidden: true });
    expect(within(flagTable).getByRole('row', { name: /Spam oder Werbung/, hidden: true })).toHaveTextContent(
      '5',
    );
    expect(within(flags).getByText('Daten als Tabelle')).toBeVisible();

    const top = screen.getByRole('table', { name: 'Die häufigsten Suchanfragen im Zeitraum' });
    expect(within(top).getAllByRole('row')[1]).toHaveTextContent('1excel120');
    expect(screen.getByRole('table', { name: /ohne Treffer im Zeitraum/ })).toHaveTextContent('sap hana7');
  });

  it('switches between 7, 30 and 90 days and an own period, kept in the address', async () => {
    const api = mockApi({ ...admin, [URL]: answer });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/statistik');
    await screen.findByRole('region', { name: 'Aktive Nutzer (Tag)' });

    await user.click(screen.getByRole('radio', { name: '7 Tage' }));
    await waitFor(() => expect(router.state.location.search).toBe('?zeitraum=7'));
    await waitFor(() => expect(spanOf(api.callsTo(URL).at(-1))).toBe(7));

    await user.click(screen.getByRole('radio', { name: 'Eigener Zeitraum' }));
    const from = await screen.findByLabelText('Von');
    await user.clear(from);
    await user.type(from, '2024-01-01');
    expect(await screen.findByText('Höchstens 366 Tage.')).toBeVisible();
    const calls = api.callsTo(URL).length;

    await user.clear(from);
    await user.type(from, '2026-03-01');
    const to = screen.getByLabelText('Bis');
    await user.clear(to);
    await user.type(to, '2026-03-31');
    await waitFor(() => expect(router.state.location.search).toBe('?von=2026-03-01&bis=2026-03-31'));
    await waitFor(() => {
      const last = api.callsTo(URL).at(-1)?.url.searchParams;
      expect(last?.get('from')).toBe('2026-03-01');
      expect(last?.get('to')).toBe('2026-03-31');
    });
    expect(api.callsTo(URL).length).toBeGreaterThan(calls);
    expect(screen.getByText('Zeitraum: 01.03.2026 bis 31.03.2026')).toBeVisible();
  });

  it('keeps moderators out', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator' }) });
    renderApp('/admin/statistik');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  });
});
