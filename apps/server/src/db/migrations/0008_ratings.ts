import { type Kysely, sql } from 'kysely';

/**
 * Ratings, comments, creator replies and helpful votes (issue 6). The Nano's `rating_avg` and
 * `rating_count` (migration 0004) are recomputed from these rows by every rating write, in the
 * same transaction, with the Nano's row locked first (docs/feedback.md). The length checks hold
 * the limits of `FEEDBACK_LIMITS` as they were when this migration was written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ratings (
      id uuid primary key,
      nano_id uuid not null references nanos (id) on delete cascade,
      user_id uuid references users (id) on delete set null,
      score smallint not null check (score between 1 and 5),
      comment text check (char_length(comment) between 1 and 500),
      comment_hidden_at timestamptz,
      comment_hidden_by uuid references users (id) on delete set null,
      score_counts boolean not null default true,
      helpful_count integer not null default 0 check (helpful_count >= 0),
      reply_text text check (char_length(reply_text) between 1 and 500),
      reply_author_id uuid references users (id) on delete set null,
      reply_created_at timestamptz,
      reply_updated_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint ratings_nano_user_key unique (nano_id, user_id)
    )`.execute(db);
  // The two sorts of a Nano's list, each an index walk that stops after the page.
  await sql`create index ratings_nano_newest_idx on ratings (nano_id, created_at desc, id desc)`.execute(db);
  await sql`create index ratings_nano_helpful_idx on ratings (nano_id, helpful_count desc, created_at desc, id desc)`.execute(
    db,
  );
  // The recount after every write and the summary's distribution: an index-only scan per Nano.
  await sql`create index ratings_nano_score_idx on ratings (nano_id, score) where score_counts`.execute(db);
  // The few ratings moderation excluded: with nanos.rating_count the length of a Nano's list.
  await sql`create index ratings_excluded_idx on ratings (nano_id) where not score_counts`.execute(db);
  // "Meine Bewertungen": the user's ratings, last changed first.
  await sql`create index ratings_user_idx on ratings (user_id, updated_at desc, id desc)`.execute(db);
  // The creator's inbox filter "unanswered": comments without a reply, per Nano (joined from the creator's Nanos).
  await sql`create index ratings_unanswered_idx on ratings (nano_id, created_at desc, id desc)
    where comment is not null and reply_text is null`.execute(db);

  await sql`
    create table rating_helpful_votes (
      rating_id uuid not null references ratings (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (rating_id, user_id)
    )`.execute(db);
  // Deleting an account removes its votes (cascade) without scanning the table.
  await sql`create index rating_helpful_votes_user_idx on rating_helpful_votes (user_id)`.execute(db);
}
