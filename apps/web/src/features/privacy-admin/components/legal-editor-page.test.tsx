import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { createLegalDocument } from '../../../testing/privacy-admin-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };
const current = createLegalDocument();
const { body: _body, ...currentSummary } = current;
const routes = {
  ...admin,
  'GET /api/v1/legal/privacy': () => current,
  'GET /api/v1/legal/privacy/versions': () => ({
    items: [
      currentSummary,
      {
        ...currentSummary,
        version: 1,
        requiresAcceptance: false,
        changeNote: null,
        publishedAt: '2026-01-01T09:00:00.000Z',
      },
    ],
  }),
  'GET /api/v1/legal/imprint': () =>
    createLegalDocument({
      kind: 'imprint',
      version: 1,
      title: { de: 'Impressum', en: 'Imprint' },
      requiresAcceptance: false,
    }),
  'GET /api/v1/legal/imprint/versions': () => ({ items: [] }),
};

describe('legal texts editor', () => {
  it('shows the current version and the history of the privacy policy', async () => {
    mockApi(routes);
    renderApp('/admin/rechtstexte');

    expect(await screen.findByRole('heading', { level: 1, name: 'Rechtstexte' })).toBeVisible();
    expect(await screen.findByText(/Version 2 vom .*: „Datenschutzerklärung“/)).toBeVisible();
    expect(screen.getByText('Änderung: Neuer Auftragsverarbeiter')).toBeVisible();
    const history = await screen.findByRole('table', {
      name: /Veröffentlichte Versionen: Datenschutzerklärung/,
    });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Version 1' })).toHaveAttribute(
      'href',
      '/datenschutz?version=1',
    );
    expect(rows[1]).toHaveTextContent('Nein');
  });

  it('publishes a new version with a live preview and warns that everyone is asked again', async () => {
    const POST = 'POST /api/v1/admin/legal/privacy';
    const api = mockApi({ ...routes, [POST]: () => createLegalDocument({ version: 3 }) });
    const user = userEvent.setup();
    renderApp('/admin/rechtstexte');

    const body = await screen.findByRole('textbox', { name: 'Text (Deutsch, Markdown)' });
    expect(body).toHaveValue('# Verantwortlicher\n\nNano GmbH');
    await user.clear(body);
    await user.type(body, '# Neue Fassung{enter}{enter}Wir speichern **weniger**.');
    const preview = screen.getAllByRole('region', { name: 'Vorschau' })[0] as HTMLElement;
    expect(within(preview).getByRole('heading', { name: 'Neue Fassung' })).toBeVisible();
    expect(within(preview).getByText('weniger').tagName).toBe('STRONG');

    await user.click(screen.getByRole('switch', { name: /Erneute Zustimmung/ }));
    await user.type(screen.getByRole('textbox', { name: 'Änderungshinweis (optional)' }), 'Kürzer');
    await user.click(screen.getByRole('button', { name: 'Neue Version veröffentlichen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Datenschutzerklärung veröffentlichen?' });
    expect(within(dialog).getByText(/Alle Nutzer werden bei ihrer nächsten Anmeldung gebeten/)).toBeVisible();
    expect(api.callsTo(POST)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Veröffentlichen' }));

    await waitFor(() =>
      expect(api.callsTo(POST)[0]?.body).toEqual({
        title: { de: 'Datenschutzerklärung', en: 'Privacy policy' },
        body: { de: '# Neue Fassung\n\nWir speichern **weniger**.', en: '# Controller\n\nNano GmbH' },
        requiresAcceptance: true,
        changeNote: 'Kürzer',
      }),
    );
    expect(await screen.findByText('Version 3 ist veröffentlicht.')).toBeVisible();
  });

  it('has no re-acceptance switch for the imprint and refuses an empty text', async () => {
    const POST = 'POST /api/v1/admin/legal/imprint';
    const api = mockApi(routes);
    const user = userEvent.setup();
    renderApp('/admin/rechtstexte');

    await user.click(await screen.findByRole('tab', { name: 'Impressum' }));
    const body = await screen.findByRole('textbox', { name: 'Text (Englisch, Markdown)' });
    expect(screen.queryByRole('switch', { name: /Erneute Zustimmung/ })).toBeNull();
    expect(screen.getByText('Noch keine Versionen.')).toBeVisible();
    await user.clear(body);
    await user.click(screen.getByRole('button', { name: 'Neue Version veröffentlichen' }));
    await waitFor(() => expect(body).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo(POST)).toHaveLength(0);
  });
});
