import type { Role } from '@nano/contracts';
import { AppError } from '../../errors.ts';
import { findBackupCode } from './crypto/backup-codes.ts';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './crypto/password-hasher.ts';
import { generateToken } from './crypto/tokens.ts';
import { verifyTotp } from './crypto/totp.ts';
import {
  LOCK_BASE_MS,
  LOCK_MAX_MS,
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
  LOGIN_FAILURES_BEFORE_LOCK,
  TWO_FACTOR_MAX_ATTEMPTS,
  TWO_FACTOR_PENDING_TTL_MS,
} from './identity.constants.ts';
import { appUrl, type IdentityDeps, type RequestContext, sendIdentityMail } from './identity.deps.ts';
import * as users from './identity.repository.ts';
import type { UserRow } from './identity.tables.ts';
import { type IssuedTokens, startSession } from './session.service.ts';
import * as sessions from './sessions.repository.ts';

/** The audience of the short-lived token that carries a login between the password and the 2FA step. */
const TWO_FACTOR_AUDIENCE = 'login-2fa';

export type LoginOutcome =
  | { kind: 'signed_in'; tokens: IssuedTokens; userId: string }
  | { kind: 'two_factor_required'; pendingToken: string };

/** Locks grow 15 min, 30 min, 1 h … up to 24 h with each further lock. */
export function lockDurationMs(lockCount: number): number {
  return Math.min(LOCK_BASE_MS * 2 ** lockCount, LOCK_MAX_MS);
}

async function limitPerIp(deps: IdentityDeps, ip: string): Promise<void> {
  const { count, resetInMs } = await deps.cache.increment(`login-ip:${ip}`, 60_000);
  if (count > LOGIN_ATTEMPTS_PER_IP_PER_MINUTE) {
    throw new AppError('rate_limited', {
      headers: { 'retry-after': String(Math.max(1, Math.ceil(resetInMs / 1000))) },
    });
  }
}

/** Counts a wrong password; the fifth in a row locks the account and tells its owner. */
async function recordFailure(deps: IdentityDeps, user: UserRow, context: RequestContext): Promise<void> {
  const now = deps.clock.now();
  const failures = user.failed_login_count + 1;
  if (failures < LOGIN_FAILURES_BEFORE_LOCK) {
    await deps.db.transaction().execute(async (trx) => {
      await users.updateUser(trx, user.id, { failed_login_count: failures });
      await deps.audit.record(
        {
          actorId: user.id,
          action: 'auth.login.failure',
          details: { failures },
          ip: context.ip,
          userAgent: context.userAgent,
          outcome: 'failure',
        },
        trx,
      );
    });
    return;
  }
  const duration = lockDurationMs(user.lock_count);
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      failed_login_count: 0,
      lock_count: user.lock_count + 1,
      locked_until: new Date(now.getTime() + duration),
    });
    await deps.audit.record(
      {
        actorId: user.id,
        action: 'auth.login.locked',
        details: { minutes: duration / 60_000 },
        ip: context.ip,
        userAgent: context.userAgent,
        outcome: 'denied',
      },
      trx,
    );
  });
  if (user.email) {
    await sendIdentityMail(deps, user.email, user.locale, {
      kind: 'account_locked',
      name: user.display_name,
      minutes: duration / 60_000,
      resetUrl: appUrl(deps, '/passwort-vergessen'),
    });
  }
}

async function completeLogin(
  deps: IdentityDeps,
  user: UserRow,
  context: RequestContext,
  method: string,
): Promise<LoginOutcome> {
  const knownDevice = await sessions.hasSessionWithUserAgent(
    deps.db,
    user.id,
    context.userAgent?.slice(0, 500) ?? null,
  );
  const tokens = await startSession(deps, { id: user.id, role: user.role as Role }, context);
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      failed_login_count: 0,
      lock_count: 0,
      locked_until: null,
      last_login_at: deps.clock.now(),
      // Signing in ends an inactivity warning (privacy retention): the account is no longer anonymised.
      inactivity_warned_at: null,
    });
    await deps.audit.record(
      {
        actorId: user.id,
        action: 'auth.login.success',
        targetType: 'session',
        targetId: tokens.sessionId,
        details: { method },
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
  });
  const hadSessionsBefore = user.last_login_at !== null;
  if (!knownDevice && hadSessionsBefore && user.email) {
    await sendIdentityMail(deps, user.email, user.locale, {
      kind: 'new_login',
      name: user.display_name,
      device: context.userAgent ?? '?',
      time: deps.clock.now().toISOString().slice(0, 16).replace('T', ' '),
    });
  }
  return { kind: 'signed_in', tokens, userId: user.id };
}

/**
 * Password login. Unknown, locked and wrong-password attempts all answer `invalid_credentials`
 * after a comparable amount of work, so the answer reveals nothing about which accounts exist.
 */
export async function login(
  deps: IdentityDeps,
  input: { login: string; password: string },
  context: RequestContext,
): Promise<LoginOutcome> {
  await limitPerIp(deps, context.ip);
  const user = await users.findUserByLogin(deps.db, input.login);
  const now = deps.clock.now();
  if (!user?.password_hash || user.status === 'deleted') {
    await burnPasswordCheck();
    await deps.audit.record({
      actorId: null,
      action: 'auth.login.failure',
      details: { reason: 'unknown_account' },
      ip: context.ip,
      userAgent: context.userAgent,
      outcome: 'failure',
    });
    throw new AppError('invalid_credentials');
  }
  if (user.locked_until && user.locked_until > now) {
    await burnPasswordCheck();
    await deps.audit.record({
      actorId: user.id,
      action: 'auth.login.failure',
      details: { reason: 'locked' },
      ip: context.ip,
      userAgent: context.userAgent,
      outcome: 'denied',
    });
    throw new AppError('invalid_credentials');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(deps, user, context);
    throw new AppError('invalid_credentials');
  }
  if (needsRehash(user.password_hash)) {
    await users.updateUser(deps.db, user.id, { password_hash: await hashPassword(input.password) });
  }
  // Only active accounts get a session (authenticate refuses every other status), so a
  // suspended, restricted (Art. 18) or deactivated (erasure pending) account is told which it is.
  if (user.status === 'restricted') {
    throw new AppError('account_restricted');
  }
  if (user.status === 'deactivated') {
    throw new AppError('account_deactivated');
  }
  if (user.status !== 'active') {
    throw new AppError('account_suspended');
  }
  if (!user.email_verified_at) {
    throw new AppError('email_not_verified');
  }
  if (user.totp_enabled_at) {
    const pendingToken = await deps.signer.sign(
      { sub: user.id, jti: generateToken(12) },
      TWO_FACTOR_PENDING_TTL_MS,
      TWO_FACTOR_AUDIENCE,
    );
    return { kind: 'two_factor_required', pendingToken };
  }
  return completeLogin(deps, user, context, 'password');
}

/** Second step of a 2FA login: a TOTP code (not replayable) or an unused backup code. */
export async function loginWithSecondFactor(
  deps: IdentityDeps,
  pendingToken: string | undefined,
  input: { code?: string | undefined; backupCode?: string | undefined },
  context: RequestContext,
): Promise<LoginOutcome> {
  const claims = pendingToken ? await deps.signer.verify(pendingToken, TWO_FACTOR_AUDIENCE) : null;
  if (!claims || typeof claims.sub !== 'string' || typeof claims.jti !== 'string') {
    throw new AppError('session_expired');
  }
  const attempts = await deps.cache.increment(`login-2fa:${claims.jti}`, TWO_FACTOR_PENDING_TTL_MS);
  if (attempts.count > TWO_FACTOR_MAX_ATTEMPTS) {
    throw new AppError('session_expired');
  }
  const user = await users.findUserById(deps.db, claims.sub);
  if (user?.status !== 'active' || !user.totp_enabled_at || !user.totp_secret_encrypted) {
    throw new AppError('session_expired');
  }
  const now = deps.clock.now();
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('session_expired');
  }
  if (input.code) {
    const result = verifyTotp(
      deps.secretBox.decrypt(user.totp_secret_encrypted),
      input.code,
      now,
      user.totp_last_step,
    );
    if (result.ok) {
      await users.updateUser(deps.db, user.id, { totp_last_step: result.step });
      return completeLogin(deps, user, context, 'totp');
    }
  } else if (input.backupCode) {
    const codes = await users.listUnusedBackupCodes(deps.db, user.id);
    const index = findBackupCode(
      input.backupCode,
      codes.map((c) => c.code_hash),
    );
    const match = index >= 0 ? codes[index] : undefined;
    if (match && (await users.useBackupCode(deps.db, match.id, now))) {
      return completeLogin(deps, user, context, 'backup_code');
    }
  }
  // Wrong codes count towards the same lock as wrong passwords, so a stolen password cannot be
  // combined with unlimited code guessing.
  await recordFailure(deps, user, context);
  throw new AppError('two_factor_invalid');
}
