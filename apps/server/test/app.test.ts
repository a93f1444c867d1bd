import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { testDatabaseKind } from './database.ts';

describe(`HTTP application (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/v1/categories', () => {
    it('serves the seeded two-level taxonomy in both languages', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        items: Array<{ slug: string; name: { de: string; en: string }; children: unknown[] }>;
      }>();
      expect(body.items.length).toBeGreaterThanOrEqual(8);
      expect(body.items.flatMap((p) => p.children).length).toBeGreaterThanOrEqual(40);
      const business = body.items.find((p) => p.slug === 'business');
      expect(business?.name).toEqual({ de: 'Business Skills', en: 'Business skills' });
      expect(business?.children).toContainEqual(expect.objectContaining({ slug: 'business-excel' }));
      const it = body.items.find((p) => p.slug === 'it');
      expect(it?.children).toContainEqual(expect.objectContaining({ name: { de: 'Python', en: 'Python' } }));
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
      const etag = first.headers.etag;
      expect(etag).toBeTruthy();
      const second = await t.app.inject({
        method: 'GET',
        url: '/api/v1/categories',
        headers: { 'if-none-match': String(etag) },
      });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe('');
    });
  });

  describe('request ids', () => {
    it('echoes a well-formed incoming X-Request-Id', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(res.headers['x-request-id']).toBe('abc-123');
    });

    it('replaces a missing or malformed id with a fresh one', async () => {
      const missing = await t.app.inject({ method: 'GET', url: '/health/live' });
      expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const hostile = await t.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-request-id': '<script>alert(1)</script> forged' },
      });
      expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('security headers', () => {
    it('sends a strict CSP and the usual hardening headers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')?;/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    });
  });

  describe('problem+json', () => {
    it('answers unknown API routes with a localised 404 problem', async () => {
      const de = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
      expect(de.statusCode).toBe(404);
      expect(de.headers['content-type']).toContain('application/problem+json');
      expect(de.json()).toMatchObject({
        status: 404,
        code: 'route_not_found',
        title: 'Diese Adresse gibt es nicht.',
      });
      const en = await t.app.inject({
        method: 'GET',
        url: '/api/v1/nope',
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      });
      expect(en.json()).toMatchObject({ code: 'route_not_found', title: 'This address does not exist.' });
      expect(en.json().requestId).toBe(en.headers['x-request-id']);
    });

    it('answers an unknown page with 404 when no web build is present', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/some/page', headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('health', () => {
    it('is live', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/health/live' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it('is ready when database and storage (and Redis, if configured) answer', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      const checks = res.json().checks;
      expect(checks.database).toEqual({ status: 'ok' });
      expect(checks.storage).toEqual({ status: 'ok' });
      if (process.env.TEST_REDIS_URL) {
        expect(checks.redis).toEqual({ status: 'ok' });
      }
    });

    it('is not ready once shutdown has begun, and closes connections from then on', async () => {
      t.app.lifecycle.draining = true;
      try {
        const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({
          status: 'fail',
          checks: { server: { status: 'fail', error: 'shutting_down' } },
        });
        expect(res.headers.connection).toBe('close');
        expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
      } finally {
        t.app.lifecycle.draining = false;
      }
    });
  });

  describe('metrics', () => {
    it('exposes request durations by route template, pool and job gauges', async () => {
      await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/categories",status_code="200"\} \d+/,
      );
      expect(res.body).toMatch(/db_pool_connections\{state="total"\} \d+/);
      expect(res.body).toMatch(/job_queue_jobs\{state="queued"\} 0/);
      expect(res.body).toContain('process_cpu_user_seconds_total');
    });
  });

  describe('OpenAPI', () => {
    it('documents the routes from their zod schemas', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      const op = doc.paths['/api/v1/categories'].get;
      expect(op.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
    });

    it('serves the documentation UI', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('swagger');
    });
  });

  describe('development mail page', () => {
    it('lists outbox mail with its content escaped', async () => {
      await t.platform.mailer.send({
        to: 'lea@example.org',
        subject: 'Willkommen <b>',
        text: 'Hallo & tschüss',
      });
      const res = await t.app.inject({ method: 'GET', url: '/dev/mail' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Willkommen &lt;b&gt;');
      expect(res.body).toContain('Hallo &amp; tschüss');
    });
  });
});
