import { creatorAnalyticsQuerySchema, creatorAnalyticsSchema } from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors } from '../../errors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { creatorAnalytics } from './analytics.service.ts';

function userIdOf(request: FastifyRequest): string {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth.userId;
}

/** `/api/v1/me/analytics`: the creator dashboard. */
export async function analyticsRoutes(app: FastifyInstance, { deps }: { deps: ModuleDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary: "Views, unique viewers, downloads, favourites and ratings of the caller's own Nanos by day",
        querystring: creatorAnalyticsQuerySchema,
        response: { 200: creatorAnalyticsSchema },
      },
      preValidation: app.requireRole('creator', 'moderator', 'admin'),
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return creatorAnalytics(deps, userIdOf(request), request.query);
    },
  );
}
