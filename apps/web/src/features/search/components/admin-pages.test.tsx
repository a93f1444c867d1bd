import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createSearchAnalytics, createSearchHit } from '../../../testing/search-factories.ts';

const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };
const SLOW = { timeout: 5000 };

describe('search analytics page', () => {
  it('shows totals, click-through as a percentage and both query tables for the last 30 days', async () => {
    const api = mockApi({ ...admin, 'GET /api/v1/admin/search-analytics': () => createSearchAnalytics() });
    renderApp('/admin/suchanalyse');

    const top = await screen.findByRole('table', { name: /Häufigste Suchanfragen im Zeitraum/ }, SLOW);
    expect(screen.getByText('1.250')).toBeVisible();
    expect(screen.getByText('32 %')).toBeVisible();
    const rows = within(top).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('excel30012,5120');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'excel' })).toHaveAttribute(
      'href',
      '/suche?q=excel',
    );
    const zero = screen.getByRole('table', { name: /ohne Treffer/ });
    expect(zero).toHaveTextContent('sap hana');

    const params = api.callsTo('GET /api/v1/admin/search-analytics')[0]?.url.searchParams;
    const from = new Date(params?.get('from') ?? '');
    const to = new Date(params?.get('to') ?? '');
    expect((to.getTime() - from.getTime()) / 86_400_000).toBe(29);
  });

  it('asks again for a changed period, and refuses a start after the end', async () => {
    const api = mockApi({ ...admin, 'GET /api/v1/admin/search-analytics': () => createSearchAnalytics() });
    const user = userEvent.setup();
    renderApp('/admin/suchanalyse');
    await screen.findByRole('table', { name: /Häufigste Suchanfragen/ }, SLOW);

    const from = screen.getByLabelText('Von');
    await user.clear(from);
    await user.type(from, '2026-01-01');
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/admin/search-analytics').at(-1)?.url.searchParams.get('from')).toBe(
        '2026-01-01',
      ),
    );

    const calls = api.callsTo('GET /api/v1/admin/search-analytics').length;
    await user.clear(from);
    await user.type(from, '2099-01-01');
    expect(await screen.findByText('Das Startdatum muss vor oder auf dem Enddatum liegen.')).toBeVisible();
    expect(api.callsTo('GET /api/v1/admin/search-analytics')).toHaveLength(calls);
  });

  it('keeps moderators out', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator' }) });
    renderApp('/admin/suchanalyse');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' }, SLOW)).toBeVisible();
    expect(
      screen.getByText('Diese Seite ist Administratorinnen und Administratoren vorbehalten.'),
    ).toBeVisible();
  });
});

describe('featured Nanos page', () => {
  it('lists the featured Nanos and removes one', async () => {
    const hit = createSearchHit({ title: 'Empfohlen 1' });
    const api = mockApi({
      ...admin,
      'GET /api/v1/admin/featured': [() => ({ items: [hit] }), () => ({ items: [] })],
      [`DELETE /api/v1/admin/featured/${hit.id}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/empfohlen');

    expect(await screen.findByRole('heading', { level: 2, name: 'Empfohlen 1' }, SLOW)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Entfernen: Empfohlen 1' }));

    expect(await screen.findByText(/Zurzeit ist kein Nano empfohlen/)).toBeVisible();
    expect(api.callsTo(`DELETE /api/v1/admin/featured/${hit.id}`)).toHaveLength(1);
  });
});
