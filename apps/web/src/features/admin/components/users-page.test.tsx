import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAdminUser } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const USERS = 'GET /api/v1/admin/users';
const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin', username: 'chefin' }) };

function page(request: MockRequest, total = 2) {
  return {
    items: [
      createAdminUser({
        displayName: 'Berta Beispiel',
        username: 'berta',
        status: 'suspended',
        suspendedUntil: '2026-06-30T21:59:59.000Z',
        twoFactorEnabled: true,
        verifiedProvider: true,
      }),
      createAdminUser({
        displayName: 'Carl Consumer',
        username: 'carl',
        email: 'carl@example.org',
        role: 'consumer',
        emailVerified: false,
        lastLoginAt: null,
      }),
    ],
    total,
    page: Number(request.url.searchParams.get('page') ?? 1),
    pageSize: 20,
  };
}

describe('admin users page', () => {
  it('lists accounts with role, status, 2FA, provider badge, last login and registration', async () => {
    mockApi({ ...admin, [USERS]: (request) => page(request) });
    renderApp('/admin/nutzer');

    const table = await screen.findByRole('table', { name: /Konten mit Rolle, Status/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [berta, carl] = rows as [HTMLElement, HTMLElement];
    expect(within(berta).getByRole('link', { name: 'Berta Beispiel' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/admin\/nutzer\/[0-9a-f-]{36}$/),
    );
    expect(berta).toHaveTextContent('@berta');
    expect(berta).toHaveTextContent('Gesperrt bis 30.06.2026');
    expect(berta).toHaveTextContent('Verifizierter Anbieter');
    expect(berta).toHaveTextContent('Creator');
    expect(berta).toHaveTextContent('10.01.2026');
    expect(carl).toHaveTextContent('nicht bestätigt');
    expect(carl).toHaveTextContent('Nie');
    expect(carl).toHaveTextContent('Nutzer:in');
    expect(screen.getByText('2 Konten gefunden')).toBeVisible();
  });

  it('searches after typing pauses and filters by role and status, all kept in the address', async () => {
    const api = mockApi({ ...admin, [USERS]: (request) => page(request) });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/nutzer');
    await screen.findByRole('table', { name: /Konten mit Rolle/ });

    await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'bert');
    await waitFor(() => expect(router.state.location.search).toBe('?q=bert'));
    // One request for the finished word, none per keystroke.
    await waitFor(() =>
      expect(api.callsTo(USERS).flatMap((call) => call.url.searchParams.getAll('q'))).toEqual(['bert']),
    );

    await user.click(screen.getByRole('textbox', { name: 'Rolle' }));
    await user.click(await screen.findByRole('option', { name: 'Moderation' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=bert&rolle=moderator'));
    await user.click(screen.getByRole('textbox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Gesperrt' }));

    await waitFor(() => {
      const last = api.callsTo(USERS).at(-1)?.url.searchParams;
      expect(last?.get('q')).toBe('bert');
      expect(last?.get('role')).toBe('moderator');
      expect(last?.get('status')).toBe('suspended');
      expect(last?.get('page')).toBe('1');
    });
  });

  it('reads the filters from the address and pages through the results', async () => {
    const api = mockApi({ ...admin, [USERS]: (request) => page(request, 45) });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/nutzer?q=anna&status=active');
    await screen.findByRole('table', { name: /Konten mit Rolle/ });

    expect(screen.getByRole('searchbox', { name: 'Suche' })).toHaveValue('anna');
    expect(api.callsTo(USERS)[0]?.url.searchParams.get('q')).toBe('anna');
    expect(api.callsTo(USERS)[0]?.url.searchParams.get('status')).toBe('active');

    await user.click(screen.getByRole('button', { name: 'Seite 3' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=anna&status=active&seite=3'));
    await waitFor(() => expect(api.callsTo(USERS).at(-1)?.url.searchParams.get('page')).toBe('3'));
  });

  it('keeps moderators out', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator' }) });
    renderApp('/admin/nutzer');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  });
});
