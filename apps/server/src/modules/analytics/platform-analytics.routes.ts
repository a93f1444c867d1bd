import { platformAnalyticsQuerySchema, platformAnalyticsSchema, problemSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type PlatformAnalyticsDeps, platformAnalytics } from './platform-analytics.service.ts';

/** The admin's platform dashboard. */
export async function platformAnalyticsRoutes(
  app: FastifyInstance,
  { deps }: { deps: Omit<PlatformAnalyticsDeps, 'metrics'> },
): Promise<void> {
  const withMetrics: PlatformAnalyticsDeps = { ...deps, metrics: app.metrics };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/admin/analytics',
    {
      schema: {
        tags: ['admin'],
        summary: 'Platform figures for a range of days (admins)',
        description:
          '`from`/`to` are UTC days, both included; default the last 30 days, at most 366. Errors come from ' +
          "this instance's own request metrics since it started.",
        querystring: platformAnalyticsQuerySchema,
        response: { 200: platformAnalyticsSchema, 400: problemSchema },
      },
      preValidation: app.requireRole('admin'),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return platformAnalytics(withMetrics, request.query);
    },
  );
}
