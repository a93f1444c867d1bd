import { moderationDecisionPageSchema, moderationDecisionSchema, pageQuerySchema } from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { decisionFor, myDecisions } from './decisions.service.ts';
import type { ModerationDeps } from './moderation.deps.ts';

const TAGS = ['moderation'];
const idParams = z.object({ id: z.uuid() });

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth;
}

/** Statements of reasons: the caller's own decisions, one decision for the affected user or staff. */
export async function decisionRoutes(
  app: FastifyInstance,
  { deps }: { deps: ModerationDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/moderation-decisions',
    {
      schema: {
        tags: TAGS,
        summary: 'Moderation decisions affecting the caller (statements of reasons), newest first',
        querystring: pageQuerySchema,
        response: { 200: moderationDecisionPageSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return myDecisions(deps.db, authOf(request).userId, request.query);
    },
  );

  r.get(
    '/api/v1/moderation-decisions/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One decision with its statement of reasons (the affected user or staff)',
        params: idParams,
        response: { 200: moderationDecisionSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const auth = authOf(request);
      const staff = auth.role === 'moderator' || auth.role === 'admin';
      return decisionFor(deps.db, { userId: auth.userId, staff }, request.params.id);
    },
  );
}
