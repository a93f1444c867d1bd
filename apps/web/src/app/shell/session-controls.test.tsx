import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../testing/factories.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/render-app.tsx';

describe('header session controls', () => {
  it('offers login and registration to a guest, login leading back to the page', async () => {
    mockApi({ 'GET /api/v1/users/bildungswerk': () => ({}) });
    renderApp('/nutzer/bildungswerk');

    expect(await screen.findByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      '/anmelden?next=%2Fnutzer%2Fbildungswerk',
    );
    expect(screen.getByRole('link', { name: 'Registrieren' })).toHaveAttribute('href', '/registrieren');
  });

  it('shows a consumer the user menu with account, "Creator werden" and logout', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ displayName: 'Anna Beispiel', username: 'anna' }),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/creator-werden');

    const trigger = await screen.findByRole('button', { name: 'Benutzermenü für Anna Beispiel' });
    expect(trigger).toHaveTextContent('AB');
    await user.click(trigger);
    expect(await screen.findByRole('menuitem', { name: 'Mein Konto' })).toHaveAttribute('href', '/konto');
    expect(screen.getByRole('menuitem', { name: 'Creator werden' })).toHaveAttribute(
      'href',
      '/creator-werden',
    );
    expect(screen.getByRole('menuitem', { name: 'Mein öffentliches Profil' })).toHaveAttribute(
      'href',
      '/nutzer/anna',
    );

    await user.click(screen.getByRole('menuitem', { name: 'Abmelden' }));

    expect(await screen.findByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/');
    expect(api.callsTo('POST /api/v1/auth/logout')).toHaveLength(1);
  });

  it('does not offer "Creator werden" to a creator', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }) });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: /^Benutzermenü/ }));

    expect(await screen.findByRole('menuitem', { name: 'Mein Konto' })).toBeVisible();
    expect(screen.queryByRole('menuitem', { name: 'Creator werden' })).not.toBeInTheDocument();
  });
});
