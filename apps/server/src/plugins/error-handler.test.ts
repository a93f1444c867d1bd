import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errors } from '../errors.ts';
import { errorHandlerPlugin } from './error-handler.ts';

/** A minimal app with the real error handler and a few routes that fail in known ways. */
async function buildProbeApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorHandlerPlugin);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/items',
    {
      schema: {
        body: z.object({
          title: z.string().min(1).max(10),
          email: z.email(),
          level: z.number().int().min(1).max(3),
          tags: z.array(z.string()).max(2),
          format: z.enum(['video', 'text']),
        }),
        querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }),
      },
    },
    async () => ({ ok: true }),
  );
  typed.get('/boom', async () => {
    throw new Error('secret connection string postgres://user:pw@db');
  });
  typed.get('/gone', async () => {
    throw errors.notFound('Dieser Nano existiert nicht.');
  });
  typed.get('/db-down', async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  typed.get('/limited', async () => {
    throw errors.rateLimited(30);
  });
  app.setNotFoundHandler(async () => {
    throw errors.notFound();
  });
  await app.ready();
  return app;
}

describe('error handler', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildProbeApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('maps an invalid query parameter to a localised field error', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/items?page=0',
      payload: { title: 'Excel', email: 'a@b.de', level: 2, tags: [], format: 'video' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.title).toBe('Die Eingaben sind ungültig.');
    const byField = Object.fromEntries(
      problem.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toMatchObject({
      'query.page': 'Muss mindestens 1 sein.',
    });
  });

  it('reports body fields with their path and message in English on request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'accept-language': 'en' },
      payload: { title: 'x'.repeat(11), email: 'nope', level: 2.5, tags: ['a', 'b', 'c'], format: 'pdf' },
    });
    const problem = res.json();
    const byField = Object.fromEntries(
      problem.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toEqual({
      'body.title': 'At most 10 characters.',
      'body.email': 'Not a valid email address.',
      'body.level': 'Must be a whole number.',
      'body.tags': 'At most 2 entries.',
      'body.format': 'Invalid value. Allowed: video, text.',
    });
  });

  it('names a missing required field', async () => {
    const res = await app.inject({ method: 'POST', url: '/items', payload: { email: 'a@b.de' } });
    const titleError = res.json().errors.find((e: { field: string }) => e.field === 'body.title');
    expect(titleError.message).toBe('Pflichtfeld.');
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'malformed_json',
      title: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
    });
  });

  it('answers an oversized body with 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/items', payload: { title: 'x'.repeat(5000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/items',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('never leaks the message of an unexpected error', async () => {
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({
      code: 'internal_error',
      title: 'Ein unerwarteter Fehler ist aufgetreten.',
    });
    expect(res.body).not.toContain('postgres://');
    expect(res.body).not.toContain('secret');
  });

  it('keeps the detail of a named error', async () => {
    const res = await app.inject({ method: 'GET', url: '/gone' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'Dieser Nano existiert nicht.' });
  });

  it('turns an unreachable database into 503 with Retry-After', async () => {
    const res = await app.inject({ method: 'GET', url: '/db-down' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().code).toBe('database_unavailable');
    expect(res.body).not.toContain('5432');
  });

  it('sends the headers of a named error, such as Retry-After on 429', async () => {
    const res = await app.inject({ method: 'GET', url: '/limited' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
  });
});
