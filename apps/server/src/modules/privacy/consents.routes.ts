import {
  consentChangeSchema,
  consentOverviewSchema,
  legalAcceptanceRequestSchema,
  problemSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors } from '../../errors.ts';
import {
  acceptLegalDocuments,
  type ConsentActor,
  changeConsent,
  consentOverview,
} from './consents.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** The signed-in caller of a route guarded by requireAuth. */
function actorOf(request: FastifyRequest): ConsentActor {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  const userAgent = request.headers['user-agent'];
  return {
    userId: request.auth.userId,
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
  };
}

/** The signed-in user's consents and their (re-)acceptance of the terms and privacy policy. */
export async function consentsRoutes(app: FastifyInstance, { deps }: { deps: PrivacyDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/consents',
    {
      schema: {
        tags: ['privacy'],
        summary: 'The current consents, the documents still to accept, and the history (newest first)',
        response: { 200: consentOverviewSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return consentOverview(deps.db, actorOf(request).userId);
    },
  );

  r.post(
    '/api/v1/me/consents',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Gives or withdraws an optional consent (marketing, notification emails; audited)',
        description: 'Recording happens only when the state changes; repeating the same choice is a no-op.',
        body: consentChangeSchema,
        response: { 200: consentOverviewSchema, 400: problemSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => changeConsent(deps, actorOf(request), request.body),
  );

  r.post(
    '/api/v1/me/legal-acceptances',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Accepts the current versions of the terms and/or privacy policy (audited)',
        description:
          'Each document must name the current version of its kind (see `pendingLegal` of the current ' +
          'user); an older one is refused with 409 `legal_version_outdated`.',
        body: legalAcceptanceRequestSchema,
        response: { 200: consentOverviewSchema, 400: problemSchema, 409: problemSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => acceptLegalDocuments(deps, actorOf(request), request.body.documents),
  );
}
