import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { runSeeders } from './db/seed.ts';
import { scheduleJobs } from './jobs.ts';
import { createPlatform, type Platform } from './platform/index.ts';

/** How long shutdown waits for in-flight requests and jobs (after the drain delay) before giving up. */
export const SHUTDOWN_GRACE_MS = 15_000;

export interface RunningServer {
  app: FastifyInstance;
  platform: Platform;
  /** The address actually bound (the port is chosen by the OS when PORT=0). */
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the platform (migrating the database), seeds demo data where configured, and listens.
 * Runs the background jobs in the same process unless `RUN_JOBS=false` (then a `worker` runs them).
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const platform = await createPlatform(config, { logger });
  let app: FastifyInstance | undefined;
  try {
    if (config.demoData) {
      await runSeeders(platform, config, logger, 'foreground');
    }
    app = await buildApp({ config, platform, logger });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close().catch(() => {});
    await platform.close();
    throw error;
  }
  if (config.runJobs) {
    await scheduleJobs(platform);
    platform.jobs.start();
  }
  if (config.demoData) {
    runSeeders(platform, config, logger, 'background').then(
      () => logger.info('demo content loaded'),
      (error: unknown) => logger.error({ err: error }, 'demo content could not be loaded'),
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = app;
  let closing: Promise<void> | undefined;
  return {
    app: running,
    platform,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    close: () => {
      // Readiness answers 503 at once; after the drain delay (SHUTDOWN_DRAIN_MS) stop accepting, let
      // in-flight requests finish (app.close also closes WebSockets and idle keep-alive connections;
      // new requests on open connections get 503), then jobs and pools.
      closing ??= (async () => {
        running.lifecycle.draining = true;
        if (config.shutdownDrainMs > 0) {
          logger.info(
            { drainMs: config.shutdownDrainMs },
            'readiness 503; draining before closing the listener',
          );
          await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
        }
        await running.close();
        await platform.jobs.stop();
        await platform.close();
      })();
      return closing;
    },
  };
}

/**
 * Closes `target` on SIGTERM/SIGINT and exits 0, or 1 if it does not finish within `graceMs`
 * (for `serve`: the drain delay plus {@link SHUTDOWN_GRACE_MS}).
 */
export function closeOnSignals(
  target: { close(): Promise<void> },
  logger: Logger,
  graceMs = SHUTDOWN_GRACE_MS,
): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      return;
    }
    signalled = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    target.close().then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
