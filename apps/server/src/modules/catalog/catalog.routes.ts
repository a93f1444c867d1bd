import { randomBytes } from 'node:crypto';
import {
  createNanoRequestSchema,
  nanoFileListSchema,
  nanoSchema,
  nanoSummaryPageSchema,
  nanoVersionListSchema,
  pageQuerySchema,
  updateNanoRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { recordNanoEvent } from '../analytics/nano-events.ts';
import { hashViewer } from '../analytics/viewer-hash.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { actorFor, type CatalogDeps } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import {
  changeStatus,
  createNano,
  describeNano,
  listNanoFiles,
  listNanoVersions,
  listOwnNanos,
  loadVisibleNano,
  updateNano,
} from './catalog.service.ts';
import { reviewRoutes } from './review.routes.ts';

/** The anonymous visitor cookie: a random id that lets a guest's views count once a day. */
export const VISITOR_COOKIE = 'nm_vid';
const VISITOR_COOKIE_MAX_AGE_S = 24 * 60 * 60;
const TAGS = ['nanos'];
const idParams = z.object({ id: z.uuid() });

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw new AppError('unauthorized');
  }
  return request.auth;
}

/** `If-Match: "7"` (or the body's `rowVersion`) guards an edit against lost updates. */
function rowVersionOf(request: FastifyRequest, bodyVersion: number | undefined): number | undefined {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : bodyVersion;
}

function viewerKey(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (request.auth) {
    return `u:${request.auth.userId}`;
  }
  let visitor = request.cookies[VISITOR_COOKIE];
  if (!visitor || !/^[A-Za-z0-9_-]{16,64}$/.test(visitor)) {
    visitor = randomBytes(16).toString('base64url');
    reply.setCookie(VISITOR_COOKIE, visitor, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: VISITOR_COOKIE_MAX_AGE_S,
    });
  }
  return `v:${visitor}`;
}

/** Metadata, status workflow and listings of Nanos (SPEC §4.2), and the review workspace. */
export async function catalogRoutes(
  app: FastifyInstance,
  { deps, secureCookies }: { deps: CatalogDeps; secureCookies: boolean },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const creators = app.requireRole('creator', 'moderator', 'admin');

  r.post(
    '/api/v1/nanos',
    {
      schema: {
        tags: TAGS,
        summary: 'Start a draft Nano',
        body: createNanoRequestSchema,
        response: { 201: nanoSchema },
      },
      preValidation: creators,
    },
    async (request, reply) => {
      reply.code(201);
      return createNano(deps, authOf(request), request.body);
    },
  );

  r.get(
    '/api/v1/nanos/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'A Nano (published for everyone; any status for owner and staff)',
        params: idParams,
        response: { 200: nanoSchema },
      },
    },
    async (request, reply) => {
      const nano = await loadVisibleNano(deps, request.auth, request.params.id);
      let counted = false;
      if (nano.status === 'published' && actorFor(request.auth, nano) === null) {
        // Only the viewer's hash of the day is stored (docs/analytics.md), never the key itself.
        const at = deps.clock.now();
        const viewer = await hashViewer(deps.db, viewerKey(request, reply, secureCookies), at);
        counted = await deps.db.transaction().execute(async (trx) => {
          await recordNanoEvent(trx, { nanoId: nano.id, kind: 'view', viewerHash: viewer.hash, at });
          return repo.recordView(trx, nano.id, viewer.hash, viewer.day);
        });
      }
      reply.header('cache-control', 'private, no-cache');
      // The counter was incremented in the database; show it without reading the row again.
      return describeNano(deps, request.auth, counted ? { ...nano, view_count: nano.view_count + 1 } : nano);
    },
  );

  r.patch(
    '/api/v1/nanos/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Change metadata (owner); If-Match or rowVersion prevents lost updates',
        params: idParams,
        body: updateNanoRequestSchema,
        response: { 200: nanoSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => {
      const { rowVersion, ...metadata } = request.body;
      return updateNano(
        deps,
        authOf(request),
        request.params.id,
        metadata,
        rowVersionOf(request, rowVersion),
      );
    },
  );

  r.delete(
    '/api/v1/nanos/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Soft-delete (owner or admin)',
        params: idParams,
        response: { 204: z.null() },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await changeStatus(deps, authOf(request), request.params.id, 'delete');
      return reply.code(204).send(null);
    },
  );

  for (const action of ['submit', 'archive', 'restore'] as const) {
    r.post(
      `/api/v1/nanos/:id/${action}`,
      {
        schema: { tags: TAGS, params: idParams, response: { 200: nanoSchema } },
        preValidation: app.requireAuth,
      },
      async (request) => changeStatus(deps, authOf(request), request.params.id, action, request.locale),
    );
  }

  r.get(
    '/api/v1/nanos/:id/versions',
    { schema: { tags: TAGS, params: idParams, response: { 200: nanoVersionListSchema } } },
    async (request) => listNanoVersions(deps, request.auth, request.params.id),
  );

  r.get(
    '/api/v1/nanos/:id/files',
    {
      schema: {
        tags: TAGS,
        summary: 'File listing of the current version (or ?version= for owner and staff)',
        params: idParams,
        querystring: z.object({ version: z.uuid().optional() }),
        response: { 200: nanoFileListSchema },
      },
    },
    async (request) => listNanoFiles(deps, request.auth, request.params.id, request.query.version),
  );

  r.get(
    '/api/v1/me/nanos',
    {
      schema: {
        tags: TAGS,
        summary: "The creator's own Nanos in every status",
        querystring: pageQuerySchema,
        response: { 200: nanoSummaryPageSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listOwnNanos(deps, authOf(request), request.query.page, request.query.pageSize);
    },
  );

  // The review workspace lives beside: queues, review screen, claims and decisions.
  await reviewRoutes(app, { deps });
}
