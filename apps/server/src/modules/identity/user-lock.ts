import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * Locks the user's account row until the transaction ends, so that two concurrent requests of
 * the same user that count their own rows against a limit (saved searches, lists) run one after
 * the other. `no key update` leaves the foreign-key checks of other tables alone. False when the
 * account does not exist.
 */
export async function lockUserRow(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
