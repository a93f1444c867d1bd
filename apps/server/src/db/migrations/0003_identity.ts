import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key,
      email text unique,
      username text unique,
      display_name text not null,
      password_hash text,
      role text not null default 'consumer' check (role in ('consumer', 'creator', 'moderator', 'admin')),
      status text not null default 'active' check (status in ('active', 'suspended', 'restricted', 'deleted')),
      locale text not null default 'de' check (locale in ('de', 'en')),
      email_verified_at timestamptz,
      must_change_password boolean not null default false,
      totp_secret_encrypted text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_login_count integer not null default 0,
      lock_count integer not null default 0,
      locked_until timestamptz,
      suspended_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index users_role_idx on users (role) where status = 'active'`.execute(db);

  await sql`
    create table user_backup_codes (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index user_backup_codes_user_idx on user_backup_codes (user_id)`.execute(db);

  await sql`
    create table user_tokens (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
      token_hash text not null unique,
      new_email text,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index user_tokens_user_idx on user_tokens (user_id, purpose)`.execute(db);

  await sql`
    create table sessions (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      user_agent text,
      ip text,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoke_reason text
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id) where revoked_at is null`.execute(db);

  await sql`
    create table refresh_tokens (
      id uuid primary key,
      session_id uuid not null references sessions (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      rotated_at timestamptz
    )`.execute(db);
  await sql`create index refresh_tokens_session_idx on refresh_tokens (session_id)`.execute(db);

  await sql`
    create table user_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      bio text,
      company text,
      job_title text,
      website text,
      phone_encrypted text,
      interests uuid[] not null default '{}',
      avatar_key text,
      avatar_updated_at timestamptz,
      provider_verified_at timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
}
