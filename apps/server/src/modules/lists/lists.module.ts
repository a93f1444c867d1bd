import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps.ts';
import { favoriteRoutes } from './favorites.routes.ts';
import { listRoutes } from './lists.routes.ts';

/** Every route of the lists module: favourites, curated lists, sharing and exports. */
export async function listsModule(app: FastifyInstance, options: { deps: ModuleDeps }): Promise<void> {
  await favoriteRoutes(app, options);
  await listRoutes(app, options);
}
