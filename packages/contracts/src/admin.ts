import { z } from 'zod';
import { categoryNameSchema } from './categories.ts';
import { flagReasonSchema } from './chat.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import { roleSchema, userStatusSchema } from './identity.ts';
import { MODERATION_LIMITS, moderationDecisionSchema } from './moderation.ts';
import { reasonCodeSchema } from './moderation-reasons.ts';
import { nanoStatusSchema } from './nanos.ts';

/** Limits of the admin console, named once. */
export const ADMIN_LIMITS = {
  /** Longest search text of the users table. */
  userQueryMax: 100,
  registerNumberMax: 100,
  verificationNoteMax: 1000,
  /** Rows one audit CSV export holds at most (narrow the filters for more). */
  auditExportMaxRows: 50_000,
  /** Longest range of the analytics dashboard. */
  analyticsMaxDays: 366,
  /** Range of the dashboard when none is given. */
  analyticsDefaultDays: 30,
  /** Entries of the top and zero-result search lists. */
  analyticsTopSearches: 10,
  categorySlugMax: 60,
} as const;

// ---- Users ----

/** `GET /admin/users?q=&role=&status=&page=&pageSize=`. */
export const adminUserQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(ADMIN_LIMITS.userQueryMax).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
});

export const adminUserSchema = z.object({
  id: z.uuid(),
  username: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  status: userStatusSchema,
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  verifiedProvider: z.boolean(),
  suspendedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserPageSchema = pageOf(adminUserSchema);

/** `GET /admin/users/{id}`: the user with their history. */
export const adminUserDetailSchema = adminUserSchema.extend({
  company: z.string().nullable(),
  /** The provider verification behind the badge, if granted. */
  providerVerification: z
    .object({
      registerNumber: z.string(),
      note: z.string(),
      verifiedAt: z.iso.datetime(),
      verifiedBy: z.string().nullable(),
    })
    .nullable(),
  counts: z.object({
    nanos: z.number().int(),
    publishedNanos: z.number().int(),
    ratings: z.number().int(),
    flagsAgainst: z.number().int(),
    warnings: z.number().int(),
  }),
  trusted: z.boolean(),
  /** Moderation decisions affecting the user (statements of reasons), newest first. */
  decisions: z.array(moderationDecisionSchema),
  /** The latest audit events about the user (target = user), newest first. */
  recentAudit: z.array(
    z.object({ action: z.string(), actor: z.string().nullable(), at: z.iso.datetime(), outcome: z.string() }),
  ),
});
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;

/** `PATCH /admin/users/{id}` (admins cannot change their own role or remove the last admin). */
export const adminUserUpdateSchema = z.object({ role: roleSchema });

/** `POST /admin/users/{id}/suspend`: `until` absent = until lifted. */
export const suspendUserRequestSchema = z.object({
  until: z.iso.datetime().optional(),
  reasons: z.array(reasonCodeSchema).min(1).max(MODERATION_LIMITS.reasonsMax),
  statement: z.string().trim().min(1).max(MODERATION_LIMITS.statementMax),
});
export const unsuspendUserRequestSchema = z.object({
  note: z.string().trim().max(MODERATION_LIMITS.noteMax).default(''),
});
/** `POST /admin/users/{id}/warn`. */
export const warnUserRequestSchema = z.object({
  reasons: z.array(reasonCodeSchema).min(1).max(MODERATION_LIMITS.reasonsMax),
  statement: z.string().trim().min(1).max(MODERATION_LIMITS.statementMax),
});
/** `POST /admin/users/{id}/verify-provider`: grants the verified badge. */
export const verifyProviderRequestSchema = z.object({
  registerNumber: z.string().trim().min(2).max(ADMIN_LIMITS.registerNumberMax),
  note: z.string().trim().max(ADMIN_LIMITS.verificationNoteMax).default(''),
});

// ---- Taxonomy ----

/** A category as the taxonomy editor shows it (inactive ones included). */
export const adminCategorySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: categoryNameSchema,
  parentId: z.uuid().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  /** Nanos (any status but deleted) filed under it. */
  nanoCount: z.number().int(),
});
export type AdminCategory = z.infer<typeof adminCategorySchema>;
export const adminCategoryTreeSchema = z.object({
  items: z.array(adminCategorySchema.extend({ children: z.array(adminCategorySchema) })),
});
export type AdminCategoryTree = z.infer<typeof adminCategoryTreeSchema>;

const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(ADMIN_LIMITS.categorySlugMax)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** `POST /admin/categories` (two levels: a parent must be top-level). */
export const createCategoryRequestSchema = z.object({
  slug: slugSchema,
  name: categoryNameSchema,
  parentId: z.uuid().nullable().default(null),
});
/** `PATCH /admin/categories/{id}`: rename, move (new parent and/or position), (de)activate. */
export const updateCategoryRequestSchema = z.object({
  name: categoryNameSchema.optional(),
  parentId: z.uuid().nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});

// ---- Audit log viewer ----

/** `GET /admin/audit?actor=&action=&target=&from=&to=&page=` (actor: id or username; target: id). */
export const auditQuerySchema = pageQuerySchema.extend({
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  target: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), username: z.string().nullable(), displayName: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  /** Extra facts, e.g. `before`/`after` values of admin changes. */
  details: z.record(z.string(), z.unknown()),
  /** Anonymised network only. */
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditEventPageSchema = pageOf(auditEventSchema);
/** `GET /admin/audit/actions`: the filter's choices. */
export const auditActionListSchema = z.object({ items: z.array(z.string()) });

// ---- Platform analytics ----

/** `GET /admin/analytics?from=&to=` (days, inclusive; default the last 30). */
export const platformAnalyticsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

const dayCount = z.object({ day: z.iso.date(), count: z.number().int() });

export const platformAnalyticsSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  activeUsers: z.object({
    /** On the range's last day, its last 7 and its last 30 days. */
    dau: z.number().int(),
    wau: z.number().int(),
    mau: z.number().int(),
    daily: z.array(dayCount),
  }),
  registrations: z.array(dayCount),
  nanosByStatus: z.array(z.object({ status: nanoStatusSchema, count: z.number().int() })),
  uploadsPerDay: z.array(dayCount),
  ratingDistribution: z.array(z.object({ stars: z.number().int().min(1).max(5), count: z.number().int() })),
  moderation: z.object({
    queueSize: z.number().int(),
    oldestAgeHours: z.number().nullable(),
    /** Review decisions in the range, and the share decided within 24 h of submission (null without any). */
    decided: z.number().int(),
    slaHitRate: z.number().min(0).max(1).nullable(),
    /** Per day: decisions and how many of them met the SLA. */
    daily: z.array(z.object({ day: z.iso.date(), decided: z.number().int(), withinSla: z.number().int() })),
  }),
  flagsByReason: z.array(z.object({ reason: flagReasonSchema, count: z.number().int() })),
  topSearches: z.array(z.object({ query: z.string(), count: z.number().int() })),
  zeroResultSearches: z.array(z.object({ query: z.string(), count: z.number().int() })),
  /** From this instance's own request metrics since it started. */
  errors: z.object({ requests: z.number().int(), serverErrors: z.number().int(), rate: z.number() }),
});
export type PlatformAnalytics = z.infer<typeof platformAnalyticsSchema>;
