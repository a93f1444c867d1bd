import { MODERATION_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample, seededRandom } from '../../src/modules/catalog/trust-policy.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { APPROVE, nanoAuditActions } from '../nano-fixtures.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import {
  decisionsOn,
  type Person,
  person,
  publishNew,
  SETUP_TIMEOUT_MS,
  submitNew,
  trust,
  uploadUpdate,
  versionsOf,
} from './review-fixtures.ts';

/** Which of the first `n` draws of `seed` are sampled (indices). */
function sampledDraws(seed: number, n: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => i).filter(() => drawSample(random));
}

describe('sampling of trusted updates is reproducible', () => {
  it(`samples about ${MODERATION_LIMITS.sampleRate * 100} % of 200 updates, the same ones for the same seed`, () => {
    for (const seed of [3, 43, 2026]) {
      const sampled = sampledDraws(seed, 200);
      expect(sampled.length, `seed ${seed}`).toBeGreaterThanOrEqual(10);
      expect(sampled.length, `seed ${seed}`).toBeLessThanOrEqual(30);
      expect(sampledDraws(seed, 200)).toEqual(sampled);
    }
    expect(sampledDraws(3, 200)).toHaveLength(23);
    expect(sampledDraws(43, 200)).toHaveLength(19);
    expect(sampledDraws(3, 200)).not.toEqual(sampledDraws(43, 200));
  });
});

describe(`a trusted creator's updates publish at once, some sampled (${testDatabaseKind})`, () => {
  const SEED = 3;
  let t: TestApp;
  let moderator: Person;
  let creator: Person;
  let id: string;

  beforeAll(async () => {
    t = await buildTestApp({ MODERATION_SAMPLE_SEED: String(SEED) });
    moderator = await person(t, 'moderator');
    creator = await person(t, 'creator');
    id = await publishNew(t, creator.client, moderator.client);
    await trust(t, creator.user.id);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  it('publishes an update at once, without the review queue', async () => {
    const res = await uploadUpdate(t, creator.client, id, 'Übungen ergänzt');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'published',
      currentVersion: { semver: '1.1.0', changelog: 'Übungen ergänzt' },
      pendingVersion: null,
    });
    const guest = await new TestClient(t.app).get(`/api/v1/nanos/${id}`);
    expect(guest.json().currentVersion.semver).toBe('1.1.0');
    const queue = await moderator.client.get('/api/v1/moderation/queue?type=update');
    expect(queue.json().items).toEqual([]);
    expect(await nanoAuditActions(t, id)).toContain('nano.version_auto_published');
    const [, update] = await versionsOf(t, id);
    expect(update).toMatchObject({ status: 'approved', sampled_at: null });
    expect(update?.metadata).toBeTruthy();
  });

  it('samples exactly the updates the seed picks', async () => {
    for (let i = 1; i < 5; i++) {
      t.clock.advance(60_000);
      expect((await uploadUpdate(t, creator.client, id, `Fassung ${i + 1}`)).statusCode).toBe(201);
    }
    const expected = sampledDraws(SEED, 5);
    expect(expected).toEqual([1, 3]);
    const updates = (await versionsOf(t, id)).slice(1);
    expect(updates.map((v, i) => (v.sampled_at ? i : -1)).filter((i) => i >= 0)).toEqual(expected);
    const sampled = (await moderator.client.get('/api/v1/moderation/queue?type=sampled')).json().items;
    expect(sampled.map((item: { versionId: string }) => item.versionId)).toEqual(
      expected.map((i) => updates[i]?.id),
    );
  });

  it('still reviews a trusted creator’s first publication', async () => {
    const fresh = await submitNew(t, creator.client);
    const detail = (await moderator.client.get(`/api/v1/moderation/nanos/${fresh}`)).json();
    expect(detail).toMatchObject({ queueType: 'new', nano: { status: 'pending_review' } });
  });
});

describe(`decisions on sampled versions (${testDatabaseKind})`, () => {
  /** Draws 2, 3 and 4 of this seed are sampled, 0 and 1 not. */
  const SEED = 13;
  let t: TestApp;
  let moderator: Person;
  let creator: Person;
  const ids: Record<'approved' | 'rejected' | 'changes', string> = {
    approved: '',
    rejected: '',
    changes: '',
  };

  beforeAll(async () => {
    expect(sampledDraws(SEED, 5)).toEqual([2, 3, 4]);
    t = await buildTestApp({ MODERATION_SAMPLE_SEED: String(SEED) });
    moderator = await person(t, 'moderator');
    creator = await person(t, 'creator');
    ids.approved = await publishNew(t, creator.client, moderator.client, { title: 'Bleibt online' });
    ids.rejected = await publishNew(t, creator.client, moderator.client, { title: 'Wird archiviert' });
    ids.changes = await publishNew(t, creator.client, moderator.client, { title: 'Wird ausgeblendet' });
    await trust(t, creator.user.id);
    for (const id of [ids.approved, ids.approved, ids.approved, ids.rejected, ids.changes]) {
      expect((await uploadUpdate(t, creator.client, id)).statusCode).toBe(201);
    }
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const decide = (id: string, body: Record<string, unknown>) =>
    moderator.client.post(`/api/v1/moderation/nanos/${id}/decision`, body);

  it('shows a sampled version on the review screen', async () => {
    const detail = (await moderator.client.get(`/api/v1/moderation/nanos/${ids.rejected}`)).json();
    expect(detail).toMatchObject({ queueType: 'sampled', sla: 'ok', version: { semver: '1.1.0' } });
  });

  it('closes the sample on approval and keeps the Nano online', async () => {
    const res = await decide(ids.approved, APPROVE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', currentVersion: { semver: '1.3.0' } });
    const versions = await versionsOf(t, ids.approved);
    expect(versions.filter((v) => v.sampled_at).map((v) => Boolean(v.sample_decided_at))).toEqual([true]);
    expect((await decisionsOn(t, ids.approved)).at(-1)).toMatchObject({
      action: 'approve',
      source: 'sample',
    });
  });

  it('archives a Nano whose sampled version is rejected, with a statement of reasons', async () => {
    const res = await decide(ids.rejected, {
      decision: 'reject',
      reasons: ['copyright'],
      note: 'Die neue Fassung enthält fremde Abbildungen.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('archived');
    expect((await new TestClient(t.app).get(`/api/v1/nanos/${ids.rejected}`)).statusCode).toBe(404);
    const [, sampled] = await versionsOf(t, ids.rejected);
    expect(sampled).toMatchObject({ status: 'approved' });
    expect(sampled?.sample_decided_at).not.toBeNull();
    expect((await decisionsOn(t, ids.rejected)).at(-1)).toMatchObject({
      action: 'reject',
      source: 'sample',
      statement: 'Die neue Fassung enthält fremde Abbildungen.',
    });
    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, creator.user.email);
    expect(mails.some((m) => m.text.includes('Die neue Fassung enthält fremde Abbildungen.'))).toBe(true);
  });

  it('hides a Nano whose sampled version needs changes', async () => {
    const res = await decide(ids.changes, { decision: 'request_changes', reasons: ['metadata_incomplete'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('hidden');
    // The owner still sees it, with its status; the public does not.
    expect((await creator.client.get(`/api/v1/nanos/${ids.changes}`)).json().status).toBe('hidden');
    expect((await new TestClient(t.app).get(`/api/v1/nanos/${ids.changes}`)).statusCode).toBe(404);
    const queue = (await moderator.client.get('/api/v1/moderation/queue?type=sampled')).json();
    expect(queue.items).toEqual([]);
    expect((await decide(ids.changes, { decision: 'reject', reasons: ['spam'] })).statusCode).toBe(409);
  });
});
