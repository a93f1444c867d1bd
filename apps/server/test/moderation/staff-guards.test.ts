import type { Role } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { freshClient, signInFresh } from '../identity/identity-helpers.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface StaffRoute {
  method: Method;
  path: string;
  adminOnly: boolean;
}

/**
 * Every staff route of the API, read from its own OpenAPI document, so a route added later is
 * checked without anyone remembering to list it here: everything under `/moderation/` (moderators
 * and admins) and `/admin/` (admins only).
 */
function staffRoutes(t: TestApp): StaffRoute[] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const routes: StaffRoute[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    const moderation = template.startsWith('/api/v1/moderation/');
    const admin = template.startsWith('/api/v1/admin/');
    if (!moderation && !admin) {
      continue;
    }
    const path = template.replace(/\{[^}]+\}/g, uuidv7());
    for (const method of Object.keys(operations)) {
      if (['get', 'post', 'patch', 'put', 'delete'].includes(method)) {
        routes.push({ method: method as Method, path, adminOnly: admin });
      }
    }
  }
  return routes;
}

function call(client: TestClient, route: StaffRoute) {
  return route.method === 'get' || route.method === 'delete'
    ? client[route.method](route.path)
    : client[route.method](route.path, {});
}

describe(`staff routes are refused without the role or without 2FA (${testDatabaseKind})`, () => {
  let t: TestApp;
  let routes: StaffRoute[];
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_STAFF_2FA: 'true' });
    routes = staffRoutes(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the moderation and admin routes', () => {
    const paths = routes.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /api/v1/moderation/queue',
        'POST /api/v1/moderation/nanos/:id/decision',
        'GET /api/v1/moderation/flags',
        'GET /api/v1/moderation/takedowns',
        'GET /api/v1/moderation/appeals',
        'GET /api/v1/admin/users',
        'GET /api/v1/admin/audit',
        'GET /api/v1/admin/analytics',
      ]),
    );
    expect(routes.length).toBeGreaterThan(25);
  });

  it('answers 401 to a guest on every staff route', async () => {
    const guest = freshClient(t);
    for (const route of routes) {
      const res = await call(guest, route);
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it.each<Role>(['consumer', 'creator'])(
    'answers 403 forbidden to a %s on every staff route',
    async (role) => {
      const client = await signInFresh(t, await createUser(t, { role }));
      for (const route of routes) {
        const res = await call(client, route);
        expect(res.statusCode, `${route.method} ${route.path}`).toBe(403);
        expect(res.json().code, `${route.method} ${route.path}`).toBe('forbidden');
      }
    },
  );

  it.each<Role>(['moderator', 'admin'])(
    'answers 403 two_factor_enrollment_required to a %s without 2FA',
    async (role) => {
      const client = await signInFresh(t, await createUser(t, { role }));
      for (const route of routes) {
        const res = await call(client, route);
        expect(res.statusCode, `${route.method} ${route.path}`).toBe(403);
        expect(res.json().code, `${route.method} ${route.path}`).toBe('two_factor_enrollment_required');
      }
    },
  );
});

describe(`admin routes are refused to moderators (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 403 forbidden to a moderator on every admin route', async () => {
    const client = await signInFresh(t, await createUser(t, { role: 'moderator' }));
    const adminRoutes = staffRoutes(t).filter((route) => route.adminOnly);
    expect(adminRoutes.length).toBeGreaterThan(10);
    for (const route of adminRoutes) {
      const res = await call(client, route);
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(403);
      expect(res.json().code, `${route.method} ${route.path}`).toBe('forbidden');
    }
  });
});
