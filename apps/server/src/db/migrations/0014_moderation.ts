import { type Kysely, sql } from 'kysely';

/**
 * Moderation, trust and safety, administration (issue 8, SPEC §4.6, §4.8; docs/moderation.md).
 *
 * - `nanos.status` gains `hidden`: taken offline by moderation while a takedown notice or a flag is
 *   examined ("wird geprüft"). Everything that shows published Nanos already filters on status.
 * - `nano_versions.metadata`: the Nano's metadata as submitted with the version (the review diff);
 *   `sampled_at`/`sample_decided_at`: a trusted creator's version picked for post-publication review.
 * - `nano_review_claims`: one reviewer at a time per Nano, until `expires_at`.
 * - `moderation_decisions`: the statement of reasons of every decision (EU DSA Art. 17): the rules
 *   cited, the facts, whether automated means were used, until when it may be appealed.
 * - `moderation_appeals`: one per decision, decided by a different moderator.
 * - `takedown_notices`: copyright notices from the public form, confirmed by email.
 * - `creator_standing`: trust (after 10 approvals) and its loss, and blocked uploads.
 * - `provider_verifications`: the register number behind a provider's verified badge.
 * - `categories.active`: deactivated categories stay on their Nanos but are no longer offered.
 * - `user_activity_days`: one row per user and day with activity (DAU/WAU/MAU).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table nanos drop constraint nanos_status_check`.execute(db);
  await sql`alter table nanos add constraint nanos_status_check check (status in
    ('draft', 'pending_review', 'changes_requested', 'published', 'hidden', 'rejected', 'archived', 'deleted'))`.execute(
    db,
  );

  await sql`alter table nano_versions
    add column metadata jsonb,
    add column sampled_at timestamptz,
    add column sample_decided_at timestamptz`.execute(db);
  await sql`create index nano_versions_sampled_idx on nano_versions (sampled_at)
    where sampled_at is not null and sample_decided_at is null`.execute(db);

  await sql`
    create table nano_review_claims (
      nano_id uuid primary key references nanos (id) on delete cascade,
      moderator_id uuid not null references users (id) on delete cascade,
      claimed_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table moderation_decisions (
      id uuid primary key,
      target_type text not null check (target_type in ('nano', 'rating', 'message', 'user', 'chat')),
      target_id uuid not null,
      target_label text not null default '' check (char_length(target_label) <= 300),
      affected_user_id uuid references users (id) on delete set null,
      action text not null check (action in
        ('approve', 'request_changes', 'reject', 'hide', 'archive', 'delete', 'suspend', 'warn', 'restore', 'none')),
      source text not null check (source in ('review', 'sample', 'flag', 'takedown', 'appeal', 'admin')),
      reasons text[] not null default '{}',
      statement text not null default '' check (char_length(statement) <= 5000),
      automated boolean not null default false,
      decided_by uuid references users (id) on delete set null,
      related_id uuid,
      created_at timestamptz not null,
      appealable_until timestamptz,
      reversed_at timestamptz
    )`.execute(db);
  await sql`create index moderation_decisions_affected_idx on moderation_decisions (affected_user_id, created_at desc)`.execute(
    db,
  );
  await sql`create index moderation_decisions_target_idx on moderation_decisions (target_type, target_id, created_at desc)`.execute(
    db,
  );
  await sql`create index moderation_decisions_created_idx on moderation_decisions (created_at)`.execute(db);

  await sql`
    create table moderation_appeals (
      id uuid primary key,
      decision_id uuid not null unique references moderation_decisions (id) on delete cascade,
      appellant_id uuid references users (id) on delete set null,
      text text not null check (char_length(text) between 1 and 5000),
      status text not null default 'open' check (status in ('open', 'upheld', 'reversed')),
      created_at timestamptz not null,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      outcome_statement text check (char_length(outcome_statement) <= 5000)
    )`.execute(db);
  await sql`create index moderation_appeals_status_idx on moderation_appeals (status, created_at)`.execute(
    db,
  );

  await sql`
    create table takedown_notices (
      id uuid primary key,
      nano_id uuid not null references nanos (id) on delete cascade,
      creator_id uuid references users (id) on delete set null,
      complainant_name text not null check (char_length(complainant_name) between 1 and 200),
      complainant_email text not null check (char_length(complainant_email) between 3 and 254),
      work text not null check (char_length(work) between 1 and 5000),
      original_location text not null check (char_length(original_location) between 1 and 2000),
      locale text not null default 'de' check (locale in ('de', 'en')),
      status text not null default 'unconfirmed' check (status in
        ('unconfirmed', 'awaiting_response', 'responded', 'upheld', 'rejected', 'expired')),
      confirm_token_hash text unique,
      confirm_expires_at timestamptz,
      ip_network text,
      created_at timestamptz not null,
      confirmed_at timestamptz,
      response_due_at timestamptz,
      response_text text check (char_length(response_text) <= 5000),
      responded_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      decision_id uuid references moderation_decisions (id) on delete set null
    )`.execute(db);
  await sql`create index takedown_notices_status_idx on takedown_notices (status, created_at)`.execute(db);
  await sql`create index takedown_notices_nano_idx on takedown_notices (nano_id)`.execute(db);
  await sql`create index takedown_notices_due_idx on takedown_notices (response_due_at)
    where status = 'awaiting_response'`.execute(db);
  await sql`create index takedown_notices_creator_idx on takedown_notices (creator_id, decided_at)
    where status in ('upheld', 'expired')`.execute(db);

  await sql`
    create table creator_standing (
      user_id uuid primary key references users (id) on delete cascade,
      trusted_at timestamptz,
      trust_revoked_at timestamptz,
      trust_revoked_reason text,
      uploads_blocked_at timestamptz,
      uploads_blocked_reason text
    )`.execute(db);

  await sql`
    create table provider_verifications (
      user_id uuid primary key references users (id) on delete cascade,
      register_number text not null check (char_length(register_number) between 1 and 100),
      note text not null default '' check (char_length(note) <= 1000),
      verified_at timestamptz not null,
      verified_by uuid references users (id) on delete set null
    )`.execute(db);

  await sql`alter table categories add column active boolean not null default true`.execute(db);

  await sql`
    create table user_activity_days (
      user_id uuid not null references users (id) on delete cascade,
      day date not null,
      primary key (day, user_id)
    )`.execute(db);
  await sql`create index user_activity_days_user_idx on user_activity_days (user_id)`.execute(db);
}
