import type { FastifyInstance } from 'fastify';
import { savedSearchRoutes } from './saved-searches.routes.ts';
import type { SearchDeps } from './search.deps.ts';
import { searchRoutes } from './search.routes.ts';
import { searchAdminRoutes } from './search-admin.routes.ts';

/** Every route of the search module. */
export async function searchModule(app: FastifyInstance, options: { deps: SearchDeps }): Promise<void> {
  await searchRoutes(app, options);
  await savedSearchRoutes(app, options);
  await searchAdminRoutes(app, options);
}
