import {
  auditActionListSchema,
  auditEventPageSchema,
  auditQuerySchema,
  problemSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminActorOf } from '../admin/admin-request.ts';
import {
  type AuditViewerDeps,
  auditActionNames,
  exportAuditEvents,
  listAuditEvents,
} from './audit-viewer.service.ts';

const exportQuerySchema = auditQuerySchema.omit({ page: true, pageSize: true });

/** The admin's audit log viewer: filtered pages, the CSV export and the filter's action names. */
export async function auditViewerRoutes(
  app: FastifyInstance,
  { deps }: { deps: AuditViewerDeps },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = app.requireRole('admin');

  routes.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Audit log events, newest first (admins; the read is itself audited)',
        description:
          '`actor` is a user id or username, `target` a target id, `from`/`to` UTC days (both included).',
        querystring: auditQuerySchema,
        response: { 200: auditEventPageSchema, 400: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => listAuditEvents(deps, adminActorOf(request), request.query),
  );

  routes.get(
    '/api/v1/admin/audit/export',
    {
      schema: {
        tags: ['admin'],
        summary: 'The filtered audit log as CSV (admins; the export is itself audited)',
        description:
          'UTF-8 with BOM, comma-separated, RFC 4180 quoting; cells that would start a spreadsheet ' +
          "formula get a leading '. At most 50 000 rows (newest first); `X-Truncated: true` when more matched.",
        querystring: exportQuerySchema,
      },
      preValidation: adminOnly,
    },
    async (request, reply) => {
      const file = await exportAuditEvents(deps, adminActorOf(request), request.query);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store');
      if (file.truncated) {
        reply.header('x-truncated', 'true');
      }
      return reply.send(file.body);
    },
  );

  routes.get(
    '/api/v1/admin/audit/actions',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every action name of the audit log (the viewer’s filter choices)',
        response: { 200: auditActionListSchema },
      },
      preValidation: adminOnly,
    },
    async () => ({ items: auditActionNames() }),
  );
}
