import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

/** A logger writing into `lines`, as the process logger writes to stdout. */
function capturingLogger(lines: Array<Record<string, unknown>>) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return createLogger({ logLevel: 'info' }, sink);
}

describe('process logger', () => {
  it("logs Fastify's requests with the client IP shortened and the query values dropped", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = Fastify({ loggerInstance: capturingLogger(lines) as FastifyBaseLogger });
    app.get('/api/v1/search', async () => ({ ok: true }));
    await app.inject({
      method: 'GET',
      url: '/api/v1/search?q=Erika%20Mustermann&page=2',
      remoteAddress: '203.0.113.77',
    });
    await app.close();
    const incoming = lines.find((line) => line.msg === 'incoming request');
    expect(incoming?.req).toEqual({
      method: 'GET',
      url: '/api/v1/search?q=REDACTED&page=REDACTED',
      host: 'localhost:80',
      remoteAddress: '203.0.113.0',
    });
    expect(JSON.stringify(lines)).not.toMatch(/Mustermann|203\.0\.113\.77/);
  });

  it('redacts passwords and tokens, and logs any other `req` without its headers', () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = capturingLogger(lines);
    logger.info({ body: { password: 'geheim', token: 't0k3n' } }, 'secrets');
    logger.info({ req: { headers: { cookie: 'nm_access=abc' } } }, 'not a Fastify request');
    expect(lines.map((line) => line.msg)).toEqual(['secrets', 'not a Fastify request']);
    expect(JSON.stringify(lines)).not.toMatch(/geheim|t0k3n|nm_access=abc/);
  });
});
