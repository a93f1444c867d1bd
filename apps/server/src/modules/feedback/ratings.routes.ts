import {
  helpfulStateSchema,
  pageQuerySchema,
  ratingListQuerySchema,
  ratingPageSchema,
  ratingReplyRequestSchema,
  ratingSchema,
  ratingSummarySchema,
  ratingWithNanoPageSchema,
  receivedRatingsQuerySchema,
  upsertRatingRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import {
  deleteRating,
  deleteReply,
  listMyRatings,
  listRatings,
  listReceivedRatings,
  ratingSummary,
  replyToRating,
  setHelpful,
  upsertRating,
} from './ratings.service.ts';

const idParams = z.object({ id: z.uuid() });

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth;
}

/** Signed-in answers carry the caller's own rating and marks: never stored by a cache. */
function cacheHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', request.auth ? 'private, no-store' : 'no-cache');
  reply.header('vary', 'Cookie');
}

/** Ratings, comments, creator replies and helpful marks (SPEC §4.4, docs/feedback.md). */
export async function ratingRoutes(app: FastifyInstance, { deps }: { deps: ModuleDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put(
    '/api/v1/nanos/:id/rating',
    {
      schema: {
        tags: ['feedback'],
        summary: "Create or replace the caller's rating of a published Nano (not their own)",
        params: idParams,
        body: upsertRatingRequestSchema,
        response: { 200: ratingSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => upsertRating(deps, authOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/v1/nanos/:id/rating',
    {
      schema: {
        tags: ['feedback'],
        summary: "Delete the caller's rating of a Nano",
        params: idParams,
        response: { 204: z.null() },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await deleteRating(deps, authOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/nanos/:id/ratings',
    {
      schema: {
        tags: ['feedback'],
        summary: "A page of a Nano's ratings with the creator's replies",
        params: idParams,
        querystring: ratingListQuerySchema,
        response: { 200: ratingPageSchema },
      },
    },
    async (request, reply) => {
      cacheHeaders(request, reply);
      return listRatings(deps, request.auth, request.params.id, request.query);
    },
  );

  r.get(
    '/api/v1/nanos/:id/rating-summary',
    {
      schema: {
        tags: ['feedback'],
        summary:
          "Average, count and distribution of a Nano's ratings, the caller's own and whether they may rate",
        params: idParams,
        response: { 200: ratingSummarySchema },
      },
    },
    async (request, reply) => {
      cacheHeaders(request, reply);
      return ratingSummary(deps, request.auth, request.params.id);
    },
  );

  r.post(
    '/api/v1/ratings/:id/reply',
    {
      schema: {
        tags: ['feedback'],
        summary: "The Nano creator's reply to a rating: creates it or edits it",
        params: idParams,
        body: ratingReplyRequestSchema,
        response: { 200: ratingSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => replyToRating(deps, authOf(request), request.params.id, request.body.text),
  );

  r.delete(
    '/api/v1/ratings/:id/reply',
    {
      schema: {
        tags: ['feedback'],
        summary: "Delete the creator's reply to a rating",
        params: idParams,
        response: { 204: z.null() },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await deleteReply(deps, authOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const [method, helpful] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    r.route({
      method,
      url: '/api/v1/ratings/:id/helpful',
      schema: {
        tags: ['feedback'],
        summary: helpful
          ? 'Mark a rating as helpful (idempotent; not the own)'
          : "Remove the caller's helpful mark (idempotent)",
        params: idParams,
        response: { 200: helpfulStateSchema },
      },
      preValidation: app.requireAuth,
      handler: async (request) => setHelpful(deps, authOf(request), request.params.id, helpful),
    });
  }

  r.get(
    '/api/v1/me/ratings',
    {
      schema: {
        tags: ['feedback'],
        summary: "The caller's ratings, last changed first",
        querystring: pageQuerySchema,
        response: { 200: ratingWithNanoPageSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyRatings(deps, authOf(request), request.query);
    },
  );

  r.get(
    '/api/v1/me/received-ratings',
    {
      schema: {
        tags: ['feedback'],
        summary: "Ratings on the caller's own Nanos, newest first",
        querystring: receivedRatingsQuerySchema,
        response: { 200: ratingWithNanoPageSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listReceivedRatings(deps, authOf(request), request.query);
    },
  );
}
