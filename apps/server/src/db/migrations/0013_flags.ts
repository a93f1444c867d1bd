import { type Kysely, sql } from 'kysely';

/**
 * Flags: a user reports a Nano, a rating, a chat message or a user to the moderators (issue 7 for
 * messages; the moderation issue builds its queue on this table). One open flag per reporter and
 * target; a resolved flag leaves room for a new one. `target_id` has no foreign key, since the
 * target lives in the table of its own module.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table flags (
      id uuid primary key,
      reporter_id uuid references users (id) on delete set null,
      target_type text not null check (target_type in ('nano', 'rating', 'message', 'user')),
      target_id uuid not null,
      reason text not null check (char_length(reason) between 1 and 50),
      description text not null default '' check (char_length(description) <= 1000),
      status text not null default 'open' check (status in ('open', 'resolved')),
      resolution text check (char_length(resolution) between 1 and 50),
      resolution_note text check (char_length(resolution_note) <= 1000),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid references users (id) on delete set null
    )`.execute(db);
  await sql`create unique index flags_one_open_idx on flags (reporter_id, target_type, target_id)
    where status = 'open'`.execute(db);
  // The queue: open flags by target, and the targets with open flags, oldest first.
  await sql`create index flags_open_target_idx on flags (target_type, target_id, created_at) where status = 'open'`.execute(
    db,
  );
  await sql`create index flags_open_queue_idx on flags (target_type, created_at) where status = 'open'`.execute(
    db,
  );
}
