import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedSpan, SPAN_KIND, startOtlpReceiver } from '../../apps/server/test/otlp-receiver.ts';
import { type S3rverHandle, startS3rver } from '../../apps/server/test/s3rver.ts';
import { type AppProcess, DEMO_PASSWORD, startApp, stopProcess, waitFor } from './app-process.ts';
import { type Answer, Client, makeRandomZip } from './http-client.ts';
import { hasSystemTool, run } from './system-tool.ts';

/**
 * OpenTelemetry end to end: the built server, on PostgreSQL, Redis, s3rver and a real SMTP server,
 * exports its spans over OTLP/HTTP to a collector in this test. A request must arrive as one trace
 * (the route's server span, its queries, Redis commands, S3 calls and mails), jobs as traces of
 * their own, and the app's log lines must carry the trace id.
 */
const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const tools = hasSystemTool('psql', 'postgresql-client') && hasSystemTool('redis-cli', 'redis-tools');

const SCOPE = {
  http: '@opentelemetry/instrumentation-http',
  pg: '@opentelemetry/instrumentation-pg',
  redis: '@opentelemetry/instrumentation-ioredis',
  s3: '@opentelemetry/instrumentation-aws-sdk',
  app: 'nano-marktplatz',
};

describe.skipIf(!tools)('OpenTelemetry tracing of the running app', () => {
  const suffix = randomUUID().slice(0, 8);
  const database = `nano_tracing_test_${suffix}`;
  const databaseUrl = new URL(ADMIN_DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const psql = (sql: string) => run('psql', [ADMIN_DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-c', sql]);

  let tmp: string;
  let app: AppProcess | undefined;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let s3: S3rverHandle | undefined;
  let smtp: SMTPServer | undefined;
  let smtpPort: number;
  const mails: string[] = [];

  /**
   * The spans of a request's trace, found by the request id its server span is tagged with. The
   * server span ends last, so once it is exported its children have been too.
   */
  async function traceOf(answer: Answer, describe: string): Promise<ReceivedSpan[]> {
    const requestId = String(answer.headers['x-request-id']);
    const serverSpan = () =>
      receiver.spans.find((s) => s.kind === SPAN_KIND.server && s.attributes['request.id'] === requestId);
    await waitFor(
      async () => serverSpan() !== undefined,
      20_000,
      () => `no exported trace for ${describe} (request ${requestId}); ${receiver.spans.length} spans so far`,
    );
    return receiver.spans.filter((s) => s.traceId === serverSpan()?.traceId);
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nano-tracing-runtime-'));
    receiver = await startOtlpReceiver();

    const created = psql(`CREATE DATABASE ${database}`);
    expect(created.status, created.output).toBe(0);

    s3 = await startS3rver(['nano-tracing'], 'nano-tracing-s3-');

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 100,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp?.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;

    app = await startApp('traced', tmp, {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      REDIS_KEY_PREFIX: `nano-tracing-test-${suffix}:`,
      DATA_DIR: path.join(tmp, 'data'),
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'nano-tracing',
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Export within a fraction of a second instead of the default 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '100',
      DEMO_DATA: 'true',
    });
    // The demo accounts exist once the seeders are done.
    const probe = new Client(app.baseUrl);
    await waitFor(
      async () => {
        await probe.request('GET', '/api/v1/auth/csrf');
        return (await probe.send('POST', '/api/v1/auth/login', loginOf('demo-creator'))).status === 200;
      },
      120_000,
      () => 'the demo accounts were not seeded',
    );
  }, 240_000);

  afterAll(async () => {
    await stopProcess(app?.child);
    await receiver?.close();
    await s3?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    run('bash', [
      '-c',
      `redis-cli -u ${REDIS_URL} --scan --pattern 'nano-tracing-test-${suffix}:*' | xargs -r redis-cli -u ${REDIS_URL} del`,
    ]);
    rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it('exports a request as one trace: the route-named server span, its queries and Redis commands', async () => {
    const client = new Client(app?.baseUrl ?? '');
    await client.request('GET', '/api/v1/auth/csrf');
    const login = await client.send('POST', '/api/v1/auth/login', loginOf('demo-consumer'));
    expect(login.status, login.body).toBe(200);

    const spans = await traceOf(login, 'the login');
    const server = spans.find((s) => !s.parentSpanId);
    expect(server).toMatchObject({
      service: 'nano-marktplatz',
      scope: SCOPE.http,
      kind: SPAN_KIND.server,
      name: 'POST /api/v1/auth/login',
      attributes: { 'http.route': '/api/v1/auth/login', 'http.response.status_code': 200 },
    });
    const queries = spans.filter((s) => s.scope === SCOPE.pg && s.name.startsWith('pg.query'));
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.map((s) => s.attributes['db.query.text']).join('\n')).toMatch(/from "users"/);
    for (const query of queries) {
      expect(query).toMatchObject({
        kind: SPAN_KIND.client,
        attributes: { 'db.system.name': 'postgresql', 'db.namespace': database },
      });
    }
    const redis = spans.filter((s) => s.scope === SCOPE.redis);
    expect(redis.length, 'the rate limiter counts in Redis').toBeGreaterThan(0);
    expect(redis[0]).toMatchObject({ kind: SPAN_KIND.client, attributes: { 'db.system.name': 'redis' } });
    // Recorded by command name only: the keys hold client IPs (rate-limit:<ip>).
    expect(redis.map((s) => s.attributes['db.query.text'])).toEqual(redis.map((s) => s.name));
    // Every span hangs in the one tree under the server span.
    const ids = new Set(spans.map((s) => s.spanId));
    for (const span of spans) {
      expect(span === server || ids.has(span.parentSpanId ?? ''), `${span.name} is orphaned`).toBe(true);
    }
  });

  it('writes the trace and span id into every log line of the request', async () => {
    const client = new Client(app?.baseUrl ?? '');
    const answer = await client.request('GET', '/api/v1/search?q=Excel');
    expect(answer.status, answer.body).toBe(200);
    const spans = await traceOf(answer, 'the search');
    const server = spans.find((s) => !s.parentSpanId);
    const requestId = String(answer.headers['x-request-id']);
    const lines = readFileSync(app?.logPath ?? '', 'utf8')
      .split('\n')
      .filter((line) => line.includes(requestId))
      .map((line) => JSON.parse(line) as { msg: string; traceId?: string; spanId?: string });
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    for (const line of lines) {
      expect(line).toMatchObject({ traceId: server?.traceId, spanId: server?.spanId });
    }
  });

  it('keeps personal data out of spans: client IPs cut to their network, query values dropped', async () => {
    const answer = await new Client(app?.baseUrl ?? '').request(
      'GET',
      '/api/v1/search?q=Erika%20Mustermann&sort=relevance',
    );
    expect(answer.status, answer.body).toBe(200);
    const spans = await traceOf(answer, 'the search for a name');
    const server = spans.find((s) => !s.parentSpanId);
    expect(server?.attributes).toMatchObject({
      'client.address': '127.0.0.0',
      'network.peer.address': '127.0.0.0',
      'url.query': 'q=REDACTED&sort=REDACTED',
    });
    expect(JSON.stringify(spans)).not.toMatch(/Mustermann/i);
  });

  it('continues the trace of a caller that sends a W3C traceparent', async () => {
    const traceId = randomUUID().replaceAll('-', '');
    const parentId = traceId.slice(0, 16);
    const client = new Client(app?.baseUrl ?? '');
    const answer = await client.request('GET', '/api/v1/search?q=Excel', {
      headers: { traceparent: `00-${traceId}-${parentId}-01` },
    });
    expect(answer.status).toBe(200);
    await waitFor(
      async () => receiver.spans.some((s) => s.traceId === traceId && s.scope === SCOPE.http),
      20_000,
      () => 'no span joined the caller’s trace',
    );
    const server = receiver.spans.find((s) => s.traceId === traceId && s.scope === SCOPE.http);
    expect(server).toMatchObject({
      parentSpanId: parentId,
      kind: SPAN_KIND.server,
      name: 'GET /api/v1/search',
    });
  });

  it('traces outgoing S3 calls as client spans of the request that made them', async () => {
    const creator = new Client(app?.baseUrl ?? '');
    await creator.logIn('demo-creator');
    const created = await creator.send('POST', '/api/v1/nanos', { title: 'Verfolgter Upload' });
    expect(created.status, created.body).toBe(201);
    const nanoId = (JSON.parse(created.body) as { id: string }).id;
    const zip = await makeRandomZip(64 * 1024);
    const boundary = `----nano${randomUUID()}`;
    const upload = await creator.request('POST', `/api/v1/nanos/${nanoId}/versions`, {
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-csrf-token': creator.cookies.get('nm_csrf') ?? '',
        origin: app?.baseUrl ?? '',
      },
      body: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nano.zip"\r\n` +
            'Content-Type: application/zip\r\n\r\n',
        ),
        zip,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.status, upload.body).toBe(201);

    const spans = await traceOf(upload, 'the upload');
    expect(spans.find((s) => !s.parentSpanId)?.name).toBe('POST /api/v1/nanos/:id/versions');
    const s3Calls = spans.filter((s) => s.scope === SCOPE.s3);
    expect(s3Calls.length).toBeGreaterThan(0);
    for (const call of s3Calls) {
      expect(call).toMatchObject({ kind: SPAN_KIND.client, attributes: { 'rpc.service': 'S3' } });
    }
    expect(s3Calls.map((s) => s.attributes['rpc.method'])).toContain('PutObject');
  });

  it('traces a sent mail as an SMTP client span', async () => {
    const client = new Client(app?.baseUrl ?? '');
    await client.request('GET', '/api/v1/auth/csrf');
    const before = mails.length;
    const answer = await client.send('POST', '/api/v1/auth/password-reset/request', {
      email: 'demo-consumer@nano-marktplatz.test',
    });
    expect(answer.status, answer.body).toBe(202);
    await waitFor(
      async () => mails.length > before,
      20_000,
      () => 'the reset mail never reached the SMTP server',
    );

    const spans = await traceOf(answer, 'the password reset request');
    const smtpSpan = spans.find((s) => s.name === 'smtp send');
    expect(smtpSpan).toMatchObject({
      scope: SCOPE.app,
      kind: SPAN_KIND.client,
      attributes: { 'server.address': '127.0.0.1', 'server.port': smtpPort },
    });
  });

  it('traces each job run as a trace of its own, with the queries it made', async () => {
    await waitFor(
      async () => receiver.spans.some((s) => s.name.startsWith('job ')),
      30_000,
      () => 'no job span was exported',
    );
    const job = receiver.spans.find((s) => s.name.startsWith('job ') && s.status.code !== 2);
    expect(job).toMatchObject({ scope: SCOPE.app, kind: SPAN_KIND.consumer, parentSpanId: undefined });
    expect(job?.attributes['job.name']).toBe(job?.name.slice('job '.length));
    const children = receiver.spans.filter((s) => s.traceId === job?.traceId && s.parentSpanId);
    expect(children.some((s) => s.scope === SCOPE.pg)).toBe(true);
  });

  it('does not trace health probes and metric scrapes, and exports OTLP/HTTP JSON only to /v1/traces', async () => {
    const base = app?.baseUrl ?? '';
    for (const probe of ['/health/live', '/health/ready', '/metrics']) {
      expect((await fetch(`${base}${probe}`)).status).toBe(200);
    }
    // A later request's trace arriving shows the exporter has flushed past the probes.
    const marker = await new Client(base).request('GET', '/api/v1/search?q=Excel');
    await traceOf(marker, 'the marker request');
    const probed = receiver.spans.filter((s) => {
      const target = String(s.attributes['url.path'] ?? s.attributes['http.target'] ?? '');
      return s.kind === SPAN_KIND.server && (target.startsWith('/health') || target.startsWith('/metrics'));
    });
    expect(probed).toEqual([]);
    expect(new Set(receiver.requests.map((r) => `${r.path} ${r.contentType}`))).toEqual(
      new Set(['/v1/traces application/json']),
    );
  });
});

function loginOf(login: string) {
  return { login, password: DEMO_PASSWORD };
}
