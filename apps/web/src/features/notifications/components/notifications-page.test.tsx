import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNotification } from '../../../testing/factories.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };
const nanoId = crypto.randomUUID();

const rating = (n: number, read = false) =>
  createNotification({
    type: 'rating.received',
    payload: { nanoId, nanoTitle: 'SQL-Joins', score: n, hasComment: false, raterName: `Person ${n}` },
    read,
    createdAt: new Date(Date.now() - n * 60_000).toISOString(),
  });

/** The centre's calls (`limit=20`), not the bell's (`limit=10`). */
const fromCentre = (request: MockRequest) => request.url.searchParams.get('limit') === '20';

describe('notification centre', () => {
  it('lists notifications newest first with type, text, time and unread marker, and loads more', async () => {
    const first = [rating(1), rating(2, true)];
    const second = [rating(3, true)];
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/notifications': (request) => {
        if (!fromCentre(request)) {
          return { items: [], unread: 1 };
        }
        return request.url.searchParams.get('before') === first[1]?.id
          ? { items: second, unread: 1, nextBefore: null }
          : { items: first, unread: 1, nextBefore: first[1]?.id };
      },
    });
    const user = userEvent.setup();
    renderApp('/benachrichtigungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();
    const list = await screen.findByRole('list', { name: 'Benachrichtigungen, neueste zuerst' });
    let items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    // The type's label, then how long ago.
    expect(items[0]).toHaveTextContent(/^Neue Bewertungvor 1 Minute/);
    expect(items[0]).toHaveTextContent('Ungelesen:Person 1 hat „SQL-Joins“ mit 1 von 5 Sternen bewertet.');
    expect(items[1]).not.toHaveTextContent('Ungelesen');
    expect(screen.getByText('1 ungelesene Benachrichtigung')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Mehr laden' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    items = within(list).getAllByRole('listitem');
    expect(items[2]).toHaveTextContent('Person 3 hat');
    expect(screen.queryByRole('button', { name: 'Mehr laden' })).toBeNull();
    const centreCalls = api.callsTo('GET /api/v1/me/notifications').filter(fromCentre);
    expect(centreCalls.map((call) => call.url.searchParams.get('before'))).toEqual([null, first[1]?.id]);
  });

  it('shows only unread ones on request, and says so when there are none', async () => {
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/notifications': (request) =>
        request.url.searchParams.get('unread') === 'true'
          ? { items: [], unread: 0, nextBefore: null }
          : { items: [rating(1, true)], unread: 0, nextBefore: null },
    });
    const user = userEvent.setup();
    renderApp('/benachrichtigungen');

    await screen.findByRole('list', { name: 'Benachrichtigungen, neueste zuerst' });
    expect(screen.getByRole('button', { name: 'Alle als gelesen markieren' })).toBeDisabled();
    expect(screen.getByText('Alle Benachrichtigungen gelesen')).toBeVisible();
    const filter = screen.getByRole('radiogroup', { name: 'Anzeigen' });
    await user.click(within(filter).getByRole('radio', { name: 'Nur ungelesene' }));

    expect(await screen.findByText(/Keine ungelesenen Benachrichtigungen/)).toBeVisible();
    expect(
      api
        .callsTo('GET /api/v1/me/notifications')
        .some((call) => call.url.searchParams.get('unread') === 'true'),
    ).toBe(true);
  });

  it('marks one read when opened and leads to its page; marks all read', async () => {
    const notification = rating(1);
    const other = createNotification({
      type: 'nano.review_decision',
      payload: { nanoId, title: 'Excel', decision: 'approve', note: '' },
    });
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/notifications': () => ({ items: [notification, other], unread: 2, nextBefore: null }),
      'POST /api/v1/me/notifications/read': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/benachrichtigungen');

    const list = await screen.findByRole('list', { name: 'Benachrichtigungen, neueste zuerst' });
    await user.click(screen.getByRole('button', { name: 'Alle als gelesen markieren' }));
    expect(api.callsTo('POST /api/v1/me/notifications/read')[0]?.body).toEqual({ all: true });

    await user.click(within(list).getByRole('button', { name: /Person 1 hat „SQL-Joins“/ }));
    expect(api.callsTo('POST /api/v1/me/notifications/read')[1]?.body).toEqual({ ids: [notification.id] });
    expect(router.state.location.pathname).toBe(`/nanos/${nanoId}`);
    expect(router.state.location.hash).toBe('#bewertungen');
  });

  it('says so when there are none yet and links to the settings', async () => {
    mockApi({ ...signedIn });
    renderApp('/benachrichtigungen');

    expect(await screen.findByText(/Sie haben noch keine Benachrichtigungen/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Einstellungen für Benachrichtigungen' })).toHaveAttribute(
      'href',
      '/konto/benachrichtigungen',
    );
  });

  it('sends guests to the login page first', async () => {
    mockApi();
    const { router } = renderApp('/benachrichtigungen');

    await waitFor(() => expect(router.state.location.pathname).toBe('/anmelden'));
  });
});
