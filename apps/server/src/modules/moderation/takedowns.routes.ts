import {
  ownTakedownListSchema,
  takedownConfirmRequestSchema,
  takedownConfirmResponseSchema,
  takedownDecisionRequestSchema,
  takedownNoticeAcceptedSchema,
  takedownNoticeRequestSchema,
  takedownPageSchema,
  takedownQuerySchema,
  takedownResponseRequestSchema,
  takedownSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import { decideTakedown } from './takedowns.outcomes.ts';
import {
  confirmNotice,
  listTakedowns,
  ownNotices,
  type RequestContext,
  respondToNotices,
  submitNotice,
} from './takedowns.service.ts';

const TAGS = ['moderation'];
const idParams = z.object({ id: z.uuid() });

function contextOf(request: FastifyRequest): RequestContext {
  return {
    userId: request.auth?.userId ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    locale: request.locale,
  };
}

function signedIn(request: FastifyRequest): RequestContext & { userId: string } {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return { ...contextOf(request), userId: request.auth.userId };
}

/**
 * Copyright takedown notices (notice and action, SPEC §4.6): the public form and its email
 * confirmation, the creator's notices and counter-notice, the moderators' list and decision.
 */
export async function takedownRoutes(
  app: FastifyInstance,
  { deps }: { deps: ModerationDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = { preValidation: app.requireRole('moderator', 'admin') };

  r.post(
    '/api/v1/takedown-notices',
    {
      schema: {
        tags: TAGS,
        summary:
          'Reports a copyright infringement by a Nano (no account needed; confirmed by email; rate limited per network)',
        body: takedownNoticeRequestSchema,
        response: { 202: takedownNoticeAcceptedSchema },
      },
    },
    async (request, reply) => {
      const result = await submitNotice(deps, contextOf(request), request.body);
      return reply.code(202).send(result);
    },
  );

  r.post(
    '/api/v1/takedown-notices/confirm',
    {
      schema: {
        tags: TAGS,
        summary:
          'Confirms a notice with the token from its email: the Nano is hidden and its creator has 48 h to respond (idempotent)',
        body: takedownConfirmRequestSchema,
        response: { 200: takedownConfirmResponseSchema },
      },
    },
    async (request) => confirmNotice(deps, contextOf(request), request.body.token),
  );

  r.get(
    '/api/v1/me/takedown-notices',
    {
      schema: {
        tags: TAGS,
        summary: "Notices against the caller's Nanos (the complainant's name, never their email address)",
        response: { 200: ownTakedownListSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ownNotices(deps, signedIn(request).userId);
    },
  );

  r.post(
    '/api/v1/nanos/:id/takedown-response',
    {
      schema: {
        tags: TAGS,
        summary: "The creator's counter-notice to the notices about their Nano that wait for an answer",
        params: idParams,
        body: takedownResponseRequestSchema,
        response: { 200: ownTakedownListSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => respondToNotices(deps, signedIn(request), request.params.id, request.body.text),
  );

  r.get(
    '/api/v1/moderation/takedowns',
    {
      schema: {
        tags: TAGS,
        summary: 'Takedown notices by status (open: the longest waiting first, with age and SLA colour)',
        querystring: takedownQuerySchema,
        response: { 200: takedownPageSchema },
      },
      ...staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listTakedowns(deps, request.query);
    },
  );

  r.post(
    '/api/v1/moderation/takedowns/:id/decide',
    {
      schema: {
        tags: TAGS,
        summary: 'Upholds (archives the Nano) or rejects (restores it) an open notice; both parties are told',
        params: idParams,
        body: takedownDecisionRequestSchema,
        response: { 200: takedownSchema },
      },
      ...staff,
    },
    async (request) => decideTakedown(deps, signedIn(request), request.params.id, request.body),
  );
}
