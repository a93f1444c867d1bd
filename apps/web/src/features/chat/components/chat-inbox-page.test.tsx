import type { ChatSession } from '@nano/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createChatMessage, createChatSession } from '../../../testing/chat-factories.ts';
import { createCurrentUser, createProblem } from '../../../testing/factories.ts';
import { emitServerEvent, openLatestSocket } from '../../../testing/fake-web-socket.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';

const me = createCurrentUser({ displayName: 'Anna Beispiel', username: 'anna' });
const MINUTE = 60_000;

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * MINUTE).toISOString();
}

/** `GET /chats`: the sessions of the asked tab, filtered by `q` like the server (name or Nano title). */
function chatsRoute(active: ChatSession[], archived: ChatSession[] = []) {
  return ({ url }: MockRequest) => {
    const source = url.searchParams.get('status') === 'archived' ? archived : active;
    const q = url.searchParams.get('q')?.toLowerCase();
    const items = q
      ? source.filter(
          (chat) =>
            chat.other.displayName.toLowerCase().includes(q) || chat.nano.title.toLowerCase().includes(q),
        )
      : source;
    return { items };
  };
}

function rowOf(name: RegExp): HTMLElement {
  const link = screen.getByRole('link', { name });
  const item = link.closest('li');
  if (!item) {
    throw new Error('row not in a list item');
  }
  return item;
}

describe('chat inbox', () => {
  it('lists the conversations: other party, Nano, last message, time, unread, muted and disabled', async () => {
    const withUnread = createChatSession({
      other: { displayName: 'Clara Creator' },
      nano: { title: 'Excel-Basics' },
      unreadCount: 2,
      lastMessageAt: minutesAgo(5),
    });
    const own = createChatSession({
      other: { displayName: 'Ben Bauer' },
      nano: { title: 'SQL-Joins' },
      muted: true,
      lastMessage: createChatMessage({ senderId: me.id, text: 'Danke für die Hilfe!' }),
      lastMessageAt: minutesAgo(3 * 24 * 60),
    });
    const disabled = createChatSession({
      other: { displayName: 'Dora Dietz' },
      status: 'disabled',
      disabledReason: 'Werbung',
      canSend: false,
    });
    const api = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/chats': chatsRoute([withUnread, own, disabled]),
    });
    renderApp('/chats');

    expect(await screen.findByRole('heading', { level: 1, name: 'Nachrichten' })).toBeVisible();
    const list = await screen.findByRole('list', { name: 'Gespräche' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);

    const first = rowOf(/Clara Creator/);
    expect(first).toHaveTextContent('zu „Excel-Basics“');
    expect(first).toHaveTextContent('Gern, was möchten Sie wissen?');
    expect(first).toHaveTextContent('2 ungelesen');
    expect(first).toHaveTextContent('vor 5 Minuten');
    expect(within(first).getByRole('link')).toHaveAttribute('href', `/chats/${withUnread.id}`);

    const second = rowOf(/Ben Bauer/);
    expect(second).toHaveTextContent('Sie: Danke für die Hilfe!');
    expect(second).toHaveTextContent('Stummgeschaltet');
    expect(second).not.toHaveTextContent('ungelesen');

    expect(rowOf(/Dora Dietz/)).toHaveTextContent('GesperrtVon der Moderation gesperrt: Werbung');
    expect(api.callsTo('GET /api/v1/chats')[0]?.url.searchParams.get('status')).toBe('active');
  });

  it('switches to the archive tab (?archiv=1) and explains an empty archive', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/chats': chatsRoute([createChatSession()], []),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/chats');
    await screen.findByRole('list', { name: 'Gespräche' });

    await user.click(screen.getByRole('tab', { name: 'Archiv' }));

    expect(await screen.findByRole('heading', { name: 'Keine archivierten Gespräche' })).toBeVisible();
    expect(router.state.location.search).toBe('?archiv=1');
    expect(api.callsTo('GET /api/v1/chats').at(-1)?.url.searchParams.get('status')).toBe('archived');
    expect(screen.getByRole('tab', { name: 'Archiv' })).toHaveAttribute('aria-selected', 'true');
  });

  it('opens on the archive tab from the address', async () => {
    const archived = createChatSession({ status: 'archived', other: { displayName: 'Clara Creator' } });
    mockApi({ 'GET /api/v1/auth/me': () => me, 'GET /api/v1/chats': chatsRoute([], [archived]) });
    renderApp('/chats?archiv=1');
    expect(await screen.findByRole('link', { name: /Clara Creator/ })).toHaveAttribute(
      'href',
      `/chats/${archived.id}`,
    );
  });

  it('explains how to start a chat when there is none', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => me });
    renderApp('/chats');
    expect(await screen.findByRole('heading', { name: 'Noch keine Gespräche' })).toBeVisible();
    expect(screen.getByText(/wählen Sie „Chat mit Creator“/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Nanos entdecken' })).toHaveAttribute('href', '/suche');
  });

  it('searches by name or Nano title once typing pauses', async () => {
    const clara = createChatSession({
      other: { displayName: 'Clara Creator' },
      nano: { title: 'Excel-Basics' },
    });
    const ben = createChatSession({ other: { displayName: 'Ben Bauer' }, nano: { title: 'SQL-Joins' } });
    const api = mockApi({ 'GET /api/v1/auth/me': () => me, 'GET /api/v1/chats': chatsRoute([clara, ben]) });
    const user = userEvent.setup();
    renderApp('/chats');
    await screen.findByRole('link', { name: /Ben Bauer/ });

    await user.type(screen.getByRole('searchbox', { name: 'Gespräche durchsuchen' }), 'sql');

    await waitFor(() => expect(screen.queryByRole('link', { name: /Clara Creator/ })).toBeNull());
    expect(screen.getByRole('link', { name: /Ben Bauer/ })).toBeVisible();
    const searches = api.callsTo('GET /api/v1/chats').filter((request) => request.url.searchParams.has('q'));
    expect(searches.map((request) => request.url.searchParams.get('q'))).toEqual(['sql']);

    await user.type(screen.getByRole('searchbox', { name: 'Gespräche durchsuchen' }), 'x');
    expect(await screen.findByText('Keine Gespräche zu „sqlx“.')).toBeVisible();
  });

  it('updates live: a new message refetches the list, presence shows the online dot', async () => {
    const clara = createChatSession({ other: { displayName: 'Clara Creator' } });
    const message = createChatMessage({
      chatId: clara.id,
      senderId: clara.other.id,
      text: 'Neu: Kapitel 3 ist fertig',
    });
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/chats': [
        () => ({ items: [clara] }),
        () => ({
          items: [{ ...clara, lastMessage: message, unreadCount: 1, lastMessageAt: message.createdAt }],
        }),
      ],
    });
    renderApp('/chats');
    await screen.findByRole('link', { name: /Clara Creator/ });
    expect(rowOf(/Clara Creator/)).not.toHaveTextContent('online');
    openLatestSocket();

    emitServerEvent({ type: 'presence.changed', userId: clara.other.id, online: true });
    emitServerEvent({ type: 'message.created', message });

    await waitFor(() => expect(rowOf(/Clara Creator/)).toHaveTextContent('Neu: Kapitel 3 ist fertig'));
    expect(rowOf(/Clara Creator/)).toHaveTextContent('1 ungelesen');
    expect(rowOf(/Clara Creator/)).toHaveTextContent('online');
  });

  it('mutes a conversation from its menu', async () => {
    const clara = createChatSession({ other: { displayName: 'Clara Creator' } });
    const api = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/chats': [() => ({ items: [clara] }), () => ({ items: [{ ...clara, muted: true }] })],
      [`PATCH /api/v1/chats/${clara.id}`]: () => ({ ...clara, muted: true }),
    });
    const user = userEvent.setup();
    renderApp('/chats');

    await user.click(
      await screen.findByRole('button', { name: 'Optionen für das Gespräch mit Clara Creator' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Stummschalten' }));

    await waitFor(() => expect(rowOf(/Clara Creator/)).toHaveTextContent('Stummgeschaltet'));
    expect(api.callsTo(`PATCH /api/v1/chats/${clara.id}`)[0]?.body).toEqual({ muted: true });
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/chats': [
        () => jsonResponse(createProblem(), 503, 'application/problem+json'),
        () => ({ items: [createChatSession({ other: { displayName: 'Clara Creator' } })] }),
      ],
    });
    const user = userEvent.setup();
    renderApp('/chats');

    expect(await screen.findByText('Die Gespräche konnten nicht geladen werden.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('link', { name: /Clara Creator/ })).toBeVisible();
  });
});
