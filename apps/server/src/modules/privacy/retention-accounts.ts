import { RETENTION } from '@nano/contracts';
import { sql } from 'kysely';
import { AppError } from '../../errors.ts';
import { eraseAccount } from './erasure.service.ts';
import { inactivityLoginUrl, renderInactivityWarning } from './retention.emails.ts';
import {
  daysAfter,
  daysBefore,
  monthsBefore,
  RETENTION_AUDIT_IDS_MAX,
  type RetentionStep,
} from './retention-steps.ts';

/**
 * Roles that are warned like everyone but never erased automatically: staff accounts carry
 * moderation and administration duties (and their accountability); an admin decides about them.
 * This also keeps the retention job from ever touching the last admin.
 */
export const RETENTION_PROTECTED_ROLES = ['admin', 'moderator'] as const;

/**
 * Inactive accounts (SPEC §4.7). Only `active` accounts with a verified address count: suspended
 * and restricted accounts are on hold by a decision (moderation, Art. 18), deactivated ones have
 * their own erasure pending, unverified ones are the next step's.
 *
 * 1. Accounts warned more than {@link RETENTION.inactiveGraceDays} days ago that have not signed in
 *    since (signing in clears `inactivity_warned_at`) are anonymised like a self-service erasure
 *    (their Nanos stay under the erased name); staff accounts are kept and counted.
 * 2. Accounts without a sign-in (or, never signed in, since registration) for
 *    {@link RETENTION.inactiveAccountMonths} months get the warning email, in their language, and
 *    `inactivity_warned_at`; each is warned once.
 *
 * Erasure first, so an account warned in this run is never erased in the same run.
 */
export const handleInactiveAccounts: RetentionStep = async ({ deps, now, dryRun }) => {
  const due = await deps.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('status', '=', 'active')
    .where('inactivity_warned_at', '<=', daysBefore(now, RETENTION.inactiveGraceDays))
    .where((eb) =>
      eb.or([eb('last_login_at', 'is', null), eb('last_login_at', '<', eb.ref('inactivity_warned_at'))]),
    )
    .orderBy('id')
    .execute();
  const protectedRoles: readonly string[] = RETENTION_PROTECTED_ROLES;
  const toErase = due.filter((user) => !protectedRoles.includes(user.role));
  const anonymisedIds: string[] = [];
  let failed = 0;
  if (!dryRun) {
    for (const user of toErase) {
      try {
        await eraseAccount(deps, user.id, { mode: 'retention', by: null, nanos: 'keep_anonymised' });
        anonymisedIds.push(user.id);
      } catch (error) {
        // E.g. the account changed meanwhile; the next run looks again.
        if (!(error instanceof AppError)) {
          throw error;
        }
        failed += 1;
      }
    }
  }

  const inactive = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale'])
    .where('status', '=', 'active')
    .where('email', 'is not', null)
    .where('email_verified_at', 'is not', null)
    .where('inactivity_warned_at', 'is', null)
    .where(
      sql<Date>`coalesce(last_login_at, created_at)`,
      '<',
      monthsBefore(now, RETENTION.inactiveAccountMonths),
    )
    .orderBy('id')
    .execute();
  let warned = 0;
  if (!dryRun) {
    const erasureDate = daysAfter(now, RETENTION.inactiveGraceDays);
    for (const user of inactive) {
      if (!user.email) {
        continue;
      }
      const mail = renderInactivityWarning(user.locale, {
        name: user.display_name,
        erasureDate,
        loginUrl: inactivityLoginUrl(deps.publicUrl),
      });
      await deps.mailer.send({ to: user.email, ...mail });
      // Stamped after the mail went out: a failed mail is retried by the next run.
      await deps.db
        .updateTable('users')
        .set({ inactivity_warned_at: now })
        .where('id', '=', user.id)
        .where('inactivity_warned_at', 'is', null)
        .execute();
      warned += 1;
    }
  }
  const anonymised = dryRun ? toErase.length : anonymisedIds.length;
  warned = dryRun ? inactive.length : warned;
  return {
    affected: warned + anonymised,
    details: { warned, anonymised, staffKept: due.length - toErase.length, failed },
    auditDetails: { anonymisedIds: anonymisedIds.slice(0, RETENTION_AUDIT_IDS_MAX) },
  };
};

/**
 * Accounts whose email address was never confirmed within {@link RETENTION.unverifiedAccountDays}
 * days are deleted outright: they could never sign in, so they hold nothing but the registration
 * (tokens, sessions, profile, consents cascade with the row). Accounts erased before (status
 * `deleted`, address gone) are not touched, and neither is anything that owns content.
 */
export const deleteUnverifiedAccounts: RetentionStep = async ({ deps, now, dryRun }) => {
  const protectedRoles: readonly string[] = RETENTION_PROTECTED_ROLES;
  const candidates = await deps.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('email_verified_at', 'is', null)
    .where('email', 'is not', null)
    .where('status', '=', 'active')
    .where('created_at', '<', daysBefore(now, RETENTION.unverifiedAccountDays))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('nanos').select('id').whereRef('nanos.creator_id', '=', 'users.id'))),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('nano_versions').select('id').whereRef('nano_versions.created_by', '=', 'users.id'),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  const ids = candidates.filter((user) => !protectedRoles.includes(user.role)).map((user) => user.id);
  let deleted = ids.length;
  if (!dryRun && ids.length > 0) {
    const result = await deps.db
      .deleteFrom('users')
      .where('id', 'in', ids)
      // Checked again at delete time: a confirmation meanwhile keeps the account.
      .where('email_verified_at', 'is', null)
      .where('status', '=', 'active')
      .executeTakeFirst();
    deleted = Number(result.numDeletedRows);
  }
  return {
    affected: deleted,
    details: { deleted },
    auditDetails: { userIds: ids.slice(0, RETENTION_AUDIT_IDS_MAX) },
  };
};
