import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAdminUser } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { createPrivacyRequest, createRetentionReport } from '../../../testing/privacy-admin-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const LIST = 'GET /api/v1/admin/privacy-requests';
const PREVIEW = 'GET /api/v1/admin/retention/preview';
const EXPORT_ID = '0190b5a0-0000-7000-8000-0000000000e1';
const BERTA = '0190b5a0-0000-7000-8000-0000000000b1';
const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };

const exportRequest = createPrivacyRequest({
  id: '0190b5a0-0000-7000-8000-000000000001',
  user: { id: BERTA, displayName: 'Berta Beispiel', username: 'berta', status: 'active' },
  dueAt: new Date(Date.now() + 5.5 * 86_400_000).toISOString(),
});
const erasureRequest = createPrivacyRequest({
  id: '0190b5a0-0000-7000-8000-000000000002',
  type: 'erasure',
  channel: 'letter',
  user: { id: crypto.randomUUID(), displayName: 'Carl Clever', username: 'carl', status: 'active' },
  dueAt: new Date(Date.now() - 2.5 * 86_400_000).toISOString(),
  overdue: true,
});
const erasedRequest = createPrivacyRequest({
  type: 'restriction',
  status: 'completed',
  channel: 'self_service',
  user: null,
  recordedBy: null,
  completedAt: '2026-05-10T10:00:00.000Z',
});

function page(request: MockRequest) {
  return {
    items: [exportRequest, erasureRequest, erasedRequest],
    total: 3,
    page: Number(request.url.searchParams.get('page') ?? 1),
    pageSize: 20,
  };
}

const routes = { ...admin, [LIST]: page, [PREVIEW]: () => createRetentionReport() };

describe('DSGVO console', () => {
  it('lists requests with requester, channel, due date, overdue flag, status and recorder', async () => {
    mockApi(routes);
    renderApp('/admin/datenschutz');

    expect(await screen.findByRole('heading', { level: 1, name: 'Datenschutz (DSGVO)' })).toBeVisible();
    const table = await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });
    const [exportRow, erasureRow, erasedRow] = within(table).getAllByRole('row').slice(1) as HTMLElement[];
    expect(within(exportRow as HTMLElement).getByRole('link', { name: 'Berta Beispiel' })).toHaveAttribute(
      'href',
      `/admin/datenschutz/nutzer/${BERTA}`,
    );
    expect(exportRow).toHaveTextContent('Auskunft/Export (Art. 15/20)');
    expect(exportRow).toHaveTextContent('E-Mail');
    expect(exportRow).toHaveTextContent('noch 6 Tage');
    expect(exportRow).toHaveTextContent('Offen');
    expect(exportRow).toHaveTextContent('Demo Admin');
    expect(exportRow).not.toHaveTextContent('Überfällig');
    expect(erasureRow).toHaveTextContent('Brief');
    expect(erasureRow).toHaveTextContent('2 Tage überfällig');
    expect(within(erasureRow as HTMLElement).getByText('Überfällig')).toBeVisible();
    expect(erasedRow).toHaveTextContent('Gelöschter Nutzer');
    expect(erasedRow).toHaveTextContent('Erledigt');
    expect(erasedRow).toHaveTextContent('Selbst (in der App)');
    expect(within(erasedRow as HTMLElement).queryByRole('button', { name: 'Export erstellen' })).toBeNull();
    expect(screen.getByText('3 Anfragen')).toBeVisible();
  });

  it('filters by status, type and overdue through the address', async () => {
    const api = mockApi(routes);
    const user = userEvent.setup();
    const { router } = renderApp('/admin/datenschutz?typ=erasure');
    await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });
    expect(api.callsTo(LIST)[0]?.url.searchParams.get('type')).toBe('erasure');

    await user.click(screen.getByRole('checkbox', { name: 'Nur überfällige' }));
    await waitFor(() => expect(router.state.location.search).toBe('?typ=erasure&ueberfaellig=1'));
    await waitFor(() => expect(api.callsTo(LIST).at(-1)?.url.searchParams.get('overdue')).toBe('true'));
  });

  it('creates an export for the user and says the file goes to them, not the admin', async () => {
    const api = mockApi({
      ...routes,
      [`POST /api/v1/admin/privacy-requests/${exportRequest.id}/run-export`]: () =>
        new Response(JSON.stringify({ exportId: EXPORT_ID }), { status: 202 }),
    });
    const user = userEvent.setup();
    renderApp('/admin/datenschutz');
    await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });
    expect(screen.getByText(/Administratoren können die Datei nicht herunterladen/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Export erstellen' }));
    expect(await screen.findByText(`Export-ID: ${EXPORT_ID}`)).toBeVisible();
    expect(screen.getByText(/die Datei geht nicht an Sie/)).toBeVisible();
    expect(
      api.callsTo(`POST /api/v1/admin/privacy-requests/${exportRequest.id}/run-export`)[0]?.body,
    ).toEqual({});
  });

  it('runs an erasure after the confirmation with the chosen handling of Nanos', async () => {
    const RUN = `POST /api/v1/admin/privacy-requests/${erasureRequest.id}/run-erasure`;
    const api = mockApi({ ...routes, [RUN]: () => new Response(null, { status: 204 }) });
    const user = userEvent.setup();
    renderApp('/admin/datenschutz');
    await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });

    await user.click(screen.getByRole('button', { name: 'Löschung ausführen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Löschung ausführen: Carl Clever' });
    const submit = within(dialog).getByRole('button', { name: 'Endgültig löschen' });
    expect(submit).toBeDisabled();
    await user.click(within(dialog).getByRole('radio', { name: 'Löschen (wie jeder gelöschte Nano)' }));
    await user.click(submit);

    await waitFor(() => expect(api.callsTo(RUN)[0]?.body).toEqual({ nanos: 'delete' }));
    expect(await screen.findByText('Die Löschung von Carl Clever wurde ausgeführt.')).toBeVisible();
  });

  it('changes the status and note of a request', async () => {
    const PATCH = `PATCH /api/v1/admin/privacy-requests/${exportRequest.id}`;
    const api = mockApi({ ...routes, [PATCH]: () => exportRequest });
    const user = userEvent.setup();
    renderApp('/admin/datenschutz');
    await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });

    await user.click(
      screen.getAllByRole('button', { name: 'Auskunft/Export (Art. 15/20) bearbeiten' })[0] as HTMLElement,
    );
    const dialog = await screen.findByRole('dialog', { name: /Anfrage bearbeiten/ });
    await user.click(within(dialog).getByRole('textbox', { name: 'Status' }));
    await user.click(await within(dialog).findByRole('option', { name: 'Abgelehnt' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Bearbeitungsnotiz' }),
      'Identität nicht belegt',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    await waitFor(() =>
      expect(api.callsTo(PATCH)[0]?.body).toEqual({ status: 'rejected', note: 'Identität nicht belegt' }),
    );
  });

  it('records a request received by letter for a user found by name', async () => {
    const POST = 'POST /api/v1/admin/privacy-requests';
    const api = mockApi({
      ...routes,
      'GET /api/v1/admin/users': (request: MockRequest) => ({
        items: request.url.searchParams.get('q') === 'berta' ? [createAdminUser({ id: BERTA })] : [],
        total: 1,
        page: 1,
        pageSize: 10,
      }),
      [POST]: () => exportRequest,
    });
    const user = userEvent.setup();
    renderApp('/admin/datenschutz');
    await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });

    await user.click(screen.getByRole('button', { name: 'Anfrage erfassen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anfrage erfassen' });
    await user.click(within(dialog).getByRole('button', { name: 'Anfrage erfassen' }));
    expect(await within(dialog).findByText('Bitte wählen Sie das Konto der Person.')).toBeVisible();
    expect(within(dialog).getByText('Bitte beschreiben Sie, wie die Identität geprüft wurde.')).toBeVisible();
    expect(api.callsTo(POST)).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Person' }), 'berta');
    await user.click(
      await within(dialog).findByRole('option', { name: 'Berta Beispiel · berta@example.org' }),
    );
    await user.click(within(dialog).getByRole('textbox', { name: 'Art der Anfrage' }));
    await user.click(await within(dialog).findByRole('option', { name: 'Löschung (Art. 17)' }));
    await user.click(within(dialog).getByRole('textbox', { name: 'Eingegangen per' }));
    await user.click(await within(dialog).findByRole('option', { name: 'Brief' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Identitätsprüfung' }),
      'Unterschrift verglichen',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Anfrage erfassen' }));

    await waitFor(() => expect(api.callsTo(POST)).toHaveLength(1));
    const body = api.callsTo(POST)[0]?.body as Record<string, string>;
    expect(body).toMatchObject({
      userId: BERTA,
      type: 'erasure',
      channel: 'letter',
      verificationNote: 'Unterschrift verglichen',
    });
    expect(Date.parse(body.receivedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await screen.findByText('Anfrage erfasst: Löschung (Art. 17).')).toBeVisible();
  });

  it('shows the retention dry run and runs the jobs after a confirmation', async () => {
    const RUN = 'POST /api/v1/admin/retention/run';
    const api = mockApi({
      ...routes,
      [RUN]: () => createRetentionReport({ dryRun: false, ranAt: '2026-05-21T07:00:00.000Z' }),
    });
    const user = userEvent.setup();
    renderApp('/admin/datenschutz');

    const preview = await screen.findByRole('table', { name: /Probelauf vom/ });
    const inactive = within(preview).getByRole('row', { name: /Inaktive Konten/ });
    expect(inactive).toHaveTextContent('12 Monate ohne Anmeldung');
    expect(inactive).toHaveTextContent('3');
    expect(inactive).toHaveTextContent('gewarnt: 2, anonymisiert: 1');

    await user.click(screen.getByRole('button', { name: 'Jetzt ausführen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aufbewahrungsjobs jetzt ausführen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt ausführen' }));
    await waitFor(() => expect(api.callsTo(RUN)[0]?.body).toEqual({}));
    expect(await screen.findByRole('table', { name: /Ausgeführt am/ })).toBeVisible();
  });
});
