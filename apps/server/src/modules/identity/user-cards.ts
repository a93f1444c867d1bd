import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { avatarUrl } from './identity.presenter.ts';

/** What other modules may show about a user: a public card, never contact data. */
export interface UserCard {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  verified: boolean;
  email: string | null;
  locale: 'de' | 'en';
}

/**
 * Cards of the given users for other modules (creator cards, queues, notifications). The email
 * and locale are for the caller's own mails only and never go into a response.
 */
export async function getUserCards(db: Kysely<Database>, ids: string[]): Promise<Map<string, UserCard>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_profiles', 'user_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.email',
      'users.locale',
      'users.status',
      'user_profiles.avatar_key',
      'user_profiles.avatar_updated_at',
      'user_profiles.provider_verified_at',
    ])
    .where('users.id', 'in', unique)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        username: row.username ?? '',
        displayName: row.display_name,
        avatarUrl: avatarUrl(row.username, row),
        verified: row.provider_verified_at !== null,
        email: row.status === 'active' ? row.email : null,
        locale: row.locale,
      },
    ]),
  );
}

/** The id of the user with this username, for filters by creator; undefined when there is none. */
export async function findUserIdByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/** The topic interests (category ids) a user picked in their profile, for recommendations. */
export async function getInterests(db: Kysely<Database>, userId: string): Promise<string[]> {
  const row = await db
    .selectFrom('user_profiles')
    .select('interests')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.interests ?? [];
}
