import { z } from 'zod';
import { flagReasonSchema } from './chat.ts';
import { pageOf, pageQuerySchema } from './common.ts';
import {
  decisionSourceSchema,
  MODERATION_LIMITS,
  moderationActionSchema,
  personSchema,
  slaStateSchema,
} from './moderation.ts';
import { reasonCodeSchema } from './moderation-reasons.ts';
import { nanoStatusSchema } from './nanos.ts';

/** Notice and action (takedown notices, EU DSA Art. 16) and the public transparency report. */

// ---- Takedown notices (notice and action) ----

export const TAKEDOWN_STATUSES = [
  /** Submitted, waiting for the complainant to confirm their email address. */
  'unconfirmed',
  /** Confirmed: the Nano is hidden, the creator has 48 h to respond. */
  'awaiting_response',
  /** The creator answered; a moderator decides. */
  'responded',
  /** The moderator upheld the notice (the Nano stays removed). */
  'upheld',
  /** The moderator rejected the notice (the Nano is visible again). */
  'rejected',
  /** No answer within 48 h: archived automatically. */
  'expired',
] as const;
export const takedownStatusSchema = z.enum(TAKEDOWN_STATUSES);
export type TakedownStatus = z.infer<typeof takedownStatusSchema>;

/** `POST /takedown-notices` (public; rate limited; confirmed by email). */
export const takedownNoticeRequestSchema = z.object({
  nanoId: z.uuid(),
  complainantName: z.string().trim().min(2).max(200),
  complainantEmail: z.email().max(254),
  /** The work whose rights are infringed. */
  work: z.string().trim().min(10).max(MODERATION_LIMITS.takedownTextMax),
  /** Where the original can be found (URL or description). */
  originalLocation: z.string().trim().min(3).max(2000),
  /** "I believe in good faith that the use is not authorised." */
  goodFaith: z.literal(true),
  /** "The information is accurate, and I am the rights holder or authorised to act for them." */
  accuracy: z.literal(true),
});
export type TakedownNoticeRequest = z.input<typeof takedownNoticeRequestSchema>;

/** `POST /takedown-notices/confirm` {token} from the confirmation email. */
export const takedownConfirmRequestSchema = z.object({ token: z.string().min(16).max(200) });

/** The answer of `POST /takedown-notices` (202): the confirmation email is on its way. */
export const takedownNoticeAcceptedSchema = z.object({ status: z.literal('confirmation_sent') });

/**
 * The answer of `POST /takedown-notices/confirm`: the notice's state (a repeated confirm answers
 * the same). Once confirmed, the Nano is hidden while the notice is examined.
 */
export const takedownConfirmResponseSchema = z.object({
  status: takedownStatusSchema,
  nanoTitle: z.string(),
  /** Until when the creator may answer; null before confirmation. */
  responseDueAt: z.iso.datetime().nullable(),
});
export type TakedownConfirmResponse = z.infer<typeof takedownConfirmResponseSchema>;

/** A takedown notice as staff see it. */
export const takedownSchema = z.object({
  id: z.uuid(),
  nano: z.object({
    id: z.uuid(),
    title: z.string(),
    status: nanoStatusSchema,
    creator: personSchema.nullable(),
  }),
  complainantName: z.string(),
  complainantEmail: z.string(),
  work: z.string(),
  originalLocation: z.string(),
  status: takedownStatusSchema,
  createdAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
  responseDueAt: z.iso.datetime().nullable(),
  response: z.object({ text: z.string(), at: z.iso.datetime() }).nullable(),
  decidedAt: z.iso.datetime().nullable(),
  ageHours: z.number(),
  sla: slaStateSchema,
});
export type Takedown = z.infer<typeof takedownSchema>;
export const takedownPageSchema = pageOf(takedownSchema);

/** `GET /moderation/takedowns?status=` (open = awaiting_response + responded). */
export const takedownQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'decided', ...TAKEDOWN_STATUSES]).default('open'),
});

/** A notice against the caller's own Nano (`GET /me/takedown-notices`): no complainant email. */
export const ownTakedownSchema = takedownSchema.omit({ complainantEmail: true, ageHours: true, sla: true });
export const ownTakedownListSchema = z.object({ items: z.array(ownTakedownSchema) });

/** `POST /nanos/{id}/takedown-response` (the creator's counter-notice). */
export const takedownResponseRequestSchema = z.object({
  text: z.string().trim().min(10).max(MODERATION_LIMITS.takedownResponseMax),
});

/** `POST /moderation/takedowns/{id}/decide`: uphold removes the Nano (archive), reject restores it. */
export const takedownDecisionRequestSchema = z.object({
  outcome: z.enum(['uphold', 'reject']),
  reasons: z.array(reasonCodeSchema).max(MODERATION_LIMITS.reasonsMax).default([]),
  statement: z.string().trim().min(1).max(MODERATION_LIMITS.statementMax),
});

// ---- Transparency report (public) ----

export const transparencyQuerySchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});

export const transparencyReportSchema = z.object({
  year: z.number().int(),
  generatedAt: z.iso.datetime(),
  /** Notices received: takedown notices and user flags per target type. */
  notices: z.array(
    z.object({
      type: z.enum(['takedown', 'flag_nano', 'flag_rating', 'flag_message', 'flag_user']),
      count: z.number().int(),
    }),
  ),
  flagsByReason: z.array(z.object({ reason: flagReasonSchema, count: z.number().int() })),
  /** Decisions taken, by action and source; `automated` counts those made by automated means. */
  actions: z.array(
    z.object({
      action: moderationActionSchema,
      source: decisionSourceSchema,
      count: z.number().int(),
      automated: z.number().int(),
    }),
  ),
  /** Median hours from notice (or submission) to decision; null without any. */
  medianHoursToDecision: z.object({
    reviews: z.number().nullable(),
    flags: z.number().nullable(),
    takedowns: z.number().nullable(),
  }),
  appeals: z.object({
    received: z.number().int(),
    upheld: z.number().int(),
    reversed: z.number().int(),
    open: z.number().int(),
  }),
});
export type TransparencyReport = z.infer<typeof transparencyReportSchema>;
