import { parseArgs } from 'node:util';
import type { RetentionReport } from '@nano/contracts';
import { type AppConfig, ConfigError, loadConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { runSeeders } from './db/seed.ts';
import { createLogger } from './logger.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createIdentityDeps } from './modules/identity/identity.module.ts';
import { AccountExistsError, createStaffAccount } from './modules/identity/staff.service.ts';
import { backupCommand, restoreCommand } from './modules/ops/ops.commands.ts';
import { privacyDepsFromPlatform } from './modules/privacy/privacy.deps.ts';
import { runRetention } from './modules/privacy/retention.service.ts';
import { systemClock } from './platform/clock.ts';
import { openConfiguredDatabase } from './platform/db/index.ts';
import { createPlatform } from './platform/index.ts';
import { inSpan } from './platform/tracing/spans.ts';
import { closeOnSignals, SHUTDOWN_GRACE_MS, startServer } from './server.ts';
import { APP_VERSION } from './version.ts';
import { startWorker } from './worker.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  serve     migrate, seed demo data (embedded mode), serve the API and web app, run jobs
  worker    run background jobs only (scale jobs separately from the web tier)
  migrate   apply pending database migrations and exit
  seed      load the demo data and exit (refused in production)
  admin     'admin create --email E --username U [--name N] [--role admin|moderator]': create a staff
            account and print its one-time password (the first login must change it)
  audit     'audit verify': check the audit log's hash chain; exits 1 if it was tampered with
  retention 'retention [--dry-run] [--json]': apply the retention rules now (they also run daily);
            --dry-run only reports what would happen
  backup    'backup [--json]': pg_dump + copy of every stored object to BACKUP_BUCKET with a manifest;
            keeps the newest 30 backups (PostgreSQL and S3 storage only)
  restore   'restore --drill [--from <stamp>] [--json] [--keep]': restore the newest (or that) backup
            into a scratch database and check it against the manifest; exits 1 on any difference
`;

/** What the entry (cli.ts) hands over: `flush()` exports buffered traces before the process ends. */
export interface CliHooks {
  flush(): Promise<void>;
}

type Command = (config: AppConfig, args: string[], hooks: CliHooks) => Promise<void>;

/** Commands that keep running after they return (until SIGTERM/SIGINT). */
const DAEMONS = new Set(['serve', 'worker']);

const COMMANDS: Record<string, Command> = {
  async serve(config, _args, hooks) {
    const logger = createLogger(config);
    const server = await startServer(config, logger);
    logger.info(
      { url: server.url, database: config.database.kind, storage: config.storage.kind },
      'listening',
    );
    closeOnSignals(
      {
        close: async () => {
          await server.close();
          await hooks.flush();
        },
      },
      logger,
      config.shutdownDrainMs + SHUTDOWN_GRACE_MS,
    );
  },

  async worker(config, _args, hooks) {
    const logger = createLogger(config);
    const worker = await startWorker(config, logger);
    logger.info({ health: worker.url ?? 'off' }, 'worker running background jobs');
    closeOnSignals(
      {
        close: async () => {
          await worker.close();
          await hooks.flush();
        },
      },
      logger,
    );
  },

  async migrate(config) {
    const logger = createLogger(config);
    const database = await openConfiguredDatabase(config);
    try {
      const applied = await migrateToLatest(database.db);
      logger.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
    } finally {
      await database.close();
    }
  },

  async seed(config) {
    if (config.env === 'production') {
      throw new ConfigError(['seed: demo data is not allowed in production']);
    }
    const logger = createLogger(config);
    const platform = await createPlatform(config, { logger });
    try {
      await runSeeders(platform, config, logger);
      logger.info('demo data loaded');
    } finally {
      await platform.close();
    }
  },

  async admin(config, args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'admin' },
      },
    });
    const role = values.role;
    if (
      positionals[0] !== 'create' ||
      !values.email ||
      !values.username ||
      (role !== 'admin' && role !== 'moderator')
    ) {
      process.stderr.write(
        `Usage: npm run cli -- admin create --email E --username U [--name N] [--role admin|moderator]\n`,
      );
      process.exitCode = 2;
      return;
    }
    const logger = createLogger({ logLevel: 'warn' });
    const platform = await createPlatform(config, { logger });
    try {
      const audit = createAuditService({ db: platform.database.db, clock: platform.clock });
      const created = await createStaffAccount(createIdentityDeps(config, platform, audit), {
        email: values.email,
        username: values.username,
        displayName: values.name ?? values.username,
        role,
      });
      process.stdout.write(
        `Created ${role} ${values.username}.\nOne-time password (shown only now; the first login must change it):\n${created.oneTimePassword}\n`,
      );
    } catch (error) {
      if (error instanceof AccountExistsError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    } finally {
      await platform.close();
    }
  },

  async audit(config, args) {
    if (args[0] !== 'verify') {
      process.stderr.write(`Unknown audit command: ${args[0] ?? '(none)'}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    const database = await openConfiguredDatabase(config);
    try {
      const result = await createAuditService({ db: database.db, clock: systemClock }).verify();
      if (result.ok) {
        process.stdout.write(`audit chain ok: ${result.checked} events\n`);
        return;
      }
      process.stderr.write(
        `audit chain broken at seq ${result.brokenAtSeq}: ${result.reason} (${result.checked} events intact before it)\n`,
      );
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  },

  async retention(config, args) {
    const { values } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
    const logger = createLogger({ logLevel: 'warn' });
    const platform = await createPlatform(config, { logger });
    try {
      const report = await runRetention(privacyDepsFromPlatform(platform, config), {
        dryRun: values['dry-run'],
      });
      process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : retentionTable(report));
    } finally {
      await platform.close();
    }
  },

  backup: (config, args) => backupCommand(config, args, APP_VERSION),

  restore: (config, args) => restoreCommand(config, args),
};

/** A retention report as a small table: step, count, details. */
function retentionTable(report: RetentionReport): string {
  const lines = [
    `retention ${report.dryRun ? 'dry run (nothing changed)' : 'run'} at ${report.ranAt}`,
    ...report.jobs.map((job) => {
      const details = Object.entries(job.details)
        .map(([key, value]) => `${key}=${value}`)
        .join(' ');
      return `  ${job.job.padEnd(20)} ${String(job.affected).padStart(6)}  ${details}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** Runs the command named by `argv[0]`; exits 2 on an unknown command, 78 on bad configuration, 1 on failure. */
export async function runCli(argv: string[], hooks: CliHooks): Promise<void> {
  const [name = '', ...args] = argv;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name ? `Unknown command: ${name}\n\n${USAGE}` : USAGE);
    process.exit(name ? 2 : 0);
  }
  const run = () => command(loadConfig(), args, hooks);
  try {
    // A one-off command (backup, retention, …) is a trace of its own; a daemon's requests and jobs are.
    await (DAEMONS.has(name)
      ? run()
      : inSpan(`cli ${name}`, { root: true, attributes: { 'cli.command': name } }, run));
  } catch (error) {
    await hooks.flush().catch(() => undefined);
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (!DAEMONS.has(name)) {
    await hooks.flush();
  }
}
