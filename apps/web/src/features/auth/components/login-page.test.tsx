import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const passwordField = () => screen.getByLabelText('Passwort', { exact: false, selector: 'input' });

describe('login page', () => {
  it('logs in with password and TOTP code, then goes on to ?next= with the user menu in the header', async () => {
    const signedIn = createCurrentUser({ displayName: 'Anna Beispiel', twoFactorEnabled: true });
    const api = mockApi({
      'POST /api/v1/auth/login': () => ({ twoFactorRequired: true }),
      'POST /api/v1/auth/login/2fa': [
        () => problemResponse(401, 'two_factor_invalid', 'Der Bestätigungscode ist falsch oder abgelaufen.'),
        () => ({ twoFactorRequired: false, user: signedIn }),
      ],
      'GET /api/v1/me/profile': () => ({}),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/anmelden?next=%2Fcreator-werden');
    expect(await screen.findByRole('link', { name: 'Anmelden' })).toBeVisible();

    await user.type(screen.getByLabelText('E-Mail-Adresse oder Benutzername', { exact: false }), 'anna');
    await user.type(passwordField(), 'Sicher!Passwort2');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bestätigung in zwei Schritten' }),
    ).toBeVisible();
    const code = screen.getByLabelText('Code aus der Authenticator-App', { exact: false });
    expect(code).toHaveFocus();
    expect(api.callsTo('POST /api/v1/auth/login')[0]?.body).toEqual({
      login: 'anna',
      password: 'Sicher!Passwort2',
    });

    await user.type(code, '12345');
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(code).toHaveAccessibleDescription(/Mindestens|Das Format stimmt nicht\./);
    expect(api.callsTo('POST /api/v1/auth/login/2fa')).toHaveLength(0);

    await user.type(code, '6');
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Der Bestätigungscode ist falsch oder abgelaufen.',
    );
    expect(code).toHaveValue('');
    expect(code).toHaveFocus();

    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Creator werden' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/creator-werden');
    expect(api.callsTo('POST /api/v1/auth/login/2fa').map((request) => request.body)).toEqual([
      { code: '123456' },
      { code: '654321' },
    ]);
    expect(screen.getByRole('button', { name: 'Benutzermenü für Anna Beispiel' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Anmelden' })).not.toBeInTheDocument();
  });

  it('accepts a backup code instead of the app code', async () => {
    const api = mockApi({
      'POST /api/v1/auth/login': () => ({ twoFactorRequired: true }),
      'POST /api/v1/auth/login/2fa': () => ({ twoFactorRequired: false, user: createCurrentUser() }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/anmelden');
    await user.type(screen.getByLabelText('E-Mail-Adresse oder Benutzername', { exact: false }), 'anna');
    await user.type(passwordField(), 'Sicher!Passwort2');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    await user.click(await screen.findByRole('button', { name: 'Stattdessen einen Backup-Code verwenden' }));
    const backupCode = screen.getByLabelText('Backup-Code', { exact: false });
    expect(backupCode).toHaveFocus();
    expect(
      screen.queryByLabelText('Code aus der Authenticator-App', { exact: false }),
    ).not.toBeInTheDocument();
    await user.type(backupCode, 'abcd-efgh-23');
    await user.keyboard('{Enter}');

    await screen.findByRole('heading', { level: 1, name: 'Kurze Lerneinheiten für die Weiterbildung' });
    expect(router.state.location.pathname).toBe('/');
    expect(api.callsTo('POST /api/v1/auth/login/2fa')[0]?.body).toEqual({ backupCode: 'abcd-efgh-23' });
  });

  it('shows the localised problem for a wrong password and keeps the user on the page', async () => {
    mockApi({
      'POST /api/v1/auth/login': () =>
        problemResponse(401, 'invalid_credentials', 'Anmeldename oder Passwort ist falsch.'),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/anmelden');

    await user.type(screen.getByLabelText('E-Mail-Adresse oder Benutzername', { exact: false }), 'anna');
    await user.type(passwordField(), 'falsch');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Anmeldename oder Passwort ist falsch.');
    expect(passwordField()).toHaveFocus();
    expect(router.state.location.pathname).toBe('/anmelden');
  });

  it('offers to resend the verification link when the address is not confirmed yet', async () => {
    const api = mockApi({
      'POST /api/v1/auth/login': () =>
        problemResponse(403, 'email_not_verified', 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.'),
      'POST /api/v1/auth/resend-verification': () => ({ status: 'accepted' }),
    });
    const user = userEvent.setup();
    renderApp('/anmelden');

    await user.type(
      screen.getByLabelText('E-Mail-Adresse oder Benutzername', { exact: false }),
      'Anna@Example.org',
    );
    await user.type(passwordField(), 'Sicher!Passwort2');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.');
    expect(within(alert).getByLabelText('E-Mail-Adresse', { exact: false })).toHaveValue('Anna@Example.org');
    await user.click(within(alert).getByRole('button', { name: 'Bestätigungslink erneut senden' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Link verschickt');
    expect(api.callsTo('POST /api/v1/auth/resend-verification')[0]?.body).toEqual({
      email: 'anna@example.org',
    });
  });

  it('links to the password reset and shows the note after a reset', async () => {
    mockApi();
    const user = userEvent.setup();
    const { router } = renderApp('/anmelden');

    await user.click(screen.getByRole('link', { name: 'Passwort vergessen?' }));

    expect(router.state.location.pathname).toBe('/passwort-vergessen');
    expect(screen.getByRole('heading', { level: 1, name: 'Passwort vergessen' })).toBeVisible();
  });
});
