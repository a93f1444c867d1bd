import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_SECRET, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on the embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.storage.kind).toBe('local');
    expect(config.mail.kind).toBe('outbox');
    expect(config.redis).toBeUndefined();
    expect(config.demoData).toBe(true);
  });

  it('accepts both loopback spellings of a local address as origins, outside production only', () => {
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).allowedOrigins).toEqual(
      expect.arrayContaining(['http://localhost:3000', 'http://127.0.0.1:3000']),
    );
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:4100' }).allowedOrigins).toContain(
      'http://localhost:4100',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://nanos.example.org' }).allowedOrigins).toEqual([
      'https://nanos.example.org',
      'http://localhost:5173',
      'http://127.0.0.1:5173',
    ]);
  });

  it('relocates everything embedded under DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/instance-b' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/tmp/instance-b/db' });
    expect(config.storage).toEqual({ kind: 'local', rootDir: '/tmp/instance-b/objects' });
  });

  it('switches each adapter to its production implementation by its variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/nano',
      REDIS_URL: 'redis://cache:6379',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'nanos',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      SMTP_URL: 'smtp://mail:25',
    });
    expect(config.database.kind).toBe('postgres');
    expect(config.redis?.url).toBe('redis://cache:6379');
    expect(config.storage).toMatchObject({ kind: 's3', bucket: 'nanos', forcePathStyle: true });
    expect(config.mail.kind).toBe('smtp');
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      SESSION_SECRET: 'short',
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a URL starting with postgres: or postgresql:/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/SESSION_SECRET: must be at least 32 characters/);
  });

  it('parses rotating key lists, the first key being current', () => {
    const config = loadConfig({ JWT_KEYS: `new=${'a'.repeat(32)}, old=${'b'.repeat(32)}` });
    expect(config.jwtKeys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(problemsOf({ JWT_KEYS: 'k1=short' })[0]).toMatch(/^JWT_KEYS: must be id=secret pairs/);
  });

  it('requires the whole S3 configuration once any of it is given', () => {
    expect(problemsOf({ S3_ENDPOINT: 'http://minio:9000' })).toEqual([
      'S3_BUCKET: required when S3 storage is configured',
      'S3_ACCESS_KEY_ID: required when S3 storage is configured',
      'S3_SECRET_ACCESS_KEY: required when S3 storage is configured',
    ]);
  });

  it('refuses production with the default secret, demo data, or missing keys', () => {
    const keys = { JWT_KEYS: `k1=${'j'.repeat(40)}`, DATA_ENCRYPTION_KEYS: `d1=${'d'.repeat(40)}` };
    expect(problemsOf({ NODE_ENV: 'production', ...keys })).toEqual([
      'SESSION_SECRET: must be set to a secret of your own in production',
    ]);
    expect(
      problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_DATA: 'true', ...keys }),
    ).toEqual(['DEMO_DATA: demo data is not allowed in production']);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), ...keys })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toEqual([
      'JWT_KEYS: required in production (id=secret, secret ≥ 32 characters)',
      'DATA_ENCRYPTION_KEYS: required in production (id=secret, secret ≥ 32 characters)',
    ]);
    expect(DEV_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('parses rotating key lists, the first key being current', () => {
    const config = loadConfig({ JWT_KEYS: `new=${'a'.repeat(32)}, old=${'b'.repeat(32)}` });
    expect(config.jwtKeys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(problemsOf({ JWT_KEYS: 'k1=short' })[0]).toMatch(/^JWT_KEYS: must be id=secret pairs/);
  });
});
