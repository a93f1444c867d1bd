import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * The chat's held messages as the moderation workspace overview and its metrics count them: how
 * many wait for a moderator, and since when the oldest waits (a read-only view the chat module
 * exports of its own table).
 */
export async function heldMessagesSummary(
  db: Kysely<Database>,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('chat_messages')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('status', '=', 'held')
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest as Date | string) : null };
}
