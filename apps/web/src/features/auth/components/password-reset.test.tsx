import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const TOKEN = 'r'.repeat(43);

describe('password reset', () => {
  it('requests a link and answers the same whether or not the address has an account', async () => {
    const api = mockApi({
      'POST /api/v1/auth/password-reset/request': () =>
        new Response(JSON.stringify({ status: 'accepted' }), { status: 202 }),
    });
    const user = userEvent.setup();
    renderApp('/passwort-vergessen');

    await user.type(screen.getByLabelText('E-Mail-Adresse', { exact: false }), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Link anfordern' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Falls zu dieser Adresse ein Konto gehört');
    expect(api.callsTo('POST /api/v1/auth/password-reset/request')[0]?.body).toEqual({
      email: 'anna@example.org',
    });
  });

  it('sets the new password from the link, then goes to login with a success note', async () => {
    const api = mockApi({
      'POST /api/v1/auth/password-reset/confirm': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/passwort-zuruecksetzen?token=${TOKEN}`);

    await user.type(
      screen.getByLabelText('Neues Passwort', { exact: false, selector: 'input' }),
      'Neu!Passwort9',
    );
    await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/anmelden');
    expect(screen.getByRole('status')).toHaveTextContent('Ihr Passwort wurde geändert.');
    expect(api.callsTo('POST /api/v1/auth/password-reset/confirm')[0]?.body).toEqual({
      token: TOKEN,
      newPassword: 'Neu!Passwort9',
    });
  });

  it('offers a new link when the token is no longer valid', async () => {
    mockApi({
      'POST /api/v1/auth/password-reset/confirm': () =>
        problemResponse(400, 'token_invalid', 'Der Link ist ungültig oder abgelaufen.'),
    });
    const user = userEvent.setup();
    renderApp(`/passwort-zuruecksetzen?token=${TOKEN}`);

    await user.type(
      screen.getByLabelText('Neues Passwort', { exact: false, selector: 'input' }),
      'Neu!Passwort9',
    );
    await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Der Link ist ungültig oder abgelaufen.');
    expect(screen.getByRole('link', { name: 'Neuen Link anfordern' })).toHaveAttribute(
      'href',
      '/passwort-vergessen',
    );
  });
});
