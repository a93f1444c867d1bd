import { type Kysely, sql } from 'kysely';

/**
 * Privacy, DSGVO (issue 9, SPEC §4.7; docs/privacy.md).
 *
 * - `users.status` gains `deactivated`: erasure requested, anonymised when the 7-day cancellation
 *   window ends. `users.inactivity_warned_at`: the 12-month inactivity warning was sent.
 * - `sessions.authenticated_at`: when the password (and 2FA) was last confirmed on this device
 *   (sign-in or re-authentication), for actions that need a recent login (export download).
 * - `legal_documents`: privacy policy, terms and imprint, versioned, de and en (Markdown).
 * - `consent_records`: every consent given or withdrawn, with the text version (append-only).
 * - `privacy_requests`: data-subject requests (export, erasure, restriction, rectification),
 *   self-service or recorded by an admin, with their 30-day due date.
 * - `data_exports`: the ZIPs built for Art. 15/20, offered for 7 days.
 * - `account_erasures`: a requested erasure, its cancellation token and its Nano choice.
 * - `restriction_holds`: content a restriction (Art. 18) took offline, restored when it is lifted.
 * - `audit_chain_head.anchor_seq/anchor_hash`: the last event the 7-year retention purged, so
 *   `audit verify` starts the chain there instead of at the genesis.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in
    ('active', 'suspended', 'restricted', 'deactivated', 'deleted'))`.execute(db);
  await sql`alter table users add column inactivity_warned_at timestamptz`.execute(db);
  await sql`create index users_last_login_idx on users (coalesce(last_login_at, created_at))
    where status = 'active'`.execute(db);
  await sql`alter table sessions add column authenticated_at timestamptz`.execute(db);
  await sql`alter table audit_chain_head
    add column anchor_seq bigint not null default 0,
    add column anchor_hash text`.execute(db);

  await sql`
    create table legal_documents (
      id uuid primary key,
      kind text not null check (kind in ('privacy', 'terms', 'imprint')),
      version integer not null check (version > 0),
      title_de text not null,
      title_en text not null,
      body_de text not null,
      body_en text not null,
      requires_acceptance boolean not null,
      change_note text,
      published_at timestamptz not null,
      published_by uuid references users (id) on delete set null,
      unique (kind, version)
    )`.execute(db);

  await sql`
    create table consent_records (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      type text not null check (type in ('terms', 'privacy', 'marketing', 'notification_email')),
      text_version integer not null,
      given boolean not null,
      source text not null check (source in ('registration', 'settings', 'login', 'admin')),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index consent_records_user_idx on consent_records (user_id, type, created_at desc)`.execute(
    db,
  );

  await sql`
    create table privacy_requests (
      id uuid primary key,
      user_id uuid references users (id) on delete set null,
      type text not null check (type in ('export', 'erasure', 'restriction', 'rectification')),
      status text not null check (status in ('open', 'in_progress', 'completed', 'cancelled', 'rejected')),
      channel text not null check (channel in ('self_service', 'email', 'letter')),
      received_at timestamptz not null,
      due_at timestamptz not null,
      completed_at timestamptz,
      verification_note text,
      note text,
      recorded_by uuid references users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index privacy_requests_status_idx on privacy_requests (status, due_at)`.execute(db);
  await sql`create index privacy_requests_user_idx on privacy_requests (user_id)`.execute(db);

  await sql`
    create table data_exports (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      request_id uuid references privacy_requests (id) on delete set null,
      requested_by uuid references users (id) on delete set null,
      status text not null check (status in ('pending', 'building', 'ready', 'failed', 'expired')),
      locale text not null check (locale in ('de', 'en')),
      object_key text,
      size_bytes bigint,
      error text,
      created_at timestamptz not null,
      ready_at timestamptz,
      expires_at timestamptz,
      downloaded_at timestamptz
    )`.execute(db);
  await sql`create index data_exports_user_idx on data_exports (user_id, created_at desc)`.execute(db);
  await sql`create index data_exports_expiry_idx on data_exports (expires_at) where status = 'ready'`.execute(
    db,
  );

  await sql`
    create table account_erasures (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      request_id uuid references privacy_requests (id) on delete set null,
      nanos text not null check (nanos in ('keep_anonymised', 'delete')),
      reason text,
      previous_status text not null,
      cancel_token_hash text not null,
      requested_at timestamptz not null,
      scheduled_for timestamptz not null,
      cancelled_at timestamptz,
      completed_at timestamptz
    )`.execute(db);
  await sql`create unique index account_erasures_pending_idx on account_erasures (user_id)
    where cancelled_at is null and completed_at is null`.execute(db);

  await sql`
    create table restriction_holds (
      user_id uuid not null references users (id) on delete cascade,
      target_type text not null check (target_type in ('nano', 'rating')),
      target_id uuid not null,
      previous_state text not null,
      created_at timestamptz not null,
      primary key (user_id, target_type, target_id)
    )`.execute(db);
}
