import {
  dataExportAcceptedSchema,
  dataExportListSchema,
  problemSchema,
  reauthenticateSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import { clientOf, PRIVACY_ATTEMPTS_PER_MINUTE, secretBoxOf } from './erasure.routes.ts';
import {
  type ExportActor,
  listDataExports,
  openDataExportDownload,
  requestDataExport,
} from './exports.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { reauthenticate } from './reauth.ts';

const TAGS = ['privacy'];
const idParams = z.object({ id: z.uuid() });

/** The signed-in caller with their session (the recent-login check is per session). */
function actorOf(request: FastifyRequest): ExportActor {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return { userId: request.auth.userId, sessionId: request.auth.sessionId, ...clientOf(request) };
}

/** Data export (Art. 15/20) and re-authentication for its download (issue 9, docs/privacy.md). */
export async function exportsRoutes(app: FastifyInstance, { deps }: { deps: PrivacyDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/me/data-exports',
    {
      schema: {
        tags: TAGS,
        summary: 'Requests a ZIP of all data about the signed-in user (built in the background)',
        description:
          'One export at a time (409 `export_in_progress`) and at most `PRIVACY_LIMITS.exportsPerDay` a day ' +
          '(429 `export_rate_limited` with Retry-After). The user is notified in the app and by email when it is ready.',
        response: { 202: dataExportAcceptedSchema, 409: problemSchema, 429: problemSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      const started = await requestDataExport(deps, actorOf(request));
      return reply.code(202).send({ id: started.id, status: started.status });
    },
  );

  r.get(
    '/api/v1/me/data-exports',
    {
      schema: {
        tags: TAGS,
        summary: 'The signed-in user’s data exports, newest first (status, size, expiry)',
        response: { 200: dataExportListSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listDataExports(deps, actorOf(request).userId);
    },
  );

  r.get(
    '/api/v1/me/data-exports/:id/download',
    {
      schema: {
        tags: TAGS,
        summary: 'Downloads a ready export (owner only, recent sign-in required; audited)',
        description:
          'Someone else’s export answers 404. An expired one 410 `export_expired`; one not built yet 409 ' +
          '`export_not_ready`; a sign-in older than `PRIVACY_LIMITS.recentLoginMinutes` 403 ' +
          '`reauthentication_required` (confirm with `POST /me/reauthenticate`, then retry).',
        params: idParams,
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      const download = await openDataExportDownload(deps, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/zip')
        .header('content-length', String(download.size))
        .header('content-disposition', `attachment; filename="${download.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(download.body);
    },
  );

  r.post(
    '/api/v1/me/reauthenticate',
    {
      schema: {
        tags: TAGS,
        summary: 'Confirms the password (and 2FA code) for actions that need a recent sign-in (audited)',
        description:
          'Wrong password: 400 with `body.password` `wrong_password`; 2FA on without or with a wrong code: ' +
          '`body.twoFactorCode` `two_factor_required` / `two_factor_code`. Rate-limited per client.',
        body: reauthenticateSchema,
        response: {
          200: z.object({ authenticatedAt: z.iso.datetime() }),
          400: problemSchema,
          429: problemSchema,
        },
      },
      config: { rateLimit: { max: PRIVACY_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } },
      preValidation: app.requireAuth,
    },
    async (request) => reauthenticate(deps, secretBoxOf(deps), actorOf(request), request.body),
  );
}
