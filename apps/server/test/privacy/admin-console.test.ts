import { DATA_CATEGORIES, ERASED_USER_NAME, PRIVACY_LIMITS, type PrivacyRequest } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVENTORY_ERASURE_SOURCE } from '../../src/modules/privacy/data-inventory.ts';
import {
  inventoryCategory,
  PERSONAL_DATA_REGISTRY,
} from '../../src/modules/privacy/personal-data.registry.ts';
import { auditRows, type Signed, signedIn } from '../admin/admin-fixtures.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { freshClient } from '../identity/identity-helpers.ts';
import { seedActiveUser } from './privacy-fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What erasure does per category, as the personal-data registry says (docs/privacy.md). */
const ERASURE_DISPOSITIONS_EXPECTED = {
  account: 'anonymised',
  profile: 'deleted',
  consents: 'retained',
  sessions: 'deleted',
  nanos: 'anonymised',
  nano_versions: 'anonymised',
  ratings: 'deidentified',
  rating_replies: 'deleted',
  favorites: 'deleted',
  lists: 'deleted',
  saved_searches: 'deleted',
  chat_sessions: 'anonymised',
  chat_messages: 'deidentified',
  notifications: 'deleted',
  flags_submitted: 'deidentified',
  data_exports: 'deleted',
  audit_events: 'retained',
};
const REQUESTS = '/api/v1/admin/privacy-requests';

type Method = 'get' | 'post' | 'patch';

/** The console's routes, read from the OpenAPI document (a route added later is checked too). */
function consoleRoutes(t: TestApp): Array<{ method: Method; path: string }> {
  const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const routes: Array<{ method: Method; path: string }> = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    if (!/^\/api\/v1\/admin\/(privacy-requests|retention|users\/\{id\}\/data-inventory)/.test(template)) {
      continue;
    }
    for (const method of Object.keys(operations)) {
      if (method === 'get' || method === 'post' || method === 'patch') {
        routes.push({ method, path: template.replace(/\{[^}]+\}/g, uuidv7()) });
      }
    }
  }
  return routes;
}

function call(client: TestClient, route: { method: Method; path: string }) {
  return route.method === 'get' ? client.get(route.path) : client[route.method](route.path, {});
}

describe('data inventory dispositions', () => {
  it('come from a personal column of the same category in the personal-data registry', () => {
    for (const category of DATA_CATEGORIES) {
      const { table, column } = INVENTORY_ERASURE_SOURCE[category];
      const disposition = PERSONAL_DATA_REGISTRY[table]?.columns[column];
      expect(disposition?.personal, `${table}.${column}`).toBe(true);
      if (disposition?.personal) {
        expect(inventoryCategory(disposition.category), `${table}.${column}`).toBe(category);
      }
    }
  });
});

describe(`admin DSGVO console (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let subject: TestUser;

  /** Signs the admin in again (after the clock jumped past the session). */
  async function adminClient(): Promise<TestClient> {
    admin = {
      ...admin,
      client: await signIn(t, admin.user, { ip: `10.90.${Math.floor(Math.random() * 200)}.1` }),
    };
    return admin.client;
  }

  async function record(body: Record<string, unknown>) {
    return admin.client.post(REQUESTS, {
      userId: subject.id,
      type: 'rectification',
      channel: 'email',
      receivedAt: t.clock.now().toISOString(),
      verificationNote: 'Rückruf unter der hinterlegten Nummer, Ausweis geprüft',
      ...body,
    });
  }

  async function listed(query = ''): Promise<PrivacyRequest[]> {
    const res = await admin.client.get(`${REQUESTS}?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin');
    subject = await createUser(t, { displayName: 'Sara Subjekt' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('is for admins only: 401 for guests, 403 for everyone else', async () => {
    const routes = consoleRoutes(t);
    expect(routes.map((route) => `${route.method} ${route.path.replace(/[0-9a-f-]{36}/g, ':id')}`)).toEqual(
      expect.arrayContaining([
        'get /api/v1/admin/privacy-requests',
        'post /api/v1/admin/privacy-requests',
        'patch /api/v1/admin/privacy-requests/:id',
        'post /api/v1/admin/privacy-requests/:id/run-export',
        'post /api/v1/admin/privacy-requests/:id/run-erasure',
        'get /api/v1/admin/users/:id/data-inventory',
        'get /api/v1/admin/retention/preview',
        'post /api/v1/admin/retention/run',
      ]),
    );
    const guest = freshClient(t);
    const consumer = await signedIn(t, 'consumer');
    const moderator = await signedIn(t, 'moderator');
    for (const route of routes) {
      expect((await call(guest, route)).statusCode, `${route.method} ${route.path}`).toBe(401);
      expect((await call(consumer.client, route)).statusCode, `${route.method} ${route.path}`).toBe(403);
      expect((await call(moderator.client, route)).statusCode, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('records a request received by email, with its due date, audited without the notes', async () => {
    const res = await record({ type: 'rectification', note: 'Nachname falsch geschrieben' });
    expect(res.statusCode, res.body).toBe(201);
    const created: PrivacyRequest = res.json();
    expect(created).toMatchObject({
      type: 'rectification',
      status: 'open',
      channel: 'email',
      overdue: false,
      completedAt: null,
      note: 'Nachname falsch geschrieben',
      user: { id: subject.id, displayName: 'Sara Subjekt', username: subject.username, status: 'active' },
      recordedBy: { id: admin.user.id },
      exportId: null,
    });
    expect(new Date(created.dueAt).getTime() - new Date(created.receivedAt).getTime()).toBe(
      PRIVACY_LIMITS.requestDueDays * DAY_MS,
    );
    const [event] = await auditRows(t, { action: 'privacy.request_recorded', targetId: created.id });
    expect(event).toMatchObject({ actorId: admin.user.id });
    expect(event?.details).toEqual({ userId: subject.id, type: 'rectification', channel: 'email' });
  });

  it('refuses a received date in the future, a missing verification note and an unknown user', async () => {
    const future = await record({ receivedAt: new Date(t.clock.now().getTime() + DAY_MS).toISOString() });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({
      code: 'privacy_request_in_future',
      errors: [{ field: 'body.receivedAt', code: 'received_in_future' }],
    });
    const unverified = await record({ verificationNote: '  ' });
    expect(unverified.statusCode).toBe(400);
    expect(unverified.json().code).toBe('validation_failed');
    const { verificationNote: _omitted, ...withoutNote } = {
      userId: subject.id,
      type: 'export',
      channel: 'letter',
      receivedAt: t.clock.now().toISOString(),
      verificationNote: 'x',
    };
    expect((await admin.client.post(REQUESTS, withoutNote)).statusCode).toBe(400);
    const unknown = await record({ userId: uuidv7() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'body.userId', code: 'unknown_user' }),
    ]);
    const selfService = await record({ channel: 'self_service' });
    expect(selfService.statusCode).toBe(400);
  });

  it('lists every request by due date and flags the overdue ones after 30 days', async () => {
    const older = (
      await record({
        type: 'restriction',
        receivedAt: new Date(t.clock.now().getTime() - 5 * DAY_MS).toISOString(),
      })
    ).json() as PrivacyRequest;
    const all = await listed();
    expect(all[0]?.id).toBe(older.id);
    expect(all.map((r) => r.dueAt)).toEqual([...all.map((r) => r.dueAt)].sort());
    expect(all.every((r) => !r.overdue)).toBe(true);
    expect((await listed('&type=restriction')).map((r) => r.id)).toEqual([older.id]);

    t.clock.advance((PRIVACY_LIMITS.requestDueDays - 4) * DAY_MS);
    await adminClient();
    expect((await listed('&overdue=true')).map((r) => r.id)).toEqual([older.id]);
    t.clock.advance(5 * DAY_MS);
    await adminClient();
    const overdue = await listed('&overdue=true');
    expect(overdue.length).toBe(all.length);
    expect(overdue.every((r) => r.overdue)).toBe(true);
    expect(await listed('&overdue=false')).toEqual([]);
  });

  it('changes status and note, audited with before and after; rejecting needs a reason', async () => {
    const created = (await record({ type: 'rectification' })).json() as PrivacyRequest;
    const rejected = await admin.client.patch(`${REQUESTS}/${created.id}`, { status: 'rejected' });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().errors).toEqual([
      expect.objectContaining({ field: 'body.note', code: 'reasons_required' }),
    ]);

    const done = await admin.client.patch(`${REQUESTS}/${created.id}`, {
      status: 'completed',
      note: 'Name berichtigt',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', note: 'Name berichtigt', overdue: false });
    expect(done.json().completedAt).toBe(t.clock.now().toISOString());
    const [event] = await auditRows(t, { action: 'privacy.request_updated', targetId: created.id });
    expect(event?.details).toEqual({
      type: 'rectification',
      before: { status: 'open' },
      after: { status: 'completed' },
      noteChanged: true,
      erasureStopped: false,
    });
    expect((await admin.client.patch(`${REQUESTS}/${uuidv7()}`, { note: 'x' })).statusCode).toBe(404);
  });

  it('closing a self-service erasure request unanswered stops the erasure and restores the account', async () => {
    const person = await signedIn(t, 'consumer');
    const requested = await person.client.post('/api/v1/me/erasure', {
      password: person.user.password,
      nanos: 'keep_anonymised',
    });
    expect(requested.statusCode, requested.body).toBe(202);
    const [request] = await listed(`&type=erasure&userId=${person.user.id}`);
    expect(request).toMatchObject({ channel: 'self_service', status: 'in_progress' });

    const cancelled = await admin.client.patch(`${REQUESTS}/${request?.id}`, {
      status: 'cancelled',
      note: 'Per Brief zurückgezogen',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const [event] = await auditRows(t, { action: 'privacy.request_updated', targetId: request?.id });
    expect(event?.details).toMatchObject({ erasureStopped: true });
    const account = await t.platform.database.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', person.user.id)
      .executeTakeFirstOrThrow();
    expect(account.status).toBe('active');
    // The scheduled job no longer erases it.
    t.clock.advance((PRIVACY_LIMITS.erasureCancelDays + 1) * DAY_MS);
    await t.platform.jobs.runDue();
    await adminClient();
    const login = await freshClient(t).post('/api/v1/auth/login', {
      login: person.user.username,
      password: person.user.password,
    });
    expect(login.statusCode, login.body).toBe(200);
  });

  it('runs an export for the user: the request is in progress, the file goes to the user only', async () => {
    const request = (await record({ type: 'export', channel: 'letter' })).json() as PrivacyRequest;
    const res = await admin.client.post(`${REQUESTS}/${request.id}/run-export`, {});
    expect(res.statusCode, res.body).toBe(202);
    const { exportId } = res.json();
    const row = await t.platform.database.db
      .selectFrom('data_exports')
      .select(['user_id', 'requested_by', 'request_id'])
      .where('id', '=', exportId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: subject.id, requested_by: admin.user.id, request_id: request.id });
    const [shown] = (await listed('&type=export')).filter((r) => r.id === request.id);
    expect(shown).toMatchObject({ status: 'in_progress', exportId });
    expect(await auditRows(t, { action: 'privacy.request_export_run', targetId: request.id })).toHaveLength(
      1,
    );
    // The admin cannot fetch it: downloads are the owner's.
    expect((await admin.client.get(`/api/v1/me/data-exports/${exportId}/download`)).statusCode).toBe(404);
    // An export request is not erased, and an erasure request is not exported.
    const wrong = await admin.client.post(`${REQUESTS}/${request.id}/run-erasure`, { nanos: 'delete' });
    expect(wrong.statusCode).toBe(409);

    // The export job completes the request once the ZIP is ready.
    await t.platform.jobs.runDue();
    const [after] = (await listed('&type=export')).filter((r) => r.id === request.id);
    expect(after?.status).toBe('completed');
  });

  it('erases an account on behalf of the user at once and completes the request', async () => {
    const erased = await createUser(t, { displayName: 'Egon Erasmus' });
    const request = (await record({ type: 'erasure', userId: erased.id })).json() as PrivacyRequest;
    const exportAttempt = await admin.client.post(`${REQUESTS}/${request.id}/run-export`, {});
    expect(exportAttempt.statusCode).toBe(409);

    const res = await admin.client.post(`${REQUESTS}/${request.id}/run-erasure`, {
      nanos: 'keep_anonymised',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'completed',
      user: { id: erased.id, displayName: ERASED_USER_NAME.de, username: null, status: 'deleted' },
    });
    expect(await auditRows(t, { action: 'user.erased_by_admin', targetId: erased.id })).toHaveLength(1);
    expect(await auditRows(t, { action: 'privacy.request_erasure_run', targetId: request.id })).toEqual([
      expect.objectContaining({
        actorId: admin.user.id,
        details: { userId: erased.id, nanos: 'keep_anonymised' },
      }),
    ]);
    const again = await admin.client.post(`${REQUESTS}/${request.id}/run-erasure`, {
      nanos: 'keep_anonymised',
    });
    expect(again.statusCode).toBe(409);
    // No new request for an erased account.
    expect((await record({ userId: erased.id })).statusCode).toBe(409);
  });

  it('shows the data inventory of an active user, per category, and audits the view', async () => {
    const seed = await seedActiveUser(t);
    await adminClient();
    const res = await admin.client.get(`/api/v1/admin/users/${seed.user.user.id}/data-inventory`);
    expect(res.statusCode, res.body).toBe(200);
    const counts = Object.fromEntries(
      (res.json().items as Array<{ category: string; count: number }>).map((item) => [
        item.category,
        item.count,
      ]),
    );
    expect(counts).toMatchObject({
      account: 1,
      profile: 1,
      nanos: 1,
      nano_versions: 2,
      ratings: 1,
      rating_replies: 1,
      favorites: 1,
      lists: 1,
      saved_searches: 1,
      chat_sessions: 1,
      chat_messages: 1,
      flags_submitted: 1,
      data_exports: 0,
    });
    expect(counts.consents).toBeGreaterThanOrEqual(2);
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.audit_events).toBeGreaterThan(3);
    const dispositions = Object.fromEntries(
      (res.json().items as Array<{ category: string; onErasure: string }>).map((item) => [
        item.category,
        item.onErasure,
      ]),
    );
    expect(dispositions).toEqual(ERASURE_DISPOSITIONS_EXPECTED);
    expect(await auditRows(t, { action: 'privacy.inventory_viewed', targetId: seed.user.user.id })).toEqual([
      expect.objectContaining({ actorId: admin.user.id }),
    ]);
    expect((await admin.client.get(`/api/v1/admin/users/${uuidv7()}/data-inventory`)).statusCode).toBe(404);
  });
});
