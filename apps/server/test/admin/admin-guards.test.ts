import type { Role } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import type { TestClient } from '../http-client.ts';
import { freshClient } from '../identity/identity-helpers.ts';
import { signedIn } from './admin-fixtures.ts';

const ID = '0190a0a0-0000-7000-8000-000000000000';

/** Every route of the admin console, with a valid body so only the guard can refuse it. */
const ROUTES: Array<{ method: 'get' | 'post' | 'patch' | 'delete'; url: string; body?: unknown }> = [
  { method: 'get', url: '/api/v1/admin/users' },
  { method: 'get', url: `/api/v1/admin/users/${ID}` },
  { method: 'patch', url: `/api/v1/admin/users/${ID}`, body: { role: 'creator' } },
  { method: 'delete', url: `/api/v1/admin/users/${ID}` },
  { method: 'post', url: `/api/v1/admin/users/${ID}/suspend`, body: { reasons: ['spam'], statement: 'x' } },
  { method: 'post', url: `/api/v1/admin/users/${ID}/unsuspend`, body: {} },
  { method: 'post', url: `/api/v1/admin/users/${ID}/warn`, body: { reasons: ['spam'], statement: 'x' } },
  { method: 'post', url: `/api/v1/admin/users/${ID}/verify-provider`, body: { registerNumber: 'HRB 1' } },
  { method: 'delete', url: `/api/v1/admin/users/${ID}/verify-provider` },
  { method: 'get', url: '/api/v1/admin/categories' },
  { method: 'post', url: '/api/v1/admin/categories', body: { slug: 'neu', name: { de: 'Neu', en: 'New' } } },
  { method: 'patch', url: `/api/v1/admin/categories/${ID}`, body: { active: false } },
  { method: 'get', url: '/api/v1/admin/audit' },
  { method: 'get', url: '/api/v1/admin/audit/export' },
  { method: 'get', url: '/api/v1/admin/audit/actions' },
  { method: 'get', url: '/api/v1/admin/analytics' },
];

function call(client: TestClient, route: (typeof ROUTES)[number]) {
  switch (route.method) {
    case 'get':
      return client.get(route.url);
    case 'delete':
      return client.delete(route.url);
    case 'post':
      return client.post(route.url, route.body);
    case 'patch':
      return client.patch(route.url, route.body);
  }
}

describe(`admin console routes are for admins with 2FA only (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_STAFF_2FA: 'true' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to guests', async () => {
    const guest = freshClient(t);
    for (const route of ROUTES) {
      const res = await call(guest, route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each<Role>(['consumer', 'creator', 'moderator'])('answers 403 forbidden to a %s', async (role) => {
    const { client } = await signedIn(t, role);
    for (const route of ROUTES) {
      const res = await call(client, route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      // Moderators without 2FA are stopped by the enrolment rule first; either way no access.
      expect(['forbidden', 'two_factor_enrollment_required']).toContain(res.json().code);
    }
  });

  it('answers 403 two_factor_enrollment_required to an admin without 2FA', async () => {
    const { client } = await signedIn(t, 'admin');
    for (const route of ROUTES) {
      const res = await call(client, route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().code, `${route.method} ${route.url}`).toBe('two_factor_enrollment_required');
    }
  });
});

describe(`admin console routes refuse moderators (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers 403 forbidden to a moderator', async () => {
    const { client } = await signedIn(t, 'moderator');
    for (const route of ROUTES) {
      const res = await call(client, route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().code, `${route.method} ${route.url}`).toBe('forbidden');
    }
  });
});
