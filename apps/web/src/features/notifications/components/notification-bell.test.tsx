import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNotification } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('notification bell', () => {
  it('shows the unread count and the latest notifications in the interface language', async () => {
    const nanoId = crypto.randomUUID();
    const first = createNotification({
      payload: {
        nanoId,
        title: 'Excel-Basics',
        decision: 'request_changes',
        note: 'Bitte Quellen ergänzen.',
      },
    });
    const second = createNotification({
      type: 'nano.status_changed',
      payload: { nanoId, title: 'Excel-Basics', status: 'archived' },
      read: true,
    });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }),
      'GET /api/v1/me/notifications': [
        () => ({ items: [first, second], unread: 1 }),
        () => ({ items: [{ ...first, read: true }, second], unread: 0 }),
      ],
      'POST /api/v1/me/notifications/read': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/');

    const bell = await screen.findByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' });
    await user.click(bell);
    const list = await screen.findByRole('list', { name: 'Neueste Benachrichtigungen' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Ungelesen:Die Moderation bittet um Änderungen an „Excel-Basics“.');
    expect(items[0]).toHaveTextContent('Bitte Quellen ergänzen.');
    expect(items[1]).toHaveTextContent('„Excel-Basics“ hat jetzt den Status: Archiviert');

    await user.click(screen.getByRole('button', { name: 'Alle als gelesen markieren' }));
    expect(await screen.findByRole('button', { name: 'Benachrichtigungen, 0 ungelesen' })).toBeVisible();
    expect(api.callsTo('POST /api/v1/me/notifications/read')[0]?.body).toEqual({ all: true });
  });

  it('marks a notification read when it is opened and leads to its Nano', async () => {
    const nanoId = crypto.randomUUID();
    const notification = createNotification({
      payload: { nanoId, title: 'Excel-Basics', decision: 'approve', note: '' },
    });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }),
      'GET /api/v1/me/notifications': () => ({ items: [notification], unread: 1 }),
      'POST /api/v1/me/notifications/read': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: /Benachrichtigungen/ }));
    await user.click(
      await screen.findByRole('button', { name: /wurde freigegeben und ist jetzt öffentlich/ }),
    );

    expect(router.state.location.pathname).toBe(`/nanos/${nanoId}`);
    expect(api.callsTo('POST /api/v1/me/notifications/read')[0]?.body).toEqual({ ids: [notification.id] });
  });

  it('shows ratings and replies with their texts, leads to the ratings and to the centre', async () => {
    const nanoId = crypto.randomUUID();
    const received = createNotification({
      type: 'rating.received',
      payload: { nanoId, nanoTitle: 'SQL-Joins', score: 5, hasComment: true, raterName: 'Lena Lernt' },
    });
    const reply = createNotification({
      type: 'rating.reply_received',
      payload: { nanoId, nanoTitle: 'SQL-Joins', creatorName: 'Clara Creator' },
      read: true,
    });
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/me/notifications': () => ({ items: [received, reply], unread: 1 }),
      'POST /api/v1/me/notifications/read': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }));
    const items = within(
      await screen.findByRole('list', { name: 'Neueste Benachrichtigungen' }),
    ).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Lena Lernt hat „SQL-Joins“ mit 5 von 5 Sternen bewertet und kommentiert.',
    );
    expect(items[1]).toHaveTextContent('Clara Creator hat auf Ihre Bewertung von „SQL-Joins“ geantwortet.');

    await user.click(screen.getByRole('link', { name: 'Alle anzeigen' }));
    expect(router.state.location.pathname).toBe('/benachrichtigungen');

    await user.click(screen.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }));
    const bellList = await screen.findByRole('list', { name: 'Neueste Benachrichtigungen' });
    await user.click(within(bellList).getByRole('button', { name: /Clara Creator hat auf Ihre Bewertung/ }));
    expect(router.state.location.pathname).toBe(`/nanos/${nanoId}`);
    expect(router.state.location.hash).toBe('#bewertungen');
  });

  it('is not there for guests', async () => {
    const api = mockApi();
    renderApp('/');

    expect(await screen.findByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Benachrichtigungen/ })).toBeNull();
    expect(api.callsTo('GET /api/v1/me/notifications')).toHaveLength(0);
  });
});
