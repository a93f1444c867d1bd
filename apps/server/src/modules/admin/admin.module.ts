import type { FastifyInstance } from 'fastify';
import { platformAnalyticsRoutes } from '../analytics/platform-analytics.routes.ts';
import type { PlatformAnalyticsDeps } from '../analytics/platform-analytics.service.ts';
import { auditViewerRoutes } from '../audit/audit-viewer.routes.ts';
import { adminUserRoutes } from '../identity/admin-users.routes.ts';
import type { AdminUsersDeps } from '../identity/admin-users.service.ts';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.ts';
import { taxonomyAdminRoutes } from '../taxonomy/taxonomy-admin.routes.ts';

/** What the admin console's routes use, passed in by buildApp. */
export interface AdminConsoleDeps extends AdminUsersDeps {
  taxonomy: TaxonomyService;
  searchAnalytics: PlatformAnalyticsDeps['searchAnalytics'];
}

/**
 * The admin console's API (admins only): users, provider verification, the taxonomy editor, the
 * audit log viewer and the platform dashboard. Each part lives in the module that owns its data;
 * this plugin only registers them together.
 */
export async function adminModule(app: FastifyInstance, { deps }: { deps: AdminConsoleDeps }): Promise<void> {
  await app.register(adminUserRoutes, { deps });
  await app.register(taxonomyAdminRoutes, { deps });
  await app.register(auditViewerRoutes, { deps });
  await app.register(platformAnalyticsRoutes, { deps });
}
