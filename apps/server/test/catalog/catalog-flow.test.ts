import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import {
  APPROVE,
  completeMetadata,
  createDraftWithFile,
  makeNanoZip,
  makeZip,
  multipartBody,
} from '../nano-fixtures.ts';
import { deliverNotificationEmails } from '../notifications/notification-fixtures.ts';

describe('Nano lifecycle from upload to publication', () => {
  let t: TestApp;
  let creator: TestClient;
  let moderator: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    creator = await signIn(t, await createUser(t, { role: 'creator' }));
    moderator = await signIn(t, await createUser(t, { role: 'moderator' }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('uploads, submits, gets approved, and is then public with viewer, ranges and counted download', async () => {
    const id = await createDraftWithFile(t, creator);
    const guest = new TestClient(t.app);
    expect((await guest.get(`/api/v1/nanos/${id}`)).statusCode).toBe(404);

    const submitted = await creator.post(`/api/v1/nanos/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('pending_review');

    const queue = await moderator.get('/api/v1/moderation/queue');
    expect(queue.json().items).toContainEqual(
      expect.objectContaining({ nanoId: id, type: 'new', sla: 'ok' }),
    );

    const decision = await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, {
      ...APPROVE,
      reasons: [],
      note: 'Sehr gut.',
    });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json()).toMatchObject({
      status: 'published',
      currentVersion: { semver: '1.0.0', current: true },
    });

    const detail = await guest.get(`/api/v1/nanos/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().permissions).toMatchObject({ edit: false, download: true });
    expect(detail.json().pendingVersion).toBeNull();

    const files = await guest.get(`/api/v1/nanos/${id}/files`);
    expect(
      files
        .json()
        .items.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['bilder/diagramm.png', 'folien.pdf', 'notizen.md']);

    const pdf = await guest.get(`/api/v1/nanos/${id}/content/folien.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    const range = await guest.get(`/api/v1/nanos/${id}/content/folien.pdf`, { range: 'bytes=0-3' });
    expect(range.statusCode).toBe(206);
    expect(range.body).toBe('%PDF');
    expect(range.headers['content-range']).toMatch(/^bytes 0-3\/\d+$/);
    expect(
      (await guest.get(`/api/v1/nanos/${id}/content/folien.pdf`, { range: 'bytes=99999999-' })).statusCode,
    ).toBe(416);

    const download = await guest.get(`/api/v1/nanos/${id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('excel-pivot-in-10-minuten-1.0.0.zip');
    const again = await guest.get(`/api/v1/nanos/${id}`);
    expect(again.json().counters).toMatchObject({ downloads: 1, views: 1 });

    const notifications = await creator.get('/api/v1/me/notifications');
    expect(notifications.json().items[0]).toMatchObject({
      type: 'nano.review_decision',
      payload: { decision: 'approve' },
    });
    await deliverNotificationEmails(t);
    const mail = await t.platform.database.db
      .selectFrom('mail_outbox')
      .select('subject')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('veröffentlicht');
  });

  it('refuses a bad ZIP with 422 listing every offending entry and leaves nothing behind', async () => {
    const created = await creator.post('/api/v1/nanos', await completeMetadata(t));
    const id = created.json().id;
    const zip = await makeZip({ 'bild.png': 'kein Bild', 'seite.html': '<h1>hi</h1>', 'ok.md': '# ok' });
    const res = await creator.request({
      method: 'POST',
      url: `/api/v1/nanos/${id}/versions`,
      ...multipartBody(zip),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('upload_rejected');
    const problems = res.json().problems as Array<{ path: string; code: string; message: string }>;
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
    const objects = [];
    for await (const o of t.platform.storage.list(`nanos/${id}/`)) {
      objects.push(o.key);
    }
    expect(objects).toEqual([]);
    const versions = await t.platform.database.db
      .selectFrom('nano_versions')
      .select('id')
      .where('nano_id', '=', id)
      .execute();
    expect(versions).toEqual([]);
  });

  it('keeps the current version live while a new version waits for review', async () => {
    const id = await createDraftWithFile(t, creator);
    await creator.post(`/api/v1/nanos/${id}/submit`);
    await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);

    const noChangelog = await creator.request({
      method: 'POST',
      url: `/api/v1/nanos/${id}/versions`,
      ...multipartBody(await makeNanoZip('v2')),
    });
    expect(noChangelog.statusCode).toBe(400);
    const update = await creator.request({
      method: 'POST',
      url: `/api/v1/nanos/${id}/versions`,
      ...multipartBody(await makeNanoZip('Version 2'), { changelog: 'Neue Übung ergänzt' }),
    });
    expect(update.statusCode, update.body).toBe(201);
    expect(update.json()).toMatchObject({
      status: 'published',
      currentVersion: { semver: '1.0.0' },
      pendingVersion: { semver: '1.1.0', status: 'pending_review' },
    });

    const guest = new TestClient(t.app);
    expect((await guest.get(`/api/v1/nanos/${id}`)).json().currentVersion.semver).toBe('1.0.0');
    await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);
    const after = await guest.get(`/api/v1/nanos/${id}`);
    expect(after.json().currentVersion.semver).toBe('1.1.0');
    const versions = await creator.get(`/api/v1/nanos/${id}/versions`);
    expect(versions.json().items.map((v: { semver: string }) => v.semver)).toEqual(['1.1.0', '1.0.0']);
  });

  it('answers illegal transitions with 409 and stale edits with 412', async () => {
    const id = await createDraftWithFile(t, creator);
    expect((await creator.post(`/api/v1/nanos/${id}/archive`)).statusCode).toBe(409);
    const nano = (await creator.get(`/api/v1/nanos/${id}`)).json();
    const ok = await creator.patch(`/api/v1/nanos/${id}`, {
      title: 'Neuer Titel',
      rowVersion: nano.rowVersion,
    });
    expect(ok.statusCode).toBe(200);
    const stale = await creator.patch(`/api/v1/nanos/${id}`, {
      title: 'Zu spät',
      rowVersion: nano.rowVersion,
    });
    expect(stale.statusCode).toBe(412);
    expect((await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE)).statusCode).toBe(409);
  });

  it('generates a thumbnail from the first image in a background job', async () => {
    const id = await createDraftWithFile(t, creator);
    await t.platform.jobs.runDue();
    const nano = (await creator.get(`/api/v1/nanos/${id}`)).json();
    expect(nano.thumbnailUrl).toMatch(`/api/v1/nanos/${id}/thumbnail?v=`);
    const image = await creator.get(nano.thumbnailUrl);
    expect(image.headers['content-type']).toBe('image/webp');
  });
});
