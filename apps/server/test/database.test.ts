import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/platform/db/index.ts';
import { createTestDatabase, testDatabaseKind } from './database.ts';

describe(`database (${testDatabaseKind})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('answers the readiness check', async () => {
    await expect(handle.check()).resolves.toBeUndefined();
  });

  it('parses timestamps as Date and counts as numbers in both modes', async () => {
    const row = await sql<{ at: Date; n: number }>`select now() as at, count(*) as n from categories`.execute(
      handle.db,
    );
    expect(row.rows[0]?.at).toBeInstanceOf(Date);
    expect(typeof row.rows[0]?.n).toBe('number');
  });

  it('rolls back a failed transaction completely', async () => {
    const before = await handle.db
      .selectFrom('mail_outbox')
      .select(handle.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('mail_outbox')
          .values({
            id: '0190a000-0000-7000-8000-000000000001',
            to_address: 'a@example.org',
            subject: 's',
            text_body: 't',
          })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await handle.db
      .selectFrom('mail_outbox')
      .select(handle.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('queues concurrent queries behind an open transaction instead of interleaving them', async () => {
    const order: string[] = [];
    const trx = handle.db.transaction().execute(async (t) => {
      await sql`select 1`.execute(t);
      await new Promise((r) => setTimeout(r, 50));
      order.push('transaction');
    });
    const outside = sql`select 1`.execute(handle.db).then(() => order.push('outside'));
    await Promise.all([trx, outside]);
    if (testDatabaseKind === 'pglite') {
      expect(order).toEqual(['transaction', 'outside']);
    } else {
      expect(order.sort()).toEqual(['outside', 'transaction']);
    }
  });
});
