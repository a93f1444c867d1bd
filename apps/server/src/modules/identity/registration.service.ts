import type { Locale, RegisterRequest } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, errors } from '../../errors.ts';
import { recordSignUpConsents } from '../privacy/consents.service.ts';
import { hashPassword } from './crypto/password-hasher.ts';
import { checkPasswordPolicy } from './crypto/password-policy.ts';
import { generateToken, hashToken } from './crypto/tokens.ts';
import { EMAIL_REQUESTS_PER_HOUR, VERIFY_EMAIL_TOKEN_TTL_MS } from './identity.constants.ts';
import {
  appUrl,
  auditAccountEvent,
  type IdentityDeps,
  type RequestContext,
  sendIdentityMail,
} from './identity.deps.ts';
import * as users from './identity.repository.ts';

/** Rejects a password that breaks the policy, naming each problem on `field`. */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  const result = checkPasswordPolicy(password, userInputs);
  if (!result.ok) {
    throw errors.validation(result.problems.map((problem) => ({ field, code: `password_${problem}` })));
  }
}

/** True when the per-address email budget (resends, resets) is spent; such requests are dropped silently. */
export async function emailBudgetSpent(deps: IdentityDeps, purpose: string, email: string): Promise<boolean> {
  const { count } = await deps.cache.increment(`mail-budget:${purpose}:${email}`, 60 * 60_000);
  return count > EMAIL_REQUESTS_PER_HOUR;
}

/** Creates a verification token and mails the link. */
export async function sendVerification(
  deps: IdentityDeps,
  user: { id: string; email: string; display_name: string; locale: Locale },
): Promise<void> {
  const now = deps.clock.now();
  const token = generateToken();
  await users.expireUserTokens(deps.db, user.id, 'verify_email', now);
  await users.insertUserToken(deps.db, {
    id: uuidv7(),
    userId: user.id,
    purpose: 'verify_email',
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + VERIFY_EMAIL_TOKEN_TTL_MS),
  });
  await sendIdentityMail(deps, user.email, user.locale, {
    kind: 'verify_email',
    name: user.display_name,
    url: appUrl(deps, '/email-bestaetigen', { token }),
  });
}

/**
 * Self-service registration. The answer is the same whether or not the email address is
 * already registered: its owner gets an email instead, so nobody learns who has an account.
 * Usernames are public, so a taken one is reported.
 */
export async function register(
  deps: IdentityDeps,
  input: RegisterRequest & { email: string; username: string },
  context: RequestContext,
): Promise<void> {
  assertStrongPassword(input.password, [input.username, input.email, input.displayName], 'body.password');
  // Hashed before the lookup so that a known address costs the same time as a new one: the
  // answer must not reveal, even by its speed, who has an account.
  const passwordHash = await hashPassword(input.password);
  const existing = await users.findUserByEmail(deps.db, input.email);
  if (existing) {
    if (
      existing.email &&
      existing.status !== 'deleted' &&
      !(await emailBudgetSpent(deps, 'already-registered', existing.email))
    ) {
      await sendIdentityMail(deps, existing.email, existing.locale, {
        kind: 'already_registered',
        name: existing.display_name,
        loginUrl: appUrl(deps, '/anmelden'),
        resetUrl: appUrl(deps, '/passwort-vergessen'),
      });
    }
    return;
  }
  if (await users.usernameTaken(deps.db, input.username)) {
    throw errors.field('body.username', 'username_taken');
  }
  const id = uuidv7();
  const locale = input.locale ?? 'de';
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await users.insertUser(trx, {
        id,
        email: input.email,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        locale,
        created_at: now,
        updated_at: now,
      });
      // Terms and privacy in their current versions, notification emails only when ticked (opt-in).
      const consents = await recordSignUpConsents(
        trx,
        id,
        { notificationEmails: input.acceptNotificationEmails ?? false },
        now,
      );
      await deps.audit.record(
        {
          actorId: id,
          action: 'auth.register',
          targetType: 'user',
          targetId: id,
          details: consents,
          ip: context.ip,
          userAgent: context.userAgent,
        },
        trx,
      );
    });
  } catch (error) {
    // Two registrations racing for the same username or email: the unique index decides.
    if (String((error as { code?: string }).code) === '23505') {
      if (String((error as { constraint?: string; message?: string }).message).includes('username')) {
        throw errors.field('body.username', 'username_taken');
      }
      return;
    }
    throw error;
  }
  await sendVerification(deps, { id, email: input.email, display_name: input.displayName, locale });
}

/** Confirms an email address (registration or change) from the link's token. */
export async function verifyEmail(deps: IdentityDeps, token: string, context: RequestContext): Promise<void> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await users.consumeUserToken(trx, hashToken(token), ['verify_email', 'change_email'], now);
    if (!row) {
      return null;
    }
    if (row.purpose === 'change_email' && row.new_email) {
      const taken = await users.findUserByEmail(trx, row.new_email);
      if (taken) {
        return null;
      }
      const before = await users.findUserById(trx, row.user_id);
      await users.updateUser(trx, row.user_id, {
        email: row.new_email,
        email_verified_at: now,
        updated_at: now,
      });
      await auditAccountEvent(deps, trx, row.user_id, 'auth.email_changed', context);
      return { kind: 'changed' as const, user: before, newEmail: row.new_email };
    }
    await users.updateUser(trx, row.user_id, { email_verified_at: now, updated_at: now });
    await auditAccountEvent(deps, trx, row.user_id, 'auth.email_verified', context);
    return { kind: 'verified' as const };
  });
  if (!result) {
    throw new AppError('token_invalid');
  }
  if (result.kind === 'changed' && result.user?.email) {
    await sendIdentityMail(deps, result.newEmail, result.user.locale, {
      kind: 'email_changed',
      name: result.user.display_name,
    });
  }
}

/** Sends a new verification link if the address belongs to an unverified account; always answers alike. */
export async function resendVerification(deps: IdentityDeps, email: string): Promise<void> {
  const user = await users.findUserByEmail(deps.db, email);
  if (!user?.email || user.email_verified_at || user.status !== 'active') {
    return;
  }
  if (await emailBudgetSpent(deps, 'verify', user.email)) {
    return;
  }
  await sendVerification(deps, {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    locale: user.locale,
  });
}
