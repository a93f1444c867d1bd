import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { parseRange } from '../../lib/http-range.ts';
import { recordNanoEvent } from '../analytics/nano-events.ts';
import { actorFor, type CatalogDeps } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import { loadVisibleNano, resolveVersion } from './catalog.service.ts';
import type { NanoRow, NanoVersionRow } from './catalog.tables.ts';

/**
 * Package content runs in an opaque origin: scripts and forms work inside the iframe, but the
 * page can neither read the platform's cookies nor act as the platform.
 */
export const PACKAGE_CSP =
  "sandbox allow-scripts allow-forms; default-src 'self' data: blob:; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'none'; frame-ancestors 'self'";
/** Every other file: no scripts at all, framable only by our own pages (the viewer). */
export const FILE_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

const TAGS = ['nanos'];

/**
 * The stored MIME type, with UTF-8 named for text that does not name its charset yet (the
 * allow-list already stores `text/…; charset=utf-8`; a second parameter would be malformed).
 */
function withCharset(mimeType: string): string {
  const textual = mimeType.startsWith('text/') || mimeType.includes('javascript');
  return textual && !/;\s*charset=/i.test(mimeType) ? `${mimeType}; charset=utf-8` : mimeType;
}

async function sendFile(
  deps: CatalogDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  version: NanoVersionRow,
  path: string,
) {
  const file = await repo.findVersionFile(deps.db, version.id, path);
  if (!file) {
    throw new AppError('not_found');
  }
  const size = Number(file.size_bytes);
  const range = parseRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${size}`);
    throw new AppError('range_not_satisfiable');
  }
  const object = await deps.storage.get(`${version.content_prefix}/${file.path}`, range);
  const isHtml = file.mime_type.startsWith('text/html');
  reply
    .header('content-type', withCharset(file.mime_type))
    .header('x-content-type-options', 'nosniff')
    .header('accept-ranges', 'bytes')
    .header('cache-control', 'private, max-age=3600')
    .header(
      'content-security-policy',
      isHtml || file.kind === 'css' || file.kind === 'js' ? PACKAGE_CSP : FILE_CSP,
    )
    // The package runs in a sandboxed frame with an opaque origin: its images, styles and scripts
    // are cross-origin requests to us. Browsers send no session cookie with them, so only what
    // the public may see anyway can load this way.
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('x-frame-options', 'SAMEORIGIN');
  if (range) {
    reply.code(206).header('content-range', `bytes ${object.range.start}-${object.range.end}/${size}`);
  }
  reply.header('content-length', String(object.range.end - object.range.start + 1));
  return reply.send(object.body);
}

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'nano'
  );
}

async function download(
  deps: CatalogDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  nano: NanoRow,
  version: NanoVersionRow,
) {
  const privileged = actorFor(request.auth, nano) !== null;
  if (!privileged && !nano.download_allowed) {
    throw new AppError('forbidden', { detail: 'download_not_allowed' });
  }
  const object = await deps.storage.get(version.object_key);
  if (!privileged) {
    await deps.db.transaction().execute(async (trx) => {
      await repo.incrementDownloads(trx, nano.id);
      await recordNanoEvent(trx, { nanoId: nano.id, kind: 'download', at: deps.clock.now() });
    });
  }
  return reply
    .header('content-type', 'application/zip')
    .header(
      'content-disposition',
      `attachment; filename="${slug(nano.title)}-${version.semver ?? 'entwurf'}.zip"`,
    )
    .header('content-length', String(object.totalSize))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(object.body);
}

/** Files of a version (viewer), the original ZIP (download) and the thumbnail. */
export async function contentRoutes(app: FastifyInstance, { deps }: { deps: CatalogDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const fileParams = z.object({ id: z.uuid(), '*': z.string().min(1).max(1024) });

  r.get(
    '/api/v1/nanos/:id/content/*',
    {
      schema: {
        tags: TAGS,
        summary: 'One file of the current version (Range supported)',
        params: fileParams,
      },
    },
    async (request, reply) => {
      const nano = await loadVisibleNano(deps, request.auth, request.params.id);
      const version = await resolveVersion(deps, request.auth, nano, undefined);
      return sendFile(deps, request, reply, version, request.params['*']);
    },
  );

  r.get(
    '/api/v1/nanos/:id/versions/:versionId/content/*',
    {
      schema: {
        tags: TAGS,
        summary: 'One file of a given version (owner and staff for non-current versions)',
        params: fileParams.extend({ versionId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const nano = await loadVisibleNano(deps, request.auth, request.params.id);
      const version = await resolveVersion(deps, request.auth, nano, request.params.versionId);
      return sendFile(deps, request, reply, version, request.params['*']);
    },
  );

  r.get(
    '/api/v1/nanos/:id/download',
    {
      schema: {
        tags: TAGS,
        summary:
          'The original ZIP (when the licence allows; owner and staff always, any version with ?version=)',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ version: z.uuid().optional() }),
      },
    },
    async (request, reply) => {
      const nano = await loadVisibleNano(deps, request.auth, request.params.id);
      const version = await resolveVersion(deps, request.auth, nano, request.query.version);
      return download(deps, request, reply, nano, version);
    },
  );

  r.get(
    '/api/v1/nanos/:id/thumbnail',
    { schema: { tags: TAGS, params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const nano = await loadVisibleNano(deps, request.auth, request.params.id);
      if (!nano.thumbnail_key) {
        throw new AppError('not_found');
      }
      const object = await deps.storage.get(nano.thumbnail_key);
      return reply
        .header('content-type', 'image/webp')
        .header(
          'cache-control',
          nano.status === 'published' ? 'public, max-age=31536000, immutable' : 'private, max-age=3600',
        )
        .send(object.body);
    },
  );
}
