import {
  dataInventorySchema,
  privacyRequestPageSchema,
  privacyRequestQuerySchema,
  privacyRequestSchema,
  privacyRunErasureSchema,
  privacyRunExportResultSchema,
  problemSchema,
  recordPrivacyRequestSchema,
  updatePrivacyRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminActorOf } from '../admin/admin-request.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import {
  listRequests,
  recordRequest,
  runErasure,
  runExport,
  updateRequest,
  viewInventory,
} from './privacy-admin.service.ts';

const idParams = z.object({ id: z.uuid() });
const refused = { 400: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * The admin DSGVO console (admins only, SPEC §4.7): data-subject requests with due dates, recording
 * requests received by email or letter, running an export or erasure for the user, and the data
 * inventory of an account. Every change and every inventory view is audited.
 */
export async function privacyAdminRoutes(
  app: FastifyInstance,
  { deps }: { deps: PrivacyDeps },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = app.requireRole('admin');

  routes.get(
    '/api/v1/admin/privacy-requests',
    {
      schema: {
        tags: ['admin'],
        summary: 'Data-subject requests, the earliest due date first',
        description:
          'Self-service and recorded requests. `overdue=true`: open or in progress after the due date (30 days after receipt).',
        querystring: privacyRequestQuerySchema,
        response: { 200: privacyRequestPageSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => listRequests(deps, request.query),
  );

  routes.post(
    '/api/v1/admin/privacy-requests',
    {
      schema: {
        tags: ['admin'],
        summary: 'Record a request received by email or letter',
        description:
          "After verifying the requester's identity (the note says how). The received date cannot lie in the future (422 `privacy_request_in_future`).",
        body: recordPrivacyRequestSchema,
        response: { 201: privacyRequestSchema, 422: problemSchema, ...refused },
      },
      preValidation: adminOnly,
    },
    async (request, reply) => {
      const created = await recordRequest(deps, adminActorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  routes.patch(
    '/api/v1/admin/privacy-requests/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the status or note (e.g. rectification done, rejected with reason)',
        description: 'Rejecting needs a reason in the note. Audited with the status before and after.',
        params: idParams,
        body: updatePrivacyRequestSchema,
        response: { 200: privacyRequestSchema, ...refused },
      },
      preValidation: adminOnly,
    },
    async (request) => updateRequest(deps, adminActorOf(request), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/admin/privacy-requests/:id/run-export',
    {
      schema: {
        tags: ['admin'],
        summary: 'Build the data export for the user of an export request',
        description:
          'The request goes `in_progress` and completes when the ZIP is ready. The file goes to the user (email and their download page), never to the admin.',
        params: idParams,
        body: z.object({}).optional(),
        response: { 202: privacyRunExportResultSchema, ...refused, 429: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request, reply) => {
      const result = await runExport(deps, adminActorOf(request), request.params.id);
      return reply.code(202).send(result);
    },
  );

  routes.post(
    '/api/v1/admin/privacy-requests/:id/run-erasure',
    {
      schema: {
        tags: ['admin'],
        summary: 'Erase the account of an erasure request at once and complete the request',
        description:
          'No cancellation window: the admin verified the identity (see the verification note). Never the last admin.',
        params: idParams,
        body: privacyRunErasureSchema,
        response: { 200: privacyRequestSchema, 403: problemSchema, ...refused },
      },
      preValidation: adminOnly,
    },
    async (request) => runErasure(deps, adminActorOf(request), request.params.id, request.body.nanos),
  );

  routes.get(
    '/api/v1/admin/users/:id/data-inventory',
    {
      schema: {
        tags: ['admin'],
        summary: 'How much personal data an account has, per category, and what erasure does with it',
        description: 'Viewing it is audited (`privacy.inventory_viewed`).',
        params: idParams,
        response: { 200: dataInventorySchema, 404: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => viewInventory(deps, adminActorOf(request), request.params.id),
  );
}
