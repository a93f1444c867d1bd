import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../apps/server/src/config.ts';
import { readTracingConfig } from '../../apps/server/src/platform/tracing/tracing-config.ts';
import { hasSystemTool, run } from './system-tool.ts';

const COMPOSE_DIR = fileURLToPath(new URL('../compose/', import.meta.url));
const SERVER_SRC = fileURLToPath(new URL('../../apps/server/src/', import.meta.url));
const at = (...parts: string[]) => path.join(COMPOSE_DIR, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');

interface Service {
  image?: string;
  command?: string[];
  restart?: string;
  ports?: string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, unknown>;
  secrets?: string[];
  deploy?: { replicas?: number };
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  secrets?: Record<string, { environment?: string }>;
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as Compose;
const services = Object.entries(compose.services);

/** `.env` syntax: KEY=value lines, optional double quotes; comments and blanks ignored. */
function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) {
      vars.set(match[1], match[2].replace(/^"(.*)"$/, '$1'));
    }
  }
  return vars;
}
const envExample = parseEnvFile(read('.env.example'));

/** `${VAR}` and `${VAR:-default}` references; `$${…}` is compose's escape for a literal `$`. */
const REFERENCE = /(?<!\$)\$\{([A-Z][A-Z0-9_]*)(?::?-([^}]*))?\}/g;
const referencedVars = new Set([...composeText.matchAll(REFERENCE)].map((m) => m[1]));
const secretVars = Object.values(compose.secrets ?? {}).flatMap((s) =>
  s.environment ? [s.environment] : [],
);

/** Compose's interpolation of a value with the given environment. */
function interpolate(value: string, env: Map<string, string>): string {
  return value.replace(REFERENCE, (_all, name: string, fallback?: string) => env.get(name) || fallback || '');
}

const SECRET_KEY = /PASSWORD|PASS$|SECRET|KEY|TOKEN/i;
const WHOLE_REFERENCE = /^\$\{[A-Z][A-Z0-9_]*\}$/;

/** Every `key: string` pair anywhere in the document, with its path. */
function stringEntries(node: unknown, trail: string[] = []): Array<[string[], string]> {
  if (typeof node === 'string') {
    return [[trail, node]];
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => stringEntries(value, [...trail, key]));
  }
  return [];
}

describe('docker-compose.yml: every service', () => {
  it.each(services)('%s has a health check and a restart policy', (_name, service) => {
    const test = service.healthcheck?.test;
    expect(service.healthcheck?.disable).not.toBe(true);
    expect(Array.isArray(test) ? test.length > 1 && test[0] !== 'NONE' : Boolean(test)).toBe(true);
    expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
  });

  it.each(services)('%s runs a pinned image (a version tag or a digest, never latest)', (_name, service) => {
    expect(service.image).toBeDefined();
    const image = interpolate(service.image ?? '', new Map());
    const pinned =
      /@sha256:[0-9a-f]{64}$/.test(image) || /:(?!latest$)[\w][\w.-]*$/.test(image.split('/').pop() ?? '');
    expect(pinned, image).toBe(true);
  });

  it('only nginx publishes ports', () => {
    const publishing = services.filter(([, s]) => s.ports?.length).map(([name]) => name);
    expect(publishing).toEqual(['nginx']);
    // The monitoring UIs go to the host's loopback only.
    expect(compose.services.nginx.ports).toEqual(['80:80', '443:443', '127.0.0.1:8080:8080']);
  });

  it('depends only on services that exist', () => {
    for (const [, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(compose.services[dependency], dependency).toBeDefined();
      }
    }
  });
});

describe('docker-compose.yml: secrets', () => {
  it('has no inline secret: every secret-named value is a variable reference', () => {
    const offenders = stringEntries(compose).filter(
      ([trail, value]) => SECRET_KEY.test(trail.at(-1) ?? '') && !WHOLE_REFERENCE.test(value),
    );
    expect(offenders).toEqual([]);
  });

  it('puts no credentials into URLs except through variable references', () => {
    const inlineCredentials = stringEntries(compose)
      .map(([, value]) => /:\/\/[^/\s@]*:([^@\s]+)@/.exec(value)?.[1])
      .filter((password) => password !== undefined && !WHOLE_REFERENCE.test(password));
    expect(inlineCredentials).toEqual([]);
  });

  it('.env.example lists exactly the variables the compose file uses', () => {
    const used = [...new Set([...referencedVars, ...secretVars])].sort();
    expect([...envExample.keys()].sort()).toEqual(used);
  });

  it('.env.example holds placeholders only, never a real secret', () => {
    for (const [name, value] of envExample) {
      if (SECRET_KEY.test(name) || name === 'SMTP_URL') {
        expect(value, name).toMatch(/change-me/);
      }
    }
    // The app image tag is pinned there too.
    expect(envExample.get('APP_IMAGE')).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
  });
});

describe('docker-compose.yml: the app', () => {
  const app = compose.services.app;
  const worker = compose.services.worker;

  it('runs two `serve` replicas without jobs, and one `worker` that runs them', () => {
    expect(app.deploy?.replicas).toBe(2);
    expect(app.command).toEqual(['serve']);
    expect(app.environment?.RUN_JOBS).toBe('false');
    expect(worker.command).toEqual(['worker']);
    expect(worker.environment?.RUN_JOBS).toBe('true');
    expect(worker.image).toBe(app.image);
    // Probed over its operations port, like the app over its own.
    expect([worker.healthcheck?.test ?? []].flat().join(' ')).toContain('http://127.0.0.1:3001/health/ready');
  });

  it('gives app and worker a valid production configuration from .env.example', () => {
    for (const service of [app, worker]) {
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [
          key,
          interpolate(String(value), envExample),
        ]),
      );
      const config = loadConfig(env);
      expect(config.env).toBe('production');
      expect(config.database.kind).toBe('postgres');
      expect(config.redis?.url).toMatch(/^redis:\/\/:[^@]+@redis:6379$/);
      expect(config.storage).toMatchObject({
        kind: 's3',
        endpoint: 'http://minio:9000',
        bucket: 'nano-uploads',
      });
      expect(config.mail.kind).toBe('smtp');
      expect(config.trustProxy).toBe(true);
    }
  });

  it('sends the traces of app and worker to Jaeger over OTLP/HTTP, each under its own service name', () => {
    const names = [
      ['serve', app],
      ['worker', worker],
    ] as const;
    for (const [command, service] of names) {
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v)]),
      );
      expect(readTracingConfig(env, command)).toMatchObject({
        endpoint: 'http://jaeger:4318',
        environment: 'production',
        serviceName: command === 'serve' ? 'nano-marktplatz' : 'nano-marktplatz-worker',
      });
    }
    const jaeger = compose.services.jaeger;
    expect(jaeger.environment).toMatchObject({ COLLECTOR_OTLP_ENABLED: 'true' });
    // In-memory storage: bounded, or it would grow until the server runs out of memory.
    expect(Number(jaeger.environment?.MEMORY_MAX_TRACES)).toBeGreaterThan(0);
  });

  it('reads every app variable it sets (no typos against config.ts)', () => {
    const schema = readFileSync(path.join(SERVER_SRC, 'config.ts'), 'utf8');
    const known = new Set([...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]));
    const unknown = Object.keys(app.environment ?? {}).filter(
      (key) => !known.has(key) && !key.startsWith('OTEL_'),
    );
    expect(unknown).toEqual([]);
  });
});

describe('docker-compose.yml: files and volumes', () => {
  it('declares every named volume it mounts, and mounts every one it declares', () => {
    const named = new Set(
      services.flatMap(([, s]) =>
        (s.volumes ?? []).map((v) => v.split(':')[0]).filter((source) => /^[a-z]/.test(source)),
      ),
    );
    expect([...named].sort()).toEqual(Object.keys(compose.volumes).sort());
  });

  it('bind-mounts files that exist in the repository', () => {
    const sources = services.flatMap(([, s]) =>
      (s.volumes ?? []).map((v) => v.split(':')[0]).filter((p) => p.startsWith('.')),
    );
    for (const source of sources) {
      expect(existsSync(path.resolve(COMPOSE_DIR, source)), source).toBe(true);
    }
  });

  it('mounts the alert rules where prometheus.yml loads them', () => {
    const prometheus = parse(read('prometheus', 'prometheus.yml')) as { rule_files: string[] };
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/rules/*.yml']);
    expect(compose.services.prometheus.volumes).toContain('../prometheus/rules:/etc/prometheus/rules:ro');
  });
});

describe('service configuration', () => {
  it('prometheus scrapes only services of this stack, the app replicas by DNS', () => {
    const config = parse(read('prometheus', 'prometheus.yml')) as {
      scrape_configs: Array<{
        job_name: string;
        static_configs?: Array<{ targets: string[] }>;
        dns_sd_configs?: Array<{ names: string[] }>;
      }>;
    };
    const jobs = Object.fromEntries(config.scrape_configs.map((c) => [c.job_name, c]));
    expect(jobs.app.dns_sd_configs?.[0].names).toEqual(['app']);
    // The job names the alert rules select on.
    expect(Object.keys(jobs)).toEqual(
      expect.arrayContaining(['app', 'postgres', 'redis', 'node', 'blackbox']),
    );
    const hosts = config.scrape_configs.flatMap((c) => (c.static_configs ?? []).flatMap((s) => s.targets));
    for (const target of hosts) {
      const host = new URL(target.includes('://') ? target : `http://${target}`).hostname;
      expect(host === 'localhost' || compose.services[host] !== undefined, target).toBe(true);
    }
  });

  it('prometheus.yml passes promtool check config (with the real rules)', () => {
    if (!hasSystemTool('promtool', 'prometheus')) {
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'nano-prometheus-'));
    const rules = fileURLToPath(new URL('../prometheus/rules/', import.meta.url));
    const file = path.join(dir, 'prometheus.yml');
    writeFileSync(file, read('prometheus', 'prometheus.yml').replace('/etc/prometheus/rules/', rules));
    const result = run('promtool', ['check', 'config', file]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
  });

  it('alertmanager pages critical alerts through the webhook and emails warnings', () => {
    const config = parse(read('alertmanager', 'alertmanager.yml')) as {
      route: { routes: Array<{ receiver: string; matchers: string[] }> };
      receivers: Array<{ name: string; webhook_configs?: unknown[]; email_configs?: unknown[] }>;
    };
    const receiver = (name: string) => config.receivers.find((r) => r.name === name);
    const routeFor = (severity: string) =>
      config.route.routes.filter((r) =>
        r.matchers.some((m) => new RegExp(`^severity=~?"(.*\\|)?${severity}(\\|.*)?"$`).test(m)),
      );
    expect(routeFor('critical').some((r) => receiver(r.receiver)?.webhook_configs?.length)).toBe(true);
    expect(routeFor('warning').some((r) => receiver(r.receiver)?.email_configs?.length)).toBe(true);
  });

  it('postgres archives WAL at least every 15 minutes (RPO) through the mounted script', () => {
    const conf = read('postgres', 'postgresql.conf');
    const setting = (name: string) =>
      new RegExp(`^${name}\\s*=\\s*'?([^'\\n#]*)'?`, 'm').exec(conf)?.[1].trim();
    expect(setting('archive_mode')).toBe('on');
    expect(Number(setting('archive_timeout'))).toBeLessThanOrEqual(900);
    expect(setting('archive_command')).toBe('/usr/local/bin/archive-wal.sh %p %f');
    expect(compose.services.postgres.volumes).toContain(
      './postgres/archive-wal.sh:/usr/local/bin/archive-wal.sh:ro',
    );
    expect(compose.services.postgres.image).toMatch(/^postgres:15\./);
  });

  it('redis keeps an append-only file and takes its password from the environment', () => {
    expect(read('redis', 'redis.conf')).toMatch(/^appendonly yes$/m);
    expect(read('redis', 'redis.conf')).not.toMatch(/^requirepass/m);
    expect(compose.services.redis.command?.join(' ')).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect(compose.services.redis.environment?.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD\}$/);
  });

  it('minio-init versions the uploads, backups and WAL buckets', () => {
    const buckets = interpolate(compose.services['minio-init'].environment?.BUCKETS ?? '', envExample).split(
      ' ',
    );
    expect(buckets).toEqual(['nano-uploads', 'nano-backups', 'nano-wal']);
    expect(read('minio', 'init-buckets.sh')).toMatch(/mc version enable "store\/\$\{bucket\}"/);
  });

  it('minio-init gives every bucket lifecycle rules, so versioning does not keep deleted files for ever', () => {
    const script = read('minio', 'init-buckets.sh');
    const environment = compose.services['minio-init'].environment ?? {};
    // Per bucket: old rules replaced (idempotent), noncurrent versions and orphaned delete markers expire.
    const loop = script.slice(script.indexOf('for bucket in'), script.indexOf('done'));
    expect(loop).toMatch(/mc ilm rule rm --all --force "store\/\$\{bucket\}"/);
    expect(loop).toMatch(
      /mc ilm rule add --noncurrent-expire-days "\$\{noncurrent_days\}" "store\/\$\{bucket\}"/,
    );
    expect(loop).toMatch(/mc ilm rule add --expire-delete-marker "store\/\$\{bucket\}"/);
    // The WAL bucket's segments and base backups age out.
    expect(script).toMatch(/mc ilm rule add --expire-days "\$\{wal_days\}" "store\/\$\{WAL_BUCKET:\?/);
    expect(interpolate(String(environment.WAL_BUCKET), envExample)).toBe('nano-wal');
    expect(Number(interpolate(String(environment.NONCURRENT_RETENTION_DAYS), envExample))).toBe(30);
    expect(Number(interpolate(String(environment.WAL_RETENTION_DAYS), envExample))).toBe(14);
    const check = run('sh', ['-n', path.join(COMPOSE_DIR, 'minio', 'init-buckets.sh')]);
    expect(check.status, check.output).toBe(0);
  });

  it('promtail labels the JSON logs by level, route and status and keeps the request and trace ids', () => {
    const config = parse(read('promtail', 'promtail.yml')) as {
      scrape_configs: Array<{
        pipeline_stages: Array<{ match?: { stages: Array<Record<string, Record<string, unknown>>> } }>;
      }>;
    };
    const stages = config.scrape_configs[0].pipeline_stages.flatMap((s) => s.match?.stages ?? []);
    const stage = (kind: string) => stages.find((s) => kind in s)?.[kind] ?? {};
    expect(Object.keys(stage('labels')).sort()).toEqual(['level', 'route', 'status']);
    expect(stage('structured_metadata')).toEqual({ request_id: 'req_id', trace_id: 'trace_id' });
    expect(stage('json').expressions).toMatchObject({ trace_id: 'traceId' });
    // Fastify's request logs name the id `reqId`, the response `res.statusCode`.
    expect(stage('json').expressions).toMatchObject({
      req_id: 'reqId || requestId',
      status: 'res.statusCode || statusCode',
    });
  });
});

describe('grafana provisioning', () => {
  const dashboardsDir = at('grafana', 'dashboards');
  const dashboards = readdirSync(dashboardsDir)
    .filter((f) => f.endsWith('.json'))
    .map(
      (f) =>
        JSON.parse(readFileSync(path.join(dashboardsDir, f), 'utf8')) as {
          uid: string;
          title: string;
          panels: Array<{ title: string; datasource: { uid: string }; targets: Array<{ expr: string }> }>;
        },
    );

  it('provisions the Prometheus, Loki and Jaeger data sources', () => {
    const config = parse(read('grafana', 'provisioning', 'datasources', 'datasources.yml')) as {
      datasources: Array<{ uid: string; type: string }>;
    };
    expect(config.datasources.map((d) => d.type).sort()).toEqual(['jaeger', 'loki', 'prometheus']);
  });

  it('has the five dashboards with unique uids', () => {
    expect(dashboards.map((d) => d.uid).sort()).toEqual([
      'nano-api-red',
      'nano-business-kpis',
      'nano-chat-websocket',
      'nano-db-health',
      'nano-moderation-sla',
    ]);
  });

  it('queries only metrics the app exports or the stack exporters provide', () => {
    const appMetrics = new Set(
      [
        path.join(SERVER_SRC, 'plugins', 'metrics.ts'),
        path.join(SERVER_SRC, 'modules', 'moderation', 'moderation.metrics.ts'),
      ].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/name: '([a-z_]+)'/g)].map((m) => m[1])),
    );
    const exporterPrefix = /^(pg|redis|node|process|nodejs|probe)_|^up$/;
    const KEYWORDS = new Set([
      'sum',
      'by',
      'rate',
      'increase',
      'max',
      'topk',
      'histogram_quantile',
      'round',
      'count',
      'or',
      'vector',
      'le',
      'without',
    ]);
    for (const dashboard of dashboards) {
      for (const panel of dashboard.panels) {
        expect(panel.datasource.uid).toBe('prometheus');
        for (const { expr } of panel.targets) {
          const withoutStrings = expr.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '');
          const names = (withoutStrings.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter(
            (n) => !KEYWORDS.has(n) && !/^(route|state|instance|queue|reason|status_code|method)$/.test(n),
          );
          for (const name of names) {
            const base = name.replace(/_(bucket|count|sum)$/, '');
            expect(
              appMetrics.has(base) || appMetrics.has(name) || exporterPrefix.test(name),
              `${dashboard.uid} / ${panel.title}: ${name}`,
            ).toBe(true);
          }
        }
      }
    }
  });
});

describe('nginx', () => {
  const main = read('nginx', 'nginx.conf');
  const site = read('nginx', 'conf.d', 'nano.conf');

  it('terminates TLS, redirects HTTP and sends HSTS', () => {
    expect(site).toMatch(/listen 443 ssl/);
    expect(site).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(site).toMatch(/add_header Strict-Transport-Security "max-age=\d+; includeSubDomains" always;/);
  });

  it('upgrades the WebSocket at /api/v1/ws and allows 110 MB uploads', () => {
    const ws = /location = \/api\/v1\/ws \{([^}]*)\}/.exec(site)?.[1] ?? '';
    expect(ws).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(ws).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(main).toMatch(/client_max_body_size 110m;/);
  });

  it('compresses and rate-limits the auth routes and the API', () => {
    expect(main).toMatch(/^\s*gzip on;/m);
    expect(main).toMatch(/limit_req_zone \$binary_remote_addr zone=auth:/);
    expect(main).toMatch(/limit_req_zone \$binary_remote_addr zone=api:/);
    expect(/location \^~ \/api\/v1\/auth\/ \{([^}]*)\}/.exec(site)?.[1]).toMatch(/limit_req zone=auth /);
    expect(/location \/api\/ \{([^}]*)\}/.exec(site)?.[1]).toMatch(/limit_req zone=api /);
  });

  it('passes `nginx -t` with a freshly generated self-signed certificate', () => {
    if (!hasSystemTool('openssl', 'openssl', ['version']) || !hasSystemTool('nginx', 'nginx', ['-v'])) {
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'nano-nginx-'));
    const cert = run('bash', [at('scripts', 'gen-selfsigned-cert.sh'), 'nano.test', path.join(dir, 'certs')]);
    expect(cert.status, cert.output).toBe(0);
    const san = run('openssl', [
      'x509',
      '-in',
      path.join(dir, 'certs', 'tls.crt'),
      '-noout',
      '-ext',
      'subjectAltName',
    ]);
    expect(san.stdout).toMatch(/DNS:nano\.test/);

    const rewrite = (text: string) =>
      text
        .replaceAll('/etc/nginx/conf.d', path.join(dir, 'conf.d'))
        .replaceAll('/etc/nginx/certs', path.join(dir, 'certs'))
        .replaceAll('/tmp/nginx.pid', path.join(dir, 'nginx.pid'))
        .replaceAll('/var/log/nginx', dir);
    mkdirSync(path.join(dir, 'conf.d'));
    for (const file of readdirSync(at('nginx', 'conf.d'))) {
      writeFileSync(path.join(dir, 'conf.d', file), rewrite(read('nginx', 'conf.d', file)));
    }
    writeFileSync(path.join(dir, 'nginx.conf'), rewrite(main));
    const result = run('nginx', ['-t', '-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf')]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.status, result.output).toBe(0);
  });
});
