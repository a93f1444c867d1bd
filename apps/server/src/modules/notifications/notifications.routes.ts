import {
  markNotificationsReadSchema,
  notificationListSchema,
  notificationSettingsSchema,
  updateNotificationSettingsSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import { NOTIFICATIONS_PAGE_DEFAULT, NOTIFICATIONS_PAGE_MAX } from './notifications.constants.ts';
import type { NotificationService } from './notifications.service.ts';

function userIdOf(request: FastifyRequest): string {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth.userId;
}

/** The signed-in user's notification centre and notification settings. */
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
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(NOTIFICATIONS_PAGE_MAX)
            .default(NOTIFICATIONS_PAGE_DEFAULT),
          /** The id of the last notification of the page before ("load more"). */
          before: z.uuid().optional(),
        }),
        response: { 200: notificationListSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      const userId = userIdOf(request);
      reply.header('cache-control', 'no-store');
      return notifications.list(userId, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
        before: request.query.before,
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
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await notifications.markRead(userIdOf(request), 'ids' in request.body ? request.body.ids : 'all');
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/v1/me/notification-settings',
    {
      schema: { tags: ['notifications'], response: { 200: notificationSettingsSchema } },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return notifications.settings(userIdOf(request));
    },
  );
  r.patch(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags: ['notifications'],
        body: updateNotificationSettingsSchema,
        response: { 200: notificationSettingsSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => notifications.updateSettings(userIdOf(request), request.body.settings),
  );
}
