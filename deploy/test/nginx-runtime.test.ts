import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type AppProcess,
  DEMO_PASSWORD,
  freePort,
  logTail,
  startApp,
  stopProcess,
  waitFor,
} from './app-process.ts';
import { Client, makeRandomZip } from './http-client.ts';
import { hasSystemTool, run } from './system-tool.ts';

/**
 * The compose stack's nginx, run natively in front of two app instances on loopback: TLS with
 * the generated certificate, HTTP → HTTPS, HSTS, the web app, the API, a 20 MB upload and a
 * WebSocket chat across the two instances (which share PostgreSQL, Redis and the storage folder).
 */
const NGINX_DIR = path.resolve(import.meta.dirname, '../compose/nginx');
const CERT_SCRIPT = path.resolve(import.meta.dirname, '../compose/scripts/gen-selfsigned-cert.sh');
// The same servers as `npm run test:services` (scripts/test-services.mjs); the test creates its own database.
const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const tools =
  hasSystemTool('nginx', 'nginx', ['-v']) &&
  hasSystemTool('openssl', 'openssl', ['version']) &&
  hasSystemTool('psql', 'postgresql-client') &&
  hasSystemTool('redis-cli', 'redis-tools');

/** Replaces the one occurrence of `from`; a changed real config fails here instead of testing something else. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`expected exactly one \`${from}\` in the nginx config`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

interface TestPorts {
  http: number;
  https: number;
  appA: number;
  appB: number;
}

/**
 * The real nginx.conf and conf.d/nano.conf with only what differs outside Docker rewritten:
 * paths into `dir`, the listen ports onto free loopback ports, and the `app` replicas (Docker's
 * DNS) onto an upstream of the two instances. For the test only, `?instance=a|b` pins a request
 * to one instance (a map in front of the same proxy_pass), so the two chat sockets can be
 * placed on different instances; without it requests are balanced as in production.
 * conf.d/ops.conf (the monitoring UIs of the compose services) is left out.
 */
export function renderNginxConfig(dir: string, ports: TestPorts, runAsRoot: boolean): void {
  let main = readFileSync(path.join(NGINX_DIR, 'nginx.conf'), 'utf8');
  main = replaceOnce(main, 'pid /tmp/nginx.pid;', `pid ${dir}/nginx.pid;`);
  main = replaceOnce(
    main,
    'access_log /var/log/nginx/access.log json;',
    `access_log ${dir}/access.log json;`,
  );
  main = replaceOnce(main, 'include /etc/nginx/conf.d/*.conf;', `include ${dir}/conf.d/*.conf;`);
  // Temporary files of a non-root nginx (Debian's defaults are under /var/lib/nginx).
  main = replaceOnce(
    main,
    'http {\n',
    `http {\n${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((kind) => `  ${kind}_temp_path ${dir}/temp/${kind};\n`)
      .join('')}`,
  );
  // As root, nginx would switch its workers to `nobody`, who cannot write the private temp dir.
  if (runAsRoot) {
    main = `user root;\n${main}`;
  }

  let site = readFileSync(path.join(NGINX_DIR, 'conf.d/nano.conf'), 'utf8');
  site = replaceOnce(site, 'listen 80 default_server;', `listen 127.0.0.1:${ports.http} default_server;`);
  site = replaceOnce(
    site,
    'listen 443 ssl http2 default_server;',
    `listen 127.0.0.1:${ports.https} ssl http2 default_server;`,
  );
  site = replaceOnce(
    site,
    'ssl_certificate /etc/nginx/certs/tls.crt;',
    `ssl_certificate ${dir}/certs/tls.crt;`,
  );
  site = replaceOnce(
    site,
    'ssl_certificate_key /etc/nginx/certs/tls.key;',
    `ssl_certificate_key ${dir}/certs/tls.key;`,
  );
  site = replaceOnce(site, 'set $app http://app:3000;', 'set $app $test_app;');
  site = `# Test only: the two loopback instances stand for the replicas behind Docker's \`app\`.
upstream nano_app {
  server 127.0.0.1:${ports.appA};
  server 127.0.0.1:${ports.appB};
}
map $arg_instance $test_app {
  default http://nano_app;
  a http://127.0.0.1:${ports.appA};
  b http://127.0.0.1:${ports.appB};
}

${site}`;

  mkdirSync(path.join(dir, 'conf.d'), { recursive: true });
  for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(dir, 'temp', kind), { recursive: true });
  }
  writeFileSync(path.join(dir, 'nginx.conf'), main);
  writeFileSync(path.join(dir, 'conf.d/nano.conf'), site);
}

/** An HTTPS (or HTTP) answer. */
/** A WebSocket through nginx that records the server's events. */
function openSocket(url: string, client: Client, origin: string, ca: Buffer) {
  const events: Array<{ type: string; [key: string]: unknown }> = [];
  const socket = new WebSocket(url, { ca, headers: { cookie: client.cookieHeader(), origin } });
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as { type: string };
    events.push(event);
    if (event.type === 'ping') {
      socket.send(JSON.stringify({ type: 'pong' }));
    }
  });
  socket.on('error', () => {});
  return { socket, events };
}

/** The value of an unlabelled metric in an instance's /metrics. */
async function metricValue(app: AppProcess, name: string): Promise<number> {
  const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
}

describe.skipIf(!tools)('nginx in front of two app instances', () => {
  const suffix = randomUUID().slice(0, 8);
  const database = `nano_nginx_test_${suffix}`;
  const redisPrefix = `nano-nginx-test-${suffix}:`;
  let tmp: string;
  let ca: Buffer;
  let apps: AppProcess[] = [];
  let nginx: ChildProcess | undefined;
  let nginxLog: string;
  let publicUrl: string;
  let httpUrl: string;

  const databaseUrl = new URL(ADMIN_DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const psql = (sql: string) => run('psql', [ADMIN_DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-c', sql]);

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nano-nginx-runtime-'));
    const certDir = path.join(tmp, 'certs');
    const cert = run('bash', [CERT_SCRIPT, 'localhost', certDir]);
    expect(cert.status, cert.output).toBe(0);
    ca = readFileSync(path.join(certDir, 'tls.crt'));

    const created = psql(`CREATE DATABASE ${database}`);
    expect(created.status, created.output).toBe(0);

    const ports: TestPorts = { http: await freePort(), https: await freePort(), appA: 0, appB: 0 };
    // 127.0.0.1, not localhost: nginx listens on IPv4 loopback only (the certificate names both).
    publicUrl = `https://127.0.0.1:${ports.https}`;
    httpUrl = `http://127.0.0.1:${ports.http}`;
    const shared = {
      PUBLIC_URL: publicUrl,
      TRUST_PROXY: 'true',
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      REDIS_KEY_PREFIX: redisPrefix,
      // One storage folder for both (the database sits in PostgreSQL, not in DATA_DIR).
      DATA_DIR: path.join(tmp, 'data'),
    };
    // The first instance migrates and seeds the demo data; the second joins the same state.
    apps.push(await startApp('a', tmp, { ...shared, DEMO_DATA: 'true' }));
    apps.push(await startApp('b', tmp, { ...shared, DEMO_DATA: 'false', RUN_JOBS: 'false' }));
    ports.appA = apps[0].port;
    ports.appB = apps[1].port;

    renderNginxConfig(tmp, ports, process.getuid?.() === 0);
    const check = run('nginx', ['-p', tmp, '-e', 'stderr', '-c', path.join(tmp, 'nginx.conf'), '-t']);
    expect(check.status, check.output).toBe(0);
    nginxLog = path.join(tmp, 'nginx.log');
    const log = openSync(nginxLog, 'w');
    nginx = spawn(
      'nginx',
      ['-p', tmp, '-e', 'stderr', '-c', path.join(tmp, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', log, log],
      },
    );
    await waitFor(
      async () => {
        if (nginx?.exitCode !== null) {
          throw new Error('nginx exited');
        }
        return (await fetch(`${httpUrl}/nginx-health`)).status === 200;
      },
      30_000,
      () => `nginx did not start:\n${logTail(nginxLog)}`,
    );

    // The demo chat of demo-consumer with demo-creator appears once the seeders are done.
    const consumer = new Client(apps[0].baseUrl, ca, publicUrl);
    await waitFor(
      async () => {
        if (!consumer.cookies.has('nm_access')) {
          await consumer.request('GET', '/api/v1/auth/csrf');
          const login = await consumer.send('POST', '/api/v1/auth/login', {
            login: 'demo-consumer',
            password: DEMO_PASSWORD,
          });
          if (login.status !== 200) {
            return false;
          }
        }
        const chats = await consumer.request('GET', '/api/v1/chats');
        return chats.status === 200 && chats.body.includes('demo-creator');
      },
      180_000,
      () => `the demo chat never appeared:\n${logTail(apps[0].logPath)}`,
    );
  }, 400_000);

  afterAll(async () => {
    await stopProcess(nginx);
    await Promise.all(apps.map((app) => stopProcess(app.child)));
    apps = [];
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const keys = run('redis-cli', ['-u', REDIS_URL, '--scan', '--pattern', `${redisPrefix}*`]);
    const names = keys.stdout.split('\n').filter(Boolean);
    for (let i = 0; i < names.length; i += 500) {
      run('redis-cli', ['-u', REDIS_URL, 'del', ...names.slice(i, i + 500)]);
    }
    if (tmp) {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  it('redirects HTTP to HTTPS', async () => {
    const answer = await new Client(httpUrl, ca).request('GET', '/nanos?x=1');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('https://127.0.0.1/nanos?x=1');
  });

  it('serves the web app over HTTPS with HSTS', async () => {
    const client = new Client(publicUrl, ca);
    const answer = await client.request('GET', '/', { headers: { accept: 'text/html' } });
    expect(answer.status, answer.body).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toContain('<div id="root"');
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A hashed script of the page, compressed by nginx for a client that accepts gzip.
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(answer.body)?.[1] ?? '';
    expect(script).not.toBe('');
    const asset = await client.request('GET', script, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
  });

  it('proxies the API and hides /metrics', async () => {
    const client = new Client(publicUrl, ca);
    const ready = await client.request('GET', '/health/ready');
    expect(ready.status, ready.body).toBe(200);
    const chats = await client.request('GET', '/api/v1/chats');
    expect(chats.status).toBe(401);
    expect(chats.headers['content-type']).toMatch(/json/);
    expect((await client.request('GET', '/metrics')).status).toBe(404);
  });

  it('logs JSON access lines with the request id, the client IP shortened and no query values', async () => {
    const client = new Client(publicUrl, ca);
    const requestId = `nginx-log-${suffix}`;
    const search = await client.request('GET', '/api/v1/search?q=Erika%20Mustermann', {
      headers: { 'x-request-id': requestId },
    });
    expect(search.status, search.body).toBe(200);
    // The app logs the same request with the same id, also without the query values.
    const appLines = apps.flatMap((app) => readFileSync(app.logPath, 'utf8').split('\n'));
    const appLine = appLines.find((line) => line.includes(requestId) && line.includes('incoming request'));
    expect(JSON.parse(appLine ?? '{}').req).toMatchObject({
      url: '/api/v1/search?q=REDACTED',
      remoteAddress: '127.0.0.0',
    });
    let entry: Record<string, unknown> | undefined;
    await waitFor(
      async () => {
        const lines = readFileSync(path.join(tmp, 'access.log'), 'utf8').split('\n').filter(Boolean);
        entry = lines
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((e) => e.reqId === requestId);
        return entry !== undefined;
      },
      10_000,
      () => 'no access log line for the request',
    );
    expect(entry).toMatchObject({
      service: 'nginx',
      method: 'GET',
      url: '/api/v1/search',
      remoteAddress: '127.0.0.0',
      statusCode: 200,
    });
  });

  it('passes a 20 MB ZIP upload through to the app', async () => {
    const creator = new Client(publicUrl, ca);
    await creator.logIn('demo-creator');
    const created = await creator.send('POST', '/api/v1/nanos', { title: 'Upload durch nginx' });
    expect(created.status, created.body).toBe(201);
    const nanoId = (JSON.parse(created.body) as { id: string }).id;

    const zip = await makeRandomZip(20 * 1024 * 1024);
    expect(zip.length).toBeGreaterThan(20 * 1024 * 1024);
    const boundary = `----nano${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nano.zip"\r\n` +
          'Content-Type: application/zip\r\n\r\n',
      ),
      zip,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await creator.request('POST', `/api/v1/nanos/${nanoId}/versions`, {
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-csrf-token': creator.cookies.get('nm_csrf') ?? '',
        origin: publicUrl,
      },
      body,
    });
    expect(upload.status, upload.body).toBe(201);
    const nano = JSON.parse(upload.body) as Record<string, { sizeBytes: number; fileCount: number } | null>;
    const version = nano.pendingVersion ?? nano.currentVersion;
    expect(version?.fileCount).toBe(1);
    expect(version?.sizeBytes).toBeGreaterThan(20 * 1024 * 1024);
  }, 180_000);

  it('delivers a chat message to a WebSocket on the other instance', async () => {
    const consumer = new Client(publicUrl, ca);
    const creator = new Client(publicUrl, ca);
    await consumer.logIn('demo-consumer');
    await creator.logIn('demo-creator');
    const chats = JSON.parse((await consumer.request('GET', '/api/v1/chats')).body) as {
      items: Array<{ id: string }>;
    };
    const chat = chats.items.find((item) => JSON.stringify(item).includes('demo-creator'));
    expect(chat, JSON.stringify(chats)).toBeDefined();

    const wsBase = publicUrl.replace('https:', 'wss:');
    const onA = openSocket(`${wsBase}/api/v1/ws?instance=a`, consumer, publicUrl, ca);
    const onB = openSocket(`${wsBase}/api/v1/ws?instance=b`, creator, publicUrl, ca);
    try {
      await waitFor(
        async () => [onA, onB].every((s) => s.events.some((e) => e.type === 'ready')),
        20_000,
        () => `sockets not ready: ${JSON.stringify([onA.events, onB.events])}\n${logTail(nginxLog)}`,
      );
      // Each instance holds exactly one of the two sockets.
      expect(await metricValue(apps[0], 'ws_connections')).toBe(1);
      expect(await metricValue(apps[1], 'ws_connections')).toBe(1);

      const text = `Über nginx ${suffix}`;
      const sent = await consumer.send('POST', `/api/v1/chats/${chat?.id}/messages`, {
        text,
        clientId: `nginx-${randomUUID()}`,
      });
      expect(sent.status, sent.body).toBe(201);
      await waitFor(
        async () =>
          onB.events.some(
            (e) => e.type === 'message.created' && (e.message as { text?: string }).text === text,
          ),
        20_000,
        () => `the creator's socket got no message.created: ${JSON.stringify(onB.events)}`,
      );
    } finally {
      onA.socket.close();
      onB.socket.close();
    }
  }, 60_000);
});
