import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAuditEvent } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const LIST = 'GET /api/v1/admin/audit';
const ACTIONS = 'GET /api/v1/admin/audit/actions';
const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };
const TARGET = '0190b5a0-0000-7000-8000-0000000000aa';

function page(request: MockRequest, total = 2) {
  return {
    items: [
      createAuditEvent({ seq: 12, targetId: TARGET }),
      createAuditEvent({
        seq: 11,
        actor: null,
        action: 'auth.login.failure',
        targetType: null,
        targetId: null,
        outcome: 'failure',
        details: { reason: 'wrong_password', attempts: 3 },
        ip: null,
      }),
    ],
    total,
    page: Number(request.url.searchParams.get('page') ?? 1),
    pageSize: 50,
  };
}

const routes = {
  ...admin,
  [LIST]: (request: MockRequest) => page(request),
  [ACTIONS]: () => ({ items: ['auth.login.failure', 'taxonomy.category_updated', 'user.role_changed'] }),
};

describe('audit log page', () => {
  it('lists events newest first with actor, action, target, outcome and network', async () => {
    mockApi(routes);
    renderApp('/admin/audit');

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit-Log' })).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Protokollierte Ereignisse, neueste zuerst' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [changed, failed] = rows as [HTMLElement, HTMLElement];
    expect(changed).toHaveTextContent('Demo Admin@demo-admin');
    expect(changed).toHaveTextContent('user.role_changed');
    expect(changed).toHaveTextContent('Erfolgreich');
    expect(changed).toHaveTextContent('192.0.2.0/24');
    expect(within(changed).getByRole('link', { name: TARGET })).toHaveAttribute(
      'href',
      `/admin/nutzer/${TARGET}`,
    );
    expect(failed).toHaveTextContent('System oder anonym');
    expect(failed).toHaveTextContent('Fehlgeschlagen');
    expect(screen.getByText('2 Ereignisse')).toBeVisible();
  });

  it('opens the details with before and after values side by side', async () => {
    mockApi(routes);
    const user = userEvent.setup();
    renderApp('/admin/audit');
    await screen.findByRole('table', { name: /Protokollierte Ereignisse/ });

    const toggle = screen.getByRole('button', { name: 'Details zu Ereignis 12 anzeigen' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const changes = await screen.findByRole('table', { name: 'Werte vorher und nachher' });
    const row = within(changes).getByRole('row', { name: /role/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['consumer', 'moderator']);
    expect(screen.getByRole('button', { name: 'Details zu Ereignis 12 schließen' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    await user.click(screen.getByRole('button', { name: 'Details zu Ereignis 11 anzeigen' }));
    expect(await screen.findByText('wrong_password')).toBeVisible();
    expect(screen.getByText('3')).toBeVisible();
  });

  it('filters by the address, applies the form to it and exports the same filters as CSV', async () => {
    const api = mockApi(routes);
    const user = userEvent.setup();
    const { router } = renderApp('/admin/audit?akteur=demo-admin&von=2026-05-01');
    await screen.findByRole('table', { name: /Protokollierte Ereignisse/ });

    const first = api.callsTo(LIST)[0]?.url.searchParams;
    expect(first?.get('actor')).toBe('demo-admin');
    expect(first?.get('from')).toBe('2026-05-01');
    expect(screen.getByRole('textbox', { name: 'Akteur' })).toHaveValue('demo-admin');

    await user.click(screen.getByRole('textbox', { name: 'Aktion' }));
    await user.click(await screen.findByRole('option', { name: 'user.role_changed' }));
    await user.type(screen.getByRole('textbox', { name: 'Ziel-ID' }), TARGET);
    await user.type(screen.getByLabelText('Bis'), '2026-05-31');
    await user.click(screen.getByRole('button', { name: 'Filtern' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?akteur=demo-admin&aktion=user.role_changed&ziel=${TARGET}&von=2026-05-01&bis=2026-05-31`,
      ),
    );
    await waitFor(() =>
      expect(api.callsTo(LIST).at(-1)?.url.searchParams.get('action')).toBe('user.role_changed'),
    );
    const last = api.callsTo(LIST).at(-1)?.url.searchParams;
    expect(last?.get('target')).toBe(TARGET);
    expect(last?.get('to')).toBe('2026-05-31');

    const csv = screen.getByRole('link', { name: 'CSV exportieren' });
    expect(csv).toHaveAttribute('download');
    expect(csv).toHaveAttribute(
      'href',
      `/api/v1/admin/audit/export?actor=demo-admin&action=user.role_changed&target=${TARGET}&from=2026-05-01&to=2026-05-31`,
    );

    await user.click(screen.getByRole('button', { name: 'Zurücksetzen' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole('link', { name: 'CSV exportieren' })).toHaveAttribute(
      'href',
      '/api/v1/admin/audit/export',
    );
  });

  it('refuses a start after the end and pages through many events', async () => {
    const api = mockApi({ ...routes, [LIST]: (request: MockRequest) => page(request, 120) });
    const user = userEvent.setup();
    const { router } = renderApp('/admin/audit?aktion=auth.login.failure');
    await screen.findByRole('table', { name: /Protokollierte Ereignisse/ });

    await user.type(screen.getByLabelText('Von'), '2026-06-10');
    await user.type(screen.getByLabelText('Bis'), '2026-06-01');
    await user.click(screen.getByRole('button', { name: 'Filtern' }));
    expect(await screen.findByText('Das Startdatum muss vor oder auf dem Enddatum liegen.')).toBeVisible();
    expect(router.state.location.search).toBe('?aktion=auth.login.failure');

    await user.click(screen.getByRole('button', { name: 'Seite 3' }));
    await waitFor(() => expect(router.state.location.search).toBe('?aktion=auth.login.failure&seite=3'));
    await waitFor(() => expect(api.callsTo(LIST).at(-1)?.url.searchParams.get('page')).toBe('3'));
    expect(api.callsTo(LIST).at(-1)?.url.searchParams.get('action')).toBe('auth.login.failure');
  });
});
