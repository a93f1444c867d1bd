import { z } from 'zod';

/**
 * Privacy (DSGVO, SPEC §4.7): consents, legal documents, data export (Art. 15/20), erasure
 * (Art. 17) and restriction (Art. 18). Every limit and period is named once here.
 */
export const PRIVACY_LIMITS = {
  /** A ready export can be downloaded this long, then its file is deleted. */
  exportValidDays: 7,
  /** Downloading an export needs a sign-in (or re-authentication) at most this old. */
  recentLoginMinutes: 15,
  /** Open or building exports per user at a time. */
  exportsInProgressMax: 1,
  /** Export requests per user and day. */
  exportsPerDay: 3,
  /** An erasure can be cancelled by the emailed link for this long, then it runs. */
  erasureCancelDays: 7,
  /** Longest free-text reason a user may give for erasure or restriction. */
  reasonMax: 1000,
  /** Statutory answer period of a data-subject request (Art. 12(3)). */
  requestDueDays: 30,
  /** Longest note on a privacy request (identity verification, handling). */
  requestNoteMax: 2000,
  /** Longest legal document body (Markdown), per language. */
  legalBodyMax: 100_000,
  legalTitleMax: 200,
  legalChangeNoteMax: 500,
} as const;

/** Retention periods of the daily jobs (SPEC §4.7), named once. */
export const RETENTION = {
  auditEventYears: 7,
  archivedNanoYears: 2,
  /** Accounts without a sign-in this long get a warning email … */
  inactiveAccountMonths: 12,
  /** … and are anonymised this many days after the warning unless they sign in. */
  inactiveGraceDays: 30,
  /** Accounts that never verified their email are deleted after this many days. */
  unverifiedAccountDays: 7,
  /** Copies of sent mails in the embedded mailer's outbox (no SMTP configured) are kept this long. */
  mailOutboxDays: 30,
} as const;

/** The display name an erased account shows wherever its content stays. */
export const ERASED_USER_NAME = { de: 'Gelöschter Nutzer', en: 'Deleted user' } as const;

// ---- Legal documents ----

export const LEGAL_DOCUMENT_KINDS = ['privacy', 'terms', 'imprint'] as const;
export const legalDocumentKindSchema = z.enum(LEGAL_DOCUMENT_KINDS);
export type LegalDocumentKind = z.infer<typeof legalDocumentKindSchema>;
/** The documents a user accepts (and re-accepts when a new version requires it). */
export const ACCEPTED_DOCUMENT_KINDS = ['privacy', 'terms'] as const;
export const acceptedDocumentKindSchema = z.enum(ACCEPTED_DOCUMENT_KINDS);

/** `GET /legal/{kind}?version=`: the current (or a given) version, both languages. */
export const legalDocumentSchema = z.object({
  kind: legalDocumentKindSchema,
  version: z.number().int().positive(),
  title: z.object({ de: z.string(), en: z.string() }),
  /** Markdown subset: `#`/`##`/`###` headings, paragraphs, `-` lists, `**bold**`, links, `|` tables. */
  body: z.object({ de: z.string(), en: z.string() }),
  /** A new version that users must accept before they continue (privacy and terms only). */
  requiresAcceptance: z.boolean(),
  changeNote: z.string().nullable(),
  publishedAt: z.iso.datetime(),
});
export type LegalDocument = z.infer<typeof legalDocumentSchema>;

/** `GET /legal/{kind}/versions`: the version history (without bodies). */
export const legalVersionListSchema = z.object({
  items: z.array(legalDocumentSchema.omit({ body: true })),
});

/** `POST /admin/legal/{kind}` (admins): publishes a new version. */
export const publishLegalDocumentSchema = z.object({
  title: z.object({
    de: z.string().trim().min(1).max(PRIVACY_LIMITS.legalTitleMax),
    en: z.string().trim().min(1).max(PRIVACY_LIMITS.legalTitleMax),
  }),
  body: z.object({
    de: z.string().trim().min(1).max(PRIVACY_LIMITS.legalBodyMax),
    en: z.string().trim().min(1).max(PRIVACY_LIMITS.legalBodyMax),
  }),
  /** Ignored for the imprint (never accepted); for privacy and terms: ask everyone again. */
  requiresAcceptance: z.boolean(),
  changeNote: z.string().trim().max(PRIVACY_LIMITS.legalChangeNoteMax).optional(),
});
export type PublishLegalDocument = z.infer<typeof publishLegalDocumentSchema>;

/** A document version the signed-in user still has to accept (part of `currentUser`). */
export const pendingLegalSchema = z.object({
  kind: acceptedDocumentKindSchema,
  version: z.number().int().positive(),
});
export type PendingLegal = z.infer<typeof pendingLegalSchema>;

/** `POST /me/legal-acceptances`: accepts the named versions (must be the current ones). */
export const legalAcceptanceRequestSchema = z.object({
  documents: z.array(pendingLegalSchema).min(1).max(ACCEPTED_DOCUMENT_KINDS.length),
});

// ---- Consents ----

export const CONSENT_TYPES = ['terms', 'privacy', 'marketing', 'notification_email'] as const;
export const consentTypeSchema = z.enum(CONSENT_TYPES);
export type ConsentType = z.infer<typeof consentTypeSchema>;
/** The consents a user switches freely; terms and privacy are accepted, not toggled. */
export const OPTIONAL_CONSENT_TYPES = ['marketing', 'notification_email'] as const;
export const optionalConsentTypeSchema = z.enum(OPTIONAL_CONSENT_TYPES);

export const consentRecordSchema = z.object({
  id: z.uuid(),
  type: consentTypeSchema,
  /** The text version consented to (terms and privacy: the document version; others: the consent text version). */
  textVersion: z.number().int().positive(),
  given: z.boolean(),
  source: z.enum(['registration', 'settings', 'login', 'admin']),
  at: z.iso.datetime(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** `GET /me/consents`: the current state per type and the full history, newest first. */
export const consentOverviewSchema = z.object({
  current: z.object({
    marketing: z.boolean(),
    notification_email: z.boolean(),
    /** The accepted document versions (null: never accepted). */
    terms: z.number().int().nullable(),
    privacy: z.number().int().nullable(),
  }),
  pending: z.array(pendingLegalSchema),
  history: z.array(consentRecordSchema),
});
export type ConsentOverview = z.infer<typeof consentOverviewSchema>;

/** `POST /me/consents`. */
export const consentChangeSchema = z.object({ type: optionalConsentTypeSchema, given: z.boolean() });
export type ConsentChange = z.infer<typeof consentChangeSchema>;

// ---- Data export ----

export const DATA_EXPORT_STATUSES = ['pending', 'building', 'ready', 'failed', 'expired'] as const;
export const dataExportStatusSchema = z.enum(DATA_EXPORT_STATUSES);

export const dataExportSchema = z.object({
  id: z.uuid(),
  status: dataExportStatusSchema,
  /** Bytes of the ZIP once ready. */
  sizeBytes: z.number().int().nullable(),
  requestedAt: z.iso.datetime(),
  readyAt: z.iso.datetime().nullable(),
  /** Until when the download works (ready exports). */
  expiresAt: z.iso.datetime().nullable(),
  downloadedAt: z.iso.datetime().nullable(),
  /** True when an admin started it on the user's behalf. */
  onBehalf: z.boolean(),
});
export type DataExport = z.infer<typeof dataExportSchema>;
export const dataExportListSchema = z.object({ items: z.array(dataExportSchema) });

/** `POST /me/data-exports` → 202. */
export const dataExportAcceptedSchema = z.object({ id: z.uuid(), status: dataExportStatusSchema });

/** `POST /me/reauthenticate`: confirms the password (and 2FA) for sensitive actions. */
export const reauthenticateSchema = z.object({
  password: z.string().min(1).max(200),
  twoFactorCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

// ---- Erasure and restriction ----

export const ERASURE_NANO_CHOICES = ['keep_anonymised', 'delete'] as const;
export const erasureNanoChoiceSchema = z.enum(ERASURE_NANO_CHOICES);
export type ErasureNanoChoice = z.infer<typeof erasureNanoChoiceSchema>;

/** `POST /me/erasure`. */
export const erasureRequestSchema = z.object({
  password: z.string().min(1).max(200),
  /** Required when 2FA is on. */
  twoFactorCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  nanos: erasureNanoChoiceSchema,
  reason: z.string().trim().max(PRIVACY_LIMITS.reasonMax).optional(),
});
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

/** Answer of `POST /me/erasure` (202): the account is deactivated, anonymised at `scheduledFor`. */
export const erasureScheduledSchema = z.object({
  status: z.literal('scheduled'),
  scheduledFor: z.iso.datetime(),
});

/** `POST /erasure/cancel` {token} (public, from the confirmation email). */
export const erasureCancelSchema = z.object({ token: z.string().min(16).max(400) });
export const erasureCancelResultSchema = z.object({ status: z.literal('cancelled') });

/** `POST /me/restriction`. */
export const restrictionRequestSchema = z.object({
  password: z.string().min(1).max(200),
  twoFactorCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  reason: z.string().trim().max(PRIVACY_LIMITS.reasonMax).optional(),
});
