import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { UserRow, UsersTable, UserTokenPurpose } from './identity.tables.ts';

type Db = Kysely<Database>;

/** The account for a login name: an email address (case-insensitive) or a username. */
export function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const normalised = login.trim().toLowerCase();
  const column = normalised.includes('@') ? 'email' : 'username';
  return db.selectFrom('users').selectAll().where(column, '=', normalised).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/** Inserts an account with its (empty) profile row. */
export async function insertUser(db: Db, user: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(user).execute();
  await db.insertInto('user_profiles').values({ user_id: user.id }).execute();
}

export async function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertUserToken(
  db: Db,
  token: {
    id: string;
    userId: string;
    purpose: UserTokenPurpose;
    tokenHash: string;
    expiresAt: Date;
    newEmail?: string;
  },
): Promise<void> {
  await db
    .insertInto('user_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
      new_email: token.newEmail ?? null,
    })
    .execute();
}

/** Marks a valid token used and returns it; undefined when unknown, used, expired or of another purpose. */
export function consumeUserToken(db: Db, tokenHash: string, purposes: UserTokenPurpose[], now: Date) {
  return db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'user_id', 'purpose', 'new_email'])
    .executeTakeFirst();
}

/** Invalidates every open token of a purpose (a new one replaces them). */
export async function expireUserTokens(
  db: Db,
  userId: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function replaceBackupCodes(
  db: Db,
  userId: string,
  rows: Array<{ id: string; hash: string }>,
): Promise<void> {
  await db.deleteFrom('user_backup_codes').where('user_id', '=', userId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('user_backup_codes')
      .values(rows.map((r) => ({ id: r.id, user_id: userId, code_hash: r.hash })))
      .execute();
  }
}

export function listUnusedBackupCodes(db: Db, userId: string) {
  return db
    .selectFrom('user_backup_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Uses a backup code once; false when it was used concurrently. */
export async function useBackupCode(db: Db, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('user_backup_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
