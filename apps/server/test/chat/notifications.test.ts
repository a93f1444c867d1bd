import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreatedNotification,
  createNotificationService,
} from '../../src/modules/notifications/notifications.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import {
  type ChatCast,
  chatCast,
  chatNotifications,
  chatUrl,
  goOffline,
  goOnline,
  member,
  openChat,
  relogin,
  sent,
} from './chat-fixtures.ts';

describe(`chat notifications (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ChatCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await chatCast(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('notifies an offline recipient once per session, counting the messages, without the text in the email', async () => {
    const asker = await member(t, { displayName: 'Olga Offline' });
    const chat = await openChat(asker.client, cast.nanoId);
    await sent(asker.client, chat.id, 'Erste Frage zum Pivot');
    await sent(asker.client, chat.id, 'Und eine zweite, geheime Frage');
    await sent(asker.client, chat.id, 'Drittens: noch etwas');

    const [notification, ...others] = await chatNotifications(t, cast.creator.user.id);
    expect(others).toEqual([]);
    expect(notification).toMatchObject({
      read: false,
      emailStatus: 'pending',
      payload: {
        chatId: chat.id,
        nanoId: cast.nanoId,
        nanoTitle: 'Excel Pivot in 10 Minuten',
        senderName: 'Olga Offline',
        preview: 'Drittens: noch etwas',
        count: 3,
      },
    });
    // The bell counts it once.
    const bell = await cast.creator.client.get('/api/v1/me/notifications');
    expect(bell.json().items.filter((n: { type: string }) => n.type === 'chat.message')).toHaveLength(1);

    t.clock.advance(16 * 60_000);
    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, cast.creator.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('3 neue Nachrichten von Olga Offline zu „Excel Pivot in 10 Minuten“');
    expect(mails[0]?.text).toContain(`/chats/${chat.id}`);
    expect(mails[0]?.text).not.toContain('Frage');
    expect(mails[0]?.text).not.toContain('Drittens');

    // A later message, still unread: the same notification again, and at most one email per window.
    await relogin(t, asker, cast.creator);
    await sent(asker.client, chat.id, 'Noch da?');
    const again = await chatNotifications(t, cast.creator.user.id);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: notification?.id, emailStatus: 'pending', payload: { count: 4 } });
    await deliverNotificationEmails(t);
    expect(await mailsTo(t, cast.creator.user.email)).toHaveLength(1);
    t.clock.advance(16 * 60_000);
    await deliverNotificationEmails(t);
    expect((await mailsTo(t, cast.creator.user.email)).at(-1)?.subject).toBe(
      '4 neue Nachrichten von Olga Offline zu „Excel Pivot in 10 Minuten“',
    );
  });

  it('marks the chat notification read once the chat is read; the next message starts a new one', async () => {
    await relogin(t, cast.creator);
    const asker = await member(t, { displayName: 'Rudi Read' });
    const chat = await openChat(asker.client, cast.nanoId);
    const first = await sent(asker.client, chat.id, 'Hallo?');
    const second = await sent(asker.client, chat.id, 'Jemand da?');
    const before = (await chatNotifications(t, cast.creator.user.id)).filter(
      (n) => n.payload.chatId === chat.id,
    );
    expect(before).toHaveLength(1);

    await cast.creator.client.post(`${chatUrl(chat.id)}/read`, { upTo: first.id });
    expect((await chatNotifications(t, cast.creator.user.id)).find((n) => n.id === before[0]?.id)?.read).toBe(
      false,
    );
    await cast.creator.client.post(`${chatUrl(chat.id)}/read`, { upTo: second.id });
    expect((await chatNotifications(t, cast.creator.user.id)).find((n) => n.id === before[0]?.id)?.read).toBe(
      true,
    );

    t.clock.advance(1000);
    await sent(asker.client, chat.id, 'Danke!');
    const after = (await chatNotifications(t, cast.creator.user.id)).filter(
      (n) => n.payload.chatId === chat.id,
    );
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ read: false, payload: { count: 1, preview: 'Danke!' } });
  });

  it('sends nothing to a recipient who is connected or has muted the session', async () => {
    await relogin(t, cast.creator);
    const asker = await member(t, { displayName: 'Mia Muted' });
    const chat = await openChat(asker.client, cast.nanoId);
    const countFor = async () =>
      (await chatNotifications(t, cast.creator.user.id)).filter((n) => n.payload.chatId === chat.id).length;

    await goOnline(t, cast.creator.user.id);
    await sent(asker.client, chat.id, 'Sie sind ja online');
    expect(await countFor()).toBe(0);
    await goOffline(t, cast.creator.user.id);

    await cast.creator.client.patch(chatUrl(chat.id), { muted: true });
    await sent(asker.client, chat.id, 'Stumm geschaltet');
    expect(await countFor()).toBe(0);

    await cast.creator.client.patch(chatUrl(chat.id), { muted: false });
    await sent(asker.client, chat.id, 'Wieder laut');
    expect(await countFor()).toBe(1);
    // Muting is per party: the asker still hears the creator.
    await asker.client.patch(chatUrl(chat.id), { muted: false });
    await sent(cast.creator.client, chat.id, 'Antwort');
    expect((await chatNotifications(t, asker.user.id)).map((n) => n.payload.preview)).toEqual(['Antwort']);
  });

  it('calls the onCreated hook with the stored (or collapsed) notification, and survives its failure', async () => {
    const seen: Array<{ userId: string; notification: CreatedNotification }> = [];
    const user = await member(t);
    const service = createNotificationService({
      db: t.platform.database.db,
      clock: t.clock,
      onCreated: (userId, notification) => {
        seen.push({ userId, notification });
      },
    });
    await service.notify({ userId: user.user.id, type: 'rating.received', payload: { nanoTitle: 'A' } });
    await service.notify({
      userId: user.user.id,
      type: 'chat.message',
      payload: { preview: 'x' },
      collapseKey: 'chat:k',
    });
    await service.notify({
      userId: user.user.id,
      type: 'chat.message',
      payload: { preview: 'y' },
      collapseKey: 'chat:k',
    });
    expect(seen.map((s) => [s.userId, s.notification.type, s.notification.payload])).toEqual([
      [user.user.id, 'rating.received', { nanoTitle: 'A' }],
      [user.user.id, 'chat.message', { preview: 'x', count: 1 }],
      [user.user.id, 'chat.message', { preview: 'y', count: 2 }],
    ]);
    expect(seen[1]?.notification.id).toBe(seen[2]?.notification.id);

    const failing = createNotificationService({
      db: t.platform.database.db,
      clock: t.clock,
      onCreated: () => {
        throw new Error('bus down');
      },
    });
    await failing.notify({ userId: user.user.id, type: 'rating.received', payload: {} });
    const stored = await t.platform.database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', user.user.id)
      .execute();
    expect(stored).toHaveLength(3);
  });
});
