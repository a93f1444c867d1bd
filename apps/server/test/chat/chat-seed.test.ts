import type { ChatSession } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatSeeder } from '../../src/modules/chat/chat.seed.ts';
import { identitySeeder } from '../../src/modules/identity/identity.seed.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { insertNano } from '../search/search-fixtures.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} } as never;

describe(`chat demo data (${testDatabaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    await identitySeeder.run(t.platform, t.config, silent);
    const db = t.platform.database.db;
    const creators = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['demo-creator', 'trainerin-meyer'])
      .execute();
    for (const creator of creators) {
      for (const n of [1, 2]) {
        await insertNano(t, creator.id, {
          title: `${creator.username} Nano ${n}`,
          publishedAt: new Date(t.clock.now().getTime() - n * 86_400_000),
        });
      }
    }
    await createUser(t, { username: 'demo-lernende-1', displayName: 'Jana Becker' });
    await chatSeeder.run(t.platform, t.config, silent);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('gives demo-consumer an inbox with an unread answer, a second chat and an archived one', async () => {
    const consumer = await signIn(
      t,
      { username: 'demo-consumer', password: t.config.demoPassword } as never,
      { ip: '10.9.9.1' },
    );
    const active = (await consumer.get('/api/v1/chats')).json<{ items: ChatSession[] }>().items;
    expect(active.map((s) => s.other.displayName)).toEqual([
      'Volkshochschule Demo',
      'Sabine Meyer – Kommunikationstraining',
    ]);
    expect(active[0]).toMatchObject({
      unreadCount: 1,
      status: 'active',
      lastMessage: { senderId: active[0]?.other.id },
    });
    expect(active[1]).toMatchObject({ unreadCount: 0 });
    const archived = (await consumer.get('/api/v1/chats?status=archived')).json<{ items: ChatSession[] }>()
      .items;
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ status: 'archived', unreadCount: 0 });
    expect((await consumer.get('/api/v1/chats/unread-count')).json()).toEqual({ unread: 1, chats: 1 });
  });

  it('leaves a held message for the moderators that the creator does not see, and runs only once', async () => {
    const moderator = await signIn(
      t,
      { username: 'demo-moderator', password: t.config.demoPassword } as never,
      { ip: '10.9.9.2' },
    );
    const queue = await moderator.get('/api/v1/moderation/chat-messages');
    expect(queue.json()).toMatchObject({
      total: 1,
      items: [{ holdReasons: ['too_many_links'], sender: { displayName: 'Jana Becker' } }],
    });
    const creator = await signIn(t, { username: 'demo-creator', password: t.config.demoPassword } as never, {
      ip: '10.9.9.3',
    });
    const learnerChat = (await creator.get('/api/v1/chats?q=jana')).json<{ items: ChatSession[] }>().items[0];
    expect(learnerChat).toMatchObject({
      unreadCount: 0,
      lastMessage: { text: 'Kann ich den Nano auch offline nutzen?' },
    });

    const count = async () =>
      Number(
        (
          await t.platform.database.db
            .selectFrom('chat_messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await chatSeeder.run(t.platform, t.config, silent);
    expect(await count()).toBe(before);
  });
});
