import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTokenSigner } from '../../apps/server/src/modules/identity/access-token.ts';
import { ACCESS_TOKEN_TTL_MS } from '../../apps/server/src/modules/identity/identity.constants.ts';
import { ACCESS_AUDIENCE } from '../../apps/server/src/modules/identity/session.service.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { BENCH_PASSWORD_HASH, EMAIL_DOMAIN } from '../generate/people.ts';
import { Prng } from '../generate/prng.ts';
import { BENCH_JWT_KEY } from '../lib/server.ts';

/** One bench account: its login session, and the chats it takes part in. */
export interface ChatUser {
  id: string;
  role: 'creator' | 'consumer';
  /** The login session its access token names (inserted directly, as a sign-in would). */
  sessionId: string;
  /** Its chats, with the index of the other party in {@link ChatFixture.users}. */
  chats: Array<{ chatId: string; other: number }>;
}

/** Who is in the run and who chats with whom, before anything is written. */
export interface ChatPlan {
  users: ChatUser[];
  chats: Array<{ id: string; consumer: number; creator: number }>;
  /** Users with at least one chat: the ones that send. */
  senders: number;
}

/** Accounts, Nanos and chat sessions of one run, written straight into the server's database. */
export interface ChatFixture {
  users: ChatUser[];
  chatCount: number;
  /** Fresh access tokens (the `nm_access` cookie's value), one per user in order; valid 15 minutes. */
  accessTokens(): Promise<string[]>;
  /** Deletes everything the fixture wrote (Nanos with their chats and messages, then the accounts). */
  remove(): Promise<void>;
}

export interface ChatPlanOptions {
  /** Accounts: half creators (one published Nano each), half consumers. At least 2. */
  users: number;
  /** Chats per consumer, each with a different creator (at most the number of creators). */
  chatsPerConsumer: number;
  seed: number;
}

/**
 * Pairs each consumer with `chatsPerConsumer` random creators (seeded), so every user has partners
 * to write to and messages flow between random pairs.
 */
export function planChats(options: ChatPlanOptions): ChatPlan {
  const creatorCount = Math.max(1, Math.floor(options.users / 2));
  const users: ChatUser[] = Array.from({ length: options.users }, (_, index) => ({
    id: randomUUID(),
    role: index < creatorCount ? 'creator' : 'consumer',
    sessionId: randomUUID(),
    chats: [],
  }));
  const prng = new Prng(options.seed);
  const perConsumer = Math.min(options.chatsPerConsumer, creatorCount);
  const chats: ChatPlan['chats'] = [];
  for (let consumer = creatorCount; consumer < users.length; consumer++) {
    const picked = new Set<number>();
    while (picked.size < perConsumer) {
      picked.add(prng.int(0, creatorCount - 1));
    }
    for (const creator of picked) {
      const id = randomUUID();
      chats.push({ id, consumer, creator });
      users[consumer]?.chats.push({ chatId: id, other: creator });
      users[creator]?.chats.push({ chatId: id, other: consumer });
    }
  }
  return { users, chats, senders: users.filter((user) => user.chats.length > 0).length };
}

/**
 * Writes the plan's accounts, their login sessions, one published Nano per creator and the chat
 * sessions (with both participants) in a few multi-row statements, and mints access tokens with
 * the bench's JWT key: 5,000 signed-in users in seconds, where signing in through Argon2id would
 * take many minutes.
 */
export async function writeChatFixture(databaseUrl: string, plan: ChatPlan): Promise<ChatFixture> {
  const { users, chats } = plan;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const prefix = `bench-chat-${randomBytes(3).toString('hex')}-`;
  const remove = async () => {
    try {
      await client.query(
        'delete from nanos where creator_id in (select id from users where username like $1)',
        [`${prefix}%`],
      );
      await client.query('delete from users where username like $1', [`${prefix}%`]);
    } finally {
      await client.end();
    }
  };
  try {
    const usernames = users.map((_, index) => `${prefix}${index + 1}`);
    await client.query(
      `insert into users (id, email, username, display_name, password_hash, role, email_verified_at, created_at, updated_at)
       select u.id, u.username || '@' || $4, u.username, 'Bench ' || u.username, $5, u.role, now(), now(), now()
       from unnest($1::uuid[], $2::text[], $3::text[]) as u (id, username, role)`,
      [users.map((u) => u.id), usernames, users.map((u) => u.role), EMAIL_DOMAIN, BENCH_PASSWORD_HASH],
    );
    await client.query('insert into user_profiles (user_id) select unnest($1::uuid[])', [
      users.map((u) => u.id),
    ]);
    await client.query(
      `insert into sessions (id, user_id, user_agent, created_at, last_used_at, expires_at)
       select s.id, s.user_id, 'nano-bench-chat', now(), now(), now() + interval '1 day'
       from unnest($1::uuid[], $2::uuid[]) as s (id, user_id)`,
      [users.map((u) => u.sessionId), users.map((u) => u.id)],
    );

    const creators = users.filter((user) => user.role === 'creator');
    const nanoOf = new Map(creators.map((creator) => [creator.id, randomUUID()]));
    await client.query(
      `insert into nanos (id, creator_id, title, description, duration_minutes, level, language, format, license, status, published_at)
       select n.id, n.creator_id, 'Benchmark-Chat ' || n.ordinal, 'Ein Nano, über den der Chat-Benchmark schreibt.',
              10, 1, 'de', 'text', 'CC-BY-4.0', 'published', now()
       from unnest($1::uuid[], $2::uuid[]) with ordinality as n (id, creator_id, ordinal)`,
      [[...nanoOf.values()], [...nanoOf.keys()]],
    );
    const userAt = (index: number) => users[index] as ChatUser;
    await client.query(
      `insert into chat_sessions (id, nano_id, consumer_id, creator_id)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])`,
      [
        chats.map((c) => c.id),
        chats.map((c) => nanoOf.get(userAt(c.creator).id)),
        chats.map((c) => userAt(c.consumer).id),
        chats.map((c) => userAt(c.creator).id),
      ],
    );
    await client.query(
      `insert into chat_participants (chat_id, user_id, role)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[])`,
      [
        chats.flatMap((c) => [c.id, c.id]),
        chats.flatMap((c) => [userAt(c.consumer).id, userAt(c.creator).id]),
        chats.flatMap(() => ['consumer', 'creator']),
      ],
    );
    await client.query('analyze users, sessions, nanos, chat_sessions, chat_participants');

    const signer = createTokenSigner([BENCH_JWT_KEY], systemClock);
    const accessTokens = () =>
      Promise.all(
        users.map((user) =>
          signer.sign(
            { sub: user.id, role: user.role, sid: user.sessionId },
            ACCESS_TOKEN_TTL_MS,
            ACCESS_AUDIENCE,
          ),
        ),
      );
    return { users, chatCount: chats.length, accessTokens, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
