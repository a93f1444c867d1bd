import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ObjectNotFoundError, type ObjectStorage } from '../../platform/storage.ts';
import {
  BACKUP_KEEP,
  type BackupManifest,
  backupKeys,
  backupStamp,
  hashFile,
  isBackupStamp,
} from './backup-manifest.ts';
import { recordOpsStatus } from './ops-status.ts';
import { connect, countRows, runTool, withClient } from './pg-tools.ts';

/** What a backup needs; `cli backup` builds it from the configuration, tests pass their own. */
export interface BackupDeps {
  /** The application's PostgreSQL database. */
  databaseUrl: string;
  /** The app's object storage, copied object by object. */
  appStorage: ObjectStorage;
  /** The backup bucket. */
  backupStorage: ObjectStorage;
  /** Key prefix of the backups in the backup bucket, without a trailing slash (BACKUP_PREFIX). */
  prefix: string;
  appVersion: string;
  now?: () => Date;
  /** How many complete backups to keep; default {@link BACKUP_KEEP}. */
  keep?: number;
  log?: (line: string) => void;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** Stamps of the backups deleted by retention. */
  deleted: string[];
}

/**
 * Takes a backup: row counts and `pg_dump --format=custom` from one exported snapshot (so the
 * manifest's counts are exactly the dump's), the dump and a copy of every object to the backup
 * bucket, then `manifest.json`, then retention. The result is recorded in `ops_status`.
 */
export async function runBackup(deps: BackupDeps): Promise<BackupResult> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  try {
    const result = await takeBackup(deps, now(), log);
    await withClient(deps.databaseUrl, (client) =>
      recordOpsStatus(client, 'backup', true, now(), {
        stamp: result.manifest.stamp,
        dumpSize: result.manifest.dump.size,
        tables: Object.keys(result.manifest.tables).length,
        objects: Object.keys(result.manifest.objects).length,
        deleted: result.deleted,
      }),
    );
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withClient(deps.databaseUrl, (client) =>
      recordOpsStatus(client, 'backup', false, now(), { error: message }),
    ).catch(() => {});
    throw error;
  }
}

async function takeBackup(
  deps: BackupDeps,
  startedAt: Date,
  log: (line: string) => void,
): Promise<BackupResult> {
  const stamp = backupStamp(startedAt);
  const keys = backupKeys(deps.prefix, stamp);
  const work = await mkdtemp(path.join(tmpdir(), 'nano-backup-'));
  try {
    const dumpFile = path.join(work, 'database.dump');
    const tables = await dumpDatabase(deps.databaseUrl, dumpFile);
    const dump = await hashFile(dumpFile);
    await deps.backupStorage.put(keys.dump, createReadStream(dumpFile), {
      contentType: 'application/octet-stream',
    });
    log(`dump uploaded: ${keys.dump} (${dump.size} bytes, ${Object.keys(tables).length} tables)`);

    const objects = await copyObjects(deps.appStorage, deps.backupStorage, keys.object);
    log(`objects copied: ${Object.keys(objects).length}`);

    const manifest: BackupManifest = {
      format: 1,
      stamp,
      createdAt: startedAt.toISOString(),
      appVersion: deps.appVersion,
      dump: { key: keys.dump, ...dump },
      tables,
      objects,
    };
    await deps.backupStorage.put(keys.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
      contentType: 'application/json',
    });
    const deleted = await applyRetention(deps.backupStorage, deps.prefix, deps.keep ?? BACKUP_KEEP);
    if (deleted.length > 0) {
      log(`retention deleted: ${deleted.join(', ')}`);
    }
    return { manifest, deleted };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Counts rows and dumps the database from one snapshot, held by a read-only transaction meanwhile. */
async function dumpDatabase(url: string, file: string): Promise<Record<string, number>> {
  const client = await connect(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const tables = await countRows(client);
    await runTool('pg_dump', ['--format=custom', `--snapshot=${rows[0]?.id}`, `--file=${file}`], url);
    await client.query('commit');
    return tables;
  } finally {
    await client.end();
  }
}

/** Streams every object to `target(key)`, hashing on the way; objects deleted meanwhile are skipped. */
async function copyObjects(
  source: ObjectStorage,
  destination: ObjectStorage,
  target: (key: string) => string,
): Promise<BackupManifest['objects']> {
  const keys: string[] = [];
  for await (const info of source.list('')) {
    keys.push(info.key);
  }
  keys.sort();
  const objects: BackupManifest['objects'] = {};
  for (const key of keys) {
    let body: Readable;
    try {
      body = (await source.get(key)).body;
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        continue;
      }
      throw error;
    }
    const hash = createHash('sha256');
    const tally = { size: 0 };
    const hashed = Readable.from(
      (async function* () {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          tally.size += chunk.length;
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
    await destination.put(target(key), hashed, { contentType: 'application/octet-stream' });
    objects[key] = { sha256: hash.digest('hex'), size: tally.size };
  }
  return objects;
}

/** The stamps of the backups under `prefix`, oldest first, and whether each is complete (has its manifest). */
export async function listBackups(
  storage: ObjectStorage,
  prefix: string,
): Promise<Array<{ stamp: string; complete: boolean; keys: string[] }>> {
  const byStamp = new Map<string, { stamp: string; complete: boolean; keys: string[] }>();
  for await (const info of storage.list(`${prefix}/`)) {
    const stamp = info.key.slice(prefix.length + 1).split('/')[0] ?? '';
    if (!isBackupStamp(stamp)) {
      continue;
    }
    const entry = byStamp.get(stamp) ?? { stamp, complete: false, keys: [] };
    entry.keys.push(info.key);
    entry.complete ||= info.key === backupKeys(prefix, stamp).manifest;
    byStamp.set(stamp, entry);
  }
  return [...byStamp.values()].sort((a, b) => a.stamp.localeCompare(b.stamp));
}

/**
 * Keeps the newest `keep` complete backups and deletes everything older, incomplete leftovers of
 * failed runs included (an incomplete backup newer than the kept ones may still be running).
 */
export async function applyRetention(
  storage: ObjectStorage,
  prefix: string,
  keep: number,
): Promise<string[]> {
  const backups = await listBackups(storage, prefix);
  const complete = backups.filter((b) => b.complete);
  const oldestKept = complete[Math.max(0, complete.length - Math.max(1, keep))]?.stamp;
  if (oldestKept === undefined) {
    return [];
  }
  const doomed = backups.filter((b) => b.stamp < oldestKept);
  for (const backup of doomed) {
    // The manifest goes first: a half-deleted backup then reads as incomplete, never as complete.
    const manifest = backupKeys(prefix, backup.stamp).manifest;
    await storage.delete(manifest);
    for (const key of backup.keys.filter((k) => k !== manifest)) {
      await storage.delete(key);
    }
  }
  return doomed.map((b) => b.stamp);
}
