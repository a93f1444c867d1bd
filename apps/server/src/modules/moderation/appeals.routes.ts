import {
  appealDecisionRequestSchema,
  appealPageSchema,
  appealQuerySchema,
  appealSchema,
  createAppealRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAppeal, decideAppeal, listAppeals } from './appeals.service.ts';
import { actorOf } from './moderation.context.ts';
import type { ModerationDeps } from './moderation.deps.ts';

const TAGS = ['moderation'];
const idParams = z.object({ id: z.uuid() });

/** Appeals: the affected user appeals once; a different moderator decides. */
export async function appealRoutes(app: FastifyInstance, { deps }: { deps: ModerationDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = { preValidation: app.requireRole('moderator', 'admin') };

  r.post(
    '/api/v1/appeals',
    {
      schema: {
        tags: TAGS,
        summary: 'Appeals a moderation decision affecting the caller (once, within the appeal period)',
        body: createAppealRequestSchema,
        response: { 201: appealSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      const appeal = await createAppeal(deps, actorOf(request).auth.userId, request.body);
      return reply.code(201).send(appeal);
    },
  );

  r.get(
    '/api/v1/moderation/appeals',
    {
      schema: {
        tags: TAGS,
        summary: 'Appeals: open ones the longest waiting first, decided ones the latest first',
        querystring: appealQuerySchema,
        response: { 200: appealPageSchema },
      },
      ...staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listAppeals(deps, request.query);
    },
  );

  r.post(
    '/api/v1/moderation/appeals/:id/decide',
    {
      schema: {
        tags: TAGS,
        summary:
          'Decides an appeal (not by the moderator of the original decision): reverse undoes it, uphold keeps it',
        params: idParams,
        body: appealDecisionRequestSchema,
        response: { 200: appealSchema },
      },
      ...staff,
    },
    async (request) => decideAppeal(deps, actorOf(request), request.params.id, request.body),
  );
}
