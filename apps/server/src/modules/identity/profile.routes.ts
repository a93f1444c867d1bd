import { profileSchema, profileUpdateSchema, publicProfileSchema } from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { readUploadedFile } from '../../plugins/multipart-file.ts';
import {
  AVATAR_MAX_BYTES,
  getOwnProfile,
  getPublicProfile,
  openAvatar,
  type ProfileDeps,
  removeAvatar,
  replaceAvatar,
  updateOwnProfile,
} from './profile.service.ts';
import type { AuthContext } from './session.service.ts';

const TAGS = ['profile'];

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw new AppError('unauthorized');
  }
  return request.auth;
}

/** Own profile, avatar and public profiles (SPEC §3 profile, §4.1). */
export async function profileRoutes(app: FastifyInstance, { deps }: { deps: ProfileDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/profile',
    {
      schema: {
        tags: TAGS,
        summary: 'Own profile (with the phone number)',
        response: { 200: profileSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getOwnProfile(deps, authOf(request));
    },
  );

  r.patch(
    '/api/v1/me/profile',
    {
      schema: {
        tags: TAGS,
        summary: 'Change own profile fields; null clears a field',
        body: profileUpdateSchema,
        response: { 200: profileSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => updateOwnProfile(deps, authOf(request), request.body),
  );

  r.put(
    '/api/v1/me/avatar',
    {
      schema: {
        tags: TAGS,
        summary:
          'Upload an avatar (multipart field `file`: JPEG, PNG or WebP ≤ 5 MB; stored as 200×200 WebP without metadata)',
        response: { 200: profileSchema },
      },
      preValidation: app.requireAuth,
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    },
    async (request) =>
      replaceAvatar(deps, authOf(request), await readUploadedFile(request, AVATAR_MAX_BYTES)),
  );

  r.delete(
    '/api/v1/me/avatar',
    { schema: { tags: TAGS, response: { 200: profileSchema } }, preValidation: app.requireAuth },
    async (request) => removeAvatar(deps, authOf(request)),
  );

  r.get(
    '/api/v1/users/:username',
    {
      schema: {
        tags: TAGS,
        summary: 'Public profile: creators to everyone, consumers (minimal) to signed-in users',
        params: z.object({ username: z.string().min(1).max(60) }),
        response: { 200: publicProfileSchema },
      },
    },
    async (request) => getPublicProfile(deps, request.auth, request.params.username),
  );

  r.get(
    '/api/v1/users/:username/avatar',
    { schema: { tags: TAGS, params: z.object({ username: z.string().min(1).max(60) }) } },
    async (request, reply) => {
      const body = await openAvatar(deps, request.auth, request.params.username);
      // The URL carries a version (?v=), so the image under it never changes.
      reply.header('cache-control', 'public, max-age=31536000, immutable').type('image/webp');
      return reply.send(body);
    },
  );
}
