import { categoryTreeSchema, problemSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TaxonomyService } from './taxonomy.service.ts';

/** Public taxonomy endpoints. */
export async function taxonomyRoutes(
  app: FastifyInstance,
  { taxonomy }: { taxonomy: TaxonomyService },
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/categories',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'The two-level topic tree',
        description: 'Top-level categories with their children, in display order. Public; supports ETag.',
        response: { 200: categoryTreeSchema, 503: problemSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return taxonomy.getTree();
    },
  );
}
