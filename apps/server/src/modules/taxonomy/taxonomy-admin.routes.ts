import {
  adminCategorySchema,
  adminCategoryTreeSchema,
  createCategoryRequestSchema,
  problemSchema,
  updateCategoryRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminActorOf } from '../admin/admin-request.ts';
import {
  createCategory,
  getAdminCategoryTree,
  type TaxonomyAdminDeps,
  updateCategory,
} from './taxonomy-admin.service.ts';

const idParams = z.object({ id: z.uuid() });

/** The taxonomy editor (admins): the whole tree with counts, create, rename, move, (de)activate. */
export async function taxonomyAdminRoutes(
  app: FastifyInstance,
  { deps }: { deps: TaxonomyAdminDeps },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = app.requireRole('admin');

  routes.get(
    '/api/v1/admin/categories',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every category, inactive ones included, with its Nano count',
        response: { 200: adminCategoryTreeSchema },
      },
      preValidation: adminOnly,
    },
    async () => getAdminCategoryTree(deps),
  );

  routes.post(
    '/api/v1/admin/categories',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a category at the end of its level',
        description: 'A parent must be top-level (400); a used slug is 409 `slug_taken`.',
        body: createCategoryRequestSchema,
        response: { 201: adminCategorySchema, 400: problemSchema, 409: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request, reply) =>
      reply.code(201).send(await createCategory(deps, adminActorOf(request), request.body)),
  );

  routes.patch(
    '/api/v1/admin/categories/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Rename, move (parent and/or position) or (de)activate a category',
        description:
          'A top-level category with children cannot become a child; a parent must be top-level. ' +
          'Deactivated categories stay on their Nanos but are no longer offered.',
        params: idParams,
        body: updateCategoryRequestSchema,
        response: { 200: adminCategorySchema, 400: problemSchema, 404: problemSchema },
      },
      preValidation: adminOnly,
    },
    async (request) => updateCategory(deps, adminActorOf(request), request.params.id, request.body),
  );
}
