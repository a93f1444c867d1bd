import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import {
  createDraft,
  createDraftWithFile,
  FULL_CHECKLIST,
  makeNanoZip,
  nanoAuditActions,
  uploadZip,
} from '../nano-fixtures.ts';
import { deliverNotificationEmails } from '../notifications/notification-fixtures.ts';

type Who = 'owner' | 'moderator' | 'admin' | 'otherCreator' | 'consumer';
type Action =
  | 'submit'
  | 'archive'
  | 'restore'
  | 'delete'
  | 'edit'
  | 'upload'
  | 'approve'
  | 'request_changes'
  | 'reject';
type Decision = 'approve' | 'request_changes' | 'reject';

/** One request of a scenario: who does what, the HTTP status expected, and the Nano's status afterwards. */
type Step = [who: Who, action: Action, httpStatus: number, statusAfter?: string];

const DECISIONS: readonly Action[] = ['approve', 'request_changes', 'reject'];

const AUDIT_ACTION: Record<Action, string> = {
  submit: 'nano.submit',
  archive: 'nano.archive',
  restore: 'nano.restore',
  delete: 'nano.delete',
  edit: 'nano.updated',
  upload: 'nano.version_uploaded',
  approve: 'nano.review_decision',
  request_changes: 'nano.review_decision',
  reject: 'nano.review_decision',
};

/**
 * An approval reaches the creator as `nano.review_decision`; a restricting decision as its
 * statement of reasons (`moderation.decision`, always by email).
 */
const DECISION_MAIL_SUBJECT: Record<Decision, RegExp> = {
  approve: /^Ihr Nano ist veröffentlicht: /,
  request_changes: /^Entscheidung der Moderation: Ihr Nano „.*“ muss überarbeitet werden/,
  reject: /^Entscheidung der Moderation: Ihr Nano „.*“ wurde abgelehnt/,
};
const DECISION_TYPE_LABEL: Record<Decision, string> = {
  approve: 'Prüfentscheidungen',
  request_changes: 'Moderationsentscheidungen',
  reject: 'Moderationsentscheidungen',
};

const SCENARIOS: Array<{ name: string; published?: boolean; steps: Step[] }> = [
  {
    name: 'changes requested, edited, submitted again, approved',
    steps: [
      ['owner', 'submit', 200, 'pending_review'],
      ['owner', 'edit', 409, 'pending_review'],
      ['owner', 'submit', 409, 'pending_review'],
      ['moderator', 'request_changes', 200, 'changes_requested'],
      ['owner', 'edit', 200, 'changes_requested'],
      ['owner', 'submit', 200, 'pending_review'],
      ['moderator', 'approve', 200, 'published'],
      ['moderator', 'approve', 409, 'published'],
    ],
  },
  {
    name: 'changes requested, a new file uploaded, submitted again, approved by an admin',
    steps: [
      ['owner', 'submit', 200, 'pending_review'],
      ['owner', 'upload', 409, 'pending_review'],
      ['admin', 'request_changes', 200, 'changes_requested'],
      ['owner', 'upload', 201, 'changes_requested'],
      ['owner', 'submit', 200, 'pending_review'],
      ['admin', 'approve', 200, 'published'],
    ],
  },
  {
    name: 'rejected is final: no further transition',
    steps: [
      ['owner', 'submit', 200, 'pending_review'],
      ['moderator', 'reject', 200, 'rejected'],
      ['owner', 'submit', 409, 'rejected'],
      ['owner', 'edit', 409, 'rejected'],
      ['owner', 'upload', 409, 'rejected'],
      ['owner', 'archive', 409, 'rejected'],
      ['owner', 'restore', 409, 'rejected'],
      ['moderator', 'approve', 409, 'rejected'],
      ['moderator', 'request_changes', 409, 'rejected'],
      ['admin', 'reject', 409, 'rejected'],
    ],
  },
  {
    name: 'archived by the owner, restored into review, approved again',
    published: true,
    steps: [
      ['consumer', 'archive', 403, 'published'],
      ['otherCreator', 'archive', 403, 'published'],
      ['owner', 'restore', 409, 'published'],
      ['owner', 'archive', 200, 'archived'],
      ['owner', 'archive', 409, 'archived'],
      ['moderator', 'restore', 403, 'archived'],
      ['owner', 'restore', 200, 'pending_review'],
      ['moderator', 'approve', 200, 'published'],
    ],
  },
  {
    name: 'archived by a moderator, restored, sent back, approved',
    published: true,
    steps: [
      ['moderator', 'archive', 200, 'archived'],
      ['owner', 'restore', 200, 'pending_review'],
      ['admin', 'request_changes', 200, 'changes_requested'],
      ['owner', 'submit', 200, 'pending_review'],
      ['admin', 'approve', 200, 'published'],
    ],
  },
  {
    name: 'illegal moves from draft',
    steps: [
      ['owner', 'archive', 409, 'draft'],
      ['owner', 'restore', 409, 'draft'],
      ['moderator', 'approve', 409, 'draft'],
      ['moderator', 'submit', 403, 'draft'],
      ['consumer', 'submit', 404, 'draft'],
      ['otherCreator', 'edit', 404, 'draft'],
    ],
  },
  {
    name: 'deleted by its owner',
    steps: [
      ['owner', 'delete', 204, 'deleted'],
      ['owner', 'delete', 404, 'deleted'],
      ['owner', 'submit', 404, 'deleted'],
    ],
  },
  {
    name: 'deleted by an admin, not by a moderator or another creator (draft)',
    steps: [
      ['otherCreator', 'delete', 404, 'draft'],
      ['consumer', 'delete', 404, 'draft'],
      ['moderator', 'delete', 403, 'draft'],
      ['admin', 'delete', 204, 'deleted'],
    ],
  },
  {
    name: 'deleted by an admin, not by a moderator or another creator (published)',
    published: true,
    steps: [
      ['otherCreator', 'delete', 403, 'published'],
      ['moderator', 'delete', 403, 'published'],
      ['admin', 'delete', 204, 'deleted'],
    ],
  },
];

describe(`status machine over HTTP (${testDatabaseKind})`, () => {
  let t: TestApp;
  let staff: Record<Exclude<Who, 'owner'>, TestClient>;
  let ips = 0;
  const nextIp = () => {
    ips += 1;
    return `10.52.${Math.floor(ips / 250)}.${(ips % 250) + 1}`;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    staff = {
      moderator: await signIn(t, await createUser(t, { role: 'moderator' }), { ip: nextIp() }),
      admin: await signIn(t, await createUser(t, { role: 'admin' }), { ip: nextIp() }),
      otherCreator: await signIn(t, await createUser(t, { role: 'creator' }), { ip: nextIp() }),
      consumer: await signIn(t, await createUser(t, { role: 'consumer' }), { ip: nextIp() }),
    };
  });
  afterAll(async () => {
    await t.close();
  });

  function act(client: TestClient, id: string, action: Action): Promise<LightMyRequestResponse> {
    switch (action) {
      case 'submit':
      case 'archive':
      case 'restore':
        return client.post(`/api/v1/nanos/${id}/${action}`);
      case 'delete':
        return client.delete(`/api/v1/nanos/${id}`);
      case 'edit':
        return client.patch(`/api/v1/nanos/${id}`, { title: 'Pivot-Tabellen, überarbeitet' });
      case 'upload':
        return makeNanoZip('Neue Fassung').then((zip) =>
          uploadZip(client, id, zip, { fields: { changelog: 'Neue Fassung' } }),
        );
      case 'approve':
      case 'request_changes':
      case 'reject':
        return client.post(`/api/v1/moderation/nanos/${id}/decision`, {
          decision: action,
          checklist: action === 'approve' ? FULL_CHECKLIST : {},
          reasons: action === 'approve' ? [] : ['metadata_incomplete'],
          note: 'Danke!',
        });
    }
  }

  async function statusOf(id: string): Promise<string> {
    // Admins see every Nano, deleted ones included.
    const res = await staff.admin.get(`/api/v1/nanos/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().status;
  }

  async function mailSubjectsTo(user: TestUser): Promise<string[]> {
    const rows = await t.platform.database.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', user.email)
      .orderBy('id', 'asc')
      .execute();
    return rows.map((row) => row.subject);
  }

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: answers, audit trail, notifications and mails`, async () => {
      const ownerUser = await createUser(t, { role: 'creator' });
      const owner = await signIn(t, ownerUser, { ip: nextIp() });
      const clients: Record<Who, TestClient> = { owner, ...staff };
      const id = await createDraftWithFile(t, owner);
      const setup: Step[] = scenario.published
        ? [
            ['owner', 'submit', 200, 'pending_review'],
            ['moderator', 'approve', 200, 'published'],
          ]
        : [];
      const steps = [...setup, ...scenario.steps];

      for (const [who, action, httpStatus, statusAfter] of steps) {
        // Each step a second later, so "newest first" lists have a defined order.
        t.clock.advance(1000);
        const res = await act(clients[who], id, action);
        expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(httpStatus);
        if (httpStatus >= 400) {
          expect(res.json().code).toBe(
            { 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[httpStatus as 403 | 404 | 409],
          );
        }
        if (statusAfter) {
          expect(await statusOf(id), `status after ${who} ${action}`).toBe(statusAfter);
        }
      }

      const succeeded = steps.filter(([, , httpStatus]) => httpStatus < 300);
      expect(await nanoAuditActions(t, id)).toEqual([
        'nano.created',
        'nano.version_uploaded',
        ...succeeded.map(([, action]) => AUDIT_ACTION[action]),
      ]);

      // The creator hears of every decision and of every status change staff made for them.
      const expectedNotifications = succeeded
        .filter(([who, action]) => DECISIONS.includes(action) || who !== 'owner')
        .map(([, action]) =>
          action === 'approve'
            ? {
                type: 'nano.review_decision',
                payload: expect.objectContaining({ nanoId: id, decision: action }),
              }
            : DECISIONS.includes(action)
              ? {
                  type: 'moderation.decision',
                  payload: expect.objectContaining({ nanoId: id, action, reasons: ['metadata_incomplete'] }),
                }
              : {
                  type: 'nano.status_changed',
                  payload: expect.objectContaining({
                    nanoId: id,
                    status: action === 'delete' ? 'deleted' : 'archived',
                  }),
                },
        )
        .reverse();
      const notifications = await owner.get('/api/v1/me/notifications?limit=50');
      expect(notifications.statusCode).toBe(200);
      expect(notifications.json().items).toEqual(
        expectedNotifications.map((n) => expect.objectContaining({ ...n, read: false })),
      );

      const decisions = succeeded
        .map(([, action]) => action)
        .filter((action): action is Decision => DECISIONS.includes(action));
      // The decisions' emails go out batched per type: one email for all of a type.
      await deliverNotificationEmails(t);
      const subjects = await mailSubjectsTo(ownerUser);
      const byType = new Map<string, Decision[]>();
      for (const decision of decisions) {
        const label = DECISION_TYPE_LABEL[decision];
        byType.set(label, [...(byType.get(label) ?? []), decision]);
      }
      expect(subjects).toHaveLength(byType.size);
      for (const [label, ofType] of byType) {
        const [only] = ofType;
        const expected =
          ofType.length === 1 && only
            ? DECISION_MAIL_SUBJECT[only]
            : new RegExp(`^${ofType.length} neue Benachrichtigungen: ${label}$`);
        expect(
          subjects.filter((subject) => expected.test(subject)),
          label,
        ).toHaveLength(1);
      }
    });
  }

  it('reviews a restored Nano once even when it was archived with an update under review', async () => {
    const owner = await signIn(t, await createUser(t, { role: 'creator' }), { ip: nextIp() });
    const { moderator } = staff;
    const id = await createDraftWithFile(t, owner);
    expect((await act(owner, id, 'submit')).statusCode).toBe(200);
    expect((await act(moderator, id, 'approve')).statusCode).toBe(200);
    expect((await act(owner, id, 'upload')).statusCode).toBe(201);
    expect((await act(owner, id, 'archive')).statusCode).toBe(200);
    expect((await act(owner, id, 'restore')).statusCode).toBe(200);

    const queued = async () =>
      (await moderator.get('/api/v1/moderation/queue?pageSize=100'))
        .json()
        .items.filter((item: { nanoId: string }) => item.nanoId === id);
    expect(await queued()).toHaveLength(1);
    const approved = await act(moderator, id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'published', pendingVersion: null });
    expect(await queued()).toEqual([]);
    const versions = (await owner.get(`/api/v1/nanos/${id}/versions`)).json().items as Array<{
      status: string;
    }>;
    expect(versions.map((v) => v.status)).not.toContain('pending_review');

    // Nothing is left hanging in review: the creator can send the next update.
    expect((await act(owner, id, 'upload')).statusCode).toBe(201);
  });

  it('takes a new file for a restored Nano sent back for changes, keeping the version it had', async () => {
    const owner = await signIn(t, await createUser(t, { role: 'creator' }), { ip: nextIp() });
    const { moderator } = staff;
    const id = await createDraftWithFile(t, owner);
    expect((await act(owner, id, 'submit')).statusCode).toBe(200);
    expect((await act(moderator, id, 'approve')).statusCode).toBe(200);
    const [first] = (await owner.get(`/api/v1/nanos/${id}/versions`)).json().items as Array<{ id: string }>;
    expect((await act(owner, id, 'archive')).statusCode).toBe(200);
    expect((await act(owner, id, 'restore')).statusCode).toBe(200);
    expect((await act(moderator, id, 'request_changes')).statusCode).toBe(200);

    const upload = await act(owner, id, 'upload');
    expect(upload.statusCode, upload.body).toBe(201);
    expect((await act(owner, id, 'submit')).statusCode).toBe(200);
    const approved = await act(moderator, id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'published', currentVersion: { semver: '1.1.0' } });

    // The version published before is still there for its creator.
    const versions = (await owner.get(`/api/v1/nanos/${id}/versions`)).json().items as Array<{
      id: string;
      semver: string;
      status: string;
    }>;
    expect(versions.map((v) => [v.semver, v.status])).toEqual([
      ['1.1.0', 'approved'],
      ['1.0.0', 'approved'],
    ]);
    const old = await owner.get(`/api/v1/nanos/${id}/versions/${first?.id}/content/notizen.md`);
    expect(old.statusCode).toBe(200);
    expect((await act(owner, id, 'upload')).statusCode).toBe(201);
  });

  it('refuses to submit an incomplete draft with 400 naming every missing field, the file included', async () => {
    const owner = await signIn(t, await createUser(t, { role: 'creator' }), { ip: nextIp() });
    const created = await owner.post('/api/v1/nanos', { title: 'Nur ein Titel' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const res = await owner.post(`/api/v1/nanos/${id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const errors = res.json().errors as Array<{ field: string; code: string; message: string }>;
    expect(errors.map((e) => e.field).sort()).toEqual(
      [
        'nano.categoryIds',
        'nano.description',
        'nano.durationMinutes',
        'nano.file',
        'nano.format',
        'nano.language',
        'nano.level',
        'nano.license',
      ].sort(),
    );
    expect(errors.every((e) => e.code === 'required_for_submission')).toBe(true);
    expect(errors[0]?.message).toBe('Für die Einreichung erforderlich.');

    const withMetadata = await createDraft(t, owner);
    const noFile = await owner.post(`/api/v1/nanos/${withMetadata}/submit`);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors.map((e: { field: string }) => e.field)).toEqual(['nano.file']);

    for (const nano of [id, withMetadata]) {
      expect((await owner.get(`/api/v1/nanos/${nano}`)).json().status).toBe('draft');
      expect(await nanoAuditActions(t, nano)).not.toContain('nano.submit');
    }
    expect((await uploadZip(owner, withMetadata, await makeNanoZip())).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/nanos/${withMetadata}/submit`)).statusCode).toBe(200);
  });

  it('changes only the fields an edit sends', async () => {
    const owner = await signIn(t, await createUser(t, { role: 'creator' }), { ip: nextIp() });
    const id = await createDraft(t, owner, {
      license: 'proprietary',
      licenseTerms: 'Nur für den internen Gebrauch.',
      tags: ['excel', 'pivot'],
      downloadAllowed: true,
    });
    const res = await owner.patch(`/api/v1/nanos/${id}`, { title: 'Pivot kompakt' });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await owner.get(`/api/v1/nanos/${id}`)).json();
    expect(after).toMatchObject({
      title: 'Pivot kompakt',
      license: 'proprietary',
      licenseTerms: 'Nur für den internen Gebrauch.',
      tags: ['excel', 'pivot'],
      downloadAllowed: true,
    });
  });
});
