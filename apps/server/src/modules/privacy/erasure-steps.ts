import { ERASED_USER_NAME, type ErasureNanoChoice } from '@nano/contracts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { applyNanoModeration } from '../catalog/moderation-actions.ts';
import { revokeUserSessions } from '../identity/sessions.repository.ts';
import { changeFavoriteCount, deleteFavorite, favoriteIds } from '../lists/favorites.repository.ts';

/**
 * The steps of an erasure (DSGVO Art. 17), one per table group, each in the caller's transaction.
 * What each table keeps and why is listed in personal-data.registry.ts.
 */

type Trx = Transaction<Database>;

/** The name an erased account shows wherever its content stays (published Nanos, chats, ratings). */
export const ERASED_DISPLAY_NAME = ERASED_USER_NAME.de;

/**
 * Nanos that only their creator could continue (never submitted, or sent back for changes): soft-
 * deleted even when the published ones stay, since nobody can finish them after the erasure.
 */
const UNFINISHED_NANO_STATUSES = ['draft', 'changes_requested'] as const;

/** Identity's tables: the account row, profile, verification, 2FA codes, sessions and tokens. */
export async function anonymiseAccount(trx: Trx, userId: string, now: Date): Promise<string | null> {
  await trx
    .updateTable('users')
    .set({
      email: null,
      username: null,
      display_name: ERASED_DISPLAY_NAME,
      password_hash: null,
      totp_secret_encrypted: null,
      totp_enabled_at: null,
      totp_last_step: null,
      email_verified_at: null,
      must_change_password: false,
      failed_login_count: 0,
      lock_count: 0,
      locked_until: null,
      status: 'deleted',
      suspended_until: null,
      inactivity_warned_at: null,
      last_login_at: null,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
  const profile = await trx
    .selectFrom('user_profiles')
    .select('avatar_key')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  await trx
    .updateTable('user_profiles')
    .set({
      bio: null,
      company: null,
      job_title: null,
      website: null,
      phone_encrypted: null,
      interests: [],
      avatar_key: null,
      avatar_updated_at: null,
      provider_verified_at: null,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .execute();
  await trx.deleteFrom('provider_verifications').where('user_id', '=', userId).execute();
  await trx.deleteFrom('user_backup_codes').where('user_id', '=', userId).execute();
  // Revoked first (a live socket checks the session), then gone with its device and network:
  // nothing needs a dead account's sign-in history. Refresh tokens go with their sessions.
  await revokeUserSessions(trx, userId, 'erased', now);
  await trx
    .deleteFrom('refresh_tokens')
    .where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('user_id', '=', userId))
    .execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
  await trx.deleteFrom('creator_standing').where('user_id', '=', userId).execute();
  return profile?.avatar_key ?? null;
}

/**
 * Feedback's tables: helpful marks removed with their counters lowered first (docs/feedback.md),
 * their ratings kept as anonymous scores without the comment (score, `score_counts` and so the
 * Nano's average stay as they are), their replies removed.
 */
export async function removeFeedback(trx: Trx, userId: string): Promise<void> {
  await sql`
    update ratings set helpful_count = greatest(helpful_count - 1, 0)
     where id in (select rating_id from rating_helpful_votes where user_id = ${userId})`.execute(trx);
  await trx.deleteFrom('rating_helpful_votes').where('user_id', '=', userId).execute();
  await trx
    .updateTable('ratings')
    .set({ comment: null, comment_hidden_at: null, user_id: null })
    .where('user_id', '=', userId)
    .execute();
  await trx
    .updateTable('ratings')
    .set({ reply_text: null, reply_author_id: null, reply_created_at: null, reply_updated_at: null })
    .where('reply_author_id', '=', userId)
    .execute();
}

/** Favourites through the lists module's own functions, so every Nano's counter drops by one. */
export async function removeFavourites(trx: Trx, userId: string): Promise<void> {
  for (const nanoId of await favoriteIds(trx, userId)) {
    if (await deleteFavorite(trx, userId, nanoId)) {
      await changeFavoriteCount(trx, nanoId, -1);
    }
  }
}

/**
 * What only the user had (lists with their items, saved searches, notifications, notification
 * settings and mail log, activity days, review claims, restriction holds): deleted outright.
 * Data exports are deleted by {@link removeDataExports} (their files after the commit).
 */
export async function removeOwnData(trx: Trx, userId: string): Promise<void> {
  await trx.deleteFrom('lists').where('owner_id', '=', userId).execute();
  await trx.deleteFrom('saved_searches').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_settings').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_email_log').where('user_id', '=', userId).execute();
  await trx.deleteFrom('user_activity_days').where('user_id', '=', userId).execute();
  await trx.deleteFrom('nano_review_claims').where('moderator_id', '=', userId).execute();
  await trx.deleteFrom('restriction_holds').where('user_id', '=', userId).execute();
}

/** The user's data exports: rows deleted now; returns the object keys to delete after the commit. */
export async function removeDataExports(trx: Trx, userId: string): Promise<string[]> {
  const rows = await trx
    .deleteFrom('data_exports')
    .where('user_id', '=', userId)
    .returning('object_key')
    .execute();
  return rows.map((row) => row.object_key).filter((key): key is string => key !== null);
}

/**
 * Content others keep: chat messages (without sender and client id; the user's read markers and
 * mute switch go, the participation stays so the other party keeps the session), flags (without
 * reporter) and counter-notices to takedowns (their text removed). Moderation decisions and appeals
 * stay as they are (DSA record, see the registry), pointing at the anonymised account.
 */
export async function deIdentifyContributions(trx: Trx, userId: string): Promise<void> {
  await trx
    .updateTable('chat_messages')
    .set({ sender_id: null, client_id: null })
    .where('sender_id', '=', userId)
    .execute();
  await trx
    .updateTable('chat_participants')
    .set({ muted: false, last_read_message_id: null, last_read_at: null })
    .where('user_id', '=', userId)
    .execute();
  await trx.updateTable('flags').set({ reporter_id: null }).where('reporter_id', '=', userId).execute();
  await trx
    .updateTable('takedown_notices')
    .set({ response_text: null })
    .where('creator_id', '=', userId)
    .where('response_text', 'is not', null)
    .execute();
  await trx
    .updateTable('provider_verifications')
    .set({ verified_by: null })
    .where('verified_by', '=', userId)
    .execute();
}

/**
 * Copies of the emails sent to the address (the embedded mailer's outbox), so the address is gone
 * from the database too. Call before the account row loses its email.
 */
export async function removeMailCopies(trx: Trx, userId: string): Promise<void> {
  const account = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  if (account?.email) {
    await trx.deleteFrom('mail_outbox').where('to_address', '=', account.email).execute();
  }
}

/**
 * The user's Nanos: with `delete` every one is soft-deleted the way the catalog deletes a Nano
 * (status `deleted`, the status before remembered), so others' favourites and lists treat them as
 * any deleted Nano. With `keep_anonymised` the published (and hidden or archived) ones stay under
 * the erased name; unfinished drafts are deleted either way. Returns the ids deleted.
 */
export async function handleNanos(
  trx: Trx,
  deps: { clock: { now(): Date }; audit: AuditService },
  input: { userId: string; nanos: ErasureNanoChoice; by: string | null },
): Promise<string[]> {
  let query = trx
    .selectFrom('nanos')
    .select('id')
    .where('creator_id', '=', input.userId)
    .where('status', '<>', 'deleted');
  if (input.nanos === 'keep_anonymised') {
    query = query.where('status', 'in', UNFINISHED_NANO_STATUSES);
  }
  const ids = (await query.orderBy('id').execute()).map((row) => row.id);
  for (const nanoId of ids) {
    const moved = await applyNanoModeration(trx, deps, { nanoId, action: 'delete' });
    await deps.audit.record(
      {
        actorId: input.by,
        action: 'nano.delete',
        targetType: 'nano',
        targetId: nanoId,
        details: { from: moved.statusBefore, to: moved.statusAfter, reason: 'account_erased' },
      },
      trx,
    );
  }
  return ids;
}
