import { type Health, healthSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../platform/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shutdown state: `draining` is set as soon as shutdown begins (see server.ts). */
    lifecycle: Lifecycle;
  }
}

export interface Lifecycle {
  /** True from the shutdown signal on: readiness answers 503 so load balancers stop sending traffic. */
  draining: boolean;
}

/** How long one readiness check may take before it counts as failed. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * `/health/live` answers while the process runs; `/health/ready` checks each dependency
 * (database, object storage, and Redis when configured) and answers 503 naming the failing part.
 * Once shutdown has begun it answers 503 with `checks.server.error = 'shutting_down'` without checking.
 */
export async function healthRoutes(
  app: FastifyInstance,
  { platform }: { platform: Platform },
): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/health/live',
    { schema: { tags: ['operations'], response: { 200: healthSchema } }, logLevel: 'warn' },
    async () => ({ status: 'ok' as const }),
  );

  typed.get(
    '/health/ready',
    {
      schema: { tags: ['operations'], response: { 200: healthSchema, 503: healthSchema } },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      if (app.lifecycle.draining) {
        reply.code(503);
        return {
          status: 'fail' as const,
          checks: { server: { status: 'fail' as const, error: 'shutting_down' } },
        };
      }
      const checks: Record<string, () => Promise<void>> = {
        database: () => platform.database.check(),
        storage: () => platform.storage.check(),
      };
      if (platform.redis) {
        checks.redis = () => platform.cache.check();
      }
      const results: NonNullable<Health['checks']> = {};
      await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          try {
            await withTimeout(check(), READINESS_CHECK_TIMEOUT_MS);
            results[name] = { status: 'ok' };
          } catch (error) {
            results[name] = { status: 'fail', error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      const ok = Object.values(results).every((r) => r.status === 'ok');
      reply.code(ok ? 200 : 503);
      return { status: ok ? ('ok' as const) : ('fail' as const), checks: results };
    },
  );
}
