import {
  erasureCancelResultSchema,
  erasureCancelSchema,
  erasureRequestSchema,
  erasureScheduledSchema,
  problemSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors } from '../../errors.ts';
import { clearSessionCookies } from '../identity/auth-cookies.ts';
import type { SecretBox } from '../identity/crypto/secret-box.ts';
import { cancelErasure, type PrivacyRequestContext, requestErasure } from './erasure-request.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** Attempts per client and minute at erasure, restriction and the cancellation link (like password reset). */
export const PRIVACY_ATTEMPTS_PER_MINUTE = 10;

/** The client as the HTTP layer saw it. */
export function clientOf(request: FastifyRequest): { ip: string; userAgent: string | null } {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** The signed-in caller of a route guarded by requireAuth. */
export function requesterOf(request: FastifyRequest): PrivacyRequestContext {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return { userId: request.auth.userId, ...clientOf(request) };
}

/** The secret box the 2FA check needs (buildApp passes identity's; jobs never confirm codes). */
export function secretBoxOf(deps: PrivacyDeps): SecretBox {
  if (!deps.secretBox) {
    throw new Error('privacy routes need the identity secret box');
  }
  return deps.secretBox;
}

/** Whether the session cookies were set with `Secure` (the site is served over HTTPS). */
export const secureCookiesOf = (deps: PrivacyDeps) => deps.publicUrl.startsWith('https://');

/** Erasure (Art. 17): the request with its 7-day cancellation window, and the cancellation link. */
export async function erasureRoutes(app: FastifyInstance, { deps }: { deps: PrivacyDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secretBox = secretBoxOf(deps);

  r.post(
    '/api/v1/me/erasure',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Requests the erasure of the own account: deactivated at once, anonymised after 7 days',
        description:
          'Needs the password and, with 2FA on, a current code (400 with field errors `wrong_password`, ' +
          '`two_factor_required`, `two_factor_code`; audited). Every session is revoked and the cookies ' +
          'cleared; the confirmation email holds the cancellation link. The last active admin gets 409 `last_admin`.',
        body: erasureRequestSchema,
        response: { 202: erasureScheduledSchema, 400: problemSchema, 409: problemSchema },
      },
      preValidation: app.requireAuth,
      config: { rateLimit: { max: PRIVACY_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const result = await requestErasure({ ...deps, secretBox }, requesterOf(request), request.body);
      clearSessionCookies(reply, secureCookiesOf(deps));
      return reply.code(202).send(result);
    },
  );

  r.post(
    '/api/v1/erasure/cancel',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Cancels a pending erasure with the token from its confirmation email (no sign-in)',
        description:
          'The account is active again as before. Unknown token: 404 `erasure_token_unknown`; already ' +
          'cancelled or carried out, or the 7 days are over: 410 `erasure_cancel_expired`.',
        body: erasureCancelSchema,
        response: { 200: erasureCancelResultSchema, 404: problemSchema, 410: problemSchema },
      },
      config: { rateLimit: { max: PRIVACY_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request) => cancelErasure(deps, request.body.token, clientOf(request)),
  );
}
