import { type AppConfig, ConfigError, loadConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { runSeeders } from './db/seed.ts';
import { createLogger } from './logger.ts';
import { openDatabase } from './platform/db/index.ts';
import { createPlatform } from './platform/index.ts';
import { closeOnSignals, startServer } from './server.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  serve     migrate, seed demo data (embedded mode), serve the API and web app, run jobs
  worker    run background jobs only (scale jobs separately from the web tier)
  migrate   apply pending database migrations and exit
  seed      load the demo data and exit (refused in production)
`;

type Command = (config: AppConfig) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  async serve(config) {
    const logger = createLogger(config);
    const server = await startServer(config, logger);
    logger.info(
      { url: server.url, database: config.database.kind, storage: config.storage.kind },
      'listening',
    );
    closeOnSignals(server, logger);
  },

  async worker(config) {
    const logger = createLogger(config);
    const platform = await createPlatform(config, { logger });
    platform.jobs.start();
    logger.info('worker running background jobs');
    closeOnSignals(
      {
        close: async () => {
          await platform.jobs.stop();
          await platform.close();
        },
      },
      logger,
    );
  },

  async migrate(config) {
    const logger = createLogger(config);
    const database = await openDatabase(
      config.database.kind === 'postgres'
        ? config.database
        : { kind: 'pglite', dataDir: config.database.dataDir },
    );
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
      await runSeeders(platform, logger);
      logger.info('demo data loaded');
    } finally {
      await platform.close();
    }
  },
};

async function main(argv: string[]): Promise<void> {
  const name = argv[0];
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name ? `Unknown command: ${name}\n\n${USAGE}` : USAGE);
    process.exit(name ? 2 : 0);
  }
  try {
    await command(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
