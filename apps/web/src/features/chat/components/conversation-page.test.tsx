import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitServerEvent, FakeWebSocket, openLatestSocket } from '../../../testing/fake-web-socket.ts';
import { problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { chatMessage, mockConversation, todayAt, yesterdayAt } from './conversation-fixtures.ts';

/** The bubble whose text contains `text`. */
const bubble = (text: string) => {
  const found = screen.getAllByRole('article').find((article) => article.textContent?.includes(text));
  if (!found) {
    throw new Error(`no message with "${text}"`);
  }
  return found;
};

describe('conversation page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the other party, the Nano, and the messages by day with ticks and review states', async () => {
    let hello = '';
    const { chat, api } = mockConversation({
      chat: { otherLastReadId: null },
      history: (session) => {
        const messages = [
          chatMessage(session, todayAt(9, 5), 'Gern, schauen Sie hier: https://example.org/hilfe.'),
          chatMessage(session, todayAt(9, 3), 'Das ist Mist', { from: 'anna', status: 'held' }),
          chatMessage(session, todayAt(9, 2), 'Kauf billig', { from: 'anna', status: 'rejected' }),
          chatMessage(session, todayAt(9, 1), 'Noch eine Frage', { from: 'anna' }),
          chatMessage(session, yesterdayAt(12), 'Hallo Clara 👋', { from: 'anna' }),
        ];
        hello = messages[4]?.id ?? '';
        return [{ items: messages }];
      },
    });
    chat.otherLastReadId = hello;
    renderApp(`/chats/${chat.id}`);

    const name = await screen.findByRole('heading', { level: 1, name: 'Clara Creator' });
    expect(within(name).getByRole('link')).toHaveAttribute('href', '/nutzer/clara');
    expect(screen.getByRole('link', { name: 'Nano: Excel-Basics' })).toHaveAttribute(
      'href',
      `/nanos/${chat.nano.id}`,
    );
    expect(await screen.findByText('Hallo Clara 👋')).toBeVisible();
    const log = screen.getByRole('log', { name: 'Nachrichten' });
    expect(
      within(log)
        .getAllByRole('heading', { level: 2 })
        .map((heading) => heading.textContent),
    ).toEqual(['Gestern', 'Heute']);
    expect(
      within(log)
        .getAllByRole('article')
        .map((article) => article.getAttribute('aria-label')),
    ).toEqual(['Sie', 'Sie', 'Sie', 'Sie', 'Clara Creator']);
    expect(within(bubble('Hallo Clara')).getByRole('img', { name: 'Gelesen' })).toHaveTextContent('✓✓');
    expect(within(bubble('Noch eine Frage')).getByRole('img', { name: 'Gesendet' })).toHaveTextContent('✓');
    expect(bubble('Das ist Mist')).toHaveTextContent('wird geprüft');
    expect(bubble('Kauf billig')).toHaveTextContent('abgelehnt');
    const link = within(bubble('Gern, schauen')).getByRole('link', { name: 'https://example.org/hilfe' });
    expect(link).toHaveAttribute('href', 'https://example.org/hilfe');
    expect(link.getAttribute('rel')?.split(' ')).toEqual(
      expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']),
    );
    expect(screen.getByText('Beginn des Gesprächs')).toBeVisible();
    // Nothing was unread: no read receipt on opening.
    expect(api.callsTo(`POST /api/v1/chats/${chat.id}/read`)).toHaveLength(0);
  });

  it('marks the newest message of the other party read when there was something unread', async () => {
    let newest = '';
    const { chat, api } = mockConversation({
      chat: { unreadCount: 2 },
      history: (session) => {
        const messages = [
          chatMessage(session, todayAt(10, 1), 'Und noch etwas'),
          chatMessage(session, todayAt(10), 'Hallo Anna'),
        ];
        newest = messages[0]?.id ?? '';
        return [{ items: messages }];
      },
    });
    renderApp(`/chats/${chat.id}`);

    await screen.findByText('Und noch etwas');
    await waitFor(() => expect(api.callsTo(`POST /api/v1/chats/${chat.id}/read`)).toHaveLength(1));
    expect(api.callsTo(`POST /api/v1/chats/${chat.id}/read`)[0]?.body).toEqual({ upTo: newest });
  });

  it('shows what the socket brings: typing, a new message, and the read receipt', async () => {
    let mine = '';
    const { chat, api } = mockConversation({
      history: (session) => {
        const messages = [chatMessage(session, todayAt(8), 'Wie lange dauert der Nano?', { from: 'anna' })];
        mine = messages[0]?.id ?? '';
        return [{ items: messages }];
      },
    });
    renderApp(`/chats/${chat.id}`);
    await screen.findByText('Wie lange dauert der Nano?');
    const socket = openLatestSocket();
    expect(socket.sentEvents).toContainEqual({ type: 'presence.watch', userIds: [chat.other.id] });

    emitServerEvent({ type: 'presence.changed', userId: chat.other.id, online: true });
    expect(await screen.findByText('online')).toBeVisible();
    emitServerEvent({ type: 'typing', chatId: chat.id, userId: chat.other.id });
    expect(await screen.findByText('Clara Creator schreibt …')).toBeVisible();

    const answer = chatMessage(chat, todayAt(8, 1), 'Etwa zehn Minuten.');
    emitServerEvent({ type: 'message.created', message: answer });
    expect(await screen.findByText('Etwa zehn Minuten.')).toBeVisible();
    expect(screen.queryByText('Clara Creator schreibt …')).toBeNull();
    // The same message again (a replay after reconnecting) is not shown twice.
    emitServerEvent({ type: 'message.created', message: { ...answer } });
    expect(screen.getAllByText('Etwa zehn Minuten.')).toHaveLength(1);
    // A message of another chat does not show here.
    emitServerEvent({
      type: 'message.created',
      message: { ...chatMessage(chat, todayAt(8, 2), 'Anderswo'), chatId: crypto.randomUUID() },
    });

    expect(within(bubble('Wie lange')).getByRole('img', { name: 'Gesendet' })).toBeVisible();
    emitServerEvent({ type: 'message.read', chatId: chat.id, userId: chat.other.id, upTo: mine });
    expect(await within(bubble('Wie lange')).findByRole('img', { name: 'Gelesen' })).toBeVisible();
    expect(screen.queryByText('Anderswo')).toBeNull();
    await waitFor(() =>
      expect(api.callsTo(`POST /api/v1/chats/${chat.id}/read`).map((request) => request.body)).toEqual([
        { upTo: answer.id },
      ]),
    );
  });

  it('loads older messages with the cursor when scrolled to the top, keeping the place', async () => {
    let cursor = '';
    const { chat, api } = mockConversation({
      history: (session) => {
        const newer = [chatMessage(session, todayAt(11), 'Neuere Nachricht')];
        const older = [
          chatMessage(session, yesterdayAt(10), 'Ältere Antwort'),
          chatMessage(session, yesterdayAt(9), 'Ältere Nachricht', { from: 'anna' }),
        ];
        cursor = newer[0]?.id ?? '';
        return [{ items: newer, nextBefore: cursor }, { items: older }];
      },
    });
    renderApp(`/chats/${chat.id}`);
    await screen.findByText('Neuere Nachricht');
    expect(screen.queryByText('Ältere Nachricht')).toBeNull();
    expect(screen.getByRole('button', { name: 'Ältere Nachrichten laden' })).toBeVisible();

    // jsdom has no layout: every bubble is 100 px high, the visible part 50 px.
    const log = screen.getByRole('log', { name: 'Nachrichten' });
    let scrollTop = 50;
    Object.defineProperty(log, 'scrollHeight', {
      configurable: true,
      get: () => log.querySelectorAll('article').length * 100,
    });
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 50 });
    Object.defineProperty(log, 'scrollTop', {
      configurable: true,
      get: () => scrollTop,
      set: (value: number) => {
        scrollTop = value;
      },
    });
    scrollTop = 0;
    fireEvent.scroll(log);

    expect(await screen.findByText('Ältere Nachricht')).toBeVisible();
    expect(screen.getByText('Neuere Nachricht')).toBeVisible();
    // The bubble that was on screen stays there: below the two older ones.
    expect(scrollTop).toBe(200);
    const requests = api.callsTo(`GET /api/v1/chats/${chat.id}/messages`);
    expect(requests.map((request) => request.url.searchParams.get('before'))).toEqual([null, cursor]);
    expect(screen.getByText('Beginn des Gesprächs')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Ältere Nachrichten laden' })).toBeNull();
  });

  it('offers a jump to new messages when the reader has scrolled up', async () => {
    const { chat } = mockConversation({
      history: (session) => [{ items: [chatMessage(session, todayAt(7), 'Erste Nachricht')] }],
    });
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    await screen.findByText('Erste Nachricht');
    openLatestSocket();
    // jsdom has no layout: give the history a height and scroll it up, away from the bottom.
    const log = screen.getByRole('log', { name: 'Nachrichten' });
    let scrollTop = 0;
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 2000 });
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 500 });
    Object.defineProperty(log, 'scrollTop', {
      configurable: true,
      get: () => scrollTop,
      set: (value: number) => {
        scrollTop = value;
      },
    });
    scrollTop = 600;
    fireEvent.scroll(log);

    emitServerEvent({ type: 'message.created', message: chatMessage(chat, todayAt(7, 1), 'Neu unten') });
    const jump = await screen.findByRole('button', { name: 'Neue Nachrichten ↓' });
    expect(scrollTop).toBe(600);
    await user.click(jump);

    expect(scrollTop).toBe(2000);
    expect(screen.queryByRole('button', { name: 'Neue Nachrichten ↓' })).toBeNull();
  });

  it('polls for newer messages while the socket is unavailable', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let newest = '';
    const { chat, api } = mockConversation({
      routes: (session) => {
        const before = chatMessage(session, todayAt(6), 'Vor dem Ausfall');
        const during = chatMessage(session, todayAt(6, 1), 'Während des Ausfalls');
        newest = before.id;
        return {
          [`GET /api/v1/chats/${session.id}/messages`]: ({ url }) => ({
            items: url.searchParams.get('after') === before.id ? [during] : [before],
            nextBefore: null,
          }),
        };
      },
    });
    try {
      renderApp(`/chats/${chat.id}`);
      await screen.findByText('Vor dem Ausfall');
      // Connections that never open fail one after another: the client falls back to polling.
      for (let step = 0; step < 12 && !screen.queryByText(/Keine Live-Verbindung/); step += 1) {
        act(() => FakeWebSocket.latest?.serverClose(1006));
        await act(() => vi.advanceTimersByTimeAsync(5_000));
      }
      expect(await screen.findByText(/Keine Live-Verbindung/)).toBeVisible();
      await act(() => vi.advanceTimersByTimeAsync(10_000));

      expect(await screen.findByText('Während des Ausfalls')).toBeVisible();
      const polls = api
        .callsTo(`GET /api/v1/chats/${chat.id}/messages`)
        .filter((request) => request.url.searchParams.has('after'));
      expect(polls[0]?.url.searchParams.get('after')).toBe(newest);
    } finally {
      vi.useRealTimers();
    }
  });

  it('replaces the composer by the reason when a moderator disabled the session', async () => {
    const { chat } = mockConversation({
      chat: { status: 'disabled', canSend: false, disabledReason: 'Beleidigungen im Verlauf' },
    });
    renderApp(`/chats/${chat.id}`);

    expect(await screen.findByText('Dieses Gespräch wurde von der Moderation gesperrt')).toBeVisible();
    expect(screen.getByText('Begründung: Beleidigungen im Verlauf')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Nachricht' })).toBeNull();
  });

  it('keeps the composer in an archived session and says a message reopens it', async () => {
    const { chat } = mockConversation({ chat: { status: 'archived' } });
    renderApp(`/chats/${chat.id}`);

    expect(
      await screen.findByText(
        'Dieses Gespräch ist archiviert – eine neue Nachricht öffnet das Gespräch wieder.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zurück zu den Nachrichten' })).toHaveAttribute(
      'href',
      '/chats?archiv=1',
    );
  });

  it('mutes the session and offers the transcript downloads from the menu', async () => {
    const { chat, api } = mockConversation({
      routes: (session) => ({
        [`PATCH /api/v1/chats/${session.id}`]: ({ body }) => ({ ...session, ...(body as object) }),
      }),
    });
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);

    await user.click(await screen.findByRole('button', { name: 'Optionen zum Gespräch' }));
    expect(screen.getByRole('menuitem', { name: 'Als Text (.txt)' })).toHaveAttribute(
      'href',
      `/api/v1/chats/${chat.id}/transcript?format=txt`,
    );
    expect(screen.getByRole('menuitem', { name: 'Als PDF' })).toHaveAttribute(
      'href',
      `/api/v1/chats/${chat.id}/transcript?format=pdf`,
    );
    await user.click(screen.getByRole('menuitem', { name: 'Stummschalten' }));

    expect(await screen.findByText(/stummgeschaltet/)).toBeVisible();
    expect(api.callsTo(`PATCH /api/v1/chats/${chat.id}`)[0]?.body).toEqual({ muted: true });
  });

  it('says so when the conversation does not exist (or is not the reader’s)', async () => {
    const { chat } = mockConversation({
      routes: (session) => ({
        [`GET /api/v1/chats/${session.id}`]: () => problemResponse(404, 'not_found', 'Nicht gefunden'),
      }),
    });
    renderApp(`/chats/${chat.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Gespräch nicht gefunden' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu den Nachrichten' })).toHaveAttribute('href', '/chats');
  });
});
