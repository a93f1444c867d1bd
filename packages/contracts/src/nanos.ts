import { z } from 'zod';
import { pageOf } from './common.ts';

/** Metadata limits and vocabularies of a Nano (SPEC §3). */
export const NANO_LIMITS = {
  titleMax: 200,
  descriptionMax: 1000,
  durationMin: 1,
  durationMax: 600,
  categoriesMin: 1,
  categoriesMax: 5,
  tagsMax: 10,
  tagMax: 40,
  licenseTermsMax: 2000,
  changelogMax: 2000,
  noteMax: 2000,
} as const;

export const NANO_LEVELS = [1, 2, 3] as const;
/** ISO 639-1 languages offered for Nanos. */
export const NANO_LANGUAGES = ['de', 'en', 'fr', 'es', 'it', 'nl', 'pl', 'tr', 'uk', 'ar'] as const;
export const NANO_FORMATS = ['video', 'text', 'quiz', 'interactive', 'mixed'] as const;
export const NANO_LICENSES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'proprietary'] as const;
export const NANO_STATUSES = [
  'draft',
  'pending_review',
  'changes_requested',
  'published',
  /** Taken offline by moderation while a notice or flag is examined ("wird geprüft"). */
  'hidden',
  'rejected',
  'archived',
  'deleted',
] as const;
export const VERSION_STATUSES = [
  'draft',
  'pending_review',
  'changes_requested',
  'approved',
  'rejected',
] as const;
export const REVIEW_DECISIONS = ['approve', 'request_changes', 'reject'] as const;

export const nanoLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const nanoLanguageSchema = z.enum(NANO_LANGUAGES);
export const nanoFormatSchema = z.enum(NANO_FORMATS);
export const nanoLicenseSchema = z.enum(NANO_LICENSES);
export const nanoStatusSchema = z.enum(NANO_STATUSES);
export const versionStatusSchema = z.enum(VERSION_STATUSES);
export type NanoStatus = z.infer<typeof nanoStatusSchema>;
export type VersionStatus = z.infer<typeof versionStatusSchema>;

const tagSchema = z.string().trim().min(1).max(NANO_LIMITS.tagMax);

/** The metadata fields without defaults: the shape of a partial update, where absent means unchanged. */
const nanoMetadataFields = z.object({
  title: z.string().trim().min(1).max(NANO_LIMITS.titleMax),
  description: z.string().trim().min(1).max(NANO_LIMITS.descriptionMax),
  durationMinutes: z.number().int().min(NANO_LIMITS.durationMin).max(NANO_LIMITS.durationMax),
  level: nanoLevelSchema,
  language: nanoLanguageSchema,
  format: nanoFormatSchema,
  license: nanoLicenseSchema,
  licenseTerms: z.string().trim().max(NANO_LIMITS.licenseTermsMax).nullable(),
  /** 1–5 category ids. */
  categoryIds: z.array(z.uuid()).min(NANO_LIMITS.categoriesMin).max(NANO_LIMITS.categoriesMax),
  tags: z.array(tagSchema).max(NANO_LIMITS.tagsMax),
  downloadAllowed: z.boolean(),
});

/** The editable metadata of a Nano. `licenseTerms` is required for the proprietary licence. */
export const nanoMetadataSchema = nanoMetadataFields.extend({
  licenseTerms: nanoMetadataFields.shape.licenseTerms.default(null),
  tags: nanoMetadataFields.shape.tags.default([]),
  downloadAllowed: nanoMetadataFields.shape.downloadAllowed.default(false),
});
export type NanoMetadata = z.input<typeof nanoMetadataSchema>;

/** `POST /nanos`: a draft may start incomplete; only the title is required. */
export const createNanoRequestSchema = nanoMetadataSchema.partial().extend({
  title: nanoMetadataSchema.shape.title,
});
/** `PATCH /nanos/{id}`: any subset (absent fields stay as they are); `rowVersion` (or `If-Match`) guards against lost updates. */
export const updateNanoRequestSchema = nanoMetadataFields.partial().extend({
  /** The `rowVersion` the client last read; a mismatch answers 412. */
  rowVersion: z.number().int().min(1).optional(),
});

/** One file inside a version's ZIP. */
export const nanoFileSchema = z.object({
  path: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  kind: z.string(),
});
export type NanoFile = z.infer<typeof nanoFileSchema>;

export const nanoVersionSchema = z.object({
  id: z.uuid(),
  /** Semantic version, "1.0.0" for the first published file. */
  semver: z.string(),
  changelog: z.string().nullable(),
  status: versionStatusSchema,
  sizeBytes: z.number().int(),
  fileCount: z.number().int(),
  sha256: z.string(),
  /** 'html' or 'scorm' when the ZIP is a web package with an entry page. */
  packageKind: z.enum(['html', 'scorm']).nullable(),
  current: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type NanoVersion = z.infer<typeof nanoVersionSchema>;

export const creatorCardSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  verified: z.boolean(),
  publishedNanos: z.number().int(),
  averageRating: z.number().nullable(),
});

/** A Nano as its detail page shows it. */
export const nanoSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number().int().nullable(),
  level: nanoLevelSchema.nullable(),
  language: nanoLanguageSchema.nullable(),
  format: nanoFormatSchema.nullable(),
  license: nanoLicenseSchema.nullable(),
  licenseTerms: z.string().nullable(),
  categoryIds: z.array(z.uuid()),
  tags: z.array(z.string()),
  downloadAllowed: z.boolean(),
  status: nanoStatusSchema,
  /** Optimistic-concurrency counter; send it back with PATCH. */
  rowVersion: z.number().int(),
  thumbnailUrl: z.string().nullable(),
  currentVersion: nanoVersionSchema.nullable(),
  /** A newer version waiting for review (owner and staff only). */
  pendingVersion: nanoVersionSchema.nullable(),
  creator: creatorCardSchema,
  counters: z.object({
    views: z.number().int(),
    downloads: z.number().int(),
    favorites: z.number().int(),
    ratingAverage: z.number().nullable(),
    ratingCount: z.number().int(),
  }),
  /** What the caller may do now, so the UI shows only real actions. */
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    archive: z.boolean(),
    restore: z.boolean(),
    delete: z.boolean(),
    download: z.boolean(),
    review: z.boolean(),
  }),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Nano = z.infer<typeof nanoSchema>;

/** A Nano in lists (own Nanos, queue). */
export const nanoSummarySchema = nanoSchema
  .pick({
    id: true,
    title: true,
    status: true,
    thumbnailUrl: true,
    counters: true,
    durationMinutes: true,
    level: true,
    language: true,
    format: true,
    updatedAt: true,
    publishedAt: true,
  })
  .extend({ hasPendingVersion: z.boolean() });
export type NanoSummary = z.infer<typeof nanoSummarySchema>;
export const nanoSummaryPageSchema = pageOf(nanoSummarySchema);

export const nanoVersionListSchema = z.object({ items: z.array(nanoVersionSchema) });
export const nanoFileListSchema = z.object({ versionId: z.uuid(), items: z.array(nanoFileSchema) });

export const reviewDecisionRequestSchema = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  reasons: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  note: z.string().trim().max(NANO_LIMITS.noteMax).default(''),
});

/** One entry of the review queue. */
export const reviewQueueItemSchema = z.object({
  nanoId: z.uuid(),
  versionId: z.uuid(),
  title: z.string(),
  creator: z.object({ username: z.string(), displayName: z.string() }),
  /**
   * `new` for a Nano waiting for its publication, `update` for a new version of a published Nano,
   * `sampled` for a trusted creator's directly published version picked for review afterwards.
   */
  type: z.enum(['new', 'update', 'sampled']),
  semver: z.string(),
  submittedAt: z.iso.datetime(),
  ageHours: z.number(),
  /** ok below 24 h, warning up to 48 h, overdue beyond. */
  sla: z.enum(['ok', 'warning', 'overdue']),
  /**
   * Who reviews it right now, until when (the shape of `reviewClaimSchema` in moderation.ts, which
   * imports this file); null or absent when nobody holds an unexpired claim.
   */
  claim: z
    .object({
      by: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
      expiresAt: z.iso.datetime(),
    })
    .nullable()
    .optional(),
});
export const reviewQueueSchema = pageOf(reviewQueueItemSchema);
