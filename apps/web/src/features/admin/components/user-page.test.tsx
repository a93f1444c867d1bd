import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAdminUser, createAdminUserDetail, createDecision } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const ID = '0190b5a0-0000-7000-8000-00000000000b';
const URL = `/api/v1/admin/users/${ID}`;
const me = createCurrentUser({ role: 'admin', username: 'chefin', displayName: 'Chefin' });
const admin = { 'GET /api/v1/auth/me': () => me };
const noContent = () => new Response(null, { status: 204 });

function berta(overrides = {}) {
  return createAdminUserDetail({ id: ID, username: 'berta', displayName: 'Berta Beispiel', ...overrides });
}

describe('admin user page', () => {
  it('shows the facts, counts, badges, statements of reasons and recent audit events', async () => {
    mockApi({
      ...admin,
      [`GET ${URL}`]: () =>
        berta({
          trusted: true,
          verifiedProvider: true,
          providerVerification: {
            registerNumber: 'HRB 12345',
            note: 'Handelsregister geprüft',
            verifiedAt: '2026-04-01T10:00:00.000Z',
            verifiedBy: 'chefin',
          },
          decisions: [
            createDecision({
              reasons: ['spam', 'misleading'],
              statement: 'Dreimal Werbung für einen Fremdkurs.',
              appeal: { id: crypto.randomUUID(), status: 'open', createdAt: '2026-05-03T09:00:00.000Z' },
            }),
          ],
        }),
    });
    renderApp(`/admin/nutzer/${ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Berta Beispiel' })).toBeVisible();
    expect(screen.getAllByText('Vertrauenswürdig')[0]).toBeVisible();
    expect(screen.getAllByText('Verifizierter Anbieter')[0]).toBeVisible();
    const activity = screen.getByRole('region', { name: 'Aktivität' });
    expect(within(activity).getByText('Veröffentlicht').nextSibling).toHaveTextContent('5');
    const facts = screen.getByRole('region', { name: 'Angaben' });
    expect(facts).toHaveTextContent('berta@example.org (bestätigt)');
    expect(facts).toHaveTextContent('VHS Musterstadt');

    const decisions = screen.getByRole('region', { name: 'Moderationsentscheidungen' });
    expect(decisions).toHaveTextContent('Verwarnung');
    expect(decisions).toHaveTextContent('Spam und Werbung');
    expect(decisions).toHaveTextContent('Irreführend');
    expect(decisions).toHaveTextContent('Dreimal Werbung für einen Fremdkurs.');
    expect(decisions).toHaveTextContent(/Einspruch vom 03\.05\.2026, \d\d:\d\d: offen/);

    const verification = screen.getByRole('region', { name: 'Anbieter-Verifizierung' });
    expect(verification).toHaveTextContent('HRB 12345');
    expect(verification).toHaveTextContent('von chefin');

    const audit = screen.getByRole('table', { name: /jüngsten protokollierten Ereignisse/ });
    expect(within(audit).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Alle Ereignisse im Audit-Log' })).toHaveAttribute(
      'href',
      `/admin/audit?ziel=${ID}`,
    );
  });

  it('changes the role after confirming, and shows the refusal for the last admin', async () => {
    const api = mockApi({
      ...admin,
      [`GET ${URL}`]: [() => berta({ role: 'admin' })],
      [`PATCH ${URL}`]: [
        () =>
          problemResponse(
            409,
            'last_admin',
            'Das ist das letzte aktive Administrationskonto. Ernennen Sie zuerst eine weitere Person zur Administration.',
          ),
        () => createAdminUser({ id: ID, role: 'moderator' }),
      ],
    });
    const user = userEvent.setup();
    renderApp(`/admin/nutzer/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Berta Beispiel' });

    const change = screen.getByRole('button', { name: 'Rolle ändern' });
    expect(change).toBeDisabled();
    await user.click(screen.getByRole('textbox', { name: 'Rolle' }));
    await user.click(await screen.findByRole('option', { name: 'Moderation' }));
    await user.click(change);
    const dialog = await screen.findByRole('dialog', { name: 'Rolle ändern?' });
    expect(dialog).toHaveTextContent('Berta Beispiel wird von „Administration“ zu „Moderation“.');
    await user.click(within(dialog).getByRole('button', { name: 'Rolle ändern' }));

    expect(await within(dialog).findByText(/das letzte aktive Administrationskonto/)).toBeVisible();
    expect(api.callsTo(`PATCH ${URL}`)[0]?.body).toEqual({ role: 'moderator' });

    await user.click(within(dialog).getByRole('button', { name: 'Rolle ändern' }));
    expect(await screen.findByText('Die Rolle von Berta Beispiel wurde geändert.')).toBeVisible();
    expect(api.callsTo(`PATCH ${URL}`)).toHaveLength(2);
  });

  it('locks the own role, suspension and deletion with the reason', async () => {
    mockApi({ ...admin, [`GET /api/v1/admin/users/${me.id}`]: () => berta({ id: me.id, role: 'admin' }) });
    renderApp(`/admin/nutzer/${me.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Berta Beispiel' });

    expect(screen.getByRole('textbox', { name: 'Rolle' })).toBeDisabled();
    expect(
      screen.getByText(
        'Ihre eigene Rolle kann nur eine andere Administratorin oder ein anderer Administrator ändern.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sperren' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Konto löschen' })).toBeDisabled();
    expect(screen.getByText(/Das eigene Konto können Sie weder/)).toBeVisible();
  });

  it('warns with cited rules and facts, checking both first', async () => {
    const api = mockApi({ ...admin, [`GET ${URL}`]: () => berta(), [`POST ${URL}/warn`]: noContent });
    const user = userEvent.setup();
    renderApp(`/admin/nutzer/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Berta Beispiel' });

    await user.click(screen.getByRole('button', { name: 'Verwarnen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Berta Beispiel verwarnen' });
    await user.click(within(dialog).getByRole('button', { name: 'Verwarnung senden' }));
    expect(await within(dialog).findByText('Wählen Sie mindestens 1 Eintrag.')).toBeVisible();
    expect(within(dialog).getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
    expect(api.callsTo(`POST ${URL}/warn`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('textbox', { name: 'Verletzte Regeln' }));
    await user.click(await screen.findByRole('option', { name: 'Belästigung' }));
    expect(within(dialog).getByText(/Beleidigungen, Drohungen und Belästigungen/)).toBeVisible();
    await user.type(within(dialog).getByRole('textbox', { name: 'Sachverhalt' }), 'Beleidigungen.');
    await user.click(within(dialog).getByRole('button', { name: 'Verwarnung senden' }));

    expect(await screen.findByText(/Berta Beispiel wurde verwarnt/)).toBeVisible();
    expect(api.callsTo(`POST ${URL}/warn`)[0]?.body).toEqual({
      reasons: ['harassment'],
      statement: 'Beleidigungen.',
    });
  });

  it('suspends until the end of a chosen day, and lifts a suspension', async () => {
    const api = mockApi({
      ...admin,
      [`GET ${URL}`]: [
        () => berta(),
        () => berta({ status: 'suspended', suspendedUntil: '2099-03-01T22:59:59.000Z' }),
      ],
      [`POST ${URL}/suspend`]: noContent,
      [`POST ${URL}/unsuspend`]: noContent,
    });
    const user = userEvent.setup();
    renderApp(`/admin/nutzer/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Berta Beispiel' });

    await user.click(screen.getByRole('button', { name: 'Sperren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Berta Beispiel sperren' });
    await user.type(within(dialog).getByLabelText('Gesperrt bis (einschließlich)'), '2099-03-01');
    await user.click(within(dialog).getByRole('textbox', { name: 'Verletzte Regeln' }));
    await user.click(await screen.findByRole('option', { name: 'Spam und Werbung' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Sachverhalt' }), 'Werbung.');
    await user.click(within(dialog).getByRole('button', { name: 'Konto sperren' }));

    expect(await screen.findByText(/Berta Beispiel ist gesperrt/)).toBeVisible();
    const body = api.callsTo(`POST ${URL}/suspend`)[0]?.body as { until: string; reasons: string[] };
    expect(body.reasons).toEqual(['spam']);
    expect(new Date(body.until).getTime()).toBe(new Date(2099, 2, 1, 23, 59, 59).getTime());

    await user.click(await screen.findByRole('button', { name: 'Sperre aufheben' }));
    const lift = await screen.findByRole('dialog', { name: 'Sperre von Berta Beispiel aufheben' });
    await user.type(within(lift).getByRole('textbox', { name: 'Notiz (freiwillig)' }), 'ok');
    await user.click(within(lift).getByRole('button', { name: 'Sperre aufheben' }));
    await waitFor(() => expect(api.callsTo(`POST ${URL}/unsuspend`)[0]?.body).toEqual({ note: 'ok' }));
  });

  it('erases the account only after the username is typed, then returns to the table', async () => {
    const api = mockApi({
      ...admin,
      [`GET ${URL}`]: () => berta(),
      [`DELETE ${URL}`]: noContent,
      'GET /api/v1/admin/users': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/admin/nutzer/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Berta Beispiel' });

    await user.click(screen.getByRole('button', { name: 'Konto löschen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Konto @berta löschen?' });
    expect(dialog).toHaveTextContent('Sternebewertungen als anonyme Wertung');
    expect(dialog).toHaveTextContent('Favoriten, Listen, gespeicherte Suchen');
    const submit = within(dialog).getByRole('button', { name: 'Endgültig löschen' });
    expect(submit).toBeDisabled();
    const confirm = within(dialog).getByRole('textbox', { name: /Benutzernamen „berta“ eingeben/ });
    await user.type(confirm, 'bert');
    expect(submit).toBeDisabled();
    await user.type(confirm, 'a');
    await user.click(submit);

    expect(await screen.findByText('Das Konto @berta wurde gelöscht und anonymisiert.')).toBeVisible();
    expect(router.state.location.pathname).toBe('/admin/nutzer');
    expect(api.callsTo(`DELETE ${URL}`)).toHaveLength(1);
  });

  it('grants the provider badge with a register number and revokes it after confirming', async () => {
    const verified = berta({
      verifiedProvider: true,
      providerVerification: {
        registerNumber: 'VR 987',
        note: '',
        verifiedAt: '2026-05-20T10:00:00.000Z',
        verifiedBy: null,
      },
    });
    const api = mockApi({
      ...admin,
      [`GET ${URL}`]: [() => berta(), () => verified, () => berta()],
      [`POST ${URL}/verify-provider`]: noContent,
      [`DELETE ${URL}/verify-provider`]: noContent,
    });
    const user = userEvent.setup();
    renderApp(`/admin/nutzer/${ID}`);
    const card = await screen.findByRole('region', { name: 'Anbieter-Verifizierung' });

    await user.click(within(card).getByRole('button', { name: 'Verifizieren' }));
    expect(await within(card).findByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
    await user.type(within(card).getByRole('textbox', { name: 'Registernummer' }), 'VR 987');
    await user.click(within(card).getByRole('button', { name: 'Verifizieren' }));

    expect(await within(card).findByText('VR 987')).toBeVisible();
    expect(api.callsTo(`POST ${URL}/verify-provider`)[0]?.body).toEqual({
      registerNumber: 'VR 987',
      note: '',
    });

    await user.click(within(card).getByRole('button', { name: 'Verifizierung entziehen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verifizierung entziehen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Verifizierung entziehen' }));
    expect(await within(card).findByRole('textbox', { name: 'Registernummer' })).toBeVisible();
    expect(api.callsTo(`DELETE ${URL}/verify-provider`)).toHaveLength(1);
  });
});
