import {
  createListRequestSchema,
  listDetailSchema,
  listExportFormatSchema,
  listOverviewQuerySchema,
  listOverviewSchema,
  listSchema,
  listShareSchema,
  problemSchema,
  reorderListItemsRequestSchema,
  sharedListSchema,
  updateListRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import { sendDownload } from '../../lib/download.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { exportList } from './list-export.service.ts';
import {
  addItem,
  createList,
  deleteList,
  getList,
  getSharedList,
  listLists,
  removeItem,
  reorderItems,
  shareList,
  unshareList,
  updateList,
} from './lists.service.ts';

const TAGS = ['lists'];
/**
 * Exports per client and minute: plenty for a person, while a PDF of a full list (500 items)
 * takes about a second of server time, so loops cannot tie the server up.
 */
export const EXPORT_RATE_LIMIT = { max: 20, timeWindow: 60_000 };
const idParams = z.object({ id: z.uuid() });
const itemParams = z.object({ id: z.uuid(), nanoId: z.uuid() });
const tokenParams = z.object({ token: z.string().min(1).max(128) });
const exportQuery = z.object({ format: listExportFormatSchema });

function userIdOf(request: FastifyRequest): string {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth.userId;
}

/** Curated lists: the owner's routes (`/me/lists`, `/lists/{id}…`) and the public shared view. */
export async function listRoutes(app: FastifyInstance, { deps }: { deps: ModuleDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const owner = { preValidation: app.requireAuth };

  r.get(
    '/api/v1/me/lists',
    {
      schema: {
        tags: TAGS,
        summary: "The caller's lists, last changed first (`containing`: whether each holds that Nano)",
        querystring: listOverviewQuerySchema,
        response: { 200: listOverviewSchema },
      },
      ...owner,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listLists(deps, userIdOf(request), request.query.containing) };
    },
  );

  r.post(
    '/api/v1/me/lists',
    {
      schema: {
        tags: TAGS,
        summary: 'Creates a list (at most 50 per user: 409 list_limit)',
        body: createListRequestSchema,
        response: { 201: listSchema, 409: problemSchema },
      },
      ...owner,
    },
    async (request, reply) => reply.code(201).send(await createList(deps, userIdOf(request), request.body)),
  );

  r.get(
    '/api/v1/lists/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'A list with all its items in order (owner only)',
        params: idParams,
        response: { 200: listDetailSchema, 404: problemSchema },
      },
      ...owner,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getList(deps, userIdOf(request), request.params.id);
    },
  );

  r.patch(
    '/api/v1/lists/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Renames a list or changes its description',
        params: idParams,
        body: updateListRequestSchema,
        response: { 200: listSchema, 404: problemSchema },
      },
      ...owner,
    },
    async (request) => updateList(deps, userIdOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/v1/lists/:id',
    {
      schema: { tags: TAGS, params: idParams, response: { 204: z.null(), 404: problemSchema } },
      ...owner,
    },
    async (request, reply) => {
      await deleteList(deps, userIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/v1/lists/:id/items/:nanoId',
    {
      schema: {
        tags: TAGS,
        summary: 'Appends a published Nano (idempotent; at most 500 items: 409 list_item_limit)',
        description:
          'Answers the list without its items (the new `itemCount`); `GET /lists/{id}` has the items.',
        params: itemParams,
        response: { 200: listSchema, 404: problemSchema, 409: problemSchema },
      },
      ...owner,
    },
    async (request) => addItem(deps, userIdOf(request), request.params.id, request.params.nanoId),
  );

  r.delete(
    '/api/v1/lists/:id/items/:nanoId',
    {
      schema: {
        tags: TAGS,
        summary: 'Removes a Nano from a list (idempotent)',
        params: itemParams,
        response: { 204: z.null(), 404: problemSchema },
      },
      ...owner,
    },
    async (request, reply) => {
      await removeItem(deps, userIdOf(request), request.params.id, request.params.nanoId);
      return reply.code(204).send(null);
    },
  );

  r.patch(
    '/api/v1/lists/:id/items',
    {
      schema: {
        tags: TAGS,
        summary: 'Reorders the items',
        description:
          '`nanoIds` must be exactly the list’s items, each once; otherwise the list changed meanwhile (409 conflict) and nothing changes.',
        params: idParams,
        body: reorderListItemsRequestSchema,
        response: { 200: listDetailSchema, 404: problemSchema, 409: problemSchema },
      },
      ...owner,
    },
    async (request) =>
      reorderItems(deps, userIdOf(request), request.params.id, request.body.nanoIds, request.locale),
  );

  r.post(
    '/api/v1/lists/:id/share',
    {
      schema: {
        tags: TAGS,
        summary: 'Creates or rotates the read-only share link (an earlier link stops working)',
        params: idParams,
        response: { 200: listShareSchema, 404: problemSchema },
      },
      ...owner,
    },
    async (request) => shareList(deps, userIdOf(request), request.params.id),
  );

  r.delete(
    '/api/v1/lists/:id/share',
    {
      schema: {
        tags: TAGS,
        summary: 'Stops sharing: the link is not found from now on',
        params: idParams,
        response: { 204: z.null(), 404: problemSchema },
      },
      ...owner,
    },
    async (request, reply) => {
      await unshareList(deps, userIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/lists/:id/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Downloads the list as CSV, JSON or PDF (owner only; wording by Accept-Language)',
        params: idParams,
        querystring: exportQuery,
      },
      config: { rateLimit: EXPORT_RATE_LIMIT },
      ...owner,
    },
    async (request, reply) => {
      const file = await exportList(
        deps,
        userIdOf(request),
        request.params.id,
        request.query.format,
        request.locale,
      );
      return sendDownload(reply, file);
    },
  );

  r.get(
    '/api/v1/shared/lists/:token',
    {
      schema: {
        tags: TAGS,
        summary: 'A shared list, read-only and public: only the Nanos published now',
        params: tokenParams,
        response: { 200: sharedListSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      // Revoking must take effect at once, and the link is not meant for search engines.
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return getSharedList(deps, request.params.token);
    },
  );
}
