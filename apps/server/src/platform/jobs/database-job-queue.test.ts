import { afterAll, beforeAll, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../../test/database.ts';
import { FakeClock } from '../clock.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { JobLogFn, JobQueue } from '../jobs.ts';
import { COMPLETED_JOB_RETENTION_MS, createDatabaseJobQueue } from './database-job-queue.ts';

const MINUTE = 60_000;

describe(`database job queue (${testDatabaseKind})`, () => {
  let handle: DatabaseHandle;
  let clock: FakeClock;
  let logger: { info: Mock<JobLogFn>; warn: Mock<JobLogFn>; error: Mock<JobLogFn> };

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.deleteFrom('jobs').execute();
    await handle.db.deleteFrom('job_schedules').execute();
    clock = new FakeClock('2026-01-15T09:00:00.000Z');
    logger = { info: vi.fn<JobLogFn>(), warn: vi.fn<JobLogFn>(), error: vi.fn<JobLogFn>() };
  });

  function createQueue(options: { concurrency?: number; pollIntervalMs?: number } = {}): JobQueue {
    return createDatabaseJobQueue({ db: handle.db, clock, logger, ...options });
  }

  function jobRow(id: string) {
    return handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('runs an enqueued job once with its payload', async () => {
    const queue = createQueue();
    const runs: Array<{ payload: unknown; attempt: number; name: string }> = [];
    queue.register<{ lessonId: string }>('lesson.publish', async (payload, context) => {
      runs.push({ payload, attempt: context.attempt, name: context.name });
    });

    const id = await queue.enqueue('lesson.publish', { lessonId: 'l-1' });

    await expect(queue.runDue()).resolves.toBe(1);
    await expect(queue.runDue()).resolves.toBe(0);
    expect(runs).toEqual([{ payload: { lessonId: 'l-1' }, attempt: 1, name: 'lesson.publish' }]);
    const row = await jobRow(id);
    expect(row.status).toBe('completed');
    expect(row.finished_at).toEqual(clock.now());
    await expect(queue.stats()).resolves.toEqual({ queued: 0, running: 0, failed: 0, completed: 1 });
  });

  it('retries a failing job with doubling backoff and marks it failed after the last attempt', async () => {
    const queue = createQueue();
    const attempts: number[] = [];
    queue.register(
      'mail.send',
      async (_payload, context) => {
        attempts.push(context.attempt);
        throw new Error(`smtp down (attempt ${context.attempt})`);
      },
      { maxAttempts: 3, backoffMs: 1_000 },
    );
    const id = await queue.enqueue('mail.send', { to: 'a@example.org' });
    const start = clock.now().getTime();

    await expect(queue.runDue()).resolves.toBe(1);
    let row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'smtp down (attempt 1)' });
    expect(row.run_at).toEqual(new Date(start + 1_000));

    clock.advance(999);
    await expect(queue.runDue()).resolves.toBe(0);
    clock.advance(1);
    await expect(queue.runDue()).resolves.toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(row.run_at).toEqual(new Date(start + 1_000 + 2_000));

    clock.advance(1_999);
    await expect(queue.runDue()).resolves.toBe(0);
    clock.advance(1);
    await expect(queue.runDue()).resolves.toBe(1);
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'smtp down (attempt 3)' });
    expect(row.finished_at).toEqual(clock.now());

    clock.advance(60 * MINUTE);
    await expect(queue.runDue()).resolves.toBe(0);
    expect(attempts).toEqual([1, 2, 3]);
    await expect(queue.stats()).resolves.toEqual({ queued: 0, running: 0, failed: 1, completed: 0 });
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('returns the waiting job for a singleton key instead of enqueueing a second one', async () => {
    const queue = createQueue();
    const runs: unknown[] = [];
    queue.register('search.reindex', async (payload) => {
      runs.push(payload);
    });

    const first = await queue.enqueue('search.reindex', { n: 1 }, { singletonKey: 'lesson-7' });
    const second = await queue.enqueue('search.reindex', { n: 2 }, { singletonKey: 'lesson-7' });
    const otherKey = await queue.enqueue('search.reindex', { n: 3 }, { singletonKey: 'lesson-8' });

    expect(second).toBe(first);
    expect(otherKey).not.toBe(first);
    await expect(queue.runDue()).resolves.toBe(2);
    expect(runs).toHaveLength(2);
    expect(runs).toContainEqual({ n: 1 });

    // Once the first has finished, the key is free again.
    const third = await queue.enqueue('search.reindex', { n: 4 }, { singletonKey: 'lesson-7' });
    expect(third).not.toBe(first);
    await expect(queue.runDue()).resolves.toBe(1);
  });

  it('does not run a job before its runAt', async () => {
    const queue = createQueue();
    const handler = vi.fn(async () => {});
    queue.register('reminder', handler);

    await queue.enqueue('reminder', {}, { runAt: new Date(clock.now().getTime() + 10 * MINUTE) });

    await expect(queue.runDue()).resolves.toBe(0);
    clock.advance(10 * MINUTE - 1);
    await expect(queue.runDue()).resolves.toBe(0);
    expect(handler).not.toHaveBeenCalled();
    clock.advance(1);
    await expect(queue.runDue()).resolves.toBe(1);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('runs each job exactly once when two instances claim concurrently', async () => {
    const runsById = new Map<string, number>();
    const handler = async (_payload: unknown, context: { id: string }) => {
      runsById.set(context.id, (runsById.get(context.id) ?? 0) + 1);
      // Yield so the two instances really interleave their claims.
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const queueA = createQueue({ concurrency: 3 });
    const queueB = createQueue({ concurrency: 3 });
    queueA.register('thumbnail', handler);
    queueB.register('thumbnail', handler);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(await queueA.enqueue('thumbnail', { i }));
    }

    const [ranA, ranB] = await Promise.all([queueA.runDue(), queueB.runDue()]);

    expect(ranA + ranB).toBe(20);
    expect([...runsById.keys()].sort()).toEqual([...ids].sort());
    expect([...runsById.values()].every((count) => count === 1)).toBe(true);
    await expect(queueA.stats()).resolves.toEqual({ queued: 0, running: 0, failed: 0, completed: 20 });
  });

  it('takes over a running job whose runner crashed, but not one whose lock still holds', async () => {
    const queue = createQueue();
    const attempts: number[] = [];
    queue.register('export.build', async (_payload, context) => {
      attempts.push(context.attempt);
    });
    const id = await queue.enqueue('export.build', {});
    // Simulates a runner that claimed the job and died: running, with a lock ending in one minute.
    await handle.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_until: new Date(clock.now().getTime() + MINUTE) })
      .where('id', '=', id)
      .execute();

    await expect(queue.runDue()).resolves.toBe(0);
    clock.advance(MINUTE + 1);
    await expect(queue.runDue()).resolves.toBe(1);

    expect(attempts).toEqual([2]);
    expect(await jobRow(id)).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('enqueues a schedule once per slot, even with two instances, and once for slots missed in downtime', async () => {
    const runs: string[] = [];
    const queueA = createQueue();
    const queueB = createQueue();
    for (const queue of [queueA, queueB]) {
      queue.register('digest', async (payload: { kind: string }) => {
        runs.push(payload.kind);
      });
    }
    await queueA.schedule('digest', '*/5 * * * *', { kind: 'weekly' });
    // The other instance declares the same schedule at its boot; the pending slot is unchanged.
    await queueB.schedule('digest', '*/5 * * * *', { kind: 'weekly' });

    await expect(Promise.all([queueA.runDue(), queueB.runDue()])).resolves.toEqual([0, 0]);

    clock.advance(5 * MINUTE);
    const [ranA, ranB] = await Promise.all([queueA.runDue(), queueB.runDue()]);
    expect(ranA + ranB).toBe(1);
    expect(runs).toEqual(['weekly']);
    await expect(Promise.all([queueA.runDue(), queueB.runDue()])).resolves.toEqual([0, 0]);

    // An hour of downtime spans twelve slots; they collapse into one run.
    clock.advance(60 * MINUTE);
    await queueA.schedule('digest', '*/5 * * * *', { kind: 'weekly' });
    const ranAfterDowntime = await Promise.all([queueA.runDue(), queueB.runDue()]);
    expect(ranAfterDowntime[0] + ranAfterDowntime[1]).toBe(1);
    expect(runs).toEqual(['weekly', 'weekly']);

    const schedule = await handle.db
      .selectFrom('job_schedules')
      .selectAll()
      .where('name', '=', 'digest')
      .executeTakeFirstOrThrow();
    expect(schedule.next_run_at).toEqual(new Date('2026-01-15T10:10:00.000Z'));
  });

  it('rejects an invalid cron expression, naming it', async () => {
    const queue = createQueue();
    await expect(queue.schedule('digest', 'every monday', {})).rejects.toThrow('"every monday"');
    await expect(queue.schedule('digest', '61 * * * *', {})).rejects.toThrow(
      'Invalid cron expression "61 * * * *"',
    );
    await expect(queue.schedule('digest', '* * * * * *', {})).rejects.toThrow('expected 5 fields');
    const schedules = await handle.db.selectFrom('job_schedules').selectAll().execute();
    expect(schedules).toEqual([]);
  });

  it('deletes completed jobs past the retention and keeps recent and failed ones', async () => {
    const queue = createQueue();
    queue.register('noop', async () => {});
    const old = await queue.enqueue('noop', {});
    await queue.runDue();
    const oldFailed = await queue.enqueue('unregistered', {});
    await handle.db
      .updateTable('jobs')
      .set({ status: 'failed', finished_at: clock.now() })
      .where('id', '=', oldFailed)
      .execute();

    clock.advance(COMPLETED_JOB_RETENTION_MS + MINUTE);
    const recent = await queue.enqueue('noop', {});
    await queue.runDue();

    const remaining = await handle.db.selectFrom('jobs').select('id').execute();
    expect(remaining.map((row) => row.id).sort()).toEqual([oldFailed, recent].sort());
    expect(remaining.map((row) => row.id)).not.toContain(old);
  });

  it('polls once started, and stop() waits for the handler in flight', async () => {
    const queue = createQueue({ pollIntervalMs: 10 });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    queue.register('slow', async () => {
      started = true;
      await released;
    });
    const id = await queue.enqueue('slow', {});

    queue.start();
    await vi.waitFor(() => {
      expect(started).toBe(true);
    });
    let stopped = false;
    const stopping = queue.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);

    release();
    await stopping;
    expect((await jobRow(id)).status).toBe('completed');
  });
});
