import { markNotificationsReadSchema, notificationListSchema } from '@nano/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { NOTIFICATIONS_PAGE_MAX, type NotificationService } from './notifications.service.ts';

/** The signed-in user's in-app notifications. */
export async function notificationRoutes(
  app: FastifyInstance,
  { notifications }: { notifications: NotificationService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: z.object({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_PAGE_MAX).default(20),
        }),
        response: { 200: notificationListSchema },
      },
      preHandler: app.requireAuth,
    },
    async (request, reply) => {
      if (!request.auth) {
        throw new AppError('unauthorized');
      }
      reply.header('cache-control', 'no-store');
      return notifications.list(request.auth.userId, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      });
    },
  );
  r.post(
    '/api/v1/me/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        body: markNotificationsReadSchema,
        response: { 204: z.null() },
      },
      preHandler: app.requireAuth,
    },
    async (request, reply) => {
      if (!request.auth) {
        throw new AppError('unauthorized');
      }
      await notifications.markRead(request.auth.userId, 'ids' in request.body ? request.body.ids : 'all');
      return reply.code(204).send(null);
    },
  );
}
