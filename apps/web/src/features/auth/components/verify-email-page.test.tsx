import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const TOKEN = 'a'.repeat(43);

describe('email confirmation page', () => {
  it('confirms the address from the link as the page opens, exactly once', async () => {
    const api = mockApi({ 'POST /api/v1/auth/verify-email': () => ({ status: 'accepted' }) });
    renderApp(`/email-bestaetigen?token=${TOKEN}`, { wrapper: StrictMode });

    expect(await screen.findByRole('heading', { name: 'E-Mail-Adresse bestätigt' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Jetzt anmelden' })).toHaveAttribute('href', '/anmelden');
    expect(api.callsTo('POST /api/v1/auth/verify-email').map((request) => request.body)).toEqual([
      { token: TOKEN },
    ]);
  });

  it('explains an expired or used link and sends a new one', async () => {
    const api = mockApi({
      'POST /api/v1/auth/verify-email': () =>
        problemResponse(400, 'token_invalid', 'Der Link ist ungültig oder abgelaufen.'),
      'POST /api/v1/auth/resend-verification': () => ({ status: 'accepted' }),
    });
    const user = userEvent.setup();
    renderApp(`/email-bestaetigen?token=${TOKEN}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Dieser Link ist ungültig oder abgelaufen');
    await user.type(screen.getByLabelText('E-Mail-Adresse', { exact: false }), 'anna@example.org');
    await user.click(screen.getByRole('button', { name: 'Bestätigungslink erneut senden' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Link verschickt');
    expect(api.callsTo('POST /api/v1/auth/resend-verification')[0]?.body).toEqual({
      email: 'anna@example.org',
    });
  });

  it('says so when the link has no token', async () => {
    const api = mockApi();
    renderApp('/email-bestaetigen');

    expect(await screen.findByRole('alert')).toHaveTextContent('Dieser Link ist ungültig oder abgelaufen');
    expect(api.callsTo('POST /api/v1/auth/verify-email')).toHaveLength(0);
  });
});
