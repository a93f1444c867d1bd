import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { verifyPassword } from '../identity/crypto/password-hasher.ts';
import type { SecretBox } from '../identity/crypto/secret-box.ts';
import { verifyTotp } from '../identity/crypto/totp.ts';
import * as users from '../identity/identity.repository.ts';
import type { UserRow } from '../identity/identity.tables.ts';

/** What confirming the account holder needs: the 2FA secret is encrypted at rest. */
export interface ConfirmationDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  secretBox: SecretBox;
}

/** The password (and the current 2FA code when 2FA is on) the user typed to confirm an action. */
export interface IdentityProof {
  password: string;
  twoFactorCode?: string | undefined;
}

/** Who asked, for the audit trail of a failed confirmation. */
export interface ConfirmationContext {
  /** The action that needed the confirmation (erasure, restriction). */
  purpose: 'erasure' | 'restriction' | 'reauthentication';
  ip: string | null;
  userAgent: string | null;
}

/**
 * Confirms that the signed-in user is the account holder before an irreversible privacy action
 * (Art. 17/18): their password and, with 2FA on, a current authenticator code (not a replay of
 * one already used). Failures answer as the account settings do (400 with the field:
 * `wrong_password`, `two_factor_required`, `two_factor_code`) and are audited as failures.
 */
export async function confirmIdentity(
  deps: ConfirmationDeps,
  userId: string,
  proof: IdentityProof,
  context: ConfirmationContext,
): Promise<UserRow> {
  const user = await users.findUserById(deps.db, userId);
  if (!user) {
    throw new AppError('unauthorized');
  }
  const fail = async (field: string, code: string): Promise<never> => {
    await deps.audit.record({
      actorId: user.id,
      action: 'privacy.identity_confirmation_failed',
      targetType: 'user',
      targetId: user.id,
      details: { purpose: context.purpose, reason: code },
      ip: context.ip,
      userAgent: context.userAgent,
      outcome: 'failure',
    });
    throw errors.field(field, code);
  };
  if (!user.password_hash || !(await verifyPassword(user.password_hash, proof.password))) {
    return fail('body.password', 'wrong_password');
  }
  if (!user.totp_enabled_at || !user.totp_secret_encrypted) {
    return user;
  }
  if (!proof.twoFactorCode) {
    return fail('body.twoFactorCode', 'two_factor_required');
  }
  const result = verifyTotp(
    deps.secretBox.decrypt(user.totp_secret_encrypted),
    proof.twoFactorCode,
    deps.clock.now(),
    user.totp_last_step,
  );
  if (!result.ok) {
    return fail('body.twoFactorCode', 'two_factor_code');
  }
  await users.updateUser(deps.db, user.id, { totp_last_step: result.step });
  return user;
}
