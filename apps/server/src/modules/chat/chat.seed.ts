import type { HoldReason } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Seeder } from '../../db/seed.ts';
import * as repo from './chat.repository.ts';
import * as messages from './chat-messages.repository.ts';

const HOUR_MS = 3_600_000;

/** One demo message: who of the two writes it, how long before now, and (for the held example) why it waits. */
interface DemoMessage {
  from: 'consumer' | 'creator';
  hoursAgo: number;
  text: string;
  hold?: HoldReason[];
}

/** One demo conversation between a consumer and the creator of one of their published Nanos. */
interface DemoChat {
  consumer: string;
  creator: string;
  /** Which of the creator's published Nanos (German ones first, then oldest first) it is about. */
  nanoIndex: number;
  archived?: boolean;
  /** The consumer has read everything but the creator's last message (so the badge shows one). */
  consumerUnread?: boolean;
  messages: DemoMessage[];
}

/** The demo conversations (README: `demo-consumer` with `demo-creator` and a demo trainer). */
const DEMO_CHATS: DemoChat[] = [
  {
    consumer: 'demo-consumer',
    creator: 'demo-creator',
    nanoIndex: 0,
    consumerUnread: true,
    messages: [
      {
        from: 'consumer',
        hoursAgo: 30,
        text: 'Hallo! Wir möchten den Nano in unserer Einarbeitung für neue Kolleginnen nutzen. Gibt es die Übungsdatei auch als Vorlage ohne Lösungen?',
      },
      {
        from: 'creator',
        hoursAgo: 28,
        text: 'Gern! Eine Vorlage ohne Lösungen lade ich mit der nächsten Version hoch. Für wie viele Teilnehmende planen Sie?',
      },
      { from: 'consumer', hoursAgo: 27, text: 'Etwa zwölf pro Quartal, meist in kleinen Gruppen. 🙂' },
      {
        from: 'creator',
        hoursAgo: 3,
        text: 'Die neue Version mit der Vorlage ist eingereicht und wartet auf die Prüfung. Ich melde mich, sobald sie freigegeben ist!',
      },
    ],
  },
  {
    consumer: 'demo-consumer',
    creator: 'trainerin-meyer',
    nanoIndex: 0,
    messages: [
      {
        from: 'consumer',
        hoursAgo: 75,
        text: 'Guten Tag Frau Meyer, bieten Sie zu diesem Thema auch Präsenztrainings an?',
      },
      {
        from: 'creator',
        hoursAgo: 50,
        text: 'Guten Tag! Ja, als halbtägigen Workshop. Die Termine stehen auf meiner Website: meyer-training.example.de',
      },
      { from: 'consumer', hoursAgo: 49, text: 'Danke, ich schaue mir das an.' },
    ],
  },
  {
    consumer: 'demo-consumer',
    creator: 'demo-creator',
    nanoIndex: 1,
    archived: true,
    messages: [
      { from: 'consumer', hoursAgo: 46 * 24, text: 'Ist die Lizenz auch für interne Schulungen gültig?' },
      {
        from: 'creator',
        hoursAgo: 45 * 24,
        text: 'Ja, die Lizenz erlaubt die Nutzung in internen Schulungen mit Namensnennung.',
      },
      { from: 'consumer', hoursAgo: 45 * 24 - 2, text: 'Perfekt, vielen Dank!' },
    ],
  },
  {
    consumer: 'demo-lernende-1',
    creator: 'demo-creator',
    nanoIndex: 0,
    messages: [
      { from: 'consumer', hoursAgo: 6, text: 'Kann ich den Nano auch offline nutzen?' },
      {
        from: 'consumer',
        hoursAgo: 5,
        text: 'Günstige Lizenzen hier: cheap-licences.example.com deals.example.net promo.example.org bonus.example.info',
        hold: ['too_many_links'],
      },
    ],
  },
];

/** The users' ids by username (missing ones left out). */
async function idsOf(db: Kysely<Database>, usernames: string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(rows.map((row) => [row.username ?? '', row.id]));
}

/** The creator's published Nanos, German ones first (the demo chats are in German), oldest publication first. */
async function publishedNanos(db: Kysely<Database>, creatorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('nanos')
    .select('id')
    .where('creator_id', '=', creatorId)
    .where('status', '=', 'published')
    .orderBy(sql`language = 'de'`, 'desc')
    .orderBy('published_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => row.id);
}

async function seedChat(
  db: Kysely<Database>,
  chat: DemoChat,
  parties: { consumerId: string; creatorId: string; nanoId: string },
  now: Date,
): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS);
  const first = chat.messages[0];
  const opened = at((first?.hoursAgo ?? 1) + 0.1);
  await db.transaction().execute(async (trx) => {
    const session = await repo.insertSession(trx, {
      id: uuidv7({ msecs: opened.getTime() }),
      nano_id: parties.nanoId,
      consumer_id: parties.consumerId,
      creator_id: parties.creatorId,
      status: chat.archived ? 'archived' : 'active',
      last_activity_at: opened,
      created_at: opened,
      updated_at: opened,
    });
    if (!session) {
      return;
    }
    const ids: Array<{ id: string }> = [];
    let lastVisible: Date | null = null;
    let lastActivity = opened;
    for (const [n, message] of chat.messages.entries()) {
      const createdAt = at(message.hoursAgo);
      const id = uuidv7({ msecs: createdAt.getTime() });
      await messages.insertMessage(trx, {
        id,
        chat_id: session.id,
        sender_id: message.from === 'consumer' ? parties.consumerId : parties.creatorId,
        client_id: `demo-${session.id.slice(-12)}-${n}`,
        body: message.text,
        status: message.hold ? 'held' : 'visible',
        hold_reasons: message.hold ?? [],
        created_at: createdAt,
      });
      ids.push({ id });
      lastActivity = createdAt;
      if (!message.hold) {
        lastVisible = createdAt;
      }
    }
    await repo.updateSession(trx, session.id, {
      last_message_at: lastVisible,
      last_activity_at: lastActivity,
      updated_at: lastActivity,
    });
    const lastId = ids.at(-1)?.id ?? null;
    // The consumer read everything (or all but the creator's newest); the creator every visible message.
    const consumerRead = chat.consumerUnread ? (ids.at(-2)?.id ?? null) : lastId;
    const creatorRead = ids.filter((_, i) => !chat.messages[i]?.hold).at(-1)?.id ?? null;
    await repo.insertParticipants(trx, [
      {
        chat_id: session.id,
        user_id: parties.consumerId,
        role: 'consumer',
        last_read_message_id: consumerRead,
        last_read_at: consumerRead ? now : null,
      },
      {
        chat_id: session.id,
        user_id: parties.creatorId,
        role: 'creator',
        last_read_message_id: creatorRead,
        last_read_at: creatorRead ? now : null,
      },
    ]);
  });
}

/**
 * Demo chats, so the inbox is not empty on a fresh start: `demo-consumer` with `demo-creator`
 * (one active with an unread answer, one archived) and with `trainerin-meyer`; and a learner's
 * chat with `demo-creator` holding a spam message for the moderators' queue. Runs after the catalog
 * (demo Nanos) and feedback (demo learners) seeders; skipped once `demo-consumer` has a chat.
 */
export const chatSeeder: Seeder = {
  name: 'chat',
  background: true,
  async run(platform, _config, logger) {
    const db = platform.database.db;
    const now = platform.clock.now();
    const users = await idsOf(db, [...new Set(DEMO_CHATS.flatMap((c) => [c.consumer, c.creator]))]);
    const demoConsumer = users.get('demo-consumer');
    if (!demoConsumer) {
      return;
    }
    const existing = await db
      .selectFrom('chat_sessions')
      .select('id')
      .where('consumer_id', '=', demoConsumer)
      .limit(1)
      .executeTakeFirst();
    if (existing) {
      return;
    }
    let seeded = 0;
    for (const chat of DEMO_CHATS) {
      const consumerId = users.get(chat.consumer);
      const creatorId = users.get(chat.creator);
      const nanoId = creatorId ? (await publishedNanos(db, creatorId))[chat.nanoIndex] : undefined;
      if (!consumerId || !creatorId || !nanoId) {
        continue;
      }
      await seedChat(db, chat, { consumerId, creatorId, nanoId }, now);
      seeded += 1;
    }
    logger.info({ chats: seeded }, 'demo chats seeded');
  },
};
