import { transparencyQuerySchema, transparencyReportSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModerationDeps } from './moderation.deps.ts';
import { transparencyReport } from './transparency.service.ts';

/** How long browsers and proxies may keep a report (it changes slowly; computing it scans a year). */
export const TRANSPARENCY_MAX_AGE_SECONDS = 3600;

/** The public transparency report (SPEC §4.6, EU DSA Art. 15/24). */
export async function transparencyRoutes(
  app: FastifyInstance,
  { deps }: { deps: ModerationDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/transparency-report',
    {
      schema: {
        tags: ['moderation'],
        summary:
          'The yearly transparency report: notices received, actions taken, median time to decision, appeals (public)',
        querystring: transparencyQuerySchema,
        response: { 200: transparencyReportSchema },
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const year = request.query.year ?? now.getUTCFullYear();
      reply.header('cache-control', `public, max-age=${TRANSPARENCY_MAX_AGE_SECONDS}`);
      return transparencyReport(deps.db, year, now);
    },
  );
}
