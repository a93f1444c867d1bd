import { liftRestrictionSchema, problemSchema, restrictionRequestSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminActorOf } from '../admin/admin-request.ts';
import { clearSessionCookies } from '../identity/auth-cookies.ts';
import {
  clientOf,
  PRIVACY_ATTEMPTS_PER_MINUTE,
  requesterOf,
  secretBoxOf,
  secureCookiesOf,
} from './erasure.routes.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { liftRestriction, requestRestriction } from './restriction.service.ts';

/** What a restriction took offline, or its lift put back. */
const restrictionChangeSchema = z.object({
  status: z.enum(['restricted', 'lifted']),
  nanos: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
});

/** Restriction of processing (Art. 18): the user's request and the admin's lift. */
export async function restrictionRoutes(
  app: FastifyInstance,
  { deps }: { deps: PrivacyDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secretBox = secretBoxOf(deps);

  r.post(
    '/api/v1/me/restriction',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Restricts the processing of the own data: the account is frozen until an admin lifts it',
        description:
          'Needs the password and, with 2FA on, a current code (400 with field errors, audited). Every ' +
          'session is revoked and the cookies cleared; published Nanos and rating comments are hidden and ' +
          'the public profile answers 404. Sign-in then answers 403 `account_restricted`.',
        body: restrictionRequestSchema,
        response: { 200: restrictionChangeSchema, 400: problemSchema, 409: problemSchema },
      },
      preValidation: app.requireAuth,
      config: { rateLimit: { max: PRIVACY_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const held = await requestRestriction({ ...deps, secretBox }, requesterOf(request), request.body);
      clearSessionCookies(reply, secureCookiesOf(deps));
      return { status: 'restricted' as const, ...held };
    },
  );

  r.post(
    '/api/v1/admin/users/:id/restriction/lift',
    {
      schema: {
        tags: ['admin', 'privacy'],
        summary: 'Lifts an Art. 18 restriction: the account is active again and its held content restored',
        description:
          'Content moderation hid or removed meanwhile stays as it is. 409 `conflict` when the account is not restricted.',
        params: z.object({ id: z.uuid() }),
        body: liftRestrictionSchema,
        response: { 200: restrictionChangeSchema, 404: problemSchema, 409: problemSchema },
      },
      preValidation: app.requireRole('admin'),
    },
    async (request) => {
      const actor = adminActorOf(request);
      const restored = await liftRestriction(deps, request.params.id, {
        by: actor.userId,
        note: request.body.note,
        ...clientOf(request),
      });
      return { status: 'lifted' as const, ...restored };
    },
  );
}
