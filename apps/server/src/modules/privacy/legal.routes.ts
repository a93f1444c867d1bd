import {
  legalDocumentKindSchema,
  legalDocumentSchema,
  legalVersionListSchema,
  problemSchema,
  publishLegalDocumentSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminActorOf } from '../admin/admin-request.ts';
import { ensureLegalDocuments } from './legal.seed.ts';
import { getLegalDocument, legalVersions, publishLegalDocument } from './legal.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

const kindParams = z.object({ kind: legalDocumentKindSchema });

/**
 * The legal documents (privacy policy, terms of use, imprint): public reading of the current or
 * an earlier version, and publishing a new version (admins). The first versions are inserted when
 * the app starts, so every installation has them, demo data or not.
 */
export async function legalRoutes(app: FastifyInstance, { deps }: { deps: PrivacyDeps }): Promise<void> {
  await ensureLegalDocuments(deps.db, deps.clock);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/legal/:kind',
    {
      schema: {
        tags: ['privacy'],
        summary: 'A legal document in German and English: the current version, or `version` (public)',
        params: kindParams,
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
        response: { 200: legalDocumentSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return getLegalDocument(deps.db, request.params.kind, request.query.version);
    },
  );

  r.get(
    '/api/v1/legal/:kind/versions',
    {
      schema: {
        tags: ['privacy'],
        summary: 'The version history of a legal document, newest first, without bodies (public)',
        params: kindParams,
        response: { 200: legalVersionListSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return legalVersions(deps.db, request.params.kind);
    },
  );

  r.post(
    '/api/v1/admin/legal/:kind',
    {
      schema: {
        tags: ['admin'],
        summary: 'Publishes the next version of a legal document (admins; audited)',
        description:
          '`requiresAcceptance` makes every user accept the new privacy policy or terms at their next ' +
          'visit; it is ignored for the imprint, which nobody accepts.',
        params: kindParams,
        body: publishLegalDocumentSchema,
        response: { 201: legalDocumentSchema, 400: problemSchema },
      },
      preValidation: app.requireRole('admin'),
    },
    async (request, reply) => {
      const document = await publishLegalDocument(
        deps,
        adminActorOf(request),
        request.params.kind,
        request.body,
      );
      return reply.status(201).send(document);
    },
  );
}
