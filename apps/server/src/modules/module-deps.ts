import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Cache } from '../platform/cache.ts';
import type { Clock } from '../platform/clock.ts';
import type { JobQueue } from '../platform/jobs.ts';
import type { Mailer } from '../platform/mail.ts';
import type { ObjectStorage } from '../platform/storage.ts';
import type { AuditService } from './audit/audit.service.ts';
import type { NotificationService } from './notifications/notifications.service.ts';

/** What the feedback, lists and analytics modules use, passed in by buildApp. */
export interface ModuleDeps {
  db: Kysely<Database>;
  clock: Clock;
  cache: Cache;
  storage: ObjectStorage;
  jobs: JobQueue;
  mailer: Mailer;
  audit: AuditService;
  notifications: NotificationService;
  /** The site's public address, for links (share links, emails). */
  publicUrl: string;
  /** The server secret (HMAC of tokens and salts). */
  secret: string;
}
