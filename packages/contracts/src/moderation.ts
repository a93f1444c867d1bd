import { z } from 'zod';
import { flagReasonSchema } from './chat.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import { reasonCodeSchema } from './moderation-reasons.ts';
import { NANO_LIMITS, nanoSchema, nanoStatusSchema } from './nanos.ts';

/** Every limit and period of moderation, trust and safety (SPEC §4.6), named once. */
export const MODERATION_LIMITS = {
  /** Review answered within this many hours counts as an SLA hit. */
  slaTargetHours: 24,
  /** Older queue items are overdue (red; Prometheus alerts). */
  slaAlertHours: 48,
  /** A reviewer's claim on a Nano expires after this many minutes. */
  claimMinutes: 30,
  /** Submissions per calendar month of a creator who is not trusted yet. */
  newCreatorMonthlySubmissions: 5,
  /** Approved submissions after which a creator is trusted. */
  trustAfterApprovals: 10,
  /** Share of a trusted creator's directly published versions sampled for post-publication review. */
  sampleRate: 0.1,
  /** Upheld flags on a trusted creator's content that cost the trust. */
  trustLossUpheldFlags: 2,
  /** Hours the creator has to answer a confirmed takedown notice before the Nano is archived. */
  takedownResponseHours: 48,
  /** Upheld takedown notices against one creator within {@link takedownRepeatMonths} that suspend uploads. */
  takedownRepeatCount: 3,
  takedownRepeatMonths: 12,
  /** Hours a takedown confirmation link stays valid. */
  takedownConfirmHours: 48,
  /** Takedown notices one IP address may send per hour. */
  takedownNoticesPerHour: 5,
  /** Days after a decision within which the affected user may appeal (once). */
  appealDays: 14,
  appealTextMin: 10,
  appealTextMax: 5000,
  statementMax: 5000,
  noteMax: NANO_LIMITS.noteMax,
  flagDescriptionMax: 1000,
  /** Flags (`POST /flags`) one user may send per hour. */
  flagsPerHour: 20,
  takedownTextMax: 5000,
  takedownResponseMax: 5000,
  reasonsMax: 5,
} as const;

/** The checklist of the review screen (SPEC §4.6); approving needs every item ticked. */
export const REVIEW_CHECKLIST = [
  'copyright',
  'privacy',
  'harassment',
  'topic_fit',
  'metadata_complete',
] as const;
export const reviewChecklistItemSchema = z.enum(REVIEW_CHECKLIST);
export type ReviewChecklistItem = z.infer<typeof reviewChecklistItemSchema>;

/** What a moderation decision did. `approve`, `restore` and `none` restrict nothing. */
export const MODERATION_ACTIONS = [
  'approve',
  'request_changes',
  'reject',
  'hide',
  'archive',
  'delete',
  'suspend',
  'warn',
  'restore',
  'none',
] as const;
export const moderationActionSchema = z.enum(MODERATION_ACTIONS);
export type ModerationAction = z.infer<typeof moderationActionSchema>;

/** Actions that restrict the affected user: each needs a statement of reasons and may be appealed. */
export const RESTRICTING_ACTIONS = [
  'request_changes',
  'reject',
  'hide',
  'archive',
  'delete',
  'suspend',
  'warn',
] as const satisfies readonly ModerationAction[];

/** Where a decision came from. */
export const DECISION_SOURCES = ['review', 'sample', 'flag', 'takedown', 'appeal', 'admin'] as const;
export const decisionSourceSchema = z.enum(DECISION_SOURCES);

/** What a decision is about. */
export const MODERATION_TARGET_TYPES = ['nano', 'rating', 'message', 'user', 'chat'] as const;
export const moderationTargetTypeSchema = z.enum(MODERATION_TARGET_TYPES);
export type ModerationTargetType = z.infer<typeof moderationTargetTypeSchema>;

/** The statement of reasons of one decision, as the affected user and staff see it. */
export const moderationDecisionSchema = z.object({
  id: z.uuid(),
  targetType: moderationTargetTypeSchema,
  targetId: z.uuid(),
  /** The Nano's title, the user's display name, an excerpt of the comment or message. */
  targetLabel: z.string(),
  action: moderationActionSchema,
  source: decisionSourceSchema,
  /** The rules cited (codes of REASON_TEMPLATES). */
  reasons: z.array(reasonCodeSchema),
  /** The facts and circumstances, in the moderator's words. */
  statement: z.string(),
  /** Whether automated means detected or decided it (e.g. the chat filter, the takedown deadline job). */
  automated: z.boolean(),
  decidedAt: z.iso.datetime(),
  /** Until when the affected user may appeal; null when the decision restricts nothing. */
  appealableUntil: z.iso.datetime().nullable(),
  /** The appeal against it, if any. */
  appeal: z
    .object({ id: z.uuid(), status: z.enum(['open', 'upheld', 'reversed']), createdAt: z.iso.datetime() })
    .nullable(),
});
export type ModerationDecision = z.infer<typeof moderationDecisionSchema>;
export const moderationDecisionPageSchema = pageOf(moderationDecisionSchema);

// ---- Review workspace ----

export const REVIEW_QUEUE_TYPES = ['new', 'update', 'sampled'] as const;
export const reviewQueueTypeSchema = z.enum(REVIEW_QUEUE_TYPES);
export type ReviewQueueType = z.infer<typeof reviewQueueTypeSchema>;
export const slaStateSchema = z.enum(['ok', 'warning', 'overdue']);
export type SlaState = z.infer<typeof slaStateSchema>;

/** `GET /moderation/queue?type=&sort=&page=&pageSize=`. */
export const reviewQueueQuerySchema = pageQuerySchema.extend({
  type: reviewQueueTypeSchema.default('new'),
  sort: z.enum(['oldest', 'newest']).default('oldest'),
});

/** A person as the moderation screens show them. */
export const personSchema = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

/** Who holds the review of a Nano, until when. */
export const reviewClaimSchema = z.object({ by: personSchema, expiresAt: z.iso.datetime() });
export type ReviewClaim = z.infer<typeof reviewClaimSchema>;

/** `POST /moderation/nanos/{id}/decision`. Reject and request changes need at least one reason. */
export const moderationReviewDecisionSchema = z.object({
  decision: z.enum(['approve', 'request_changes', 'reject']),
  checklist: z.partialRecord(reviewChecklistItemSchema, z.boolean()).default({}),
  reasons: z.array(reasonCodeSchema).max(MODERATION_LIMITS.reasonsMax).default([]),
  note: z.string().trim().max(MODERATION_LIMITS.noteMax).default(''),
});
export type ModerationReviewDecision = z.input<typeof moderationReviewDecisionSchema>;

/** One changed metadata field between the published and the submitted version. */
export const metadataChangeSchema = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** `GET /moderation/nanos/{id}`: everything a reviewer needs on one screen. */
export const reviewDetailSchema = z.object({
  nano: nanoSchema,
  /** The queue the item is in; null when nothing waits for a decision. */
  queueType: reviewQueueTypeSchema.nullable(),
  /** The version to decide on (files via GET /nanos/{id}/versions/{versionId}/…). */
  version: z
    .object({
      id: z.uuid(),
      semver: z.string().nullable(),
      changelog: z.string().nullable(),
      submittedAt: z.iso.datetime().nullable(),
      sizeBytes: z.number().int(),
      fileCount: z.number().int(),
      packageKind: z.enum(['html', 'scorm']).nullable(),
      files: z.array(z.object({ path: z.string(), sizeBytes: z.number().int(), mimeType: z.string() })),
    })
    .nullable(),
  /** Metadata fields changed since the last approved version (empty for a first submission). */
  metadataChanges: z.array(metadataChangeSchema),
  ageHours: z.number().nullable(),
  sla: slaStateSchema.nullable(),
  claim: reviewClaimSchema.nullable(),
  creator: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    memberSince: z.iso.datetime(),
    verified: z.boolean(),
    trusted: z.boolean(),
    approvedCount: z.number().int(),
    rejectedCount: z.number().int(),
    submissionsThisMonth: z.number().int(),
    openFlags: z.number().int(),
    upheldTakedowns: z.number().int(),
  }),
  /** Earlier review decisions on this Nano, newest first. */
  history: z.array(
    z.object({
      decision: z.enum(['approve', 'request_changes', 'reject']),
      reviewer: z.string(),
      reasons: z.array(z.string()),
      note: z.string(),
      at: z.iso.datetime(),
    }),
  ),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

/** `GET /moderation/overview`: the size and oldest age of every queue, for the workspace tabs. */
export const MODERATION_QUEUES = [
  'new',
  'update',
  'sampled',
  'flags',
  'held_messages',
  'takedowns',
  'appeals',
] as const;
export const moderationQueueNameSchema = z.enum(MODERATION_QUEUES);
export const moderationOverviewSchema = z.object({
  queues: z.array(
    z.object({
      queue: moderationQueueNameSchema,
      count: z.number().int(),
      oldestAgeHours: z.number().nullable(),
      sla: slaStateSchema.nullable(),
    }),
  ),
});
export type ModerationOverview = z.infer<typeof moderationOverviewSchema>;

// ---- Flags ----

export const FLAG_TARGET_TYPES = ['nano', 'rating', 'message', 'user'] as const;
export const flagTargetTypeSchema = z.enum(FLAG_TARGET_TYPES);
export type FlagTargetType = z.infer<typeof flagTargetTypeSchema>;

/** `POST /flags` (any logged-in user; one open flag per user and target). */
export const createFlagRequestSchema = z.object({
  targetType: flagTargetTypeSchema,
  targetId: z.uuid(),
  reason: flagReasonSchema,
  description: z.string().trim().max(MODERATION_LIMITS.flagDescriptionMax).default(''),
});
export type CreateFlagRequest = z.input<typeof createFlagRequestSchema>;

/** `GET /moderation/flags?status=&targetType=&page=&pageSize=` (oldest first). */
export const flagQueueQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'resolved']).default('open'),
  targetType: flagTargetTypeSchema.optional(),
});

/** The flagged thing, as the queue shows it (an excerpt; the detail shows it in context). */
export const flaggedTargetSchema = z.object({
  type: flagTargetTypeSchema,
  id: z.uuid(),
  label: z.string(),
  /** The owner of the content (the user itself for a user flag); null once erased. */
  owner: personSchema.nullable(),
  /** Where the content lives in the web app (a Nano page, a profile), when it has a page. */
  nanoId: z.uuid().nullable(),
  /** False once the content is gone (deleted); the flag can still be resolved. */
  exists: z.boolean(),
});

export const flagEntrySchema = z.object({
  id: z.uuid(),
  reason: flagReasonSchema,
  description: z.string(),
  reporter: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});

/** One queue entry: a flagged target with its flags (resolving one resolves all open ones on it). */
export const flagQueueItemSchema = z.object({
  /** The oldest flag's id: the handle for detail and resolve. */
  id: z.uuid(),
  target: flaggedTargetSchema,
  flags: z.array(flagEntrySchema),
  firstFlaggedAt: z.iso.datetime(),
  ageHours: z.number(),
  sla: slaStateSchema,
});
export type FlagQueueItem = z.infer<typeof flagQueueItemSchema>;
export const flagQueuePageSchema = pageOf(flagQueueItemSchema);

/**
 * `GET /moderation/flags/{id}`: the flagged content in context (a message with the messages
 * around it, a comment with its Nano, a user with their recent content). Each view is audited.
 */
export const flagDetailSchema = flagQueueItemSchema.extend({
  context: z.object({
    /** The full text of a rating comment or message, a Nano's description, a user's bio. */
    text: z.string().nullable(),
    /** For a message: the conversation around it, oldest first. */
    messages: z
      .array(
        z.object({
          id: z.uuid(),
          sender: z.string(),
          text: z.string(),
          createdAt: z.iso.datetime(),
          flagged: z.boolean(),
        }),
      )
      .optional(),
    /** For a rating: its score and the Nano it belongs to. */
    rating: z.object({ score: z.number().int(), hidden: z.boolean() }).optional(),
    /** For a Nano: its status. */
    nanoStatus: nanoStatusSchema.optional(),
  }),
  /** Earlier decisions about the target's owner, newest first. */
  ownerHistory: z.array(moderationDecisionSchema),
  /** Which resolve actions fit this target type. */
  allowedActions: z.array(z.enum(['none', 'warning', 'hide', 'archive', 'delete', 'suspend'])),
});
export type FlagDetail = z.infer<typeof flagDetailSchema>;

export const FLAG_ACTIONS = ['none', 'warning', 'hide', 'archive', 'delete', 'suspend'] as const;

/** `POST /moderation/flags/{id}/resolve`. Any action but `none` needs a reason and a statement. */
export const resolveFlagRequestSchema = z.object({
  action: z.enum(FLAG_ACTIONS),
  reasons: z.array(reasonCodeSchema).max(MODERATION_LIMITS.reasonsMax).default([]),
  statement: z.string().trim().max(MODERATION_LIMITS.statementMax).default(''),
  /** For `suspend`: until when (absent = indefinitely). */
  suspendUntil: z.iso.datetime().optional(),
});
export type ResolveFlagRequest = z.input<typeof resolveFlagRequestSchema>;

/** The answer of `POST /moderation/flags/{id}/resolve`: the decision taken and how many flags it resolved. */
export const resolveFlagResponseSchema = z.object({
  decision: moderationDecisionSchema,
  flagsResolved: z.number().int(),
});
export type ResolveFlagResponse = z.infer<typeof resolveFlagResponseSchema>;

// ---- Appeals ----

/** `POST /appeals` (the affected user; once per decision; within 14 days). */
export const createAppealRequestSchema = z.object({
  decisionId: z.uuid(),
  text: z.string().trim().min(MODERATION_LIMITS.appealTextMin).max(MODERATION_LIMITS.appealTextMax),
});

/**
 * `POST /appeal-links/{token}`: the appeal of a suspended user by the signed link of the statement
 * of reasons (no session); the decision comes from the token.
 */
export const appealLinkRequestSchema = createAppealRequestSchema.pick({ text: true });

export const appealSchema = z.object({
  id: z.uuid(),
  decision: moderationDecisionSchema,
  appellant: personSchema.nullable(),
  text: z.string(),
  status: z.enum(['open', 'upheld', 'reversed']),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** The second moderator's statement. */
  outcomeStatement: z.string().nullable(),
  /** Who decided the original decision (the appeal must go to someone else). */
  originalModerator: personSchema.nullable(),
  ageHours: z.number(),
  sla: slaStateSchema,
});
export type Appeal = z.infer<typeof appealSchema>;
export const appealPageSchema = pageOf(appealSchema);
export const appealQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'decided']).default('open'),
});

/** `POST /moderation/appeals/{id}/decide`: reverse undoes the decision, uphold keeps it. */
export const appealDecisionRequestSchema = z.object({
  outcome: z.enum(['reverse', 'uphold']),
  statement: z.string().trim().min(1).max(MODERATION_LIMITS.statementMax),
});
