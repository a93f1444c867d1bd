import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps.ts';
import { ratingRoutes } from './ratings.routes.ts';

/** Every route of the feedback module: ratings, comments, replies and helpful marks. */
export async function feedbackModule(app: FastifyInstance, options: { deps: ModuleDeps }): Promise<void> {
  await ratingRoutes(app, options);
}
