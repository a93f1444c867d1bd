import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the routes' zod schemas: JSON at `/api/docs/json`, the UI at `/api/docs`. */
export const openApiPlugin = fp<{ publicUrl: string; version: string }>(
  async (app: FastifyInstance, { publicUrl, version }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Nano-Marktplatz API',
          description:
            'REST API of Nano-Marktplatz. Errors are RFC 9457 problem+json with a stable `code`; titles follow `Accept-Language` (de, en).',
          version,
        },
        servers: [{ url: publicUrl }],
        tags: [
          { name: 'taxonomy', description: 'Topic categories' },
          { name: 'operations', description: 'Health checks' },
        ],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
