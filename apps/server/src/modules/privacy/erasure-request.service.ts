import { type ErasureRequest as ErasureRequestBody, PRIVACY_LIMITS } from '@nano/contracts';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Mailer } from '../../platform/mail.ts';
import { lockAccount, lockActiveAdmins } from '../identity/admin-users.repository.ts';
import { generateToken, hashToken } from '../identity/crypto/tokens.ts';
import { revokeUserSessions } from '../identity/sessions.repository.ts';
import { erasureCancelUrl, renderPrivacyAccountMail } from './erasure.emails.ts';
import { type ErasureDeps, eraseAccount } from './erasure.service.ts';
import { type ConfirmationDeps, confirmIdentity } from './identity-confirmation.ts';
import { createPrivacyRequest, setPrivacyRequestStatus } from './privacy-requests.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the self-service erasure uses. */
export interface ErasureRequestDeps extends ErasureDeps, ConfirmationDeps {
  mailer: Mailer;
  publicUrl: string;
}

/** Who asked, as the HTTP layer saw it. */
export interface PrivacyRequestContext {
  userId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * `POST /me/erasure` (Art. 17): after the password (and 2FA) check, in one transaction the account
 * is deactivated, every session revoked, the erasure scheduled for now + 7 days with a hashed
 * cancellation token, the privacy request recorded and the request audited. Then the confirmation
 * email (with the cancellation link and the date) goes to the address before it is removed.
 * The last active admin is refused (409 `last_admin`).
 */
export async function requestErasure(
  deps: ErasureRequestDeps,
  context: PrivacyRequestContext,
  input: ErasureRequestBody,
): Promise<{ status: 'scheduled'; scheduledFor: string }> {
  const user = await confirmIdentity(deps, context.userId, input, { ...context, purpose: 'erasure' });
  const token = generateToken();
  const now = deps.clock.now();
  const scheduledFor = new Date(now.getTime() + PRIVACY_LIMITS.erasureCancelDays * DAY_MS);
  await deps.db.transaction().execute(async (trx) => {
    const admins = await lockActiveAdmins(trx);
    const account = await lockAccount(trx, user.id);
    if (account?.status !== 'active') {
      throw new AppError('conflict', { detail: 'account_not_active' });
    }
    if (admins.includes(user.id) && admins.length <= 1) {
      throw new AppError('last_admin');
    }
    await trx
      .updateTable('users')
      .set({ status: 'deactivated', updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, user.id, 'erasure_requested', now);
    const requestId = await createPrivacyRequest(
      trx,
      { userId: user.id, type: 'erasure', channel: 'self_service', receivedAt: now, status: 'in_progress' },
      now,
    );
    await trx
      .insertInto('account_erasures')
      .values({
        id: uuidv7(),
        user_id: user.id,
        request_id: requestId,
        nanos: input.nanos,
        reason: input.reason || null,
        previous_status: account.status,
        cancel_token_hash: hashToken(token),
        requested_at: now,
        scheduled_for: scheduledFor,
      })
      .execute();
    await deps.audit.record(
      {
        actorId: user.id,
        action: 'privacy.erasure_requested',
        targetType: 'user',
        targetId: user.id,
        details: { requestId, nanos: input.nanos, scheduledFor: scheduledFor.toISOString() },
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
  });
  if (user.email) {
    const mail = renderPrivacyAccountMail(user.locale, {
      kind: 'erasure_scheduled',
      name: user.display_name,
      scheduledFor,
      nanos: input.nanos,
      url: erasureCancelUrl(deps.publicUrl, token),
    });
    await deps.mailer.send({ to: user.email, ...mail });
  }
  return { status: 'scheduled', scheduledFor: scheduledFor.toISOString() };
}

/**
 * `POST /erasure/cancel` {token} (public, the link of the confirmation email): within the window
 * the account gets its previous status back (the user signs in as before, nothing else changed),
 * the erasure and its request are cancelled, audited and confirmed by email. An unknown token is
 * 404 `erasure_token_unknown`; a used one or one past the scheduled time 410 `erasure_cancel_expired`.
 */
/** Gives a deactivated account its previous status back and marks its erasure cancelled. */
async function restoreAccount(
  trx: Transaction<Database>,
  erasure: { id: string; user_id: string; previous_status: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ status: erasure.previous_status as 'active', updated_at: now })
    .where('id', '=', erasure.user_id)
    .where('status', '=', 'deactivated')
    .execute();
  await trx.updateTable('account_erasures').set({ cancelled_at: now }).where('id', '=', erasure.id).execute();
}

/**
 * An admin closes a self-service erasure request without running it (cancelled or rejected, e.g.
 * the person withdrew it by letter): the pending erasure stops and the account is restored, in the
 * admin's transaction. Returns the user's id, or null if nothing was pending.
 */
export async function stopPendingErasure(
  trx: Transaction<Database>,
  requestId: string,
  now: Date,
): Promise<string | null> {
  const erasure = await trx
    .selectFrom('account_erasures')
    .select(['id', 'user_id', 'previous_status'])
    .where('request_id', '=', requestId)
    .where('cancelled_at', 'is', null)
    .where('completed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!erasure) {
    return null;
  }
  await restoreAccount(trx, erasure, now);
  return erasure.user_id;
}

export async function cancelErasure(
  deps: Pick<ErasureRequestDeps, 'db' | 'clock' | 'audit' | 'mailer'>,
  token: string,
  context: { ip: string | null; userAgent: string | null },
): Promise<{ status: 'cancelled' }> {
  const now = deps.clock.now();
  const userId = await deps.db.transaction().execute(async (trx) => {
    const erasure = await trx
      .selectFrom('account_erasures')
      .selectAll()
      .where('cancel_token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst();
    if (!erasure) {
      throw new AppError('erasure_token_unknown');
    }
    if (erasure.cancelled_at || erasure.completed_at || erasure.scheduled_for <= now) {
      throw new AppError('erasure_cancel_expired');
    }
    await restoreAccount(trx, erasure, now);
    if (erasure.request_id) {
      await setPrivacyRequestStatus(trx, erasure.request_id, 'cancelled', now);
    }
    await deps.audit.record(
      {
        actorId: erasure.user_id,
        action: 'privacy.erasure_cancelled',
        targetType: 'user',
        targetId: erasure.user_id,
        details: { requestId: erasure.request_id },
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
    return erasure.user_id;
  });
  const user = await deps.db
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.email) {
    const mail = renderPrivacyAccountMail(user.locale, {
      kind: 'erasure_cancelled',
      name: user.display_name,
    });
    await deps.mailer.send({ to: user.email, ...mail });
  }
  return { status: 'cancelled' };
}

/**
 * The job: anonymises every pending erasure whose cancellation window has ended, each in its own
 * transaction (eraseAccount completes the erasure row and its request with it). Idempotent: a
 * completed or cancelled erasure is never picked again. Returns how many it erased; throws after
 * the others when one failed, so the job is retried.
 */
export async function runDueErasures(deps: ErasureDeps): Promise<{ erased: number }> {
  const due = await deps.db
    .selectFrom('account_erasures')
    .select(['user_id', 'nanos'])
    .where('cancelled_at', 'is', null)
    .where('completed_at', 'is', null)
    .where('scheduled_for', '<=', deps.clock.now())
    .orderBy('scheduled_for')
    .execute();
  let erased = 0;
  const failures: unknown[] = [];
  for (const row of due) {
    try {
      await eraseAccount(deps, row.user_id, { mode: 'self', by: null, nanos: row.nanos });
      erased += 1;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} due erasure(s) failed`);
  }
  return { erased };
}
