import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createChatMessage } from '../../../testing/chat-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { emitServerEvent, openLatestSocket } from '../../../testing/fake-web-socket.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('unread chats in the navigation', () => {
  it('shows the unread count in the header and the user menu, updated live by events', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/chats/unread-count': [() => ({ unread: 3, chats: 2 }), () => ({ unread: 4, chats: 2 })],
    });
    const user = userEvent.setup();
    renderApp('/');

    const link = await screen.findByRole('link', { name: 'Nachrichten, 3 ungelesen' });
    expect(link).toHaveAttribute('href', '/chats');
    await user.click(screen.getByRole('button', { name: /^Benutzermenü/ }));
    expect(await screen.findByRole('menuitem', { name: 'Nachrichten 3 ungelesen' })).toHaveAttribute(
      'href',
      '/chats',
    );
    expect(screen.queryByRole('menuitem', { name: 'Chat-Moderation' })).toBeNull();
    await user.keyboard('{Escape}');

    openLatestSocket();
    emitServerEvent({ type: 'message.created', message: createChatMessage() });

    expect(await screen.findByRole('link', { name: 'Nachrichten, 4 ungelesen' })).toBeVisible();
  });

  it('shows no number when everything is read', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser() });
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('link', { name: 'Nachrichten, 0 ungelesen' });
    await user.click(screen.getByRole('button', { name: /^Benutzermenü/ }));
    expect(await screen.findByRole('menuitem', { name: 'Nachrichten' })).toBeVisible();
  });

  it('links staff to the chat moderation', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator' }) });
    const user = userEvent.setup();
    renderApp('/');
    await user.click(await screen.findByRole('button', { name: /^Benutzermenü/ }));
    expect(await screen.findByRole('menuitem', { name: 'Chat-Moderation' })).toHaveAttribute(
      'href',
      '/moderation/chat',
    );
  });

  it('is not there for guests, who are not asked for a count', async () => {
    const api = mockApi();
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(screen.queryByRole('link', { name: /^Nachrichten/ })).toBeNull();
    await waitFor(() => expect(api.callsTo('GET /api/v1/auth/me')).toHaveLength(1));
    expect(api.callsTo('GET /api/v1/chats/unread-count')).toHaveLength(0);
  });
});
