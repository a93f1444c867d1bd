import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const TOKEN = 'a'.repeat(43);

describe('erasure cancel page', () => {
  it('cancels only when the button is pressed (mail scanners open links)', async () => {
    const api = mockApi({ 'POST /api/v1/erasure/cancel': () => ({ status: 'cancelled' }) });
    const user = userEvent.setup();
    renderApp(`/loeschung-abbrechen?token=${TOKEN}`);

    expect(screen.getByRole('heading', { level: 1, name: 'Löschung abbrechen' })).toBeVisible();
    expect(api.callsTo('POST /api/v1/erasure/cancel')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Löschung abbrechen' }));

    expect(await screen.findByText('Löschung abgebrochen')).toBeVisible();
    expect(api.callsTo('POST /api/v1/erasure/cancel')[0]?.body).toEqual({ token: TOKEN });
    expect(screen.getByRole('link', { name: 'Zur Anmeldung' })).toHaveAttribute('href', '/anmelden');
  });

  it('says so when the link has expired or was used', async () => {
    mockApi({
      'POST /api/v1/erasure/cancel': () => problemResponse(410, 'token_expired', 'Der Link ist abgelaufen.'),
    });
    const user = userEvent.setup();
    renderApp(`/loeschung-abbrechen?token=${TOKEN}`);
    await user.click(screen.getByRole('button', { name: 'Löschung abbrechen' }));
    expect(await screen.findByText('Der Link ist ungültig oder abgelaufen')).toBeVisible();
  });

  it('explains an incomplete link', () => {
    mockApi();
    renderApp('/loeschung-abbrechen');
    expect(screen.getByText(/Der Link ist unvollständig/)).toBeVisible();
  });
});
