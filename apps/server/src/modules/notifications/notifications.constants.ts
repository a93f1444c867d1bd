import { NOTIFICATION_LIMITS, type NotificationChannel, type NotificationType } from '@nano/contracts';

/** Largest page of notifications. */
export const NOTIFICATIONS_PAGE_MAX = NOTIFICATION_LIMITS.pageMax;
/** The page size when the client asks for none (the bell shows fewer). */
export const NOTIFICATIONS_PAGE_DEFAULT = 20;

/**
 * The channel of each type while the user has not chosen one: decisions about the user's own
 * work and answers to them by email, the rest in the app only.
 */
export const NOTIFICATION_DEFAULT_CHANNELS: Record<NotificationType, NotificationChannel> = {
  'nano.review_decision': 'email',
  'nano.status_changed': 'in_app',
  'rating.received': 'in_app',
  'rating.reply_received': 'email',
  'flag.outcome': 'email',
  'chat.message': 'email',
  'data_export.ready': 'email',
  // Statements of reasons and takedown notices must reach the user: always by email (see MANDATORY_EMAIL_TYPES).
  'moderation.decision': 'email',
  'takedown.notice': 'email',
};

/** Types the user cannot switch off or move to in-app only: legal notices (EU DSA Art. 17). */
export const MANDATORY_EMAIL_TYPES: ReadonlySet<NotificationType> = new Set([
  'moderation.decision',
  'takedown.notice',
]);

/**
 * Types that answer the user's own request (their data export, Art. 15): mailed without the
 * notification-email consent, which covers only unrequested notifications; still switchable.
 */
export const REQUESTED_EMAIL_TYPES: ReadonlySet<NotificationType> = new Set(['data_export.ready']);

/** At most one email per user and type in this window; later notifications wait for the next one. */
export const EMAIL_BATCH_WINDOW_MS = NOTIFICATION_LIMITS.emailBatchMinutes * 60_000;

/** The job that mails one user's pending notifications of one type. */
export const SEND_EMAIL_JOB = 'notifications.send_email';
/** The cron job that enqueues {@link SEND_EMAIL_JOB} for every user and type whose window has passed. */
export const FLUSH_JOB = 'notifications.flush';
/** Every minute: an email goes out at most about a minute after its window allows it. */
export const FLUSH_CRON = '* * * * *';
/** Users and types one flush enqueues at most; the rest follow a minute later. */
export const FLUSH_GROUPS_MAX = 1000;
/** Attempts of one email before its notifications are marked `failed` (with doubling backoff). */
export const SEND_EMAIL_MAX_ATTEMPTS = 5;

/** Pending notifications one email takes at most; more stay pending for the next window. */
export const EMAIL_PENDING_MAX = 200;
/** Notifications an email lists one by one; it counts the others ("… and 12 more"). */
export const EMAIL_ITEMS_MAX = 20;
