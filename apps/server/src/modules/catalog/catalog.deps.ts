import type { Role } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuthContext } from '../identity/session.service.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.ts';
import type { NanoRow } from './catalog.tables.ts';
import type { NanoActor } from './nano-status.ts';

/** What the catalog services use, passed in. */
export interface CatalogDeps {
  db: Kysely<Database>;
  clock: Clock;
  storage: ObjectStorage;
  audit: AuditService;
  notifications: NotificationService;
  mailer: Mailer;
  taxonomy: TaxonomyService;
  jobs: JobQueue;
  publicUrl: string;
  /**
   * Draws the post-publication samples of trusted creators' updates (SPEC §4.6): seeded from
   * `MODERATION_SAMPLE_SEED` so runs are reproducible; Math.random when absent.
   */
  random?: () => number;
  /**
   * Only for the demo seeder, which walks every demo Nano through the workflow at once and spreads
   * the history over past months afterwards: the monthly submission quota is not applied.
   */
  skipSubmissionQuota?: boolean;
}

const STAFF: readonly Role[] = ['moderator', 'admin'];

/** Staff may see and review every Nano. */
export function isStaff(auth: AuthContext | null): boolean {
  return auth !== null && STAFF.includes(auth.role);
}

/** How the caller relates to a Nano, for the status machine; null for the public. */
export function actorFor(auth: AuthContext | null, nano: Pick<NanoRow, 'creator_id'>): NanoActor | null {
  if (!auth) {
    return null;
  }
  if (auth.userId === nano.creator_id) {
    return 'owner';
  }
  if (auth.role === 'admin') {
    return 'admin';
  }
  if (auth.role === 'moderator') {
    return 'moderator';
  }
  return null;
}

/** Whether the caller may see a Nano at all: published for everyone, otherwise owner and staff only. */
export function canSee(auth: AuthContext | null, nano: Pick<NanoRow, 'creator_id' | 'status'>): boolean {
  if (nano.status === 'deleted') {
    return auth?.role === 'admin';
  }
  return nano.status === 'published' || auth?.userId === nano.creator_id || isStaff(auth);
}
