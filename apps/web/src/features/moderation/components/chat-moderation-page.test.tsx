import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createChatMessage } from '../../../testing/chat-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { createOverview } from '../../../testing/moderation-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { HeldMessageItem } from '../api/get-chat-moderation.ts';

const moderator = () => createCurrentUser({ role: 'moderator', username: 'mod', displayName: 'Mo Derator' });
const noContent = () => new Response(null, { status: 204 });

function heldItem(overrides: Partial<HeldMessageItem> & { text?: string } = {}): HeldMessageItem {
  const { text = 'Das ist Mist, kauf bei spam.example', ...rest } = overrides;
  const chatId = crypto.randomUUID();
  return {
    message: createChatMessage({ chatId, text, status: 'held', createdAt: '2026-05-04T09:30:00.000Z' }),
    holdReasons: ['profanity', 'blocked_link'],
    chat: { id: chatId, status: 'active', nanoTitle: 'Excel-Basics' },
    sender: { id: crypto.randomUUID(), displayName: 'Anna Beispiel' },
    recipient: { id: crypto.randomUUID(), displayName: 'Clara Creator' },
    flags: [],
    ...rest,
  };
}

/** The list entry of the message from `sender`. */
const entry = (sender: string) => screen.getByRole('listitem', { name: `Nachricht von ${sender}` });

describe('chat moderation page', () => {
  it('lists held messages with reasons and counts, and releases one', async () => {
    const held = heldItem();
    let heldItems = [held];
    const flagged = heldItem({
      text: 'Du bist dumm',
      holdReasons: [],
      sender: { id: crypto.randomUUID(), displayName: 'Bert Böse' },
      message: { ...createChatMessage({ text: 'Du bist dumm' }), status: 'visible' },
      flags: [{ reason: 'harassment', description: 'Beleidigt mich', createdAt: '2026-05-04T10:00:00.000Z' }],
    });
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview({ held_messages: [1, 'ok'] }),
      'GET /api/v1/moderation/chat-messages': ({ url }) =>
        url.searchParams.get('status') === 'flagged'
          ? { items: [flagged], total: 1 }
          : { items: heldItems, total: heldItems.length },
      [`POST /api/v1/moderation/chat-messages/${held.message.id}/decision`]: () => {
        heldItems = [];
        return { ...held.message, status: 'visible' };
      },
    });
    const user = userEvent.setup();
    renderApp('/moderation/chat');

    expect(await screen.findByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'Nachrichten' })).toBeVisible();
    expect(
      await screen.findByRole('tab', {
        name: 'Nachrichten: 1 offen, ältester Eintrag im Zeitplan',
        selected: true,
      }),
    ).toBeVisible();
    expect(await screen.findByRole('tab', { name: 'Zurückgehalten (1)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByRole('tab', { name: 'Gemeldet (1)' })).toBeVisible();
    const item = entry('Anna Beispiel');
    expect(item).toHaveTextContent('Anna Beispiel → Clara Creator');
    expect(item).toHaveTextContent('Nano: Excel-Basics');
    expect(item).toHaveTextContent('Das ist Mist, kauf bei spam.example');
    expect(within(item).getByText('Anstößige Wörter')).toBeVisible();
    expect(within(item).getByText('Link auf gesperrte Domain')).toBeVisible();
    expect(api.callsTo('GET /api/v1/moderation/chat-messages')[0]?.url.searchParams.get('pageSize')).toBe(
      '20',
    );

    await user.click(within(item).getByRole('button', { name: 'Freigeben' }));

    expect(await screen.findByText('Die Nachricht wurde freigegeben und zugestellt.')).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/chat-messages/${held.message.id}/decision`)[0]?.body).toEqual(
      {
        decision: 'release',
      },
    );
    expect(await screen.findByText('Zurzeit hält der Filter keine Nachricht zurück.')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Zurückgehalten (0)' })).toBeVisible();

    await user.click(screen.getByRole('tab', { name: 'Gemeldet (1)' }));
    const reported = entry('Bert Böse');
    expect(within(reported).getByText('Belästigung oder Beleidigung')).toBeVisible();
    expect(reported).toHaveTextContent('– Beleidigt mich');
    expect(within(reported).getByRole('button', { name: 'Belassen' })).toBeVisible();
    expect(within(reported).getByRole('button', { name: 'Ablehnen' })).toBeVisible();
  });

  it('disables a session with a reason, and enables a disabled one', async () => {
    const active = heldItem();
    const disabled = heldItem({
      sender: { id: crypto.randomUUID(), displayName: 'Bert Böse' },
      holdReasons: ['repeated'],
    });
    disabled.chat.status = 'disabled';
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview({ held_messages: [2, 'ok'] }),
      'GET /api/v1/moderation/chat-messages': ({ url }) =>
        url.searchParams.get('status') === 'flagged'
          ? { items: [], total: 0 }
          : { items: [active, disabled], total: 2 },
      [`POST /api/v1/moderation/chats/${active.chat.id}/disable`]: noContent,
      [`POST /api/v1/moderation/chats/${disabled.chat.id}/enable`]: noContent,
    });
    const user = userEvent.setup();
    renderApp('/moderation/chat');

    const item = await screen.findByRole('listitem', { name: 'Nachricht von Anna Beispiel' });
    await user.click(within(item).getByRole('button', { name: 'Sitzung sperren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sitzung sperren' });
    await user.click(within(dialog).getByRole('button', { name: 'Sitzung sperren' }));
    expect(within(dialog).getByText('Bitte geben Sie eine Begründung an.')).toBeVisible();
    await user.type(within(dialog).getByRole('textbox', { name: /Begründung/ }), 'Wiederholte Beleidigungen');
    await user.click(within(dialog).getByRole('button', { name: 'Sitzung sperren' }));

    expect(
      await screen.findByText('Die Sitzung wurde gesperrt; beide Seiten sehen die Begründung.'),
    ).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo(`POST /api/v1/moderation/chats/${active.chat.id}/disable`)[0]?.body).toEqual({
      reason: 'Wiederholte Beleidigungen',
    });

    const blocked = entry('Bert Böse');
    expect(within(blocked).getByText('Sitzung gesperrt')).toBeVisible();
    expect(within(blocked).queryByRole('button', { name: 'Sitzung sperren' })).toBeNull();
    await user.click(within(blocked).getByRole('button', { name: 'Sitzung entsperren' }));
    expect(await screen.findByText('Die Sitzung wurde entsperrt.')).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/chats/${disabled.chat.id}/enable`)).toHaveLength(1);
  });

  it('is for staff only', async () => {
    const api = mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser() });
    renderApp('/moderation/chat');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
    expect(api.callsTo('GET /api/v1/moderation/chat-messages')).toHaveLength(0);
  });
});
