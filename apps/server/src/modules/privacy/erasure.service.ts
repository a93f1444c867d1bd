import type { ErasureNanoChoice } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { lockAccount, lockActiveAdmins } from '../identity/admin-users.repository.ts';
import {
  anonymiseAccount,
  deIdentifyContributions,
  handleNanos,
  removeDataExports,
  removeFavourites,
  removeFeedback,
  removeMailCopies,
  removeOwnData,
} from './erasure-steps.ts';
import { setPrivacyRequestStatus } from './privacy-requests.repository.ts';

export { ERASED_DISPLAY_NAME } from './erasure-steps.ts';

/** What erasing an account uses. */
export interface ErasureDeps {
  db: Kysely<Database>;
  clock: Clock;
  storage: ObjectStorage;
  audit: AuditService;
}

/** Who erases the account, why and from where (for the audit trail). */
export interface ErasureRequest {
  /**
   * `self`: the user's own request after its cancellation window (the job); `admin`: an admin
   * erases someone else's account (they must still be an active admin when it happens);
   * `retention`: the inactivity rule of the retention job.
   */
  mode: 'self' | 'admin' | 'retention';
  /** The acting user; null for the system (jobs). */
  by: string | null;
  /** What happens to their Nanos (default: they stay under the erased name). */
  nanos?: ErasureNanoChoice;
  ip?: string | null;
  userAgent?: string | null;
}

/** What an erasure did, for the caller's report. */
export interface ErasureResult {
  /** The Nanos it soft-deleted. */
  deletedNanoIds: string[];
}

/**
 * Erases an account by anonymising it (DSGVO Art. 17, SPEC §4.7, docs/privacy.md), at once and
 * in one transaction (the cancellation window of a self-service request lies before this):
 *
 * - `users`: email and username removed (both can be registered again), name "Gelöschter
 *   Nutzer", password, 2FA and backup codes gone, status `deleted` (no login, no session);
 * - `user_profiles`: every personal field cleared (the avatar file is deleted after the commit),
 *   the provider verification and creator standing removed;
 * - `sessions` and `refresh_tokens` deleted (revoked first), `user_tokens` deleted;
 * - feedback: their ratings stay as anonymous scores without the comment, their replies are
 *   removed, their helpful marks deleted and the counters lowered (docs/feedback.md);
 * - favourites (Nano counters lowered), lists, saved searches, notifications and their settings,
 *   activity days, restriction holds and data exports (files after the commit) deleted;
 * - chat: their messages stay for the other party, without sender and client id; sessions stay;
 * - flags they filed stay without reporter; their counter-notices to takedowns lose their text;
 *   moderation decisions and appeals stay (DSA record) pointing at the anonymised account;
 * - copies of the mails to their address in the embedded outbox are deleted;
 * - Nanos: kept under the erased name or soft-deleted as chosen (unfinished drafts always);
 * - consent records, privacy requests and the erasure record stay, linked by id only (proof of
 *   consent, Art. 7(1); accountability, Art. 5(2)); a pending erasure and its request complete.
 *
 * The last active admin cannot be erased, and an admin cannot erase their own account this way.
 * Audit: `user.erased_by_admin` (admin) or `privacy.erasure_completed`, without personal data.
 */
export async function eraseAccount(
  deps: ErasureDeps,
  userId: string,
  request: ErasureRequest,
): Promise<ErasureResult> {
  if (request.mode === 'admin' && userId === request.by) {
    throw new AppError('admin_self_action');
  }
  const nanos = request.nanos ?? 'keep_anonymised';
  const now = deps.clock.now();
  const { objectKeys, deletedNanoIds } = await deps.db.transaction().execute(async (trx) => {
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
    if (request.mode === 'admin' && (request.by === null || !admins.includes(request.by))) {
      throw new AppError('forbidden');
    }
    const pending = await trx
      .selectFrom('account_erasures')
      .select(['id', 'request_id'])
      .where('user_id', '=', userId)
      .where('cancelled_at', 'is', null)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    await removeMailCopies(trx, userId);
    const avatar = await anonymiseAccount(trx, userId, now);
    await removeFeedback(trx, userId);
    await removeFavourites(trx, userId);
    await removeOwnData(trx, userId);
    const exportKeys = await removeDataExports(trx, userId);
    await deIdentifyContributions(trx, userId);
    const deleted = await handleNanos(trx, deps, { userId, nanos, by: request.by });
    if (pending) {
      // The user's free-text reason is theirs: only the fact and dates of the erasure stay.
      await trx
        .updateTable('account_erasures')
        .set({ completed_at: now, reason: null, cancel_token_hash: '' })
        .where('id', '=', pending.id)
        .execute();
      if (pending.request_id) {
        await setPrivacyRequestStatus(trx, pending.request_id, 'completed', now);
      }
    }
    // No personal data: the account's id (the target) is all that identifies it.
    await deps.audit.record(
      {
        actorId: request.by,
        action: request.mode === 'admin' ? 'user.erased_by_admin' : 'privacy.erasure_completed',
        targetType: 'user',
        targetId: userId,
        details: {
          mode: request.mode,
          nanos,
          deletedNanos: deleted.length,
          before: { status: account.status, role: account.role },
          after: { status: 'deleted' },
        },
        ip: request.ip ?? null,
        userAgent: request.userAgent ?? null,
      },
      trx,
    );
    return { objectKeys: avatar ? [avatar, ...exportKeys] : exportKeys, deletedNanoIds: deleted };
  });
  for (const key of objectKeys) {
    await deps.storage.delete(key);
  }
  return { deletedNanoIds };
}
