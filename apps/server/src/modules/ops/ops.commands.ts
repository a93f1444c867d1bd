import { parseArgs } from 'node:util';
import { type AppConfig, ConfigError } from '../../config.ts';
import { createS3Storage } from '../../platform/storage/s3-storage.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import { runBackup } from './backup.ts';
import { isBackupStamp } from './backup-manifest.ts';
import { type DrillReport, runRestoreDrill } from './restore-drill.ts';

/** The CLI side of `backup` and `restore --drill`: configuration checks, arguments, output. */

const RESTORE_USAGE =
  'Usage: npm run cli -- restore --drill [--from <stamp>] [--json] [--keep]\n' +
  '(a real restore is manual: docs/runbooks/restore-from-backup.md)\n';

interface OpsTargets {
  databaseUrl: string;
  appStorage: ObjectStorage;
  backupStorage: ObjectStorage;
  prefix: string;
  close(): Promise<void>;
}

/** The database and both buckets; refuses the embedded mode, whose PGlite `pg_dump` cannot read. */
function opsTargets(config: AppConfig, command: string): OpsTargets {
  const problems: string[] = [];
  if (config.database.kind !== 'postgres') {
    problems.push(
      `${command}: needs PostgreSQL (DATABASE_URL); the embedded PGlite database cannot be dumped with pg_dump — copy DATA_DIR while the server is stopped instead`,
    );
  }
  if (config.storage.kind !== 's3') {
    problems.push(
      `${command}: needs S3 storage (S3_ENDPOINT, S3_BUCKET, …); backups go to the bucket BACKUP_BUCKET on the same endpoint`,
    );
  }
  if (config.database.kind !== 'postgres' || config.storage.kind !== 's3') {
    throw new ConfigError(problems);
  }
  const appStorage = createS3Storage(config.storage);
  const backupStorage = createS3Storage({ ...config.storage, bucket: config.backup.bucket });
  return {
    databaseUrl: config.database.url,
    appStorage,
    backupStorage,
    prefix: config.backup.prefix,
    close: async () => {
      await appStorage.close();
      await backupStorage.close();
    },
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export async function backupCommand(config: AppConfig, args: string[], appVersion: string): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const targets = opsTargets(config, 'backup');
  try {
    const { manifest, deleted } = await runBackup({ ...targets, appVersion, log });
    const summary = {
      stamp: manifest.stamp,
      dump: manifest.dump,
      tables: Object.keys(manifest.tables).length,
      rows: Object.values(manifest.tables).reduce((a, b) => a + b, 0),
      objects: Object.keys(manifest.objects).length,
      deleted,
    };
    process.stdout.write(
      values.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : `backup ${summary.stamp} ok: ${summary.dump.size} bytes dump, ${summary.tables} tables, ${summary.rows} rows, ${summary.objects} objects; retention deleted ${deleted.length}\n`,
    );
  } finally {
    await targets.close();
  }
}

export async function restoreCommand(config: AppConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      drill: { type: 'boolean', default: false },
      from: { type: 'string' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!values.drill || (values.from !== undefined && !isBackupStamp(values.from))) {
    process.stderr.write(RESTORE_USAGE);
    process.exitCode = 2;
    return;
  }
  const targets = opsTargets(config, 'restore --drill');
  try {
    const report = await runRestoreDrill({ ...targets, from: values.from, keepDatabase: values.keep, log });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : drillTable(report));
    if (!report.ok) {
      process.stderr.write(
        `RESTORE DRILL FAILED for backup ${report.stamp}:\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await targets.close();
  }
}

/** The drill's checks as a table: item, expected, actual, ok. */
function drillTable(report: DrillReport): string {
  const lines = [
    `restore drill of backup ${report.stamp} into ${report.scratchDatabase}: ${report.ok ? 'OK' : 'FAILED'}`,
    ...report.checks.map(
      (c) =>
        `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.item.padEnd(36)} ${String(c.expected).padStart(12)} ${String(c.actual).padStart(12)}`,
    ),
    `  objects checked: ${report.objectsChecked}`,
    ...report.problems.filter((p) => p.startsWith('pg_restore')).map((p) => `  FAIL ${p}`),
  ];
  return `${lines.join('\n')}\n`;
}
