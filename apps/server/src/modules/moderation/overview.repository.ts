import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { OPEN_TAKEDOWN_STATUSES } from './takedowns.repository.ts';

type Db = Kysely<Database>;

/** A queue's size and since when its oldest item waits. */
export interface QueueStats {
  count: number;
  oldest: Date | null;
}

function toDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as Date | string);
}

/** Open takedown notices (awaiting the creator's answer or a decision), aged from confirmation. */
export async function openTakedownStats(db: Db): Promise<QueueStats> {
  const row = await db
    .selectFrom('takedown_notices')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('confirmed_at').as('oldest')])
    .where('status', 'in', OPEN_TAKEDOWN_STATUSES)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: toDate(row.oldest) };
}

/** Open appeals, aged from their arrival. */
export async function openAppealStats(db: Db): Promise<QueueStats> {
  const row = await db
    .selectFrom('moderation_appeals')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: toDate(row.oldest) };
}
