import { randomBytes } from 'node:crypto';
import { type Kysely, type QueryExecutorProvider, sql } from 'kysely';

/**
 * Creator analytics (issue 6, SPEC §4.4): raw view/download events that name no person, the daily
 * salts their viewer hashes are made with, the daily rollups the dashboard reads, and the rollup
 * job's state. See docs/analytics.md for the privacy rules.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table nano_events (
      id bigint generated always as identity primary key,
      nano_id uuid not null references nanos (id) on delete cascade,
      kind text not null check (kind in ('view', 'download')),
      viewer_hash text,
      day date not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index nano_events_day_idx on nano_events (day)`.execute(db);

  // One random salt per UTC day, deleted once the day is over and rolled up.
  await sql`
    create table analytics_salts (
      day date primary key,
      salt text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table nano_daily_stats (
      nano_id uuid not null references nanos (id) on delete cascade,
      day date not null,
      views integer not null default 0,
      unique_viewers integer not null default 0,
      downloads integer not null default 0,
      favorites integer not null default 0,
      ratings_count integer not null default 0,
      ratings_sum integer not null default 0,
      primary key (nano_id, day)
    )`.execute(db);
  await sql`create index nano_daily_stats_day_idx on nano_daily_stats (day)`.execute(db);

  await sql`
    create table analytics_state (
      id boolean primary key default true check (id),
      last_rolled_day date,
      last_rollup_at timestamptz
    )`.execute(db);
  await sql`insert into analytics_state (id) values (true)`.execute(db);

  await hashLegacyViewerKeys(db);
}

/**
 * Replaces the viewer keys already in `nano_views` (`u:<user id>`, `v:<visitor cookie>`) with
 * SHA-256 over a random salt that is never stored, the key and the day: the rows still deduplicate
 * per viewer and day, but nobody can tell whose they were. A viewer of the upgrade day may be counted
 * once more that day, as the daily HMAC of new views cannot match these hashes.
 */
export async function hashLegacyViewerKeys(db: QueryExecutorProvider): Promise<void> {
  const salt = randomBytes(32).toString('hex');
  await sql`
    update nano_views
    set viewer_key = encode(sha256(convert_to(${salt} || ':' || viewer_key || ':' || day::text, 'UTF8')), 'hex')
    where viewer_key like 'u:%' or viewer_key like 'v:%'`.execute(db);
}
