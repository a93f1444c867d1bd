import { reviewDetailSchema } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlag } from '../../src/modules/flags/flags.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import {
  approve,
  HOUR_MS,
  type Person,
  person,
  SETUP_TIMEOUT_MS,
  signInAgain,
  submitNew,
  uploadUpdate,
} from './review-fixtures.ts';

describe(`the review screen (${testDatabaseKind})`, () => {
  let t: TestApp;
  let moderator: Person;
  let creator: Person;
  let reporter: Person;
  let id: string;

  beforeAll(async () => {
    t = await buildTestApp();
    moderator = await person(t, 'moderator', { displayName: 'Mona Moderatorin' });
    creator = await person(t, 'creator', { displayName: 'Carla Creator' });
    reporter = await person(t, 'consumer');
    id = await submitNew(t, creator.client, { title: 'Bruchrechnen', tags: ['mathe'], level: 1 });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  async function detail(nanoId: string) {
    const res = await moderator.client.get(`/api/v1/moderation/nanos/${nanoId}`);
    expect(res.statusCode, res.body).toBe(200);
    return reviewDetailSchema.parse(res.json());
  }

  it('shows a first submission with its files, age, creator figures and no diff', async () => {
    t.clock.advance(2 * HOUR_MS);
    await signInAgain(t, moderator, creator);
    const first = await detail(id);
    expect(first).toMatchObject({
      nano: { id, title: 'Bruchrechnen', status: 'pending_review', permissions: { review: true } },
      queueType: 'new',
      metadataChanges: [],
      ageHours: 2,
      sla: 'ok',
      claim: null,
      history: [],
      creator: {
        id: creator.user.id,
        username: creator.user.username,
        displayName: 'Carla Creator',
        verified: false,
        trusted: false,
        approvedCount: 0,
        rejectedCount: 0,
        submissionsThisMonth: 1,
        openFlags: 0,
        upheldTakedowns: 0,
      },
    });
    expect(first.version?.files.map((f) => f.path)).toEqual(['notizen.md']);
    expect(first.version).toMatchObject({ semver: null, fileCount: 1, packageKind: null });
    expect(first.creator.memberSince).toBe('2026-01-15T09:00:00.000Z');
  });

  it('counts open flags on the creator and their Nanos, and upheld takedown notices', async () => {
    const db = t.platform.database.db;
    const now = t.clock.now();
    await createFlag(db, now, {
      reporterId: reporter.user.id,
      targetType: 'nano',
      targetId: id,
      reason: 'copyright',
      description: '',
    });
    await createFlag(db, now, {
      reporterId: reporter.user.id,
      targetType: 'user',
      targetId: creator.user.id,
      reason: 'spam',
      description: '',
    });
    for (const status of ['upheld', 'expired', 'rejected'] as const) {
      await db
        .insertInto('takedown_notices')
        .values({
          id: uuidv7(),
          nano_id: id,
          creator_id: creator.user.id,
          complainant_name: 'Verlag X',
          complainant_email: 'recht@verlag.example',
          work: 'Schulbuch Mathematik 5',
          original_location: 'https://verlag.example/mathe-5',
          status,
          created_at: now,
        })
        .execute();
    }
    expect((await detail(id)).creator).toMatchObject({ openFlags: 2, upheldTakedowns: 2 });
  });

  it('diffs the metadata of an update against the last approved version, with the history', async () => {
    await approve(moderator.client, id);
    const patched = await creator.client.patch(`/api/v1/nanos/${id}`, {
      title: 'Bruchrechnen mit Übungen',
      tags: ['mathe', 'brüche'],
      level: 2,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await uploadUpdate(t, creator.client, id, 'Übungsblatt ergänzt')).statusCode).toBe(201);

    const update = await detail(id);
    expect(update).toMatchObject({
      queueType: 'update',
      nano: { status: 'published' },
      version: { semver: '1.1.0', changelog: 'Übungsblatt ergänzt' },
      creator: { approvedCount: 1, submissionsThisMonth: 2 },
    });
    expect(update.metadataChanges).toEqual([
      { field: 'title', before: 'Bruchrechnen', after: 'Bruchrechnen mit Übungen' },
      { field: 'level', before: 1, after: 2 },
      { field: 'tags', before: ['mathe'], after: ['mathe', 'brüche'] },
    ]);
    expect(update.history).toEqual([
      { decision: 'approve', reviewer: 'Mona Moderatorin', reasons: [], note: '', at: expect.any(String) },
    ]);
  });

  it('shows a Nano with nothing to decide without a queue, and answers 404 for unknown ones', async () => {
    await approve(moderator.client, id);
    const settled = await detail(id);
    expect(settled).toMatchObject({
      queueType: null,
      ageHours: null,
      sla: null,
      version: { semver: '1.1.0' },
    });
    expect(settled.history).toHaveLength(2);
    expect((await moderator.client.get(`/api/v1/moderation/nanos/${uuidv7()}`)).statusCode).toBe(404);
  });
});
