import { type Kysely, sql } from 'kysely';

/**
 * The chat between a consumer and the creator of a Nano (issue 7, SPEC §4.5, docs/chat.md). The
 * length checks hold `CHAT_LIMITS` as they were when this migration was written (text length in
 * code points, as `char_length` counts).
 *
 * - `chat_sessions`: one per Nano and consumer (the trio reuses it). `last_message_at` is the time
 *   of the newest visible message (the inbox order); `last_activity_at` moves with every stored
 *   message, held ones included, and is what the daily archive job looks at.
 * - `chat_participants`: both parties with their own mute switch and read marker.
 * - `chat_messages`: the id (UUIDv7, made in the app) is also the paging cursor; `client_id` makes
 *   sending idempotent per sender; `held` messages wait for a moderator (only the sender sees them).
 * - `notifications.collapse_key`: unread notifications with the same key are one notification
 *   (a chat session's new messages), kept unique by a partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table chat_sessions (
      id uuid primary key,
      nano_id uuid not null references nanos (id) on delete cascade,
      consumer_id uuid not null references users (id) on delete cascade,
      creator_id uuid not null references users (id) on delete cascade,
      status text not null default 'active' check (status in ('active', 'archived', 'disabled')),
      disabled_reason text check (char_length(disabled_reason) between 1 and 500),
      disabled_by uuid references users (id) on delete set null,
      disabled_at timestamptz,
      last_message_at timestamptz,
      last_activity_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint chat_sessions_trio_key unique (nano_id, consumer_id),
      constraint chat_sessions_two_parties check (consumer_id <> creator_id)
    )`.execute(db);
  // The archive job: active sessions by last activity, an index as small as the active sessions.
  await sql`create index chat_sessions_archive_idx on chat_sessions (last_activity_at) where status = 'active'`.execute(
    db,
  );
  // Erasure and the creator's side: sessions of a user without scanning.
  await sql`create index chat_sessions_creator_idx on chat_sessions (creator_id)`.execute(db);
  await sql`create index chat_sessions_consumer_idx on chat_sessions (consumer_id)`.execute(db);

  await sql`
    create table chat_participants (
      chat_id uuid not null references chat_sessions (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('consumer', 'creator')),
      muted boolean not null default false,
      last_read_message_id uuid,
      last_read_at timestamptz,
      primary key (chat_id, user_id)
    )`.execute(db);
  // The inbox and the unread badge start from the user's participations.
  await sql`create index chat_participants_user_idx on chat_participants (user_id, chat_id)`.execute(db);

  await sql`
    create table chat_messages (
      id uuid primary key,
      chat_id uuid not null references chat_sessions (id) on delete cascade,
      sender_id uuid references users (id) on delete set null,
      client_id text check (char_length(client_id) between 1 and 64),
      body text not null check (char_length(body) between 1 and 1000),
      status text not null default 'visible' check (status in ('visible', 'held', 'rejected')),
      hold_reasons text[] not null default '{}',
      reviewed_by uuid references users (id) on delete set null,
      reviewed_at timestamptz,
      created_at timestamptz not null default now(),
      constraint chat_messages_client_key unique (sender_id, client_id)
    )`.execute(db);
  // History pages, resume and the last message of a session: a walk of one session's ids.
  await sql`create index chat_messages_chat_idx on chat_messages (chat_id, id)`.execute(db);
  // Unread counts: visible messages after the reader's marker, the sender read from the index alone.
  await sql`create index chat_messages_unread_idx on chat_messages (chat_id, id) include (sender_id)
    where status = 'visible'`.execute(db);
  // The moderators' queue of held messages, oldest first.
  await sql`create index chat_messages_held_idx on chat_messages (created_at, id) where status = 'held'`.execute(
    db,
  );
  // Repeated identical messages: the sender's recent messages.
  await sql`create index chat_messages_sender_idx on chat_messages (sender_id, created_at)`.execute(db);

  await sql`alter table notifications add column collapse_key text`.execute(db);
  await sql`create unique index notifications_collapse_idx on notifications (user_id, collapse_key)
    where read_at is null and collapse_key is not null`.execute(db);
}
