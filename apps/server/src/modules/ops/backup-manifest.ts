import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * The layout of one backup in the backup bucket, under `<prefix>/<stamp>/`:
 *
 * - `database.dump`: `pg_dump --format=custom` of the whole database
 * - `objects/<key>`: a copy of every object of the app's storage bucket
 * - `manifest.json`: {@link BackupManifest}, written last, so a backup without it is incomplete
 */
export interface BackupManifest {
  /** Format of this file. */
  format: 1;
  stamp: string;
  createdAt: string;
  appVersion: string;
  dump: { key: string; sha256: string; size: number };
  /** Rows per table of the `public` schema, counted in the snapshot the dump was taken from. */
  tables: Record<string, number>;
  /** Every object copied, by its key in the app's bucket. */
  objects: Record<string, { sha256: string; size: number }>;
}

/** How many backups `backup` keeps; older ones are deleted after a successful run. */
export const BACKUP_KEEP = 30;

const STAMP = /^\d{8}T\d{6}Z$/;

/** A sortable UTC stamp, e.g. `20261127T023000Z`. */
export function backupStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function isBackupStamp(value: string): boolean {
  return STAMP.test(value);
}

/** The keys of one backup in the backup bucket. */
export function backupKeys(prefix: string, stamp: string) {
  const root = `${prefix}/${stamp}/`;
  return {
    root,
    dump: `${root}database.dump`,
    manifest: `${root}manifest.json`,
    object: (key: string) => `${root}objects/${key}`,
  };
}

/** The SHA-256 (hex) and size of a stream, consuming it. */
export async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  return hashStream(createReadStream(file));
}

/** Parses a manifest, refusing anything that is not one (a truncated or foreign file). */
export function parseManifest(text: string): BackupManifest {
  const value = JSON.parse(text) as Partial<BackupManifest>;
  if (
    value.format !== 1 ||
    typeof value.stamp !== 'string' ||
    typeof value.dump?.sha256 !== 'string' ||
    typeof value.tables !== 'object' ||
    value.tables === null ||
    typeof value.objects !== 'object' ||
    value.objects === null
  ) {
    throw new Error('manifest.json is not a backup manifest of format 1');
  }
  return value as BackupManifest;
}
