import type { MultipartFile } from '@fastify/multipart';
import { nanoSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { fileUploadPart, readUploadedFile } from '../../plugins/multipart-file.ts';
import { ZIP_MAX_BYTES } from '../uploads/upload.constants.ts';
import { actorFor, type CatalogDeps } from './catalog.deps.ts';
import { describeNano, loadVisibleNano } from './catalog.service.ts';
import { storeThumbnail, toThumbnail } from './thumbnails.ts';
import { uploadVersion } from './versions.service.ts';

/** Largest thumbnail upload. */
export const THUMBNAIL_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

function fieldValue(part: MultipartFile, name: string): string | undefined {
  const field = part.fields[name];
  const single = Array.isArray(field) ? field[0] : field;
  return single && 'value' in single && typeof single.value === 'string' ? single.value : undefined;
}

/** Uploading files: a Nano's ZIP (new version) and its thumbnail. */
export async function versionRoutes(app: FastifyInstance, { deps }: { deps: CatalogDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/nanos/:id/versions',
    {
      schema: {
        tags: ['nanos'],
        summary:
          'Upload the ZIP (multipart: optional fields `changelog` and `bump` = minor|major BEFORE the `file` part). ' +
          'A refused ZIP answers 422 with `problems` listing every offending entry.',
        params: z.object({ id: z.uuid() }),
        response: { 201: nanoSchema },
      },
      preValidation: app.requireRole('creator', 'moderator', 'admin'),
      config: { rateLimit: { max: 30, timeWindow: 60 * 60_000 } },
    },
    async (request, reply) => {
      const part = await fileUploadPart(request, ZIP_MAX_BYTES);
      const bump = fieldValue(part, 'bump') === 'major' ? 'major' : 'minor';
      const auth = request.auth;
      if (!auth) {
        throw new AppError('unauthorized');
      }
      const nano = await uploadVersion(
        deps,
        auth,
        request.params.id,
        {
          stream: part.file,
          truncated: () => part.file.truncated,
          changelog: fieldValue(part, 'changelog'),
          bump,
        },
        request.locale,
      );
      reply.code(201);
      return nano;
    },
  );

  r.put(
    '/api/v1/nanos/:id/thumbnail',
    {
      schema: {
        tags: ['nanos'],
        summary: 'Upload a thumbnail (JPEG, PNG or WebP ≤ 5 MB; stored as 640×360 WebP)',
        params: z.object({ id: z.uuid() }),
        response: { 200: nanoSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => {
      const auth = request.auth;
      if (!auth) {
        throw new AppError('unauthorized');
      }
      const nano = await loadVisibleNano(deps, auth, request.params.id);
      if (actorFor(auth, nano) !== 'owner' || nano.status === 'deleted') {
        throw new AppError('forbidden');
      }
      const buffer = await readUploadedFile(request, THUMBNAIL_UPLOAD_MAX_BYTES);
      let image: Buffer;
      try {
        image = await toThumbnail(buffer);
      } catch {
        throw new AppError('unsupported_media_type', { detail: 'thumbnail' });
      }
      await storeThumbnail(deps, nano.id, image, true);
      return describeNano(deps, auth, await loadVisibleNano(deps, auth, nano.id));
    },
  );
}
