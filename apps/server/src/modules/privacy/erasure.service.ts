import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { lockAccount, lockActiveAdmins } from '../identity/admin-users.repository.ts';
import { revokeUserSessions } from '../identity/sessions.repository.ts';
import { changeFavoriteCount, deleteFavorite, favoriteIds } from '../lists/favorites.repository.ts';

/** The name an erased account shows wherever its content stays (published Nanos, chats). */
export const ERASED_DISPLAY_NAME = 'Gelöschter Nutzer';

/** What erasing an account uses. */
export interface ErasureDeps {
  db: Kysely<Database>;
  clock: Clock;
  storage: ObjectStorage;
  audit: AuditService;
}

/** Who erases the account and from where (for the audit trail). */
export interface ErasureRequest {
  by: string;
  /** An admin erases someone else's account: they must still be an active admin when it happens. */
  asAdmin: boolean;
  ip?: string | null;
  userAgent?: string | null;
}

type Trx = Transaction<Database>;

/**
 * Erases an account by anonymising it (DSGVO Art. 17, SPEC §4.7), in one transaction:
 *
 * - `users`: email and username removed (both can be registered again), name "Gelöschter
 *   Nutzer", password, 2FA and backup codes gone, status `deleted` (no login, no session);
 * - `user_profiles`: every personal field cleared (the avatar file is deleted after the commit),
 *   the provider verification removed;
 * - `sessions` revoked, `refresh_tokens` and `user_tokens` deleted;
 * - feedback: their ratings stay as anonymous scores without the comment, their replies are
 *   removed, their helpful marks deleted and the counters lowered (docs/feedback.md);
 * - favourites (Nano counters lowered), lists, saved searches, notifications and their settings,
 *   activity days deleted; review claims released;
 * - chat: their messages stay for the other party, without sender and client id;
 * - flags they filed stay, without the reporter.
 *
 * Their Nanos stay under the new name (`creator_id` is kept). The last active admin cannot be
 * erased, and an admin cannot erase their own account this way. Export, the cancellation window and the personal-data registry follow
 * with the privacy issue (issue 9).
 */
export async function eraseAccount(
  deps: ErasureDeps,
  userId: string,
  request: ErasureRequest,
): Promise<void> {
  if (request.asAdmin && userId === request.by) {
    throw new AppError('admin_self_action');
  }
  const now = deps.clock.now();
  const avatarKey = await deps.db.transaction().execute(async (trx) => {
    // The admins first, in the same order as every other admin change, then the account.
    const admins = await lockActiveAdmins(trx);
    const account = await lockAccount(trx, userId);
    if (!account) {
      throw new AppError('not_found');
    }
    if (account.status === 'deleted') {
      throw new AppError('conflict', { detail: 'account_deleted' });
    }
    if (admins.includes(userId) && admins.length <= 1) {
      throw new AppError('last_admin');
    }
    if (request.asAdmin && !admins.includes(request.by)) {
      throw new AppError('forbidden');
    }
    const avatar = await anonymiseAccount(trx, userId, now);
    await removeFeedback(trx, userId);
    await removeFavourites(trx, userId);
    await removeOwnData(trx, userId);
    await deIdentifyContributions(trx, userId);
    await deps.audit.record(
      {
        actorId: request.by,
        action: 'user.erased_by_admin',
        targetType: 'user',
        targetId: userId,
        // No personal data: the account's id (the target) is all that identifies it.
        details: { before: { status: account.status, role: account.role }, after: { status: 'deleted' } },
        ip: request.ip ?? null,
        userAgent: request.userAgent ?? null,
      },
      trx,
    );
    return avatar;
  });
  if (avatarKey) {
    await deps.storage.delete(avatarKey);
  }
}

/** Identity's tables: the account row, profile, verification, 2FA codes, sessions and tokens. */
async function anonymiseAccount(trx: Trx, userId: string, now: Date): Promise<string | null> {
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
      locked_until: null,
      status: 'deleted',
      suspended_until: null,
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
  await revokeUserSessions(trx, userId, 'erased', now);
  await trx
    .deleteFrom('refresh_tokens')
    .where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('user_id', '=', userId))
    .execute();
  await trx.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
  return profile?.avatar_key ?? null;
}

/**
 * Feedback's tables (no erasure function there yet): helpful marks removed with their counters
 * lowered first (docs/feedback.md), their ratings kept as anonymous scores without the comment
 * (score, `score_counts` and so the Nano's average stay as they are), their replies removed.
 */
async function removeFeedback(trx: Trx, userId: string): Promise<void> {
  await sql`
    update ratings set helpful_count = greatest(helpful_count - 1, 0)
     where id in (select rating_id from rating_helpful_votes where user_id = ${userId})`.execute(trx);
  await trx.deleteFrom('rating_helpful_votes').where('user_id', '=', userId).execute();
  await trx
    .updateTable('ratings')
    .set({ comment: null, user_id: null })
    .where('user_id', '=', userId)
    .execute();
  await trx
    .updateTable('ratings')
    .set({ reply_text: null, reply_author_id: null, reply_created_at: null, reply_updated_at: null })
    .where('reply_author_id', '=', userId)
    .execute();
}

/** Favourites through the lists module's own functions, so every Nano's counter drops by one. */
async function removeFavourites(trx: Trx, userId: string): Promise<void> {
  for (const nanoId of await favoriteIds(trx, userId)) {
    if (await deleteFavorite(trx, userId, nanoId)) {
      await changeFavoriteCount(trx, nanoId, -1);
    }
  }
}

/**
 * What only the user had (lists with their items, saved searches, notifications, notification
 * settings and mail log, activity days, review claims): deleted outright.
 */
async function removeOwnData(trx: Trx, userId: string): Promise<void> {
  await trx.deleteFrom('lists').where('owner_id', '=', userId).execute();
  await trx.deleteFrom('saved_searches').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_settings').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_email_log').where('user_id', '=', userId).execute();
  await trx.deleteFrom('user_activity_days').where('user_id', '=', userId).execute();
  await trx.deleteFrom('nano_review_claims').where('moderator_id', '=', userId).execute();
}

/** Content others keep: chat messages (without sender and client id) and flags (without reporter). */
async function deIdentifyContributions(trx: Trx, userId: string): Promise<void> {
  await trx
    .updateTable('chat_messages')
    .set({ sender_id: null, client_id: null })
    .where('sender_id', '=', userId)
    .execute();
  await trx.updateTable('flags').set({ reporter_id: null }).where('reporter_id', '=', userId).execute();
}
