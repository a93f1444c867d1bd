import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ObjectNotFoundError, type ObjectStorage } from '../../platform/storage.ts';
import { listBackups } from './backup.ts';
import { type BackupManifest, backupKeys, hashFile, hashStream, parseManifest } from './backup-manifest.ts';
import { recordOpsStatus } from './ops-status.ts';
import { connect, countRows, databaseUrl, runTool, withClient } from './pg-tools.ts';

export interface DrillDeps {
  /** The application's database: the scratch database is created on its server. */
  databaseUrl: string;
  backupStorage: ObjectStorage;
  prefix: string;
  /** Drill this backup instead of the newest complete one. */
  from?: string | undefined;
  /** Keep the scratch database for inspection instead of dropping it. */
  keepDatabase?: boolean;
  now?: () => Date;
  log?: (line: string) => void;
}

/** One comparison of the drill. */
export interface DrillCheck {
  item: string;
  expected: string | number;
  actual: string | number;
  ok: boolean;
}

export interface DrillReport {
  ok: boolean;
  stamp: string;
  scratchDatabase: string;
  /** Dump checksum, then one check per table, then one per object that differs. */
  checks: DrillCheck[];
  objectsChecked: number;
  /** Every difference or failure, in words; empty when `ok`. */
  problems: string[];
}

/**
 * The restore drill: restores a backup (the newest complete one, or `from`) into a scratch
 * database `nano_drill_<stamp>`, compares its row counts and every object copy's SHA-256 with the
 * manifest, and records the result in `ops_status` (the `nano_restore_drill_*` metrics). Returns
 * the report with `ok: false` on any difference; throws only when there is nothing to drill.
 */
export async function runRestoreDrill(deps: DrillDeps): Promise<DrillReport> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => {});
  let report: DrillReport;
  try {
    report = await drill(deps, log);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withClient(deps.databaseUrl, (client) =>
      recordOpsStatus(client, 'restore_drill', false, now(), { error: message }),
    ).catch(() => {});
    throw error;
  }
  await withClient(deps.databaseUrl, (client) =>
    recordOpsStatus(client, 'restore_drill', report.ok, now(), {
      stamp: report.stamp,
      objectsChecked: report.objectsChecked,
      problems: report.problems.slice(0, 50),
    }),
  );
  return report;
}

async function chooseBackup(deps: DrillDeps): Promise<string> {
  const complete = (await listBackups(deps.backupStorage, deps.prefix)).filter((b) => b.complete);
  if (deps.from !== undefined) {
    if (!complete.some((b) => b.stamp === deps.from)) {
      throw new Error(`no complete backup ${deps.from} under ${deps.prefix}/`);
    }
    return deps.from;
  }
  const newest = complete.at(-1);
  if (!newest) {
    throw new Error(`no complete backup under ${deps.prefix}/ (a backup has a manifest.json)`);
  }
  return newest.stamp;
}

async function drill(deps: DrillDeps, log: (line: string) => void): Promise<DrillReport> {
  const stamp = await chooseBackup(deps);
  const keys = backupKeys(deps.prefix, stamp);
  const manifestBody = (await deps.backupStorage.get(keys.manifest)).body;
  const manifest = parseManifest(await readText(manifestBody));
  const scratch = `nano_drill_${stamp.toLowerCase()}`;
  const report: DrillReport = {
    ok: false,
    stamp,
    scratchDatabase: scratch,
    checks: [],
    objectsChecked: 0,
    problems: [],
  };
  const check = (item: string, expected: string | number, actual: string | number, problem: string) => {
    const ok = expected === actual;
    report.checks.push({ item, expected, actual, ok });
    if (!ok) {
      report.problems.push(problem);
    }
    return ok;
  };
  log(`drilling backup ${stamp} into database ${scratch}`);

  const work = await mkdtemp(path.join(tmpdir(), 'nano-drill-'));
  try {
    const dumpFile = path.join(work, 'database.dump');
    await pipeline((await deps.backupStorage.get(keys.dump)).body, createWriteStream(dumpFile));
    const dump = await hashFile(dumpFile);
    const dumpOk = check(
      'dump sha256',
      manifest.dump.sha256,
      dump.sha256,
      `database.dump checksum differs from the manifest (${dump.sha256} ≠ ${manifest.dump.sha256}): the dump is corrupt`,
    );
    // A corrupt dump is not restored: what it would yield proves nothing.
    if (dumpOk) {
      await restoreAndCount(deps, scratch, dumpFile, manifest, check, report);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  for (const [key, expected] of Object.entries(manifest.objects)) {
    report.objectsChecked += 1;
    let actual: string;
    try {
      actual = (await hashStream((await deps.backupStorage.get(keys.object(key))).body)).sha256;
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError)) {
        throw error;
      }
      actual = 'missing';
    }
    if (actual !== expected.sha256) {
      check(
        `object ${key}`,
        expected.sha256,
        actual,
        `object copy ${key}: ${actual === 'missing' ? 'missing' : 'checksum differs'}`,
      );
    }
  }
  report.ok = report.problems.length === 0;
  return report;
}

/** Restores the dump into the scratch database and compares its row counts with the manifest. */
async function restoreAndCount(
  deps: DrillDeps,
  scratch: string,
  dumpFile: string,
  manifest: BackupManifest,
  check: (item: string, expected: string | number, actual: string | number, problem: string) => boolean,
  report: DrillReport,
): Promise<void> {
  const scratchUrl = databaseUrl(deps.databaseUrl, scratch);
  await withClient(deps.databaseUrl, async (admin) => {
    await admin.query(`drop database if exists ${admin.escapeIdentifier(scratch)} with (force)`);
    await admin.query(`create database ${admin.escapeIdentifier(scratch)}`);
  });
  try {
    try {
      await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', dumpFile], scratchUrl);
    } catch (error) {
      report.problems.push(`pg_restore failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const client = await connect(scratchUrl);
    let actual: Record<string, number>;
    try {
      actual = await countRows(client);
    } finally {
      await client.end();
    }
    const names = [...new Set([...Object.keys(manifest.tables), ...Object.keys(actual)])].sort();
    for (const name of names) {
      const expected = manifest.tables[name] ?? 'absent';
      const got = actual[name] ?? 'absent';
      check(`table ${name}`, expected, got, `table ${name}: ${got} rows restored, manifest says ${expected}`);
    }
  } finally {
    if (!deps.keepDatabase) {
      await withClient(deps.databaseUrl, (admin) =>
        admin.query(`drop database if exists ${admin.escapeIdentifier(scratch)} with (force)`),
      );
    }
  }
}

async function readText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
