import {
  featuredListSchema,
  problemSchema,
  searchAnalyticsQuerySchema,
  searchAnalyticsSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { SearchDeps } from './search.deps.ts';
import { addFeatured, listFeatured, removeFeatured, searchAnalytics } from './search-admin.service.ts';

/** Admin: the featured block of the home page and the search analytics. */
export async function searchAdminRoutes(app: FastifyInstance, { deps }: { deps: SearchDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admins = app.requireRole('admin');
  const nanoParams = z.object({ nanoId: z.uuid() });

  r.get(
    '/api/v1/admin/featured',
    {
      schema: {
        tags: ['search'],
        summary: 'Nanos featured on the home page',
        response: { 200: featuredListSchema },
      },
      preValidation: admins,
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listFeatured(deps) };
    },
  );

  r.put(
    '/api/v1/admin/featured/:nanoId',
    {
      schema: {
        tags: ['search'],
        summary: 'Features a published Nano on the home page',
        params: nanoParams,
        response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
      },
      preValidation: admins,
    },
    async (request, reply) => {
      if (!request.auth) {
        throw new AppError('unauthorized');
      }
      await addFeatured(deps, request.auth, request.params.nanoId);
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/api/v1/admin/featured/:nanoId',
    {
      schema: {
        tags: ['search'],
        summary: 'Removes a Nano from the featured block',
        params: nanoParams,
        response: { 204: z.null() },
      },
      preValidation: admins,
    },
    async (request, reply) => {
      if (!request.auth) {
        throw new AppError('unauthorized');
      }
      await removeFeatured(deps, request.auth, request.params.nanoId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/admin/search-analytics',
    {
      schema: {
        tags: ['search'],
        summary: 'Top queries, zero-result queries and click-through (anonymous query log)',
        querystring: searchAnalyticsQuerySchema,
        response: { 200: searchAnalyticsSchema, 400: problemSchema },
      },
      preValidation: admins,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return searchAnalytics(deps, request.query);
    },
  );
}
