import type { FastifyInstance } from 'fastify';
import { appealLinkRoutes } from './appeal-links.routes.ts';
import { appealRoutes } from './appeals.routes.ts';
import { decisionRoutes } from './decisions.routes.ts';
import { flagRoutes } from './flags-queue.routes.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import { registerModerationMetrics } from './moderation.metrics.ts';
import { overviewRoutes } from './overview.routes.ts';
import { takedownRoutes } from './takedowns.routes.ts';
import { transparencyRoutes } from './transparency.routes.ts';

/**
 * Every route of the moderation module (issue 8): statements of reasons, flags, appeals, takedown
 * notices, the transparency report and the workspace overview. One register call per file.
 */
export async function moderationModule(
  app: FastifyInstance,
  options: { deps: ModerationDeps },
): Promise<void> {
  await decisionRoutes(app, options);
  await flagRoutes(app, options);
  await appealRoutes(app, options);
  await appealLinkRoutes(app, options);
  await takedownRoutes(app, options);
  await transparencyRoutes(app, options);
  await overviewRoutes(app, options);
  registerModerationMetrics(app.metrics, options.deps);
}
