import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFlag,
  flaggedTargets,
  openFlagsByTarget,
  resolveFlags,
} from '../../src/modules/flags/flags.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';

describe(`flags: one open flag per reporter and target (${testDatabaseKind})`, () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await createUser(t);
    bob = await createUser(t);
    moderator = await createUser(t, { role: 'moderator' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const flag = (reporterId: string, targetId: string, targetType: 'message' | 'nano' = 'message') =>
    createFlag(t.platform.database.db, t.clock.now(), {
      reporterId,
      targetType,
      targetId,
      reason: 'spam',
      description: '',
    });

  it('refuses a second open flag of the same reporter on the same target, also at once', async () => {
    const target = uuidv7();
    const results = await Promise.allSettled([flag(alice.id, target), flag(alice.id, target)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'flag_exists', status: 409 },
    });
    // Other reporters, and other targets (also of another type with the same id), are independent.
    await expect(flag(bob.id, target)).resolves.toMatchObject({ targetId: target, status: 'open' });
    await expect(flag(alice.id, target, 'nano')).resolves.toMatchObject({ targetType: 'nano' });
    expect((await openFlagsByTarget(t.platform.database.db, 'message', [target])).get(target)).toHaveLength(
      2,
    );
  });

  it('resolving frees the slot for a new flag and takes the target off the queue', async () => {
    const target = uuidv7();
    const other = uuidv7();
    await flag(alice.id, target);
    t.clock.advance(1000);
    await flag(alice.id, other);
    const queue = await flaggedTargets(t.platform.database.db, 'message', { offset: 0, limit: 100 });
    expect(queue.ids.indexOf(target)).toBeLessThan(queue.ids.indexOf(other));

    const db = t.platform.database.db;
    expect(
      await resolveFlags(
        db,
        { type: 'message', id: target },
        { resolution: 'reject', resolvedBy: moderator.id, at: t.clock.now() },
      ),
    ).toBe(1);
    expect(
      await resolveFlags(
        db,
        { type: 'message', id: target },
        { resolution: 'reject', resolvedBy: moderator.id, at: t.clock.now() },
      ),
    ).toBe(0);
    const row = await db
      .selectFrom('flags')
      .selectAll()
      .where('target_id', '=', target)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'resolved', resolution: 'reject', resolved_by: moderator.id });
    expect((await flaggedTargets(db, 'message', { offset: 0, limit: 100 })).ids).not.toContain(target);
    await expect(flag(alice.id, target)).resolves.toMatchObject({ status: 'open' });
  });
});
