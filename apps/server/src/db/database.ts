import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AnalyticsTables } from '../modules/analytics/analytics.tables.ts';
import type { UserActivityTables } from '../modules/analytics/user-activity.tables.ts';
import type { AuditTables } from '../modules/audit/audit.tables.ts';
import type { CatalogTables } from '../modules/catalog/catalog.tables.ts';
import type { ChatTables } from '../modules/chat/chat.tables.ts';
import type { FeedbackTables } from '../modules/feedback/feedback.tables.ts';
import type { FlagTables } from '../modules/flags/flags.tables.ts';
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { ProviderVerificationTables } from '../modules/identity/provider-verification.tables.ts';
import type { ListsTables } from '../modules/lists/lists.tables.ts';
import type { ModerationTables } from '../modules/moderation/moderation.tables.ts';
import type { StandingTables } from '../modules/moderation/standing.tables.ts';
import type { TakedownTables } from '../modules/moderation/takedowns.tables.ts';
import type { NotificationTables } from '../modules/notifications/notifications.tables.ts';
import type { OpsTables } from '../modules/ops/ops.tables.ts';
import type { PrivacyTables } from '../modules/privacy/privacy.tables.ts';
import type { SearchTables } from '../modules/search/search.tables.ts';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column holding any JSON value. */
export type Json = ColumnType<unknown, string, string>;

/** Two-level topic taxonomy (owned by the taxonomy module). */
export interface CategoriesTable {
  id: string;
  slug: string;
  parent_id: string | null;
  name_de: string;
  name_en: string;
  position: number;
  /** False once an admin deactivated it: no longer offered, but kept on the Nanos filed under it. */
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Emails written by the embedded mailer (owned by platform/mail). */
export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: Timestamp;
}

/** Durable background jobs (owned by platform/jobs). */
export interface JobsTable {
  id: string;
  name: string;
  payload: Json;
  status: 'queued' | 'running' | 'completed' | 'failed';
  attempts: Generated<number>;
  max_attempts: number;
  backoff_ms: number;
  run_at: Timestamp;
  locked_until: Date | null;
  singleton_key: string | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

/** Cron schedules that enqueue jobs (owned by platform/jobs). */
export interface JobSchedulesTable {
  name: string;
  cron: string;
  payload: Json;
  next_run_at: Date;
  updated_at: Timestamp;
}

/** Every table of the application, for Kysely: platform tables here, module tables from their modules. */
export interface Database
  extends IdentityTables,
    AuditTables,
    CatalogTables,
    NotificationTables,
    SearchTables,
    FeedbackTables,
    ListsTables,
    AnalyticsTables,
    ChatTables,
    FlagTables,
    ModerationTables,
    TakedownTables,
    StandingTables,
    ProviderVerificationTables,
    UserActivityTables,
    PrivacyTables,
    OpsTables {
  categories: CategoriesTable;
  mail_outbox: MailOutboxTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
}

export type CategoryRow = Selectable<CategoriesTable>;
export type NewCategoryRow = Insertable<CategoriesTable>;
export type CategoryUpdate = Updateable<CategoriesTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type JobRow = Selectable<JobsTable>;
