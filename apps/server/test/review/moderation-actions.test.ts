import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyNanoModeration,
  type NanoModerationAction,
} from '../../src/modules/catalog/moderation-actions.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { createDraft, nanoAuditActions } from '../nano-fixtures.ts';
import {
  decisionsOn,
  type Person,
  person,
  publishNew,
  SETUP_TIMEOUT_MS,
  submitNew,
  uploadUpdate,
  versionsOf,
} from './review-fixtures.ts';

describe(`moderation actions on Nanos (${testDatabaseKind})`, () => {
  let t: TestApp;
  let moderator: Person;
  let creator: Person;
  let id: string;

  beforeAll(async () => {
    t = await buildTestApp();
    moderator = await person(t, 'moderator');
    creator = await person(t, 'creator');
    id = await publishNew(t, creator.client, moderator.client, { title: 'Zu prüfen' });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const apply = (nanoId: string, action: NanoModerationAction) =>
    t.platform.database.db
      .transaction()
      .execute((trx) => applyNanoModeration(trx, { clock: t.clock }, { nanoId, action }));
  const row = (nanoId: string) =>
    t.platform.database.db.selectFrom('nanos').selectAll().where('id', '=', nanoId).executeTakeFirstOrThrow();

  it('hides a published Nano ("wird geprüft") and shows it again, writing no audit or decision', async () => {
    const auditBefore = await nanoAuditActions(t, id);
    const decisionsBefore = await decisionsOn(t, id);
    expect(await apply(id, 'hide')).toEqual({
      creatorId: creator.user.id,
      title: 'Zu prüfen',
      statusBefore: 'published',
      statusAfter: 'hidden',
    });
    expect((await new TestClient(t.app).get(`/api/v1/nanos/${id}`)).statusCode).toBe(404);
    const own = (await creator.client.get(`/api/v1/nanos/${id}`)).json();
    expect(own).toMatchObject({
      status: 'hidden',
      permissions: { edit: false, archive: true, delete: true },
    });
    expect((await moderator.client.get(`/api/v1/nanos/${id}`)).json().status).toBe('hidden');

    await expect(apply(id, 'hide')).rejects.toMatchObject({ status: 409 });
    expect((await apply(id, 'unhide')).statusAfter).toBe('published');
    expect(await nanoAuditActions(t, id)).toEqual(auditBefore);
    expect(await decisionsOn(t, id)).toEqual(decisionsBefore);
  });

  it('keeps a hidden Nano from being edited or updated by its owner', async () => {
    await apply(id, 'hide');
    expect((await creator.client.patch(`/api/v1/nanos/${id}`, { title: 'Neu' })).statusCode).toBe(409);
    expect((await uploadUpdate(t, creator.client, id)).statusCode).toBe(409);
    expect((await creator.client.post(`/api/v1/nanos/${id}/restore`)).statusCode).toBe(409);
  });

  it('archives a hidden Nano and puts it back online after a reversed decision', async () => {
    const archived = await apply(id, 'archive');
    expect(archived).toMatchObject({ statusBefore: 'hidden', statusAfter: 'archived' });
    expect((await row(id)).archived_at).toEqual(t.clock.now());
    t.clock.advance(1000);
    expect((await apply(id, 'restore_published')).statusAfter).toBe('published');
    const restored = await row(id);
    expect(restored).toMatchObject({ status: 'published', archived_at: null });
    expect(restored.published_at).not.toBeNull();
    expect((await new TestClient(t.app).get(`/api/v1/nanos/${id}`)).statusCode).toBe(200);
  });

  it('publishes the rejected version when a rejection is reversed', async () => {
    const rejected = await submitNew(t, creator.client, { title: 'Zu Unrecht abgelehnt' });
    const res = await moderator.client.post(`/api/v1/moderation/nanos/${rejected}/decision`, {
      decision: 'reject',
      reasons: ['spam'],
    });
    expect(res.json().status).toBe('rejected');
    await expect(apply(rejected, 'hide')).rejects.toMatchObject({ status: 409 });
    const [version] = await versionsOf(t, rejected);
    const moved = await apply(rejected, 'restore_published');
    expect(moved).toMatchObject({
      statusBefore: 'rejected',
      statusAfter: 'published',
      approvedVersionId: version?.id,
    });
    const guest = (await new TestClient(t.app).get(`/api/v1/nanos/${rejected}`)).json();
    expect(guest).toMatchObject({
      status: 'published',
      currentVersion: { id: version?.id, semver: '1.0.0' },
    });
  });

  it('refuses to put a Nano online that has no version to show', async () => {
    const empty = await createDraft(t, creator.client);
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'rejected' })
      .where('id', '=', empty)
      .execute();
    await expect(apply(empty, 'restore_published')).rejects.toMatchObject({
      status: 409,
      message: 'no_approved_version',
    });
  });

  it('deletes, remembering the status for an undo, and lets the owner archive or delete a hidden Nano', async () => {
    expect(await apply(id, 'delete')).toMatchObject({ statusBefore: 'published', statusAfter: 'deleted' });
    expect(await row(id)).toMatchObject({ status: 'deleted', status_before_delete: 'published' });
    await expect(apply(id, 'delete')).rejects.toMatchObject({ status: 409 });
    await expect(apply(uuidv7(), 'hide')).rejects.toMatchObject({ status: 404 });

    const second = await publishNew(t, creator.client, moderator.client);
    await apply(second, 'hide');
    expect((await creator.client.post(`/api/v1/nanos/${second}/archive`)).json().status).toBe('archived');
    const third = await publishNew(t, creator.client, moderator.client);
    await apply(third, 'hide');
    expect((await creator.client.delete(`/api/v1/nanos/${third}`)).statusCode).toBe(204);
    expect(await row(third)).toMatchObject({ status: 'deleted', status_before_delete: 'hidden' });
  });
});
