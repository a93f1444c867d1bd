import type { Role, UserStatus } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { revokeUserSessions } from './sessions.repository.ts';

type Db = Kysely<Database>;

/** What moderation and administration need to know about an account. */
export interface AccountSubject {
  id: string;
  /** Null once erased. */
  username: string | null;
  displayName: string;
  role: Role;
  status: UserStatus;
  suspendedUntil: Date | null;
  bio: string | null;
}

/** The account as moderators see it (the public profile's bio included); undefined when unknown. */
export async function accountSubject(db: Db, userId: string): Promise<AccountSubject | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('user_profiles', 'user_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.status',
      'users.suspended_until',
      'user_profiles.bio',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    suspendedUntil: row.suspended_until,
    bio: row.bio ?? null,
  };
}

/** The state before and after a change, for the caller's audit event. */
export interface AccountStatusChange {
  before: { status: UserStatus; suspendedUntil: string | null };
  after: { status: UserStatus; suspendedUntil: string | null };
}

function snapshot(status: UserStatus, until: Date | null) {
  return { status, suspendedUntil: until?.toISOString() ?? null };
}

/**
 * Suspends an account in the caller's transaction: status `suspended` until `until` (null:
 * indefinitely) and every login session revoked, so the user is signed out at once (requests
 * and WebSockets check the session). Suspending a suspended account again replaces the end.
 * An erased account cannot be suspended (409). Writes neither the audit event nor the decision:
 * the caller does (flag resolution, admin console).
 */
export async function suspendAccount(
  db: Db,
  deps: { clock: Clock },
  input: { userId: string; until: Date | null; by: string | null },
): Promise<AccountStatusChange> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'status', 'suspended_until'])
    .where('id', '=', input.userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) {
    throw new AppError('not_found');
  }
  if (user.status === 'deleted') {
    throw new AppError('conflict', { detail: 'account_deleted' });
  }
  const now = deps.clock.now();
  await db
    .updateTable('users')
    .set({ status: 'suspended', suspended_until: input.until, updated_at: now })
    .where('id', '=', input.userId)
    .execute();
  await revokeUserSessions(db, input.userId, 'suspended', now);
  return {
    before: snapshot(user.status, user.suspended_until),
    after: snapshot('suspended', input.until),
  };
}

/**
 * Lifts a suspension in the caller's transaction (an appeal reversed it, an admin, or its end
 * passed). Returns undefined when the account was not suspended (nothing changes).
 */
export async function unsuspendAccount(
  db: Db,
  deps: { clock: Clock },
  input: { userId: string; by: string | null },
): Promise<AccountStatusChange | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'status', 'suspended_until'])
    .where('id', '=', input.userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) {
    throw new AppError('not_found');
  }
  if (user.status !== 'suspended') {
    return undefined;
  }
  await db
    .updateTable('users')
    .set({ status: 'active', suspended_until: null, updated_at: deps.clock.now() })
    .where('id', '=', input.userId)
    .execute();
  return { before: snapshot(user.status, user.suspended_until), after: snapshot('active', null) };
}

/**
 * Ends every suspension whose end has passed (the job `identity.lift_suspensions`); returns the
 * accounts that are active again.
 */
export async function liftExpiredSuspensions(db: Db, deps: { clock: Clock }): Promise<string[]> {
  const now = deps.clock.now();
  const rows = await db
    .updateTable('users')
    .set({ status: 'active', suspended_until: null, updated_at: now })
    .where('status', '=', 'suspended')
    .where('suspended_until', 'is not', null)
    .where('suspended_until', '<=', now)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
