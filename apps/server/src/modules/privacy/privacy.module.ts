import type { FastifyInstance } from 'fastify';
import { consentsRoutes } from './consents.routes.ts';
import { erasureRoutes } from './erasure.routes.ts';
import { exportsRoutes } from './exports.routes.ts';
import { legalRoutes } from './legal.routes.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { privacyAdminRoutes } from './privacy-admin.routes.ts';
import { restrictionRoutes } from './restriction.routes.ts';
import { retentionRoutes } from './retention.routes.ts';

/**
 * Every route of the privacy module (issue 9, SPEC §4.7, docs/privacy.md): legal documents and
 * consents, data export, erasure, restriction, the admin DSGVO console and retention.
 */
export async function privacyModule(app: FastifyInstance, options: { deps: PrivacyDeps }): Promise<void> {
  await legalRoutes(app, options);
  await consentsRoutes(app, options);
  await exportsRoutes(app, options);
  await erasureRoutes(app, options);
  await restrictionRoutes(app, options);
  await privacyAdminRoutes(app, options);
  await retentionRoutes(app, options);
}
