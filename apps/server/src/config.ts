import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAT_LIMITS } from '@nano/contracts';
import { z } from 'zod';

/** The secret every development install starts with; production refuses to run with it. */
export const DEV_SECRET = 'dev-only-secret-change-me-0000000000000000';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A DNS host name: labels of letters, digits and hyphens, at least two of them. */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .refine(
          (v) => {
            try {
              return protocols.includes(new URL(v).protocol);
            } catch {
              return false;
            }
          },
          `must be a URL starting with ${protocols.join(' or ')}`,
        )
        .optional(),
    );

/** `id=secret,id2=secret2`: the first key is current, the others only verify/decrypt (rotation). */
const keyList = z.string().transform((value, ctx) => {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('=');
      return { id: part.slice(0, at), secret: part.slice(at + 1) };
    });
  if (keys.length === 0 || keys.some((k) => !/^[A-Za-z0-9._-]{1,32}$/.test(k.id) || k.secret.length < 32)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be id=secret pairs separated by commas, each secret ≥ 32 characters',
    });
    return z.NEVER;
  }
  return keys;
});

/** `example.com,spam.example`: lower-case host names (a listed domain also blocks its subdomains). */
const domainList = z.string().transform((value, ctx) => {
  const domains = value
    .split(',')
    .map((part) => part.trim().toLowerCase().replace(/\.$/, ''))
    .filter(Boolean);
  const bad = domains.filter((d) => !HOST_NAME.test(d));
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `not a domain name: ${bad.join(', ')}` });
    return z.NEVER;
  }
  return [...new Set(domains)];
});

/**
 * Every environment variable the server reads, with its default. The README's configuration
 * table is this schema in prose; keep them in step.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  DATA_DIR: z.string().min(1).default('./data'),
  WEB_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(1024 * 1024),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
  DEMO_DATA: bool.optional(),
  DEMO_PASSWORD: z.string().min(8).default('Demo-Passwort-2026!'),
  JWT_KEYS: keyList.optional(),
  DATA_ENCRYPTION_KEYS: keyList.optional(),
  REQUIRE_STAFF_2FA: bool.optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  RUN_JOBS: bool.default(true),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  REDIS_KEY_PREFIX: z.string().default('nano:'),
  S3_ENDPOINT: optionalUrl(['http:', 'https:']),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  BACKUP_BUCKET: z.string().min(3).default('nano-backups'),
  BACKUP_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/, 'must be a key prefix like backups or nano/backups')
    .default('backups'),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().default('Nano-Marktplatz <no-reply@localhost>'),
  CHAT_BLOCKED_DOMAINS: domainList.default([]),
  CHAT_MESSAGES_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(CHAT_LIMITS.messagesPerMinute),
  MODERATION_SAMPLE_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
});

export type Env = z.input<typeof envSchema>;

/** The one typed configuration of a process, parsed once at boot. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** `worker`'s health and metrics port (0: none). */
  workerPort: number;
  publicUrl: string;
  dataDir: string;
  webDistDir: string;
  logLevel: string;
  trustProxy: boolean;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /** On SIGTERM, how long readiness answers 503 (while requests are still served) before the listener closes. */
  shutdownDrainMs: number;
  sessionSecret: string;
  demoData: boolean;
  /** Password of the demo accounts (embedded mode only). */
  demoPassword: string;
  /** JWT signing keys; the first signs, all verify. */
  jwtKeys: Array<{ id: string; secret: string }>;
  /** Keys for field encryption at rest (phone numbers); the first encrypts, all decrypt. */
  dataEncryptionKeys: Array<{ id: string; secret: string }>;
  /** Moderators and admins must enrol in 2FA before doing anything else. */
  requireStaffTwoFactor: boolean;
  /** Origins allowed to send state-changing requests (the public URL's origin is always allowed). */
  allowedOrigins: string[];
  runJobs: boolean;
  database:
    | { kind: 'pglite'; dataDir: string }
    | { kind: 'postgres'; url: string; poolMax: number; statementTimeoutMs: number };
  redis: { url: string; keyPrefix: string } | undefined;
  storage:
    | { kind: 'local'; rootDir: string }
    | {
        kind: 's3';
        endpoint: string | undefined;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
  /** Where `cli backup` writes: a bucket on the S3 storage's endpoint, with the same credentials. */
  backup: { bucket: string; prefix: string };
  mail: { kind: 'outbox'; from: string } | { kind: 'smtp'; url: string; from: string };
  chat: ChatConfig;
  /**
   * Seed of the sampling of trusted creators' updates for post-publication review (reproducible
   * runs and tests); undefined draws a random seed at boot.
   */
  moderationSampleSeed: number | undefined;
}

/** The chat's settings (docs/chat.md). */
export interface ChatConfig {
  /** Messages linking to these domains or their subdomains are held for review. */
  blockedDomains: string[];
  /** Messages one user may send per minute; the default is `CHAT_LIMITS.messagesPerMinute` (raise it only for load tests). */
  messagesPerMinute: number;
}

/** Thrown when the environment is invalid; `problems` lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The other loopback spellings of a local address (localhost ↔ 127.0.0.1), as origins. */
function loopbackTwins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twins: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };
  const twin = twins[url.hostname];
  if (!twin) {
    return [];
  }
  url.hostname = twin;
  return [url.origin];
}

/** Parses the environment into an {@link AppConfig}, or throws a {@link ConfigError} naming every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isProduction = e.NODE_ENV === 'production';
  const demoData = e.DEMO_DATA ?? !isProduction;

  const s3Vars = [e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
  const useS3 = e.S3_ENDPOINT !== undefined || s3Vars.some((v) => v !== undefined && v !== '');
  if (useS3) {
    for (const [name, value] of [
      ['S3_BUCKET', e.S3_BUCKET],
      ['S3_ACCESS_KEY_ID', e.S3_ACCESS_KEY_ID],
      ['S3_SECRET_ACCESS_KEY', e.S3_SECRET_ACCESS_KEY],
    ] as const) {
      if (!value) {
        problems.push(`${name}: required when S3 storage is configured`);
      }
    }
  }
  if (isProduction) {
    if (e.SESSION_SECRET === DEV_SECRET) {
      problems.push('SESSION_SECRET: must be set to a secret of your own in production');
    }
    if (demoData) {
      problems.push('DEMO_DATA: demo data is not allowed in production');
    }
    if (!e.JWT_KEYS) {
      problems.push('JWT_KEYS: required in production (id=secret, secret ≥ 32 characters)');
    }
    if (!e.DATA_ENCRYPTION_KEYS) {
      problems.push('DATA_ENCRYPTION_KEYS: required in production (id=secret, secret ≥ 32 characters)');
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    workerPort: e.WORKER_PORT,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    dataDir,
    // Both src/ and the bundled dist/ sit two levels below apps/, next to apps/web/dist.
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url))),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    sessionSecret: e.SESSION_SECRET,
    demoData,
    demoPassword: e.DEMO_PASSWORD,
    // Outside production the keys derive from the (development) session secret: zero set-up.
    jwtKeys: e.JWT_KEYS ?? [{ id: 'dev', secret: `${e.SESSION_SECRET}:jwt` }],
    dataEncryptionKeys: e.DATA_ENCRYPTION_KEYS ?? [{ id: 'dev', secret: `${e.SESSION_SECRET}:data` }],
    requireStaffTwoFactor: e.REQUIRE_STAFF_2FA ?? isProduction,
    allowedOrigins: [
      new URL(e.PUBLIC_URL).origin,
      // Zero set-up: http://localhost:3000 and http://127.0.0.1:3000 are the same server locally.
      ...(isProduction ? [] : loopbackTwins(e.PUBLIC_URL)),
      ...(e.ALLOWED_ORIGINS ?? (isProduction ? '' : 'http://localhost:5173,http://127.0.0.1:5173'))
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ],
    runJobs: e.RUN_JOBS,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolMax: e.DATABASE_POOL_MAX,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    storage: useS3
      ? {
          kind: 's3',
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          bucket: e.S3_BUCKET ?? '',
          accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : { kind: 'local', rootDir: path.join(dataDir, 'objects') },
    backup: { bucket: e.BACKUP_BUCKET, prefix: e.BACKUP_PREFIX },
    mail: e.SMTP_URL
      ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM }
      : { kind: 'outbox', from: e.MAIL_FROM },
    chat: { blockedDomains: e.CHAT_BLOCKED_DOMAINS, messagesPerMinute: e.CHAT_MESSAGES_PER_MINUTE },
    moderationSampleSeed: e.MODERATION_SAMPLE_SEED,
  };
}
