import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAdminUserDetail } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { createDataInventory, createPrivacyRequest } from '../../../testing/privacy-admin-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const ID = '0190b5a0-0000-7000-8000-0000000000b1';
const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };
const LIST = 'GET /api/v1/admin/privacy-requests';
const LIFT = `POST /api/v1/admin/users/${ID}/restriction/lift`;
const noContent = () => new Response(null, { status: 204 });

function routes(status: 'active' | 'restricted' | 'deactivated' = 'active') {
  return {
    ...admin,
    [`GET /api/v1/admin/users/${ID}`]: () =>
      createAdminUserDetail({ id: ID, displayName: 'Berta Beispiel', username: 'berta', status }),
    [`GET /api/v1/admin/users/${ID}/data-inventory`]: () => createDataInventory(ID),
    [LIST]: () => ({
      items: [
        createPrivacyRequest({
          type: 'restriction',
          user: { id: ID, displayName: 'Berta Beispiel', username: 'berta', status },
        }),
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    }),
  };
}

describe('data inventory page', () => {
  it('shows the counts per category, what erasure does with each and the explanations', async () => {
    const api = mockApi(routes());
    renderApp(`/admin/datenschutz/nutzer/${ID}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Datenbestand: Berta Beispiel' }),
    ).toBeVisible();
    const table = screen.getByRole('table', { name: /Einträge je Datenkategorie/ });
    const favourites = within(table).getByRole('row', { name: /Favoriten/ });
    expect(favourites).toHaveTextContent('12');
    expect(favourites).toHaveTextContent('Gelöscht');
    expect(within(table).getByRole('row', { name: /Chatnachrichten/ })).toHaveTextContent(
      '1.234Entpersonalisiert',
    );
    expect(within(table).getByRole('row', { name: /Audit-Ereignisse/ })).toHaveTextContent('Aufbewahrt');
    expect(screen.getByText(/bleibt aus gesetzlichen Gründen erhalten/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zur Nutzerverwaltung' })).toHaveAttribute(
      'href',
      `/admin/nutzer/${ID}`,
    );

    expect(api.callsTo(LIST)[0]?.url.searchParams.get('userId')).toBe(ID);
    const requests = await screen.findByRole('table', { name: /Anfragen betroffener Personen/ });
    const rows = within(requests).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Einschränkung (Art. 18)');
  });

  it('records a request for this person with the account filled in', async () => {
    const POST = 'POST /api/v1/admin/privacy-requests';
    const api = mockApi({ ...routes(), [POST]: () => createPrivacyRequest() });
    const user = userEvent.setup();
    renderApp(`/admin/datenschutz/nutzer/${ID}`);

    await user.click(await screen.findByRole('button', { name: 'Anfrage erfassen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anfrage erfassen für Berta Beispiel' });
    expect(within(dialog).getByRole('textbox', { name: 'Person' })).toHaveValue('Berta Beispiel');
    await user.click(within(dialog).getByRole('textbox', { name: 'Art der Anfrage' }));
    await user.click(await within(dialog).findByRole('option', { name: 'Berichtigung (Art. 16)' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Identitätsprüfung' }), 'Rückruf');
    await user.click(within(dialog).getByRole('button', { name: 'Anfrage erfassen' }));

    await waitFor(() =>
      expect(api.callsTo(POST)[0]?.body).toMatchObject({
        userId: ID,
        type: 'rectification',
        channel: 'email',
        verificationNote: 'Rückruf',
      }),
    );
  });

  it('lifts a restriction with a note', async () => {
    const api = mockApi({ ...routes('restricted'), [LIFT]: noContent });
    const user = userEvent.setup();
    renderApp(`/admin/datenschutz/nutzer/${ID}`);

    expect(await screen.findByText(/Das Konto ist eingeschränkt/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Einschränkung aufheben' }));
    const dialog = await screen.findByRole('dialog', { name: 'Einschränkung aufheben: Berta Beispiel' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Notiz (optional)' }), 'Widerspruch geklärt');
    await user.click(within(dialog).getByRole('button', { name: 'Einschränkung aufheben' }));

    await waitFor(() => expect(api.callsTo(LIFT)[0]?.body).toEqual({ note: 'Widerspruch geklärt' }));
    expect(await screen.findByText('Die Einschränkung von Berta Beispiel ist aufgehoben.')).toBeVisible();
  });

  it('says when the account does not exist', async () => {
    mockApi(admin);
    renderApp(`/admin/datenschutz/nutzer/${ID}`);
    expect(await screen.findByText('Dieses Konto gibt es nicht.')).toBeVisible();
  });
});

describe('admin user page, privacy parts', () => {
  it('links to the inventory and lifts a restriction', async () => {
    const api = mockApi({ ...routes('restricted'), [LIFT]: noContent });
    const user = userEvent.setup();
    renderApp(`/admin/nutzer/${ID}`);

    expect(await screen.findByRole('link', { name: 'Datenbestand (DSGVO)' })).toHaveAttribute(
      'href',
      `/admin/datenschutz/nutzer/${ID}`,
    );
    await user.click(screen.getByRole('button', { name: 'Einschränkung aufheben' }));
    const dialog = await screen.findByRole('dialog', { name: 'Einschränkung aufheben: Berta Beispiel' });
    await user.click(within(dialog).getByRole('button', { name: 'Einschränkung aufheben' }));
    await waitFor(() => expect(api.callsTo(LIFT)[0]?.body).toEqual({}));
    expect(await screen.findByText('Die Einschränkung von Berta Beispiel ist aufgehoben.')).toBeVisible();
  });

  it('shows a requested erasure as such', async () => {
    mockApi(routes('deactivated'));
    renderApp(`/admin/nutzer/${ID}`);
    expect(await screen.findByText(/Löschung beantragt: Das Konto ist deaktiviert/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Einschränkung aufheben' })).toBeNull();
  });
});
