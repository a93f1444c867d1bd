import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { applyRetention, listBackups, runBackup } from '../../src/modules/ops/backup.ts';
import { backupKeys, hashStream } from '../../src/modules/ops/backup-manifest.ts';
import { backupCommand, restoreCommand } from '../../src/modules/ops/ops.commands.ts';
import { registerOpsMetrics } from '../../src/modules/ops/ops.metrics.ts';
import { runRestoreDrill } from '../../src/modules/ops/restore-drill.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/index.ts';
import { createS3Storage } from '../../src/platform/storage/s3-storage.ts';
import type { ObjectStorage } from '../../src/platform/storage.ts';
import { runCli } from '../cli-runner.ts';
import { type S3rverHandle, startS3rver } from '../s3rver.ts';

/**
 * `cli backup` and `cli restore --drill` end to end against real PostgreSQL (pg_dump/pg_restore from
 * PATH) and s3rver. Services tier only: runs when TEST_DATABASE_URL points at PostgreSQL.
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? '';
const enabled = serverUrl.startsWith('postgres');

const PREFIX = 'backups';
const DAY = 24 * 3600 * 1000;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function bytesOf(storage: ObjectStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await storage.get(key)).body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function gauge(registry: Registry, name: string): Promise<number | undefined> {
  return (await registry.getSingleMetric(name)?.get())?.values[0]?.value;
}

describe('backup commands without services', () => {
  it('refuses the embedded PGlite mode and local storage with a clear message', async () => {
    const config = loadConfig({ DATA_DIR: path.join(tmpdir(), 'nano-no-backup') });
    await expect(backupCommand(config, [], '0.0.0')).rejects.toThrow(ConfigError);
    await expect(backupCommand(config, [], '0.0.0')).rejects.toThrow(/PGlite database cannot be dumped/);
    await expect(restoreCommand(config, ['--drill'])).rejects.toThrow(/needs S3 storage/);
  });
});

describe.skipIf(!enabled)('backup and restore drill (PostgreSQL + s3rver)', () => {
  const dbName = `nano_test_ops_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = (() => {
    const url = new URL(serverUrl || 'postgres://x/y');
    url.pathname = `/${dbName}`;
    return url.toString();
  })();
  // A random start day, so parallel runs on one server never share a scratch database name.
  const start =
    Date.UTC(2030, 0, 1, 2, 30) +
    Math.floor(Math.random() * 3650) * DAY +
    Math.floor(Math.random() * 3600) * 1000;
  let handle: DatabaseHandle;
  let s3: S3rverHandle | undefined;
  let appStorage: ObjectStorage;
  let backupStorage: ObjectStorage;
  let registry: Registry;
  let s3Endpoint: string;
  const objects: Record<string, Buffer> = {
    'avatars/u1.webp': randomBytes(2048),
    'nanos/n1/v1/index.html': Buffer.from('<h1>Bruchrechnen</h1>'),
    'nanos/n1/v1/big.bin': randomBytes(600 * 1024),
  };
  const deps = (at: number) => ({
    databaseUrl,
    appStorage,
    backupStorage,
    prefix: PREFIX,
    appVersion: '9.9.9-test',
    now: () => new Date(at),
  });

  beforeAll(async () => {
    await admin((c) => c.query(`create database ${dbName}`));
    handle = await openDatabase({
      kind: 'postgres',
      url: databaseUrl,
      poolMax: 3,
      statementTimeoutMs: 30_000,
    });
    await migrateToLatest(handle.db);
    registry = new Registry();
    registerOpsMetrics(registry, { db: handle.db });

    s3 = await startS3rver(['nano-app', 'nano-backups'], 'nano-s3rver-ops-');
    s3Endpoint = s3.endpoint;
    const s3Options = {
      endpoint: s3.endpoint,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
    appStorage = createS3Storage({ ...s3Options, bucket: 'nano-app' });
    backupStorage = createS3Storage({ ...s3Options, bucket: 'nano-backups' });

    // Seed: rows in an app table and objects in the app's bucket.
    for (let i = 0; i < 3; i++) {
      await handle.db
        .insertInto('mail_outbox')
        .values({
          id: crypto.randomUUID(),
          to_address: `u${i}@example.org`,
          subject: `s${i}`,
          text_body: 'hallo',
          html_body: null,
        })
        .execute();
    }
    for (const [key, body] of Object.entries(objects)) {
      await appStorage.put(key, body);
    }
  }, 120_000);

  afterAll(async () => {
    await appStorage?.close();
    await backupStorage?.close();
    await s3?.close();
    await handle?.close();
    await admin(async (c) => {
      await c.query(`drop database if exists ${dbName} with (force)`);
      // Drill scratch databases of this run, in case a failed test left one.
      const { rows } = await c.query<{ datname: string }>(
        `select datname from pg_database where datname like 'nano_drill_%'`,
      );
      const ours = new Set(Array.from({ length: 6 }, (_, i) => `nano_drill_${stampOf(start + i * DAY)}`));
      for (const { datname } of rows.filter((r) => ours.has(r.datname))) {
        await c.query(`drop database if exists ${datname} with (force)`);
      }
    });
  }, 120_000);

  const stampOf = (at: number) =>
    new Date(at)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}Z$/, 'Z')
      .toLowerCase();

  it('backs up the database and every object with a manifest of counts and checksums', async () => {
    const { manifest } = await runBackup(deps(start));
    expect(manifest.appVersion).toBe('9.9.9-test');
    expect(manifest.tables.mail_outbox).toBe(3);
    expect(manifest.tables.ops_status).toBe(0);
    expect(Object.keys(manifest.tables)).toContain('kysely_migration');
    expect(Object.keys(manifest.objects).sort()).toEqual(Object.keys(objects).sort());
    for (const [key, body] of Object.entries(objects)) {
      const copy = await bytesOf(backupStorage, backupKeys(PREFIX, manifest.stamp).object(key));
      expect(copy.equals(body)).toBe(true);
      expect(manifest.objects[key]).toEqual(await hashStream((await appStorage.get(key)).body));
    }
    const dump = await bytesOf(backupStorage, manifest.dump.key);
    expect(dump.subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    expect(dump.length).toBe(manifest.dump.size);
    expect(await gauge(registry, 'nano_backup_last_success_timestamp_seconds')).toBe(start / 1000);
    expect(await gauge(registry, 'nano_restore_drill_last_success')).toBe(0); // no drill yet
  }, 120_000);

  it('restores the newest backup into a scratch database and finds it equal', async () => {
    const report = await runRestoreDrill(deps(start + 60_000));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.item === 'table mail_outbox')).toMatchObject({
      expected: 3,
      actual: 3,
      ok: true,
    });
    expect(report.objectsChecked).toBe(3);
    const left = await admin((c) =>
      c.query('select 1 from pg_database where datname = $1', [report.scratchDatabase]),
    );
    expect(left.rowCount).toBe(0); // dropped without --keep
    expect(await gauge(registry, 'nano_restore_drill_last_success')).toBe(1);
    expect(await gauge(registry, 'nano_restore_drill_last_run_timestamp_seconds')).toBe(
      (start + 60_000) / 1000,
    );
  }, 120_000);

  it('fails loudly on a corrupt dump, and the metric says 0', async () => {
    const key = backupKeys(PREFIX, stampOf(start).toUpperCase()).dump;
    const original = await bytesOf(backupStorage, key);
    const corrupt = Buffer.from(original);
    corrupt.fill(0x42, 200, 260);
    await backupStorage.put(key, corrupt);
    try {
      const report = await runRestoreDrill(deps(start + 120_000));
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(
        /database\.dump checksum differs from the manifest.*corrupt/,
      );
      expect(await gauge(registry, 'nano_restore_drill_last_success')).toBe(0);
      // A failed drill does not hide the last good backup.
      expect(await gauge(registry, 'nano_backup_last_success_timestamp_seconds')).toBe(start / 1000);
    } finally {
      await backupStorage.put(key, original);
    }
  }, 120_000);

  it('fails when an object copy is missing or a row count differs from the manifest', async () => {
    const keys = backupKeys(PREFIX, stampOf(start).toUpperCase());
    const objectKey = keys.object('nanos/n1/v1/index.html');
    await backupStorage.delete(objectKey);
    const manifestText = (await bytesOf(backupStorage, keys.manifest)).toString();
    const tampered = JSON.parse(manifestText);
    tampered.tables.mail_outbox = 4;
    await backupStorage.put(keys.manifest, Buffer.from(JSON.stringify(tampered)));
    try {
      const report = await runRestoreDrill(deps(start + 180_000));
      expect(report.ok).toBe(false);
      expect(report.problems).toContain('object copy nanos/n1/v1/index.html: missing');
      expect(report.problems).toContain('table mail_outbox: 3 rows restored, manifest says 4');
      expect(await gauge(registry, 'nano_restore_drill_last_success')).toBe(0);
    } finally {
      await backupStorage.put(objectKey, objects['nanos/n1/v1/index.html'] as Buffer);
      await backupStorage.put(keys.manifest, Buffer.from(manifestText));
    }
    expect((await runRestoreDrill(deps(start + 240_000))).ok).toBe(true);
    expect(await gauge(registry, 'nano_restore_drill_last_success')).toBe(1);
  }, 180_000);

  it('keeps the newest backups and deletes older ones and old incomplete leftovers', async () => {
    await backupStorage.put(`${PREFIX}/20000101T000000Z/database.dump`, Buffer.from('unfinished'));
    const second = await runBackup({ ...deps(start + DAY), keep: 2 });
    expect(second.deleted).toEqual(['20000101T000000Z']);
    const third = await runBackup({ ...deps(start + 2 * DAY), keep: 2 });
    expect(third.deleted).toEqual([stampOf(start).toUpperCase()]);
    const left = await listBackups(backupStorage, PREFIX);
    expect(left.map((b) => b.stamp)).toEqual([second.manifest.stamp, third.manifest.stamp]);
    expect(left.every((b) => b.complete && b.keys.length === 5)).toBe(true); // dump, manifest, 3 objects
    expect(await applyRetention(backupStorage, PREFIX, 2)).toEqual([]);
    // --from drills an older backup than the newest.
    const report = await runRestoreDrill({ ...deps(start + 3 * DAY), from: second.manifest.stamp });
    expect(report).toMatchObject({ ok: true, stamp: second.manifest.stamp });
  }, 240_000);

  it('runs as `cli backup` and `cli restore --drill`, which exits 1 on a difference', async () => {
    const env = {
      DATABASE_URL: databaseUrl,
      S3_ENDPOINT: s3Endpoint,
      S3_BUCKET: 'nano-app',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      BACKUP_BUCKET: 'nano-backups',
      BACKUP_PREFIX: 'cli-backups',
    };
    const backup = await runCli(['backup', '--json'], env);
    expect(backup.stderr).not.toMatch(/failed/);
    expect(backup.code).toBe(0);
    const { stamp } = JSON.parse(backup.stdout) as { stamp: string };
    const drill = await runCli(['restore', '--drill', '--from', stamp], env);
    expect(drill.code).toBe(0);
    expect(drill.stdout).toMatch(new RegExp(`restore drill of backup ${stamp} into nano_drill_\\w+: OK`));
    expect(drill.stdout).toMatch(/ok {3}table mail_outbox +3 +3/);

    const dumpKey = backupKeys('cli-backups', stamp).dump;
    await backupStorage.put(dumpKey, Buffer.from('not a dump'));
    const failed = await runCli(['restore', '--drill', '--json'], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/RESTORE DRILL FAILED for backup .*\n.*database\.dump checksum differs/);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, stamp });
    expect((await runCli(['restore'], env)).code).toBe(2);
  }, 180_000);
});
