import {
  favoriteIdsSchema,
  favoriteListQuerySchema,
  favoritePageSchema,
  favoriteStateSchema,
  problemSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { addFavorite, listFavoriteIds, listFavorites, removeFavorite } from './favorites.service.ts';

const TAGS = ['favorites'];
const nanoParams = z.object({ nanoId: z.uuid() });

function userIdOf(request: FastifyRequest): string {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth.userId;
}

/** `/api/v1/favorites/{nanoId}` and the caller's favourites under `/api/v1/me/favorites`. */
export async function favoriteRoutes(app: FastifyInstance, { deps }: { deps: ModuleDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put(
    '/api/v1/favorites/:nanoId',
    {
      schema: {
        tags: TAGS,
        summary: 'Favourites a published Nano (idempotent)',
        params: nanoParams,
        response: { 200: favoriteStateSchema, 404: problemSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => addFavorite(deps, userIdOf(request), request.params.nanoId),
  );

  r.delete(
    '/api/v1/favorites/:nanoId',
    {
      schema: {
        tags: TAGS,
        summary: 'Removes a favourite (idempotent)',
        params: nanoParams,
        response: { 200: favoriteStateSchema, 404: problemSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => removeFavorite(deps, userIdOf(request), request.params.nanoId),
  );

  r.get(
    '/api/v1/me/favorites/ids',
    {
      schema: {
        tags: TAGS,
        summary: 'Ids of every Nano the caller favourited (for the heart buttons)',
        response: { 200: favoriteIdsSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { ids: await listFavoriteIds(deps, userIdOf(request)) };
    },
  );

  r.get(
    '/api/v1/me/favorites',
    {
      schema: {
        tags: TAGS,
        summary: "The caller's favourites that are published now, filtered and sorted",
        querystring: favoriteListQuerySchema,
        response: { 200: favoritePageSchema, 400: problemSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listFavorites(deps, userIdOf(request), request.query);
    },
  );
}
