import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { errors } from '../errors.ts';

/** The length of the global API rate-limit window. */
export const API_RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Rate limits: every `/api/` request counts against a per-client budget per minute (generous:
 * it stops floods, not users); routes tighten it with `config.rateLimit` (login, uploads, chat).
 * Counters live in Redis when configured, so every instance shares them; otherwise in memory.
 * Answers 429 problem JSON with `Retry-After` and the `X-RateLimit-*` headers.
 */
export const rateLimitPlugin = fp<{ maxPerMinute: number; redis: Redis | undefined; keyPrefix: string }>(
  async (app: FastifyInstance, { maxPerMinute, redis, keyPrefix }) => {
    await app.register(rateLimit, {
      global: true,
      max: maxPerMinute,
      timeWindow: API_RATE_LIMIT_WINDOW_MS,
      // The matched route, not the raw URL: `/%61pi/…` reaches the same handler and must count too.
      allowList: (request) => {
        const path = request.routeOptions.url ?? request.url;
        return !path.startsWith('/api/') || path.startsWith('/api/docs');
      },
      ...(redis ? { redis, nameSpace: `${keyPrefix}rate-limit:` } : {}),
      errorResponseBuilder: (_request, context) =>
        errors.rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
    });
  },
  { name: 'rate-limit', dependencies: ['error-handler'] },
);
