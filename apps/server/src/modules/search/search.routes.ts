import {
  discoverSchema,
  problemSchema,
  searchClickRequestSchema,
  searchQuerySchema,
  searchResultSchema,
  suggestQuerySchema,
  suggestResultSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SearchDeps } from './search.deps.ts';
import { discover, recordClick, search, suggest } from './search.service.ts';

/** Guests may keep an answer briefly (ETag revalidation after); signed-in answers stay private. */
function cacheHeaders(request: FastifyRequest, reply: FastifyReply, maxAgeSeconds: number): void {
  reply.header(
    'cache-control',
    request.auth
      ? 'private, no-cache'
      : `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}`,
  );
  reply.header('vary', 'Cookie, Accept-Language');
}

/** Public search, autocomplete, click log and the home page blocks. */
export async function searchRoutes(app: FastifyInstance, { deps }: { deps: SearchDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Full-text search with filters and facets',
        description:
          'German and English stemming, accent folding, `"phrase"`, `-term`, `OR`. Multi-value filters repeat the parameter (`level=1&level=2`); a top-level category includes its children. Fewer than 5 hits add a typo correction in `didYouMean`.',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      cacheHeaders(request, reply, 30);
      return search(deps, request.query);
    },
  );

  r.get(
    '/api/v1/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Autocomplete: up to 8 categories, tags and titles for a typed prefix',
        querystring: suggestQuerySchema,
        response: { 200: suggestResultSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      cacheHeaders(request, reply, 60);
      return { items: await suggest(deps, request.query.q, request.locale) };
    },
  );

  r.post(
    '/api/v1/search/clicks',
    {
      schema: {
        tags: ['search'],
        summary: 'Records that a search result was opened (anonymous, for click-through figures)',
        body: searchClickRequestSchema,
        response: { 204: z.null(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      await recordClick(deps, request.body);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/discover',
    {
      schema: {
        tags: ['search'],
        summary: 'Home page blocks: for you, featured, newest, trending, top rated',
        response: { 200: discoverSchema },
      },
    },
    async (request, reply) => {
      cacheHeaders(request, reply, 60);
      return discover(deps, request.auth);
    },
  );
}
