import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps.ts';
import { analyticsRoutes } from './analytics.routes.ts';

/** Every route of the analytics module. */
export async function analyticsModule(app: FastifyInstance, options: { deps: ModuleDeps }): Promise<void> {
  await analyticsRoutes(app, options);
}
