import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppConfig } from './config.ts';
import { registerJobs, scheduleJobs } from './jobs.ts';
import { userChannel } from './modules/realtime/realtime.constants.ts';
import { createPlatform, type Platform } from './platform/index.ts';
import { healthRoutes, type Lifecycle } from './plugins/health.ts';
import { metricsPlugin } from './plugins/metrics.ts';

export interface RunningWorker {
  platform: Platform;
  /** The operations endpoint (`/health/live`, `/health/ready`, `/metrics`), unless WORKER_PORT=0. */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * The `worker` process: runs the background jobs, and answers health probes and Prometheus scrapes
 * on WORKER_PORT, so Kubernetes and compose see a hung worker (no answer) or one that lost its
 * database (`/health/ready` 503), and its memory and the job queue are scraped like the app's.
 */
export async function startWorker(config: AppConfig, logger: Logger): Promise<RunningWorker> {
  const platform = await createPlatform(config, { logger });
  let ops: FastifyInstance | undefined;
  try {
    if (config.workerPort > 0) {
      ops = await buildOpsServer(platform, logger);
      await ops.listen({ host: config.host, port: config.workerPort });
    }
  } catch (error) {
    await ops?.close().catch(() => {});
    await platform.close();
    throw error;
  }
  // Jobs that change chats tell open clients through the bus, which every serving instance hears.
  registerJobs(platform, config, {
    publishToUser: (userId, event) => platform.bus.publish(userChannel(userId), event),
  });
  await scheduleJobs(platform);
  platform.jobs.start();

  const address = ops?.server.address();
  const url =
    address && typeof address === 'object'
      ? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`
      : undefined;
  let closing: Promise<void> | undefined;
  return {
    platform,
    url,
    close: () => {
      // Readiness 503 first; running jobs finish; the probe endpoint goes last.
      closing ??= (async () => {
        if (ops) {
          ops.lifecycle.draining = true;
        }
        await platform.jobs.stop();
        await ops?.close();
        await platform.close();
      })();
      return closing;
    },
  };
}

/** A Fastify instance with only the health routes and the metrics (no API, no web app). */
async function buildOpsServer(platform: Platform, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, forceCloseConnections: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const lifecycle: Lifecycle = { draining: false };
  app.decorate('lifecycle', lifecycle);
  await app.register(metricsPlugin, { platform });
  await app.register(healthRoutes, { platform });
  return app;
}
