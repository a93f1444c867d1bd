import { NOTIFICATION_TYPES, type NotificationChannel } from '@nano/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const DEFAULTS: Record<string, NotificationChannel> = {
  'nano.review_decision': 'email',
  'nano.status_changed': 'in_app',
  'rating.received': 'in_app',
  'rating.reply_received': 'email',
  'flag.outcome': 'email',
  'chat.message': 'email',
  'data_export.ready': 'email',
  'moderation.decision': 'email',
  'takedown.notice': 'email',
};
const MANDATORY = new Set(['moderation.decision', 'takedown.notice']);

function settings(overrides: Record<string, NotificationChannel> = {}) {
  return {
    items: NOTIFICATION_TYPES.map((type) => ({
      type,
      channel: overrides[type] ?? DEFAULTS[type],
      defaultChannel: DEFAULTS[type],
      mandatory: MANDATORY.has(type),
    })),
  };
}

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };

describe('notification settings tab', () => {
  it('shows every type with its channel and default, and saves a change at once', async () => {
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/notification-settings': () => settings({ 'chat.message': 'off' }),
      'PATCH /api/v1/me/notification-settings': () =>
        settings({ 'chat.message': 'off', 'rating.received': 'email' }),
    });
    const user = userEvent.setup();
    renderApp('/konto/benachrichtigungen');

    const table = await screen.findByRole('table', { name: 'Benachrichtigungen nach Art' });
    expect(within(table).getAllByRole('row')).toHaveLength(NOTIFICATION_TYPES.length + 1);
    expect(screen.getByText(/höchstens eine pro Art alle 15 Minuten/)).toBeVisible();

    const chat = within(table).getByRole('radiogroup', { name: 'Nachrichten' });
    expect(within(chat).getByRole('radio', { name: 'Aus' })).toBeChecked();
    const ratings = within(table).getByRole('radiogroup', { name: 'Neue Bewertungen' });
    expect(within(ratings).getByRole('radio', { name: 'In der App' })).toBeChecked();
    const ratingsRow = within(table).getByRole('row', { name: /Neue Bewertungen/ });
    expect(ratingsRow).toHaveTextContent('Standard: In der App');

    await user.click(within(ratings).getByRole('radio', { name: 'App + E-Mail' }));
    await waitFor(() => expect(within(ratings).getByRole('radio', { name: 'App + E-Mail' })).toBeChecked());
    expect(await within(ratingsRow).findByText('Gespeichert.')).toBeVisible();
    expect(api.callsTo('PATCH /api/v1/me/notification-settings')[0]?.body).toEqual({
      settings: { 'rating.received': 'email' },
    });
    expect(within(chat).getByRole('radio', { name: 'Aus' })).toBeChecked();
  });

  it('goes back to the stored channel and says so when saving fails', async () => {
    mockApi({
      ...signedIn,
      'GET /api/v1/me/notification-settings': () => settings(),
      'PATCH /api/v1/me/notification-settings': () =>
        problemResponse(503, 'service_unavailable', 'Der Dienst ist vorübergehend nicht verfügbar.'),
    });
    const user = userEvent.setup();
    renderApp('/konto/benachrichtigungen');

    const decisions = await screen.findByRole('radiogroup', { name: 'Prüfentscheidungen' });
    await user.click(within(decisions).getByRole('radio', { name: 'Aus' }));

    expect(await screen.findByText('Nicht gespeichert. Bitte versuchen Sie es erneut.')).toBeVisible();
    expect(within(decisions).getByRole('radio', { name: 'App + E-Mail' })).toBeChecked();
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    mockApi({
      ...signedIn,
      'GET /api/v1/me/notification-settings': [
        () => problemResponse(503, 'service_unavailable', 'Der Dienst ist vorübergehend nicht verfügbar.'),
        () => settings(),
      ],
    });
    const user = userEvent.setup();
    renderApp('/konto/benachrichtigungen');

    expect(await screen.findByText('Die Einstellungen konnten nicht geladen werden.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('table', { name: 'Benachrichtigungen nach Art' })).toBeVisible();
  });
});
