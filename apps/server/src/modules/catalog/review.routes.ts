import {
  moderationReviewDecisionSchema,
  nanoSchema,
  reviewClaimSchema,
  reviewDetailSchema,
  reviewQueueQuerySchema,
  reviewQueueSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { describeNano, loadVisibleNano } from './catalog.service.ts';
import { decide } from './review.service.ts';
import { claimReview, releaseReview } from './review-claims.ts';
import { reviewDetail } from './review-detail.ts';
import { reviewQueue } from './review-queue.ts';

const TAGS = ['moderation'];
const idParams = z.object({ id: z.uuid() });

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw new AppError('unauthorized');
  }
  return request.auth;
}

/**
 * The review workspace (SPEC §4.6): the queues, a Nano's review screen, claims and decisions.
 * Staff only; the role (and the staff 2FA) is checked before the input is validated, so an
 * outsider learns nothing from a validation answer.
 */
export async function reviewRoutes(app: FastifyInstance, { deps }: { deps: CatalogDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = app.requireRole('moderator', 'admin');

  r.get(
    '/api/v1/moderation/queue',
    {
      schema: {
        tags: TAGS,
        summary: 'Versions waiting for review (new, update, sampled) with age, SLA state and claim',
        querystring: reviewQueueQuerySchema,
        response: { 200: reviewQueueSchema },
      },
      preValidation: staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reviewQueue(deps, request.query);
    },
  );

  r.get(
    '/api/v1/moderation/nanos/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Everything a reviewer needs: version, files, metadata diff, creator history, claim',
        params: idParams,
        response: { 200: reviewDetailSchema },
      },
      preValidation: staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reviewDetail(deps, authOf(request), request.params.id);
    },
  );

  r.post(
    '/api/v1/moderation/nanos/:id/claim',
    {
      schema: {
        tags: TAGS,
        summary: 'Claim (or renew) the review of a Nano; 409 review_claimed while another moderator holds it',
        params: idParams,
        response: { 200: reviewClaimSchema },
      },
      preValidation: staff,
    },
    async (request) => claimReview(deps, authOf(request), request.params.id, request.locale),
  );

  r.delete(
    '/api/v1/moderation/nanos/:id/claim',
    {
      schema: {
        tags: TAGS,
        summary: 'Release the claim (own, or any as admin)',
        params: idParams,
        response: { 204: z.null() },
      },
      preValidation: staff,
    },
    async (request, reply) => {
      await releaseReview(deps, authOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/moderation/nanos/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary:
          'Approve (every checklist item ticked), request changes or reject (at least one reason); ' +
          'refused while another moderator holds the claim',
        params: idParams,
        body: moderationReviewDecisionSchema,
        response: { 200: nanoSchema },
      },
      preValidation: staff,
    },
    async (request) => {
      const auth = authOf(request);
      await decide(deps, auth, request.params.id, request.body, request.locale);
      return describeNano(deps, auth, await loadVisibleNano(deps, auth, request.params.id));
    },
  );
}
