import type { ChatMessage } from '@nano/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitServerEvent, openLatestSocket } from '../../../testing/fake-web-socket.ts';
import { problemResponse } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';
import { anna, chatMessage, mockConversation } from './conversation-fixtures.ts';

/** The stored message the server answers a send with. */
function stored(chatId: string, body: unknown): ChatMessage {
  const { text, clientId } = body as { text: string; clientId: string };
  return {
    id: '0190a000-0000-7000-8000-00000000abcd',
    chatId,
    senderId: anna.id,
    text,
    clientId,
    status: 'visible',
    createdAt: new Date().toISOString(),
  };
}

const articlesWith = (text: string) =>
  screen.queryAllByRole('article').filter((article) => article.textContent?.includes(text));

describe('composer and sending', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends with Enter over the socket and replaces the optimistic bubble by the stored message once', async () => {
    const { chat, api } = mockConversation();
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    const field = await screen.findByRole('textbox', { name: 'Nachricht' });
    const socket = openLatestSocket();

    await user.type(field, '  Hallo Clara!  {Enter}');

    expect(field).toHaveValue('');
    expect(articlesWith('Hallo Clara!')).toHaveLength(1);
    expect(screen.getByText('wird gesendet …')).toBeVisible();
    const sent = socket.sentEvents.find((event) => event.type === 'message.send');
    expect(sent).toMatchObject({ type: 'message.send', chatId: chat.id, text: 'Hallo Clara!' });
    const clientId = sent?.type === 'message.send' ? sent.clientId : '';
    expect(clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    // The echo to the sender's other tabs may come before the acknowledgement.
    const message = stored(chat.id, { text: 'Hallo Clara!', clientId });
    emitServerEvent({ type: 'message.created', message });
    emitServerEvent({ type: 'ack', clientId, message });

    await waitFor(() => expect(screen.queryByText('wird gesendet …')).toBeNull());
    expect(articlesWith('Hallo Clara!')).toHaveLength(1);
    expect(
      within(articlesWith('Hallo Clara!')[0] as HTMLElement).getByRole('img', { name: 'Gesendet' }),
    ).toBeVisible();
    expect(api.callsTo(`POST /api/v1/chats/${chat.id}/messages`)).toHaveLength(0);
  });

  it('starts a new line with Shift+Enter, counts characters and refuses more than 1000', async () => {
    const { chat, api } = mockConversation();
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    const field = await screen.findByRole('textbox', { name: 'Nachricht' });

    await user.type(field, 'Zeile 1{Shift>}{Enter}{/Shift}Zeile 2 😀');
    expect(field).toHaveValue('Zeile 1\nZeile 2 😀');
    // Code points, as the server counts: the emoji is one character.
    expect(screen.getByText('17 / 1000')).toBeVisible();

    fireEvent.change(field, { target: { value: 'x'.repeat(1001) } });
    expect(screen.getByText('1001 / 1000')).toBeVisible();
    expect(screen.getByText('Höchstens 1000 Zeichen.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Senden' })).toBeDisabled();
    await user.type(field, '{Enter}');
    expect(api.callsTo(`POST /api/v1/chats/${chat.id}/messages`)).toHaveLength(0);
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  it('inserts an emoji from the picker', async () => {
    const { chat } = mockConversation();
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    const field = await screen.findByRole('textbox', { name: 'Nachricht' });
    await user.type(field, 'Danke');

    await user.click(screen.getByRole('button', { name: 'Emoji einfügen' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Emoji einfügen' })).getByRole('button', { name: '👍' }),
    );

    expect(field).toHaveValue('Danke👍');
  });

  it('shows a failed send with "Erneut senden", which sends again with the same clientId', async () => {
    const { chat, api } = mockConversation({
      routes: (session) => ({
        [`POST /api/v1/chats/${session.id}/messages`]: [
          () => problemResponse(503, 'unavailable', 'Der Dienst ist gerade nicht erreichbar.'),
          ({ body }) => jsonResponse(stored(session.id, body), 201),
        ],
      }),
    });
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    // The socket stays "connecting": the message goes over REST.
    await user.type(await screen.findByRole('textbox', { name: 'Nachricht' }), 'Geht das?{Enter}');

    expect(await screen.findByText('Der Dienst ist gerade nicht erreichbar.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Erneut senden' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Erneut senden' })).toBeNull());
    expect(
      within(articlesWith('Geht das?')[0] as HTMLElement).getByRole('img', { name: 'Gesendet' }),
    ).toBeVisible();
    const bodies = api.callsTo(`POST /api/v1/chats/${chat.id}/messages`).map((request) => request.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(articlesWith('Geht das?')).toHaveLength(1);
  });

  it('explains the rate limit with the seconds to wait', async () => {
    const { chat } = mockConversation({
      routes: (session) => ({
        [`POST /api/v1/chats/${session.id}/messages`]: () => {
          const response = problemResponse(429, 'chat_rate_limited', 'Zu viele Nachrichten.');
          response.headers.set('Retry-After', '42');
          return response;
        },
      }),
    });
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    await user.type(await screen.findByRole('textbox', { name: 'Nachricht' }), 'Noch eine{Enter}');

    expect(await screen.findByText('Zu viele Nachrichten – bitte in 42 s erneut versuchen.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Erneut senden' })).toBeVisible();
  });

  it('shows the rate limit the socket reports', async () => {
    const { chat } = mockConversation();
    const user = userEvent.setup();
    renderApp(`/chats/${chat.id}`);
    const field = await screen.findByRole('textbox', { name: 'Nachricht' });
    const socket = openLatestSocket();
    await user.type(field, 'Schnell{Enter}');
    const sent = socket.sentEvents.find((event) => event.type === 'message.send');

    emitServerEvent({
      type: 'error',
      clientId: sent?.type === 'message.send' ? sent.clientId : null,
      code: 'chat_rate_limited',
      message: 'Zu viele Nachrichten.',
      retryAfterSeconds: 7,
    });

    expect(await screen.findByText('Zu viele Nachrichten – bitte in 7 s erneut versuchen.')).toBeVisible();
  });

  it('has no composer when the reader cannot send', async () => {
    const { chat } = mockConversation({
      chat: { canSend: false },
      history: (session) => [{ items: [chatMessage(session, new Date(), 'Hallo')] }],
    });
    renderApp(`/chats/${chat.id}`);

    expect(await screen.findByText('Senden nicht möglich')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Nachricht' })).toBeNull();
  });
});
