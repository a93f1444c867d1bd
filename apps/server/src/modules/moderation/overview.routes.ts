import { moderationOverviewSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModerationDeps } from './moderation.deps.ts';
import { moderationOverview } from './overview.service.ts';

/** The moderation workspace's tabs: the size, oldest age and SLA colour of every queue. */
export async function overviewRoutes(
  app: FastifyInstance,
  { deps }: { deps: ModerationDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/moderation/overview',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Size, oldest age and SLA state of every moderation queue',
        response: { 200: moderationOverviewSchema },
      },
      preValidation: app.requireRole('moderator', 'admin'),
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return moderationOverview(deps.db, deps.clock.now());
    },
  );
}
