import type { Role } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from './crypto/password-hasher.ts';
import { generateToken } from './crypto/tokens.ts';
import type { IdentityDeps } from './identity.deps.ts';
import * as users from './identity.repository.ts';

/** Thrown when an account with that email or username already exists. */
export class AccountExistsError extends Error {}

/**
 * Creates a staff account from the command line (the first admin has no one to invite them).
 * Returns a one-time password: it is shown once, and the first login must replace it (and, when
 * required, enrol in 2FA) before anything else.
 */
export async function createStaffAccount(
  deps: IdentityDeps,
  input: { email: string; username: string; displayName: string; role: Extract<Role, 'admin' | 'moderator'> },
): Promise<{ id: string; oneTimePassword: string }> {
  const email = input.email.trim().toLowerCase();
  const username = input.username.trim().toLowerCase();
  if ((await users.findUserByEmail(deps.db, email)) || (await users.usernameTaken(deps.db, username))) {
    throw new AccountExistsError(`an account with ${email} or ${username} already exists`);
  }
  // 144 random bits, plus one character of each class so the policy's structural rules hold.
  const oneTimePassword = `${generateToken(18)}-A7`;
  const id = uuidv7();
  const now = deps.clock.now();
  const passwordHash = await hashPassword(oneTimePassword);
  await deps.db.transaction().execute(async (trx) => {
    await users.insertUser(trx, {
      id,
      email,
      username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      email_verified_at: now,
      must_change_password: true,
      created_at: now,
      updated_at: now,
    });
    await deps.audit.record(
      {
        actorId: null,
        action: 'user.created_by_admin',
        targetType: 'user',
        targetId: id,
        details: { role: input.role, via: 'cli' },
      },
      trx,
    );
  });
  return { id, oneTimePassword };
}
