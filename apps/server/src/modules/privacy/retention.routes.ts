import { problemSchema, retentionJobSchema, retentionReportSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminActorOf } from '../admin/admin-request.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { runRetention } from './retention.service.ts';

/** `POST /admin/retention/run`: all steps, or the named ones. */
const retentionRunSchema = z.object({ jobs: z.array(retentionJobSchema).min(1).optional() });

/** The retention rules in the admin console: what the next run would do, and running it now (admins only). */
export async function retentionRoutes(app: FastifyInstance, { deps }: { deps: PrivacyDeps }): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = app.requireRole('admin');

  routes.get(
    '/api/v1/admin/retention/preview',
    {
      schema: {
        tags: ['admin'],
        summary: 'What a retention run would do now (dry run: nothing changes)',
        response: { 200: retentionReportSchema },
      },
      preValidation: adminOnly,
    },
    async () => runRetention(deps, { dryRun: true }),
  );

  routes.post(
    '/api/v1/admin/retention/run',
    {
      schema: {
        tags: ['admin'],
        summary: 'Run the retention rules now (otherwise daily)',
        description:
          'Every step that changes something is audited as `retention.<step>` with the admin as actor; the run itself as `retention.run`.',
        body: retentionRunSchema,
        response: { 200: retentionReportSchema, 400: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => {
      const actor = adminActorOf(request);
      const report = await runRetention(deps, { dryRun: false, jobs: request.body.jobs, by: actor.userId });
      await deps.audit.record({
        actorId: actor.userId,
        action: 'retention.run',
        targetType: 'retention',
        details: Object.fromEntries(report.jobs.map((job) => [job.job, job.affected])),
        ip: actor.ip,
        userAgent: actor.userAgent,
      });
      return report;
    },
  );
}
