import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import {
  APPROVE,
  createDraftWithFile,
  createPublishedNano,
  makeNanoZip,
  uploadZip,
  versionRows,
} from '../nano-fixtures.ts';

type Viewer = 'guest' | 'consumer' | 'otherCreator' | 'owner' | 'moderator' | 'admin';

const OUTSIDERS: readonly Viewer[] = ['guest', 'consumer', 'otherCreator'];
const INSIDERS: readonly Viewer[] = ['owner', 'moderator', 'admin'];

/** Every read endpoint of one Nano. */
function readEndpoints(id: string): string[] {
  return [
    `/api/v1/nanos/${id}`,
    `/api/v1/nanos/${id}/files`,
    `/api/v1/nanos/${id}/versions`,
    `/api/v1/nanos/${id}/content/folien.pdf`,
    `/api/v1/nanos/${id}/download`,
    `/api/v1/nanos/${id}/thumbnail`,
  ];
}

describe(`who sees which Nano (${testDatabaseKind})`, () => {
  let t: TestApp;
  let viewers: Record<Viewer, TestClient>;

  beforeAll(async () => {
    t = await buildTestApp();
    viewers = {
      guest: new TestClient(t.app, { ip: '198.51.100.60' }),
      consumer: await signIn(t, await createUser(t, { role: 'consumer' }), { ip: '198.51.100.61' }),
      otherCreator: await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.62' }),
      owner: await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.63' }),
      moderator: await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '198.51.100.64' }),
      admin: await signIn(t, await createUser(t, { role: 'admin' }), { ip: '198.51.100.65' }),
    };
  });
  afterAll(async () => {
    await t.close();
  });
  // A new owner for every test: a creator who is not trusted yet may submit only a few Nanos a
  // month (SPEC §4.6), and these tests are about visibility, not that quota.
  let owners = 0;
  beforeEach(async () => {
    owners += 1;
    viewers.owner = await signIn(t, await createUser(t, { role: 'creator' }), { ip: `198.51.101.${owners}` });
  });

  /** A Nano of the owner in `status`, with a generated thumbnail. */
  async function nanoIn(status: string): Promise<string> {
    const { owner, moderator } = viewers;
    const id =
      status === 'draft'
        ? await createDraftWithFile(t, owner)
        : await createPublishedNano(t, owner, moderator);
    const steps: Record<string, Array<() => Promise<unknown>>> = {
      draft: [],
      published: [],
      pending_review: [
        () => viewers.moderator.post(`/api/v1/nanos/${id}/archive`),
        () => owner.post(`/api/v1/nanos/${id}/restore`),
      ],
      archived: [() => owner.post(`/api/v1/nanos/${id}/archive`)],
      changes_requested: [
        () => owner.post(`/api/v1/nanos/${id}/archive`),
        () => owner.post(`/api/v1/nanos/${id}/restore`),
        () =>
          moderator.post(`/api/v1/moderation/nanos/${id}/decision`, {
            decision: 'request_changes',
            reasons: ['quality'],
          }),
      ],
      rejected: [
        () => owner.post(`/api/v1/nanos/${id}/archive`),
        () => owner.post(`/api/v1/nanos/${id}/restore`),
        () =>
          moderator.post(`/api/v1/moderation/nanos/${id}/decision`, {
            decision: 'reject',
            reasons: ['spam'],
          }),
      ],
    };
    for (const step of steps[status] ?? []) {
      await step();
    }
    await t.platform.jobs.runDue();
    const nano = await owner.get(`/api/v1/nanos/${id}`);
    expect(nano.json()).toMatchObject({ status });
    return id;
  }

  for (const status of ['draft', 'pending_review', 'changes_requested', 'rejected', 'archived']) {
    it(`hides a Nano in status ${status} from guests, consumers and other creators on every endpoint`, async () => {
      const id = await nanoIn(status);
      for (const url of readEndpoints(id)) {
        for (const who of OUTSIDERS) {
          const res = await viewers[who].get(url);
          expect(res.statusCode, `${who} GET ${url}`).toBe(404);
          expect(res.json().code).toBe('not_found');
        }
        for (const who of INSIDERS) {
          const res = await viewers[who].get(url);
          expect(res.statusCode, `${who} GET ${url}: ${res.body.slice(0, 200)}`).toBe(200);
        }
      }
    });
  }

  it('shows a published Nano to everyone, and a deleted one only to admins', async () => {
    const id = await nanoIn('published');
    for (const who of [...OUTSIDERS, ...INSIDERS]) {
      for (const url of readEndpoints(id)) {
        expect((await viewers[who].get(url)).statusCode, `${who} GET ${url}`).toBe(200);
      }
    }
    expect((await viewers.owner.delete(`/api/v1/nanos/${id}`)).statusCode).toBe(204);
    for (const who of ['guest', 'consumer', 'otherCreator', 'owner', 'moderator'] as const) {
      for (const url of readEndpoints(id)) {
        expect((await viewers[who].get(url)).statusCode, `${who} GET ${url}`).toBe(404);
      }
    }
    expect((await viewers.admin.get(`/api/v1/nanos/${id}`)).json().status).toBe('deleted');
  });

  it('serves versions other than the current one only to owner and staff', async () => {
    const { owner, moderator } = viewers;
    const id = await createPublishedNano(t, owner, moderator, await makeNanoZip('Version 1'));
    const update = await uploadZip(owner, id, await makeNanoZip('Version 2'), {
      fields: { changelog: 'Neu' },
    });
    expect(update.statusCode, update.body).toBe(201);
    const [first, second] = await versionRows(t, id);
    const v1 = first?.id ?? '';
    const v2 = second?.id ?? '';

    const pendingOnly = [
      `/api/v1/nanos/${id}/versions/${v2}/content/folien.pdf`,
      `/api/v1/nanos/${id}/files?version=${v2}`,
      `/api/v1/nanos/${id}/download?version=${v2}`,
    ];
    for (const url of pendingOnly) {
      for (const who of OUTSIDERS) {
        expect((await viewers[who].get(url)).statusCode, `${who} GET ${url}`).toBe(404);
      }
      for (const who of INSIDERS) {
        expect((await viewers[who].get(url)).statusCode, `${who} GET ${url}`).toBe(200);
      }
    }
    const currentFile = await viewers.guest.get(`/api/v1/nanos/${id}/versions/${v1}/content/folien.pdf`);
    expect(currentFile.statusCode).toBe(200);
    const publicVersions = await viewers.guest.get(`/api/v1/nanos/${id}/versions`);
    expect(publicVersions.json().items.map((v: { id: string }) => v.id)).toEqual([v1]);
    const ownVersions = await owner.get(`/api/v1/nanos/${id}/versions`);
    expect(ownVersions.json().items.map((v: { id: string }) => v.id)).toEqual([v2, v1]);
    expect((await viewers.guest.get(`/api/v1/nanos/${id}`)).json().pendingVersion).toBeNull();

    // After approval the old version is the one only owner and staff may read.
    expect((await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE)).statusCode).toBe(200);
    const oldFile = `/api/v1/nanos/${id}/versions/${v1}/content/notizen.md`;
    for (const who of OUTSIDERS) {
      expect((await viewers[who].get(oldFile)).statusCode, `${who} GET ${oldFile}`).toBe(404);
    }
    for (const who of INSIDERS) {
      const res = await viewers[who].get(oldFile);
      expect(res.statusCode, `${who} GET ${oldFile}`).toBe(200);
      expect(res.body).toContain('# Version 1');
    }
    expect((await viewers.guest.get(`/api/v1/nanos/${id}/content/notizen.md`)).body).toContain('# Version 2');
    expect((await owner.get(`/api/v1/nanos/${id}/download?version=${v1}`)).statusCode).toBe(200);
  });

  it('does not serve a version of one Nano under another', async () => {
    const { owner, moderator } = viewers;
    const a = await createPublishedNano(t, owner, moderator);
    const b = await createPublishedNano(t, owner, moderator);
    const [versionOfB] = await versionRows(t, b);
    for (const who of ['guest', 'owner', 'admin'] as const) {
      const res = await viewers[who].get(`/api/v1/nanos/${a}/versions/${versionOfB?.id}/content/folien.pdf`);
      expect(res.statusCode, who).toBe(404);
    }
  });

  it('lets no moderator decide on their own Nano', async () => {
    const ownModerator = viewers.moderator;
    const id = await createDraftWithFile(t, ownModerator);
    expect((await ownModerator.post(`/api/v1/nanos/${id}/submit`)).statusCode).toBe(200);
    for (const decision of ['approve', 'request_changes', 'reject']) {
      const res = await ownModerator.post(`/api/v1/moderation/nanos/${id}/decision`, { decision });
      expect(res.statusCode, decision).toBe(403);
    }
    expect((await ownModerator.get(`/api/v1/nanos/${id}`)).json().status).toBe('pending_review');
    expect((await viewers.admin.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE)).statusCode).toBe(
      200,
    );
  });

  it('refuses edits by anyone but the owner without revealing unpublished Nanos', async () => {
    const draft = await nanoIn('draft');
    const published = await nanoIn('published');
    const edit = { title: 'Übernommen' };
    expect((await viewers.guest.patch(`/api/v1/nanos/${draft}`, edit)).statusCode).toBe(401);
    expect((await viewers.consumer.patch(`/api/v1/nanos/${draft}`, edit)).statusCode).toBe(404);
    expect((await viewers.otherCreator.patch(`/api/v1/nanos/${draft}`, edit)).statusCode).toBe(404);
    expect((await viewers.moderator.patch(`/api/v1/nanos/${draft}`, edit)).statusCode).toBe(403);
    expect((await viewers.guest.patch(`/api/v1/nanos/${published}`, edit)).statusCode).toBe(401);
    for (const who of ['consumer', 'otherCreator', 'moderator', 'admin'] as const) {
      expect((await viewers[who].patch(`/api/v1/nanos/${published}`, edit)).statusCode, who).toBe(403);
    }
    for (const id of [draft, published]) {
      expect((await viewers.owner.get(`/api/v1/nanos/${id}`)).json().title).not.toBe('Übernommen');
    }
    const uploadByOther = await uploadZip(viewers.otherCreator, draft, await makeNanoZip());
    expect(uploadByOther.statusCode).toBe(404);
    const uploadByStaff = await uploadZip(viewers.moderator, published, await makeNanoZip(), {
      fields: { changelog: 'Fremd' },
    });
    expect(uploadByStaff.statusCode).toBe(403);
    expect(await versionRows(t, draft)).toHaveLength(1);
    expect(await versionRows(t, published)).toHaveLength(1);
  });

  it('lists only the caller’s own Nanos under /me/nanos', async () => {
    const mine = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.66' });
    const theirs = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.67' });
    const own = [await createDraftWithFile(t, mine), await createPublishedNano(t, mine, viewers.moderator)];
    await createDraftWithFile(t, theirs);
    const deleted = await createDraftWithFile(t, mine);
    expect((await mine.delete(`/api/v1/nanos/${deleted}`)).statusCode).toBe(204);

    const res = await mine.get('/api/v1/me/nanos');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(
      res
        .json()
        .items.map((n: { id: string }) => n.id)
        .sort(),
    ).toEqual([...own].sort());
    expect((await viewers.guest.get('/api/v1/me/nanos')).statusCode).toBe(401);
  });
});
