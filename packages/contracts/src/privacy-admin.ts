import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';
import { userStatusSchema } from './identity.ts';
import { erasureNanoChoiceSchema, PRIVACY_LIMITS } from './privacy.ts';

/** The admin DSGVO console (SPEC §4.7): data-subject requests, inventory, retention. */

export const PRIVACY_REQUEST_TYPES = ['export', 'erasure', 'restriction', 'rectification'] as const;
export const privacyRequestTypeSchema = z.enum(PRIVACY_REQUEST_TYPES);
export type PrivacyRequestType = z.infer<typeof privacyRequestTypeSchema>;

export const PRIVACY_REQUEST_STATUSES = [
  'open',
  'in_progress',
  'completed',
  'cancelled',
  'rejected',
] as const;
export const privacyRequestStatusSchema = z.enum(PRIVACY_REQUEST_STATUSES);
export type PrivacyRequestStatus = z.infer<typeof privacyRequestStatusSchema>;

export const PRIVACY_REQUEST_CHANNELS = ['self_service', 'email', 'letter'] as const;
export const privacyRequestChannelSchema = z.enum(PRIVACY_REQUEST_CHANNELS);

export const privacyRequestSchema = z.object({
  id: z.uuid(),
  type: privacyRequestTypeSchema,
  status: privacyRequestStatusSchema,
  channel: privacyRequestChannelSchema,
  /** Null once the account is erased and its name gone. */
  user: z
    .object({
      id: z.uuid(),
      displayName: z.string(),
      username: z.string().nullable(),
      status: userStatusSchema,
    })
    .nullable(),
  receivedAt: z.iso.datetime(),
  /** receivedAt + 30 days (Art. 12(3)). */
  dueAt: z.iso.datetime(),
  /** Still open or in progress after the due date. */
  overdue: z.boolean(),
  completedAt: z.iso.datetime().nullable(),
  verificationNote: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** The export this request produced, if any. */
  exportId: z.uuid().nullable(),
});
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;

/** `GET /admin/privacy-requests?status=&type=&overdue=&userId=&page=&pageSize=`. */
export const privacyRequestQuerySchema = pageQuerySchema.extend({
  status: privacyRequestStatusSchema.optional(),
  type: privacyRequestTypeSchema.optional(),
  overdue: z.stringbool().optional(),
  /** Only this account's requests (the data inventory page). */
  userId: z.uuid().optional(),
});
export const privacyRequestPageSchema = pageOf(privacyRequestSchema);

/** `POST /admin/privacy-requests`: a request received by email or letter. */
export const recordPrivacyRequestSchema = z.object({
  userId: z.uuid(),
  type: privacyRequestTypeSchema,
  channel: z.enum(['email', 'letter']),
  receivedAt: z.iso.datetime(),
  /** How the requester's identity was verified (required: Art. 12(6)). */
  verificationNote: z.string().trim().min(1).max(PRIVACY_LIMITS.requestNoteMax),
  note: z.string().trim().max(PRIVACY_LIMITS.requestNoteMax).optional(),
});
export type RecordPrivacyRequest = z.infer<typeof recordPrivacyRequestSchema>;

/** `PATCH /admin/privacy-requests/{id}`: status and note (rectification, rejection with reason). */
export const updatePrivacyRequestSchema = z.object({
  status: privacyRequestStatusSchema.optional(),
  note: z.string().trim().max(PRIVACY_LIMITS.requestNoteMax).optional(),
});

/** `POST /admin/privacy-requests/{id}/run-export` → 202 with the export id. */
export const privacyRunExportResultSchema = z.object({ exportId: z.uuid() });

/** `POST /admin/privacy-requests/{id}/run-erasure` (erasure requests; runs at once, no cancel window). */
export const privacyRunErasureSchema = z.object({ nanos: erasureNanoChoiceSchema });

/** `POST /admin/users/{id}/restriction/lift`: ends an Art. 18 restriction. */
export const liftRestrictionSchema = z.object({
  note: z.string().trim().max(PRIVACY_LIMITS.requestNoteMax).optional(),
});

/** The data categories of the inventory, in the order the console shows them. */
export const DATA_CATEGORIES = [
  'account',
  'profile',
  'consents',
  'sessions',
  'nanos',
  'nano_versions',
  'ratings',
  'rating_replies',
  'favorites',
  'lists',
  'saved_searches',
  'chat_sessions',
  'chat_messages',
  'notifications',
  'flags_submitted',
  'data_exports',
  'audit_events',
] as const;
export const dataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof dataCategorySchema>;

/** `GET /admin/users/{id}/data-inventory`: counts per category and what erasure does with each. */
export const dataInventorySchema = z.object({
  userId: z.uuid(),
  items: z.array(
    z.object({
      category: dataCategorySchema,
      count: z.number().int().nonnegative(),
      /** What erasure does: deleted, anonymised, de-identified (kept for others) or retained (legal). */
      onErasure: z.enum(['deleted', 'anonymised', 'deidentified', 'retained']),
    }),
  ),
});
export type DataInventory = z.infer<typeof dataInventorySchema>;

// ---- Retention ----

export const RETENTION_JOBS = [
  'audit_events',
  'archived_nanos',
  'inactive_accounts',
  'data_exports',
  'unverified_accounts',
  'mail_outbox',
] as const;
export const retentionJobSchema = z.enum(RETENTION_JOBS);
export type RetentionJob = z.infer<typeof retentionJobSchema>;

/** What one retention run did (or, in a dry run, would do). */
export const retentionReportSchema = z.object({
  dryRun: z.boolean(),
  ranAt: z.iso.datetime(),
  jobs: z.array(
    z.object({
      job: retentionJobSchema,
      /** Rows or accounts affected (warned + anonymised for inactive accounts). */
      affected: z.number().int().nonnegative(),
      details: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type RetentionReport = z.infer<typeof retentionReportSchema>;
