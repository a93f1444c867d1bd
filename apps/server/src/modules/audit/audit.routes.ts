import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { AuditService } from './audit.service.ts';

const verifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAtSeq: z.number().int().optional(),
  reason: z.string().optional(),
});

/** Admin endpoints of the audit log (the full viewer comes with the moderation/admin workspace). */
export async function auditRoutes(app: FastifyInstance, { audit }: { audit: AuditService }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/admin/audit/verify',
    {
      schema: {
        tags: ['admin'],
        summary: 'Verify the audit hash chain (admins; the check itself is audited)',
        response: { 200: verifyResultSchema },
      },
      preValidation: app.requireRole('admin'),
    },
    async (request) => {
      if (!request.auth) {
        throw new AppError('unauthorized');
      }
      const result = await audit.verify();
      await audit.record({
        actorId: request.auth.userId,
        action: 'audit.read',
        details: { check: 'verify', ok: result.ok },
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return result;
    },
  );
}
