import {
  createFlagRequestSchema,
  flagDetailSchema,
  flagQueuePageSchema,
  flagQueueQuerySchema,
  flagSchema,
  resolveFlagRequestSchema,
  resolveFlagResponseSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flagDetail, listFlagQueue } from './flags-queue.service.ts';
import { reportFlag } from './flags-report.service.ts';
import { resolveFlag } from './flags-resolve.service.ts';
import { actorOf } from './moderation.context.ts';
import type { ModerationDeps } from './moderation.deps.ts';

const TAGS = ['moderation'];
const idParams = z.object({ id: z.uuid() });

/** Reports by users (`POST /flags`) and the moderators' flag queue, detail and decisions. */
export async function flagRoutes(app: FastifyInstance, { deps }: { deps: ModerationDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = { preValidation: app.requireRole('moderator', 'admin') };

  r.post(
    '/api/v1/flags',
    {
      schema: {
        tags: TAGS,
        summary:
          'Reports a Nano, a rating, a chat message or a user to the moderators (one open report per target; rate limited)',
        body: createFlagRequestSchema,
        response: { 201: flagSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      const flag = await reportFlag(deps, actorOf(request).auth.userId, request.body);
      return reply.code(201).send(flag);
    },
  );

  r.get(
    '/api/v1/moderation/flags',
    {
      schema: {
        tags: TAGS,
        summary:
          'Flagged targets with their flags: open ones the longest waiting first (with SLA state), resolved ones the latest first',
        querystring: flagQueueQuerySchema,
        response: { 200: flagQueuePageSchema },
      },
      ...staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listFlagQueue(deps, request.query);
    },
  );

  r.get(
    '/api/v1/moderation/flags/:id',
    {
      schema: {
        tags: TAGS,
        summary:
          'A flagged target in context with its flags and the owner’s earlier decisions (each view is audited)',
        params: idParams,
        response: { 200: flagDetailSchema },
      },
      ...staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return flagDetail(deps, actorOf(request), request.params.id);
    },
  );

  r.post(
    '/api/v1/moderation/flags/:id/resolve',
    {
      schema: {
        tags: TAGS,
        summary:
          'Decides on a flagged target: the action is carried out, every open flag of it resolved, the statement of reasons recorded',
        params: idParams,
        body: resolveFlagRequestSchema,
        response: { 200: resolveFlagResponseSchema },
      },
      ...staff,
    },
    async (request) => resolveFlag(deps, actorOf(request), request.params.id, request.body),
  );
}
