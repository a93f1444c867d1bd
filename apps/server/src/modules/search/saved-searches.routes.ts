import {
  createSavedSearchRequestSchema,
  savedSearchListSchema,
  savedSearchSchema,
  unsubscribeRequestSchema,
  unsubscribeResponseSchema,
  updateSavedSearchRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  unsubscribeAlerts,
  updateSavedSearch,
} from './saved-searches.service.ts';
import type { SearchDeps } from './search.deps.ts';

/** Unsubscribe attempts per client and minute: enough for a person, too few to guess tokens. */
const UNSUBSCRIBE_RATE_LIMIT = { max: 10, timeWindow: 60_000 };

const idParams = z.object({ id: z.uuid() });

function userIdOf(request: FastifyRequest): string {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth.userId;
}

/** `/api/v1/me/saved-searches` and `/api/v1/saved-searches/unsubscribe`. */
export async function savedSearchRoutes(app: FastifyInstance, { deps }: { deps: SearchDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/saved-searches',
    {
      schema: { tags: ['search'], response: { 200: savedSearchListSchema } },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listSavedSearches(deps, userIdOf(request)) };
    },
  );

  r.post(
    '/api/v1/me/saved-searches',
    {
      schema: {
        tags: ['search'],
        body: createSavedSearchRequestSchema,
        response: { 201: savedSearchSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      const saved = await createSavedSearch(deps, userIdOf(request), request.body);
      return reply.code(201).send(saved);
    },
  );

  r.patch(
    '/api/v1/me/saved-searches/:id',
    {
      schema: {
        tags: ['search'],
        params: idParams,
        body: updateSavedSearchRequestSchema,
        response: { 200: savedSearchSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => updateSavedSearch(deps, userIdOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/v1/me/saved-searches/:id',
    {
      schema: { tags: ['search'], params: idParams, response: { 204: z.null() } },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await deleteSavedSearch(deps, userIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/saved-searches/unsubscribe',
    {
      schema: {
        tags: ['search'],
        body: unsubscribeRequestSchema,
        response: { 200: unsubscribeResponseSchema },
      },
      config: { rateLimit: UNSUBSCRIBE_RATE_LIMIT },
    },
    async (request) => ({ unsubscribed: await unsubscribeAlerts(deps, request.body.token) }),
  );
}
