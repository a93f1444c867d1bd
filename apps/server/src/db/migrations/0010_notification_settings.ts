import { type Kysely, sql } from 'kysely';

/**
 * Notification settings and batched emails (issue 6):
 * - `notification_settings`: the channel a user chose per type; a type without a row uses the
 *   default from the code (`NOTIFICATION_DEFAULT_CHANNELS`), so new types need no data migration.
 * - `notifications.email_status`: null when the notification is in-app only; `pending` while it
 *   waits for the next email of its user and type; then `sent`, `skipped` (read before the email,
 *   email channel turned off, or no verified address) or `failed` (the mail transport kept failing).
 * - `notification_email_log`: when the user last got an email of a type, so at most one goes out
 *   per user and type in the batch window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_settings (
      user_id uuid not null references users (id) on delete cascade,
      type text not null,
      channel text not null check (channel in ('in_app', 'email', 'off')),
      updated_at timestamptz not null default now(),
      primary key (user_id, type)
    )`.execute(db);
  await sql`
    alter table notifications
      add column email_status text check (email_status in ('pending', 'sent', 'skipped', 'failed')),
      add column email_sent_at timestamptz`.execute(db);
  // The flush job looks only for pending emails; the partial index stays as small as the backlog.
  await sql`
    create index notifications_email_pending_idx on notifications (user_id, type, created_at)
      where email_status = 'pending'`.execute(db);
  await sql`
    create table notification_email_log (
      user_id uuid not null references users (id) on delete cascade,
      type text not null,
      last_sent_at timestamptz not null,
      primary key (user_id, type)
    )`.execute(db);
}
