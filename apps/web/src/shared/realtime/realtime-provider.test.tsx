import { CHAT_LIMITS, chatListSchema, type ServerEvent } from '@nano/contracts';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { createChatMessage, createChatSession } from '../../testing/chat-factories.ts';
import { createCurrentUser, createProblem } from '../../testing/factories.ts';
import { emitServerEvent, FakeWebSocket, openLatestSocket } from '../../testing/fake-web-socket.ts';
import { mockApi } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { type ApiError, apiFetch } from '../api/client.ts';
import { chatQueryKeys } from './chat-queries.ts';
import { newClientId, usePresence, useRealtime, useRealtimeEvent } from './realtime-provider.tsx';

const otherId = crypto.randomUUID();
const chatId = crypto.randomUUID();

function Probe() {
  const realtime = useRealtime();
  const chats = useQuery({
    queryKey: chatQueryKeys.list('active', ''),
    queryFn: () => apiFetch('/api/v1/chats?status=active', chatListSchema),
  });
  const presence = usePresence([otherId]);
  const [events, setEvents] = useState<string[]>([]);
  useRealtimeEvent((event: ServerEvent) => setEvents((seen) => [...seen, event.type]));
  const [sent, setSent] = useState('');
  return (
    <div>
      <p>Status: {realtime.status}</p>
      <p>Presence: {String(presence[otherId] ?? 'unknown')}</p>
      <p>Events: {events.join(',')}</p>
      <p>Sent: {sent}</p>
      <p>Chats: {chats.data?.items.length ?? '…'}</p>
      <button
        type="button"
        onClick={() =>
          void realtime.sendMessage(chatId, 'Hallo', newClientId()).then(
            (message) => setSent(message.text),
            (error: ApiError) => setSent(`Failed: ${error.code} ${error.status} ${error.retryAfterSeconds}`),
          )
        }
      >
        Senden
      </button>
    </div>
  );
}

function renderProbe() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider queryClient={queryClient} env="test">
      <Probe />
    </AppProvider>,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RealtimeProvider', () => {
  it('opens no socket for a guest', async () => {
    const api = mockApi();
    renderProbe();
    await waitFor(() => expect(api.callsTo('GET /api/v1/auth/me')).toHaveLength(1));
    expect(screen.getByText('Status: offline')).toBeVisible();
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('connects a signed-in user, goes online, hears events and presence', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser() });
    renderProbe();
    expect(await screen.findByText('Status: connecting')).toBeVisible();
    expect(FakeWebSocket.latest?.url).toBe(`${window.location.origin.replace(/^http/, 'ws')}/api/v1/ws`);

    const socket = openLatestSocket();
    expect(await screen.findByText('Status: online')).toBeVisible();
    await waitFor(() =>
      expect(socket.sentEvents).toContainEqual({ type: 'presence.watch', userIds: [otherId] }),
    );

    emitServerEvent({ type: 'presence.changed', userId: otherId, online: true });
    emitServerEvent({ type: 'typing', chatId: crypto.randomUUID(), userId: otherId });
    expect(await screen.findByText('Presence: true')).toBeVisible();
    expect(screen.getByText('Events: presence.changed,typing')).toBeVisible();
  });

  it('asks for the inbox again after a reconnect (read receipts and session changes are not replayed)', async () => {
    const api = mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser() });
    renderProbe();
    await screen.findByText('Chats: 0');
    openLatestSocket();
    emitServerEvent({ type: 'ready', userId: crypto.randomUUID() });
    expect(api.callsTo('GET /api/v1/chats')).toHaveLength(1);

    act(() => FakeWebSocket.latest?.serverClose(1001));
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    openLatestSocket();
    emitServerEvent({ type: 'ready', userId: crypto.randomUUID() });

    await waitFor(() => expect(api.callsTo('GET /api/v1/chats')).toHaveLength(2));
    expect(FakeWebSocket.latest?.sentEvents[0]).toEqual({ type: 'resume', lastMessageId: null });
  });

  it('sends over REST while the socket is not open', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      [`POST /api/v1/chats/${chatId}/messages`]: ({ body }) =>
        createChatMessage({ chatId, ...(body as { text: string; clientId: string }) }),
    });
    const user = userEvent.setup();
    renderProbe();
    await screen.findByText('Status: connecting');

    await user.click(screen.getByRole('button', { name: 'Senden' }));

    expect(await screen.findByText('Sent: Hallo')).toBeVisible();
    expect(api.callsTo(`POST /api/v1/chats/${chatId}/messages`)[0]?.body).toMatchObject({ text: 'Hallo' });
  });

  it('rejects a rate-limited REST send with the retry-after seconds', async () => {
    const problem = createProblem({ status: 429, code: 'chat_rate_limited', title: 'Zu viele Nachrichten' });
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      [`POST /api/v1/chats/${chatId}/messages`]: () =>
        new Response(JSON.stringify(problem), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '37' },
        }),
    });
    const user = userEvent.setup();
    renderProbe();
    await screen.findByText('Status: connecting');

    await user.click(screen.getByRole('button', { name: 'Senden' }));

    expect(await screen.findByText('Sent: Failed: chat_rate_limited 429 37')).toBeVisible();
  });

  it('polls the unread count while the socket keeps failing, and refetches the inbox when it changed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let unread = 0;
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/chats/unread-count': () => ({ unread, chats: unread > 0 ? 1 : 0 }),
      'GET /api/v1/chats': [() => ({ items: [] }), () => ({ items: [createChatSession()] })],
    });
    renderProbe();
    await screen.findByText('Status: connecting');

    // Three failed attempts (2 s, 4 s apart), each followed by a probe of the unread count.
    act(() => FakeWebSocket.latest?.serverClose(1006));
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    act(() => FakeWebSocket.latest?.serverClose(1006));
    await act(() => vi.advanceTimersByTimeAsync(4_000));
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(3));
    act(() => FakeWebSocket.latest?.serverClose(1006));
    expect(await screen.findByText('Status: polling')).toBeVisible();
    const probes = api.callsTo('GET /api/v1/chats/unread-count').length;
    expect(probes).toBe(2);

    // Every 10 s a poll (the background reconnect attempts probe on top of that).
    await act(() => vi.advanceTimersByTimeAsync(3 * CHAT_LIMITS.pollSeconds * 1000));
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/chats/unread-count').length).toBeGreaterThanOrEqual(probes + 3),
    );
    expect(screen.getByText('Status: polling')).toBeVisible();
    expect(screen.getByText('Chats: 0')).toBeVisible();

    // A message arrives meanwhile: the next poll sees the count change and the inbox is asked again.
    unread = 1;
    await act(() => vi.advanceTimersByTimeAsync(CHAT_LIMITS.pollSeconds * 1000));
    expect(await screen.findByText('Chats: 1')).toBeVisible();
    expect(api.callsTo('GET /api/v1/chats')).toHaveLength(2);

    // The next background attempt succeeds.
    const attempts = FakeWebSocket.instances.length;
    while (FakeWebSocket.instances.length === attempts) {
      await act(() => vi.advanceTimersByTimeAsync(1_000));
    }
    openLatestSocket();
    expect(await screen.findByText('Status: online')).toBeVisible();
  });

  it('refreshes the unread count and the bell from events, and closes the socket on logout', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('button', { name: /^Benutzermenü/ });
    await waitFor(() => expect(FakeWebSocket.latest).toBeDefined());
    const socket = openLatestSocket();
    await waitFor(() => expect(api.callsTo('GET /api/v1/me/notifications')).toHaveLength(1));
    const unreadBefore = api.callsTo('GET /api/v1/chats/unread-count').length;

    emitServerEvent({ type: 'message.created', message: createChatMessage() });
    emitServerEvent({
      type: 'notification.created',
      notification: { id: crypto.randomUUID(), type: 'chat.message', payload: {} },
    });

    await waitFor(() => expect(api.callsTo('GET /api/v1/me/notifications')).toHaveLength(2));
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/chats/unread-count').length).toBeGreaterThan(unreadBefore),
    );

    await user.click(screen.getByRole('button', { name: /^Benutzermenü/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Abmelden' }));
    await waitFor(() => expect(socket.closedWith).toBe(1000));
  });

  it('makes client ids the contract accepts', () => {
    const id = newClientId();
    expect(id).toMatch(/^[a-f0-9]{32}$/);
    expect(newClientId()).not.toBe(id);
  });
});
