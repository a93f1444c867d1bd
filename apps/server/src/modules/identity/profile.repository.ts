import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { UserProfilesTable } from './identity.tables.ts';

type Db = Kysely<Database>;

/** The owner's account and profile in one row. */
export function findOwnProfile(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('user_profiles', 'user_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.locale',
      'users.role',
      'user_profiles.bio',
      'user_profiles.company',
      'user_profiles.job_title',
      'user_profiles.website',
      'user_profiles.phone_encrypted',
      'user_profiles.interests',
      'user_profiles.avatar_key',
      'user_profiles.avatar_updated_at',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

/** What others may see of an active account, by username. */
export function findPublicProfile(db: Db, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('user_profiles', 'user_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.created_at',
      'user_profiles.bio',
      'user_profiles.company',
      'user_profiles.job_title',
      'user_profiles.website',
      'user_profiles.avatar_key',
      'user_profiles.avatar_updated_at',
      'user_profiles.provider_verified_at',
    ])
    .where('users.username', '=', username.toLowerCase())
    .where('users.status', '=', 'active')
    .executeTakeFirst();
}

export async function updateProfile(
  db: Db,
  userId: string,
  patch: Updateable<UserProfilesTable>,
): Promise<void> {
  await db.updateTable('user_profiles').set(patch).where('user_id', '=', userId).execute();
}

export async function updateAccountFields(
  db: Db,
  userId: string,
  patch: { display_name?: string; locale?: 'de' | 'en'; updated_at: Date },
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', userId).execute();
}
