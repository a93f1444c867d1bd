import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { createPlatform, type Platform } from '../src/platform/index.ts';

/** A TCP proxy in front of PostgreSQL that a test can cut and restore, like a network outage. */
class CuttableProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('losing PostgreSQL while running', () => {
  const name = `nano_test_outage_${randomBytes(4).toString('hex')}`;
  let proxy: CuttableProxy;
  let platform: Platform;
  let app: FastifyInstance;
  let dataDir: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(serverUrl ?? '');
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const url = new URL(serverUrl ?? '');
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-outage-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'silent',
    });
    const database = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolMax: 4,
      statementTimeoutMs: 5_000,
    });
    await migrateToLatest(database.db);
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    platform = await createPlatform(config, { database, logger: quiet, migrate: false });
    app = await buildApp({ config, platform, logger: false });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await platform?.database.close();
    await platform?.close();
    await proxy?.cut();
    await rm(dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('reports 503 while the database is gone and recovers without a restart', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);

    await proxy.cut();
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.database.status).toBe('fail');
    expect(ready.json().checks.storage.status).toBe('ok');
    await platform.cache.delete('taxonomy:tree:v1');
    const categories = await app.inject({ method: 'GET', url: '/api/v1/categories' });
    expect(categories.statusCode).toBe(503);
    expect(categories.headers['content-type']).toContain('application/problem+json');
    expect(categories.json().code).toBe('database_unavailable');

    await proxy.open();
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/categories' })).statusCode).toBe(200);
  });
});
