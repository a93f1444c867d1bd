import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../testing/factories.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/render-app.tsx';

describe('route guards', () => {
  it('sends a guest from a page that needs login to /anmelden?next=<that page>', async () => {
    mockApi();
    const { router } = renderApp('/konto/sicherheit?x=1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/anmelden');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/konto/sicherheit?x=1');
  });

  it('lets a signed-in user in', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser() });
    renderApp('/creator-werden');

    expect(await screen.findByRole('heading', { level: 1, name: 'Creator werden' })).toBeVisible();
  });

  it('keeps a signed-in user away from the login page: on to a safe ?next=, never to another site', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser() });
    const { router } = renderApp('/anmelden?next=%2F%2Fevil.example%2F');

    await screen.findByRole('heading', { level: 1, name: 'Kurze Lerneinheiten für die Weiterbildung' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('forces the password change before anything else while mustChangePassword is set', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator', mustChangePassword: true }),
    });
    const { router } = renderApp('/konto');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bitte ändern Sie Ihr Passwort' }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/passwort-aendern');
  });

  it('forces 2FA enrolment while mustEnrollTwoFactor is set', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin', mustEnrollTwoFactor: true }) });
    const { router } = renderApp('/');

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Bitte richten Sie die Zwei-Faktor-Authentifizierung ein',
      }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/zwei-faktor-einrichten');
  });

  it('treats a session that cannot be refreshed as guest', async () => {
    const api = mockApi();
    const { router } = renderApp('/konto');

    await screen.findByRole('heading', { level: 1, name: 'Anmelden' });
    expect(api.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(router.state.location.pathname).toBe('/anmelden');
  });
});
