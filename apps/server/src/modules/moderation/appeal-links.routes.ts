import { appealLinkRequestSchema, appealSchema, moderationDecisionSchema } from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appealByLink, decisionByLink, type LinkContext } from './appeal-links.ts';
import type { ModerationDeps } from './moderation.deps.ts';

const TAGS = ['moderation'];
/** Shape only (`<uuid>.<exp>.<mac>` stays under 120 characters); the signature is checked in the service. */
const tokenParams = z.object({ token: z.string().min(1).max(200) });

function contextOf(request: FastifyRequest): LinkContext {
  return { ip: request.ip, userAgent: request.headers['user-agent'], locale: request.locale };
}

/**
 * Appeal by link (public, no session): the signed link in the statement of reasons of a
 * suspension lets the suspended user see the decision and appeal it (EU DSA Art. 20).
 */
export async function appealLinkRoutes(
  app: FastifyInstance,
  { deps }: { deps: ModerationDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/appeal-links/:token',
    {
      schema: {
        tags: TAGS,
        summary: 'The decision an appeal link is about (no account needed; rate limited per network)',
        params: tokenParams,
        response: { 200: moderationDecisionSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return decisionByLink(deps, contextOf(request), request.params.token);
    },
  );

  r.post(
    '/api/v1/appeal-links/:token',
    {
      schema: {
        tags: TAGS,
        summary:
          'Appeals the decision of an appeal link as its affected user (once, within the appeal period; no account needed)',
        params: tokenParams,
        body: appealLinkRequestSchema,
        response: { 201: appealSchema },
      },
    },
    async (request, reply) => {
      const appeal = await appealByLink(deps, contextOf(request), request.params.token, request.body);
      return reply.code(201).send(appeal);
    },
  );
}
