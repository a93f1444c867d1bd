import type { CurrentUser } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, errors } from '../../errors.ts';
import { pendingLegalFor } from '../privacy/consents.service.ts';
import { generateBackupCodes } from './crypto/backup-codes.ts';
import { hashPassword, verifyPassword } from './crypto/password-hasher.ts';
import { generateToken, hashToken } from './crypto/tokens.ts';
import { generateTotpSecret, totpQrDataUrl, totpUri, verifyTotp } from './crypto/totp.ts';
import { CHANGE_EMAIL_TOKEN_TTL_MS, RESET_PASSWORD_TOKEN_TTL_MS } from './identity.constants.ts';
import {
  appUrl,
  auditAccountEvent,
  type IdentityDeps,
  type RequestContext,
  sendIdentityMail,
} from './identity.deps.ts';
import { presentCurrentUser } from './identity.presenter.ts';
import * as users from './identity.repository.ts';
import type { UserRow } from './identity.tables.ts';
import { assertStrongPassword, emailBudgetSpent } from './registration.service.ts';
import type { AuthContext } from './session.service.ts';
import * as sessions from './sessions.repository.ts';

async function loadUser(deps: IdentityDeps, auth: AuthContext): Promise<UserRow> {
  const user = await users.findUserById(deps.db, auth.userId);
  if (!user) {
    throw new AppError('unauthorized');
  }
  return user;
}

async function assertPassword(user: UserRow, password: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) {
    throw errors.field('body.password', 'wrong_password');
  }
}

/** The signed-in user as the web app needs it. */
export async function getCurrentUser(deps: IdentityDeps, auth: AuthContext): Promise<CurrentUser> {
  const user = await loadUser(deps, auth);
  const profile = await deps.db
    .selectFrom('user_profiles')
    .select(['avatar_key', 'avatar_updated_at'])
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return presentCurrentUser(user, profile ?? null, auth, await pendingLegalFor(deps.db, user.id));
}

/** Changes the password after checking the current one; every other device is signed out. */
export async function changePassword(
  deps: IdentityDeps,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  context: RequestContext,
): Promise<void> {
  const user = await loadUser(deps, auth);
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw errors.field('body.currentPassword', 'wrong_password');
  }
  assertStrongPassword(
    input.newPassword,
    [user.username ?? '', user.email ?? '', user.display_name],
    'body.newPassword',
  );
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      password_hash: hash,
      must_change_password: false,
      updated_at: now,
    });
    await sessions.revokeUserSessions(trx, user.id, 'password_changed', now, auth.sessionId);
    await auditAccountEvent(deps, trx, user.id, 'auth.password_changed', context);
  });
  if (user.email) {
    await sendIdentityMail(deps, user.email, user.locale, {
      kind: 'password_changed',
      name: user.display_name,
    });
  }
}

/** Mails a reset link to a known, active address; the answer never tells whether it is known. */
export async function requestPasswordReset(
  deps: IdentityDeps,
  email: string,
  context: RequestContext,
): Promise<void> {
  const user = await users.findUserByEmail(deps.db, email);
  if (!user?.email || user.status === 'deleted' || (await emailBudgetSpent(deps, 'reset', user.email))) {
    return;
  }
  const now = deps.clock.now();
  const token = generateToken();
  await deps.db.transaction().execute(async (trx) => {
    await users.expireUserTokens(trx, user.id, 'reset_password', now);
    await users.insertUserToken(trx, {
      id: uuidv7(),
      userId: user.id,
      purpose: 'reset_password',
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + RESET_PASSWORD_TOKEN_TTL_MS),
    });
    await auditAccountEvent(deps, trx, user.id, 'auth.password_reset_requested', context);
  });
  await sendIdentityMail(deps, user.email, user.locale, {
    kind: 'password_reset',
    name: user.display_name,
    url: appUrl(deps, '/passwort-zuruecksetzen', { token }),
  });
}

/** Sets a new password from a reset link (single use, 1 h); every session is revoked and any lock lifted. */
export async function confirmPasswordReset(
  deps: IdentityDeps,
  input: { token: string; newPassword: string },
  context: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  const tokenHash = hashToken(input.token);
  const pending = await deps.db
    .selectFrom('user_tokens')
    .innerJoin('users', 'users.id', 'user_tokens.user_id')
    .select(['users.id', 'users.username', 'users.email', 'users.display_name'])
    .where('user_tokens.token_hash', '=', tokenHash)
    .where('user_tokens.purpose', '=', 'reset_password')
    .where('user_tokens.used_at', 'is', null)
    .where('user_tokens.expires_at', '>', now)
    .executeTakeFirst();
  if (!pending) {
    throw new AppError('token_invalid');
  }
  // Check strength before spending the token, so a weak choice can be corrected with the same link.
  assertStrongPassword(
    input.newPassword,
    [pending.username ?? '', pending.email ?? '', pending.display_name],
    'body.newPassword',
  );
  const hash = await hashPassword(input.newPassword);
  const user = await deps.db.transaction().execute(async (trx) => {
    const row = await users.consumeUserToken(trx, tokenHash, ['reset_password'], now);
    if (!row) {
      return null;
    }
    await users.updateUser(trx, row.user_id, {
      password_hash: hash,
      must_change_password: false,
      failed_login_count: 0,
      locked_until: null,
      updated_at: now,
    });
    await sessions.revokeUserSessions(trx, row.user_id, 'password_reset', now);
    await auditAccountEvent(deps, trx, row.user_id, 'auth.password_reset', context);
    return users.findUserById(trx, row.user_id);
  });
  if (!user) {
    throw new AppError('token_invalid');
  }
  if (user.email) {
    await sendIdentityMail(deps, user.email, user.locale, {
      kind: 'password_changed',
      name: user.display_name,
    });
  }
}

/** Starts an email change: a link to the new address confirms it; the old address is told. */
export async function requestEmailChange(
  deps: IdentityDeps,
  auth: AuthContext,
  input: { newEmail: string; password: string },
  context: RequestContext,
): Promise<void> {
  const user = await loadUser(deps, auth);
  await assertPassword(user, input.password);
  if (input.newEmail === user.email) {
    return;
  }
  const now = deps.clock.now();
  const token = generateToken();
  await deps.db.transaction().execute(async (trx) => {
    await users.expireUserTokens(trx, user.id, 'change_email', now);
    await users.insertUserToken(trx, {
      id: uuidv7(),
      userId: user.id,
      purpose: 'change_email',
      tokenHash: hashToken(token),
      newEmail: input.newEmail,
      expiresAt: new Date(now.getTime() + CHANGE_EMAIL_TOKEN_TTL_MS),
    });
    await auditAccountEvent(deps, trx, user.id, 'auth.email_change_requested', context);
  });
  // An address that already has an account gets no link (confirming would fail anyway) and learns nothing.
  if (!(await users.findUserByEmail(deps.db, input.newEmail))) {
    await sendIdentityMail(deps, input.newEmail, user.locale, {
      kind: 'confirm_new_email',
      name: user.display_name,
      newEmail: input.newEmail,
      url: appUrl(deps, '/email-bestaetigen', { token }),
    });
  }
  if (user.email) {
    await sendIdentityMail(deps, user.email, user.locale, {
      kind: 'email_change_notice',
      name: user.display_name,
      newEmail: input.newEmail,
    });
  }
}

/** Creates (or replaces) a not yet enabled TOTP secret and returns what the authenticator app needs. */
export async function setupTwoFactor(deps: IdentityDeps, auth: AuthContext) {
  const user = await loadUser(deps, auth);
  if (user.totp_enabled_at) {
    throw errors.conflict();
  }
  const secret = generateTotpSecret();
  await users.updateUser(deps.db, user.id, {
    totp_secret_encrypted: deps.secretBox.encrypt(secret),
    totp_last_step: null,
  });
  const uri = totpUri(secret, user.email ?? user.username ?? user.id);
  return { secret, otpauthUri: uri, qrDataUrl: await totpQrDataUrl(uri) };
}

/** Enables 2FA once the user proves the app works; returns the 10 backup codes, shown once. */
export async function enableTwoFactor(
  deps: IdentityDeps,
  auth: AuthContext,
  code: string,
  context: RequestContext,
) {
  const user = await loadUser(deps, auth);
  if (user.totp_enabled_at || !user.totp_secret_encrypted) {
    throw errors.conflict();
  }
  const now = deps.clock.now();
  const result = verifyTotp(
    deps.secretBox.decrypt(user.totp_secret_encrypted),
    code,
    now,
    user.totp_last_step,
  );
  if (!result.ok) {
    throw errors.field('body.code', 'two_factor_code');
  }
  const { codes, hashes } = generateBackupCodes();
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      totp_enabled_at: now,
      totp_last_step: result.step,
      updated_at: now,
    });
    await users.replaceBackupCodes(
      trx,
      user.id,
      hashes.map((hash) => ({ id: uuidv7(), hash })),
    );
    await auditAccountEvent(deps, trx, user.id, 'auth.2fa_enabled', context);
  });
  return { backupCodes: codes };
}

/** Turns 2FA off with the password and a current code; staff who must use 2FA cannot. */
export async function disableTwoFactor(
  deps: IdentityDeps,
  auth: AuthContext,
  input: { password: string; code: string },
  context: RequestContext,
): Promise<void> {
  const user = await loadUser(deps, auth);
  if (!user.totp_enabled_at || !user.totp_secret_encrypted) {
    throw errors.conflict();
  }
  if (deps.requireStaffTwoFactor && (user.role === 'moderator' || user.role === 'admin')) {
    throw errors.forbidden();
  }
  await assertPassword(user, input.password);
  const now = deps.clock.now();
  if (
    !verifyTotp(deps.secretBox.decrypt(user.totp_secret_encrypted), input.code, now, user.totp_last_step).ok
  ) {
    throw errors.field('body.code', 'two_factor_code');
  }
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, {
      totp_enabled_at: null,
      totp_secret_encrypted: null,
      totp_last_step: null,
      updated_at: now,
    });
    await users.replaceBackupCodes(trx, user.id, []);
    await auditAccountEvent(deps, trx, user.id, 'auth.2fa_disabled', context);
  });
}

/** Replaces all backup codes with 10 new ones (the old ones stop working). */
export async function regenerateBackupCodes(deps: IdentityDeps, auth: AuthContext, context: RequestContext) {
  const user = await loadUser(deps, auth);
  if (!user.totp_enabled_at) {
    throw errors.conflict();
  }
  const { codes, hashes } = generateBackupCodes();
  await deps.db.transaction().execute(async (trx) => {
    await users.replaceBackupCodes(
      trx,
      user.id,
      hashes.map((hash) => ({ id: uuidv7(), hash })),
    );
    await auditAccountEvent(deps, trx, user.id, 'auth.backup_codes_regenerated', context);
  });
  return { backupCodes: codes };
}

/** "Creator werden": a consumer upgrades to creator, self-service. */
export async function becomeCreator(
  deps: IdentityDeps,
  auth: AuthContext,
  context: RequestContext,
): Promise<CurrentUser> {
  const user = await loadUser(deps, auth);
  if (user.role === 'consumer') {
    await deps.db.transaction().execute(async (trx) => {
      await users.updateUser(trx, user.id, { role: 'creator', updated_at: deps.clock.now() });
      await deps.audit.record(
        {
          actorId: user.id,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: user.id,
          details: { from: 'consumer', to: 'creator' },
          ip: context.ip,
          userAgent: context.userAgent,
        },
        trx,
      );
    });
  }
  return getCurrentUser(deps, { ...auth, role: user.role === 'consumer' ? 'creator' : auth.role });
}
