import type { Role, UserStatus } from '@nano/contracts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Filters and page of the users table. */
export interface AdminUserQuery {
  q?: string;
  role?: Role;
  status?: UserStatus;
  offset: number;
  limit: number;
}

/** `text` as a literal part of a LIKE pattern: `%`, `_` and the escape character itself match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function accountsWithProfiles(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('user_profiles', 'user_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.email',
      'users.role',
      'users.status',
      'users.email_verified_at',
      'users.totp_enabled_at',
      'users.suspended_until',
      'users.last_login_at',
      'users.created_at',
      'user_profiles.provider_verified_at',
      'user_profiles.company',
    ]);
}

/** One account as the admin console reads it. */
export type AdminUserRow = NonNullable<Awaited<ReturnType<typeof findAdminUser>>>;

/** One page of accounts, newest first; `q` matches username, display name or email (case-insensitive, literally). */
export async function searchAdminUsers(
  db: Db,
  query: AdminUserQuery,
): Promise<{ rows: AdminUserRow[]; total: number }> {
  let filtered = accountsWithProfiles(db);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filtered = filtered.where((eb) =>
      eb.or([
        eb('users.username', 'ilike', pattern),
        eb('users.display_name', 'ilike', pattern),
        eb('users.email', 'ilike', pattern),
      ]),
    );
  }
  if (query.role) {
    filtered = filtered.where('users.role', '=', query.role);
  }
  if (query.status) {
    filtered = filtered.where('users.status', '=', query.status);
  }
  const [rows, count] = await Promise.all([
    filtered
      .orderBy('users.created_at', 'desc')
      .orderBy('users.id', 'desc')
      .offset(query.offset)
      .limit(query.limit)
      .execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findAdminUser(db: Db, id: string) {
  return accountsWithProfiles(db).where('users.id', '=', id).executeTakeFirst();
}

/**
 * The ids of every active admin, their rows locked until the transaction ends: a change that
 * could leave no admin (demotion, suspension, erasure) checks this list, and a second such change
 * running at the same moment waits, then sees the first one's result.
 */
export async function lockActiveAdmins(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** The account row locked for a change by an admin; undefined when it does not exist. */
export function lockAccount(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'role', 'status', 'display_name', 'username'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setRole(trx: Transaction<Database>, id: string, role: Role, now: Date): Promise<void> {
  await trx.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();
}

/** Figures of the user detail. */
export interface AdminUserCounts {
  nanos: number;
  publishedNanos: number;
  ratings: number;
  flagsAgainst: number;
  warnings: number;
}

/**
 * Counts about one user for the admin detail. A documented read-only query over other modules'
 * tables (catalog `nanos`, feedback `ratings`, chat `chat_messages`, `flags`, moderation
 * `moderation_decisions`), so the detail needs one round trip: Nanos except deleted ones, the
 * published ones, ratings given, flags ever filed against the user or their Nanos, ratings and
 * messages, and warnings received.
 */
export async function countsAbout(db: Db, userId: string): Promise<AdminUserCounts> {
  const result = await sql<{
    nanos: number | string;
    published: number | string;
    ratings: number | string;
    flags: number | string;
    warnings: number | string;
  }>`
    select
      (select count(*) from nanos where creator_id = ${userId} and status <> 'deleted') as nanos,
      (select count(*) from nanos where creator_id = ${userId} and status = 'published') as published,
      (select count(*) from ratings where user_id = ${userId}) as ratings,
      (select count(*) from flags f where
          (f.target_type = 'user' and f.target_id = ${userId})
       or (f.target_type = 'nano' and f.target_id in (select id from nanos where creator_id = ${userId}))
       or (f.target_type = 'rating' and f.target_id in (select id from ratings where user_id = ${userId}))
       or (f.target_type = 'message' and f.target_id in (select id from chat_messages where sender_id = ${userId}))
      ) as flags,
      (select count(*) from moderation_decisions
        where affected_user_id = ${userId} and action = 'warn' and reversed_at is null) as warnings
  `.execute(db);
  const row = result.rows[0];
  return {
    nanos: Number(row?.nanos ?? 0),
    publishedNanos: Number(row?.published ?? 0),
    ratings: Number(row?.ratings ?? 0),
    flagsAgainst: Number(row?.flags ?? 0),
    warnings: Number(row?.warnings ?? 0),
  };
}
