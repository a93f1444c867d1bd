import type { Locale } from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { applyNanoModeration } from '../catalog/moderation-actions.ts';
import { hideComment, unhideComment } from '../feedback/ratings-moderation.ts';
import { lockAccount, lockActiveAdmins } from '../identity/admin-users.repository.ts';
import { revokeUserSessions } from '../identity/sessions.repository.ts';
import { type PrivacyAccountMail, renderPrivacyAccountMail } from './erasure.emails.ts';
import type { PrivacyRequestContext } from './erasure-request.service.ts';
import { type ConfirmationDeps, confirmIdentity, type IdentityProof } from './identity-confirmation.ts';
import { createPrivacyRequest, setPrivacyRequestStatus } from './privacy-requests.repository.ts';

type Trx = Transaction<Database>;

/** What restricting and lifting a restriction use. */
export interface RestrictionDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  mailer: Mailer;
}

/** What a restriction took offline, or a lift put back. */
export interface RestrictionChange {
  nanos: number;
  comments: number;
}

/** The state a hold remembers: a published Nano, a visible rating comment. */
const HELD_NANO_STATE = 'published';
const HELD_COMMENT_STATE = 'visible';

async function mailAccount(
  deps: Pick<RestrictionDeps, 'db' | 'mailer'>,
  userId: string,
  kind: 'restriction_started' | 'restriction_lifted',
): Promise<void> {
  const user = await deps.db
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.email) {
    return;
  }
  const mail: PrivacyAccountMail = { kind, name: user.display_name };
  await deps.mailer.send({ to: user.email, ...renderPrivacyAccountMail(user.locale as Locale, mail) });
}

/**
 * Takes the user's visible content offline and records each item with its previous state in
 * `restriction_holds`: published Nanos become `hidden` (the catalog's moderation transition) and
 * visible rating comments hidden (the score still counts). Content moderation had hidden already
 * is not held, so lifting never shows it.
 */
async function holdContent(
  trx: Trx,
  deps: { clock: Clock },
  userId: string,
  now: Date,
): Promise<RestrictionChange> {
  const nanos = await trx
    .selectFrom('nanos')
    .select('id')
    .where('creator_id', '=', userId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  for (const { id } of nanos) {
    await applyNanoModeration(trx, deps, { nanoId: id, action: 'hide' });
    await trx
      .insertInto('restriction_holds')
      .values({
        user_id: userId,
        target_type: 'nano',
        target_id: id,
        previous_state: HELD_NANO_STATE,
        created_at: now,
      })
      .execute();
  }
  const ratings = await trx
    .selectFrom('ratings')
    .select('id')
    .where('user_id', '=', userId)
    .where('comment', 'is not', null)
    .where('comment_hidden_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const { id } of ratings) {
    // No moderator: `comment_hidden_by` stays empty, which tells a restriction hold from a decision.
    await hideComment(trx, { ratingId: id, by: null, now });
    await trx
      .insertInto('restriction_holds')
      .values({
        user_id: userId,
        target_type: 'rating',
        target_id: id,
        previous_state: HELD_COMMENT_STATE,
        created_at: now,
      })
      .execute();
  }
  return { nanos: nanos.length, comments: ratings.length };
}

/**
 * Puts back exactly what the restriction held, where it is still as the restriction left it: a
 * Nano still `hidden` is published again (one moderation archived or deleted meanwhile stays so),
 * a comment still hidden without a moderator is shown again. The holds are deleted.
 */
async function releaseContent(trx: Trx, deps: { clock: Clock }, userId: string): Promise<RestrictionChange> {
  const holds = await trx
    .selectFrom('restriction_holds')
    .select(['target_type', 'target_id'])
    .where('user_id', '=', userId)
    .orderBy('target_type')
    .orderBy('target_id')
    .execute();
  const restored: RestrictionChange = { nanos: 0, comments: 0 };
  for (const hold of holds) {
    if (hold.target_type === 'nano') {
      const nano = await trx
        .selectFrom('nanos')
        .select('status')
        .where('id', '=', hold.target_id)
        .executeTakeFirst();
      if (nano?.status === 'hidden') {
        await applyNanoModeration(trx, deps, { nanoId: hold.target_id, action: 'unhide' });
        restored.nanos += 1;
      }
      continue;
    }
    const rating = await trx
      .selectFrom('ratings')
      .select(['comment_hidden_at', 'comment_hidden_by'])
      .where('id', '=', hold.target_id)
      .executeTakeFirst();
    if (rating?.comment_hidden_at && rating.comment_hidden_by === null) {
      await unhideComment(trx, { ratingId: hold.target_id });
      restored.comments += 1;
    }
  }
  await trx.deleteFrom('restriction_holds').where('user_id', '=', userId).execute();
  return restored;
}

/**
 * `POST /me/restriction` (Art. 18): after the password (and 2FA) check, in one transaction the
 * account becomes `restricted` (no sign-in until an admin lifts it), every session is revoked, its
 * visible content is taken offline (see holdContent), the privacy request recorded and audited.
 * Then a confirmation email. The public profile answers 404 while the account is not active.
 */
export async function requestRestriction(
  deps: RestrictionDeps & ConfirmationDeps,
  context: PrivacyRequestContext,
  input: IdentityProof & { reason?: string | undefined },
): Promise<RestrictionChange> {
  const user = await confirmIdentity(deps, context.userId, input, { ...context, purpose: 'restriction' });
  const now = deps.clock.now();
  const held = await deps.db.transaction().execute(async (trx) => {
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
      .set({ status: 'restricted', updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, user.id, 'restricted', now);
    const requestId = await createPrivacyRequest(
      trx,
      {
        userId: user.id,
        type: 'restriction',
        channel: 'self_service',
        receivedAt: now,
        status: 'in_progress',
        note: input.reason || null,
      },
      now,
    );
    const change = await holdContent(trx, deps, user.id, now);
    await deps.audit.record(
      {
        actorId: user.id,
        action: 'privacy.restriction_requested',
        targetType: 'user',
        targetId: user.id,
        details: { requestId, hiddenNanos: change.nanos, hiddenComments: change.comments },
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
    return change;
  });
  await mailAccount(deps, user.id, 'restriction_started');
  return held;
}

/**
 * Lifts an Art. 18 restriction (admins; helper of `POST /admin/users/{id}/restriction/lift` and the
 * DSGVO console): the account is active again, the held content restored (see releaseContent),
 * the open restriction requests completed (with the note, if any), audited, and the user emailed.
 * 404 for an unknown account, 409 `conflict` (detail `not_restricted`) when it is not restricted.
 */
export async function liftRestriction(
  deps: RestrictionDeps,
  userId: string,
  input: { by: string | null; note?: string | undefined; ip?: string | null; userAgent?: string | null },
): Promise<RestrictionChange> {
  const now = deps.clock.now();
  const restored = await deps.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, userId);
    if (!account) {
      throw new AppError('not_found');
    }
    if (account.status !== 'restricted') {
      throw new AppError('conflict', { detail: 'not_restricted' });
    }
    await trx
      .updateTable('users')
      .set({ status: 'active', updated_at: now })
      .where('id', '=', userId)
      .execute();
    const change = await releaseContent(trx, deps, userId);
    const requests = await trx
      .selectFrom('privacy_requests')
      .select('id')
      .where('user_id', '=', userId)
      .where('type', '=', 'restriction')
      .where('status', 'in', ['open', 'in_progress'])
      .execute();
    for (const request of requests) {
      await setPrivacyRequestStatus(trx, request.id, 'completed', now);
      if (input.note) {
        await trx
          .updateTable('privacy_requests')
          .set({ note: input.note })
          .where('id', '=', request.id)
          .execute();
      }
    }
    await deps.audit.record(
      {
        actorId: input.by,
        action: 'privacy.restriction_lifted',
        targetType: 'user',
        targetId: userId,
        details: {
          requestIds: requests.map((request) => request.id),
          restoredNanos: change.nanos,
          restoredComments: change.comments,
        },
        ip: input.ip ?? null,
        userAgent: input.userAgent ?? null,
      },
      trx,
    );
    return change;
  });
  await mailAccount(deps, userId, 'restriction_lifted');
  return restored;
}
