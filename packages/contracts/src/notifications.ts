import { z } from 'zod';

/**
 * Every kind of notification. Modules that come later (chat, moderation, privacy) already have
 * their type here so the settings page lists it; the payload of each is documented where it is sent.
 */
export const NOTIFICATION_TYPES = [
  'nano.review_decision',
  'nano.status_changed',
  'rating.received',
  'rating.reply_received',
  'flag.outcome',
  'chat.message',
  'data_export.ready',
  'moderation.decision',
  'takedown.notice',
] as const;
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** Where a type of notification goes: in the app only, in the app and by email, or nowhere. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'off'] as const;
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** Limits of the notification centre. */
export const NOTIFICATION_LIMITS = {
  /** Largest page of notifications. */
  pageMax: 50,
  /** At most one email per user and type in this many minutes; later ones are batched into the next. */
  emailBatchMinutes: 15,
} as const;

/** One in-app notification; `payload` depends on `type` (e.g. `nano.review_decision`: nanoId, title, decision, note). */
export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: z.string(),
});
export type AppNotification = z.infer<typeof notificationSchema>;

/**
 * `GET /me/notifications?unread=&limit=&before=`: the newest notifications (older than the one with
 * the id `before`, for "load more") and the unread count.
 */
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
  /** The `before` of the next page; null when this page is the last. */
  nextBefore: z.uuid().nullable().optional(),
});

/** `POST /me/notifications/read`: some ids, or all. */
export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).max(100) }),
  z.object({ all: z.literal(true) }),
]);

/** `GET /me/notification-settings`: the channel of every type (defaults included). */
export const notificationSettingsSchema = z.object({
  items: z.array(
    z.object({
      type: notificationTypeSchema,
      channel: notificationChannelSchema,
      /** The channel used while the user has not chosen one. */
      defaultChannel: notificationChannelSchema,
      /** Legal notices (statements of reasons, takedown notices): always by email, not changeable. */
      mandatory: z.boolean().default(false),
    }),
  ),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** `PATCH /me/notification-settings`: the types to change. */
export const updateNotificationSettingsSchema = z.object({
  settings: z.partialRecord(notificationTypeSchema, notificationChannelSchema),
});
