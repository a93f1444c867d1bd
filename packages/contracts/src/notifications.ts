import { z } from 'zod';

/** One in-app notification; `payload` depends on `type` (e.g. `nano.review_decision`: nanoId, title, decision, note). */
export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: z.string(),
});
export type AppNotification = z.infer<typeof notificationSchema>;

/** `GET /me/notifications`: the newest notifications and the unread count. */
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});

/** `POST /me/notifications/read`: some ids, or all. */
export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).max(100) }),
  z.object({ all: z.literal(true) }),
]);
