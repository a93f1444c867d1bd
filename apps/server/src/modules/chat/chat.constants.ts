import { CHAT_LIMITS } from '@nano/contracts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The rate limit's fixed window: the per-minute limit of `CHAT_LIMITS` (or the configured one). */
export const CHAT_RATE_WINDOW_MS = MINUTE_MS;

/** A session with no message for this long is archived by the daily job. */
export const CHAT_ARCHIVE_AFTER_MS = CHAT_LIMITS.archiveAfterDays * DAY_MS;
/** The archive job. */
export const CHAT_ARCHIVE_JOB = 'chat.archive';
/** Daily at 03:40 UTC (a quiet hour, apart from the other nightly jobs). */
export const CHAT_ARCHIVE_CRON = '40 3 * * *';
/** Sessions one statement of the archive job archives; the job repeats until none is left. */
export const CHAT_ARCHIVE_BATCH = 500;

/** What the content filter holds a message for (docs/chat.md). */
export const CHAT_FILTER = {
  /** More links than this in one message are held (`too_many_links`). */
  maxLinks: 3,
  /** The same text (ignoring case and spacing) this often from one sender within the window passes… */
  repeatAllowed: 2,
  /** …and the next one is held (`repeated`). */
  repeatWindowMs: 10 * MINUTE_MS,
} as const;

/** Sessions the inbox lists at most (newest activity first). */
export const CHAT_INBOX_MAX = 200;
/** Messages a transcript holds at most (the oldest are left out beyond, and the header says so). */
export const CHAT_TRANSCRIPT_MAX = 20_000;
/** Transcript downloads per client and minute (each one reads the whole history). */
export const CHAT_TRANSCRIPT_RATE_LIMIT = { max: 10, timeWindow: MINUTE_MS };
/** The time zone of transcript times (the platform serves German-speaking users). */
export const CHAT_TIME_ZONE = 'Europe/Berlin';

/** How long a typing event's membership check is remembered (a cheap check for a frequent event). */
export const CHAT_MEMBERSHIP_CACHE_MS = MINUTE_MS;
/** Entries of that cache at most; it starts over when full. */
export const CHAT_MEMBERSHIP_CACHE_MAX = 10_000;

/** The collapse key of a session's chat notifications: one unread notification per session. */
export const chatCollapseKey = (chatId: string) => `chat:${chatId}`;
