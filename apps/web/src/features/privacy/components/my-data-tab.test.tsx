import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const EXPORT_ID = '00000000-0000-4000-8000-000000000001';

function overview(marketing = false) {
  return {
    current: { marketing, notification_email: true, terms: 3, privacy: 2 },
    pending: [],
    history: [
      {
        id: '00000000-0000-4000-8000-00000000000a',
        type: 'notification_email',
        textVersion: 1,
        given: true,
        source: 'registration',
        at: '2026-01-05T09:00:00.000Z',
      },
      {
        id: '00000000-0000-4000-8000-00000000000b',
        type: 'marketing',
        textVersion: 1,
        given: false,
        source: 'settings',
        at: '2026-02-05T09:00:00.000Z',
      },
    ],
  };
}

function dataExport(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: EXPORT_ID,
    status,
    sizeBytes: status === 'ready' ? 2_500_000 : null,
    requestedAt: '2026-03-01T10:00:00.000Z',
    readyAt: status === 'ready' ? '2026-03-01T10:05:00.000Z' : null,
    expiresAt: status === 'ready' ? '2026-03-08T10:05:00.000Z' : null,
    downloadedAt: null,
    onBehalf: false,
    ...extra,
  };
}

function routes(overrides: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/auth/me': () => createCurrentUser({ twoFactorEnabled: true }),
    'GET /api/v1/me/consents': () => overview(),
    'GET /api/v1/me/data-exports': () => ({ items: [] }),
    ...overrides,
  } as Parameters<typeof mockApi>[0];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('my data tab: consents', () => {
  it('shows the switches, the accepted versions and the history, and saves a change', async () => {
    const api = mockApi(
      routes({
        'GET /api/v1/me/consents': [() => overview(false), () => overview(true)],
        'POST /api/v1/me/consents': () => new Response(null, { status: 204 }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/konto/meine-daten');

    const section = await screen.findByRole('region', { name: 'Einwilligungen' });
    const marketing = await within(section).findByRole('switch', { name: /Neuigkeiten und Angebote/ });
    expect(marketing).not.toBeChecked();
    expect(within(section).getByRole('switch', { name: /E-Mail-Benachrichtigungen/ })).toBeChecked();
    expect(section).toHaveTextContent('Nutzungsbedingungen: Version 3');
    const table = within(section).getByRole('table', { name: 'Verlauf der Einwilligungen' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('widerrufen')).toBeVisible();
    expect(within(table).getByText('Registrierung')).toBeVisible();

    await user.click(marketing);
    expect(await within(section).findByText('Gespeichert.')).toBeVisible();
    expect(api.callsTo('POST /api/v1/me/consents')[0]?.body).toEqual({ type: 'marketing', given: true });
    await waitFor(() => expect(marketing).toBeChecked());
  });
});

describe('my data tab: export', () => {
  it('requests an export and lists it with its status while it is built', async () => {
    const api = mockApi(
      routes({
        'GET /api/v1/me/data-exports': [() => ({ items: [] }), () => ({ items: [dataExport('building')] })],
        'POST /api/v1/me/data-exports': () =>
          new Response(JSON.stringify({ id: EXPORT_ID, status: 'pending' }), {
            status: 202,
            headers: { 'Content-Type': 'application/json' },
          }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/konto/meine-daten');

    const section = await screen.findByRole('region', { name: 'Datenexport' });
    expect(await within(section).findByText('Sie haben noch keinen Export angefordert.')).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Datenexport anfordern' }));

    expect(await within(section).findByText('Export angefordert')).toBeVisible();
    expect(await within(section).findByText('Wird erstellt')).toBeVisible();
    expect(within(section).getByRole('button', { name: 'Datenexport anfordern' })).toBeDisabled();
    expect(api.callsTo('POST /api/v1/me/data-exports')).toHaveLength(1);
  });

  it('asks for password and 2FA code when the download needs a fresh sign-in, then downloads', async () => {
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = mockApi(
      routes({
        'GET /api/v1/me/data-exports': () => ({ items: [dataExport('ready')] }),
        [`GET /api/v1/me/data-exports/${EXPORT_ID}/download`]: [
          () => problemResponse(403, 'reauthentication_required', 'Bitte bestätigen Sie Ihr Passwort.'),
          () =>
            new Response(new Blob(['zip']), {
              status: 200,
              headers: {
                'Content-Type': 'application/zip',
                'Content-Disposition': 'attachment; filename="nano-daten-2026-03-01.zip"',
              },
            }),
        ],
        'POST /api/v1/me/reauthenticate': () => new Response(null, { status: 204 }),
      }),
    );
    const user = userEvent.setup();
    renderApp('/konto/meine-daten');

    const section = await screen.findByRole('region', { name: 'Datenexport' });
    const row = await within(section).findByRole('row', { name: /Bereit/ });
    expect(row).toHaveTextContent('2,4 MB');
    await user.click(within(row).getByRole('button', { name: /herunterladen/ }));

    const dialog = await screen.findByRole('dialog', { name: 'Passwort bestätigen' });
    await user.type(within(dialog).getByLabelText(/Aktuelles Passwort/), 'Geheim!Passwort1');
    await user.type(within(dialog).getByLabelText(/Code/), '123456');
    await user.click(within(dialog).getByRole('button', { name: 'Bestätigen und herunterladen' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.callsTo('POST /api/v1/me/reauthenticate')[0]?.body).toEqual({
      password: 'Geheim!Passwort1',
      twoFactorCode: '123456',
    });
    expect(api.callsTo(`GET /api/v1/me/data-exports/${EXPORT_ID}/download`)).toHaveLength(2);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('nano-daten-2026-03-01.zip');
  });
});

describe('my data tab: restriction and erasure', () => {
  it('restricts processing after the password and a confirmation, then shows the signed-out notice', async () => {
    const api = mockApi(
      routes({
        'GET /api/v1/auth/me': () => createCurrentUser(),
        'POST /api/v1/me/restriction': () => new Response(null, { status: 204 }),
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/konto/meine-daten');

    const section = await screen.findByRole('region', { name: 'Verarbeitung einschränken' });
    expect(within(section).getByText(/können sich nicht mehr anmelden/)).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Einschränkung beantragen …' }));
    await user.type(within(section).getByLabelText(/Aktuelles Passwort/), 'Geheim!Passwort1');
    const submit = within(section).getByRole('button', { name: 'Verarbeitung jetzt einschränken' });
    expect(submit).toBeDisabled();
    await user.click(within(section).getByRole('checkbox', { name: /nicht mehr anmelden/ }));
    await user.click(submit);

    expect(await screen.findByText('Verarbeitung eingeschränkt')).toBeVisible();
    expect(router.state.location.pathname).toBe('/konto-geschlossen');
    expect(api.callsTo('POST /api/v1/me/restriction')[0]?.body).toEqual({ password: 'Geheim!Passwort1' });
    expect(screen.getByRole('link', { name: 'Anmelden' })).toBeVisible();
  });

  it('erases in steps: consequences, choice and password, final confirmation; then says when it runs', async () => {
    const api = mockApi(
      routes({
        'POST /api/v1/me/erasure': [
          () =>
            problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig.', [
              { field: 'body.password', code: 'invalid_password', message: 'Das Passwort ist falsch.' },
            ]),
          () =>
            new Response(JSON.stringify({ status: 'scheduled', scheduledFor: '2026-03-08T10:00:00.000Z' }), {
              status: 202,
              headers: { 'Content-Type': 'application/json' },
            }),
        ],
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/konto/meine-daten');

    const section = await screen.findByRole('region', { name: 'Konto löschen' });
    expect(within(section).getByText(/Kommentartext wird entfernt/)).toBeVisible();
    expect(
      within(section).getByText(/Chatnachrichten für die andere Person, als „Gelöschter Nutzer“/),
    ).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Löschung beantragen …' }));
    const form = within(section).getByRole('form', { name: 'Löschung beantragen' });
    expect(within(form).getByRole('radio', { name: /Anonymisiert behalten/ })).toBeChecked();
    await user.click(within(form).getByRole('radio', { name: /Löschen/ }));
    await user.type(within(form).getByLabelText(/Grund/), 'Brauche es nicht mehr');
    await user.type(within(form).getByLabelText(/Aktuelles Passwort/), 'falsch');
    await user.type(within(form).getByLabelText(/Code/), '654321');
    await user.click(within(form).getByRole('button', { name: 'Weiter' }));

    let dialog = await screen.findByRole('dialog', { name: 'Konto wirklich löschen?' });
    expect(within(dialog).getByText(/7 Tage lang abbrechen/)).toBeVisible();
    expect(within(dialog).getByText('Ihre Nanos: Löschen.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Konto endgültig löschen' }));
    expect(await within(form).findByText('Das Passwort ist falsch.')).toBeVisible();

    await user.clear(within(form).getByLabelText(/Aktuelles Passwort/));
    await user.type(within(form).getByLabelText(/Aktuelles Passwort/), 'Geheim!Passwort1');
    await user.click(within(form).getByRole('button', { name: 'Weiter' }));
    dialog = await screen.findByRole('dialog', { name: 'Konto wirklich löschen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Konto endgültig löschen' }));

    expect(await screen.findByText('Löschung beantragt')).toBeVisible();
    expect(screen.getByText(/Die Anonymisierung läuft am 08.03.2026/)).toBeVisible();
    expect(router.state.location.pathname).toBe('/konto-geschlossen');
    expect(api.callsTo('POST /api/v1/me/erasure')[1]?.body).toEqual({
      password: 'Geheim!Passwort1',
      twoFactorCode: '654321',
      nanos: 'delete',
      reason: 'Brauche es nicht mehr',
    });
  });
});
