import { type Kysely, sql } from 'kysely';

/** Favourites and curated lists (issue 6, SPEC §4.4). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table favorites (
      user_id uuid not null references users (id) on delete cascade,
      nano_id uuid not null references nanos (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (user_id, nano_id)
    )`.execute(db);
  await sql`create index favorites_nano_idx on favorites (nano_id)`.execute(db);

  await sql`
    create table lists (
      id uuid primary key,
      owner_id uuid not null references users (id) on delete cascade,
      name text not null check (char_length(name) between 1 and 100),
      description text not null default '' check (char_length(description) <= 500),
      share_token text unique,
      shared_at timestamptz,
      item_count integer not null default 0 check (item_count >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index lists_owner_idx on lists (owner_id, updated_at desc)`.execute(db);

  await sql`
    create table list_items (
      list_id uuid not null references lists (id) on delete cascade,
      nano_id uuid not null references nanos (id) on delete cascade,
      position integer not null,
      added_at timestamptz not null default now(),
      primary key (list_id, nano_id)
    )`.execute(db);
  await sql`create index list_items_position_idx on list_items (list_id, position)`.execute(db);
}
