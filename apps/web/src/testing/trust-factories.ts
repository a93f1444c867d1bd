import type {
  ModerationDecision,
  ownTakedownSchema,
  TakedownConfirmResponse,
  TransparencyReport,
} from '@nano/contracts';
import type { z } from 'zod';

type OwnTakedown = z.infer<typeof ownTakedownSchema>;

const HOUR = 3_600_000;

/** An ISO timestamp `hours` from now (negative: in the past). */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * HOUR).toISOString();
}

/**
 * A statement of reasons as `GET /me/moderation-decisions` lists it: by default a Nano archived
 * after a flag, appealable for another 13 days, not appealed.
 */
export function createDecision(overrides: Partial<ModerationDecision> = {}): ModerationDecision {
  return {
    id: crypto.randomUUID(),
    targetType: 'nano',
    targetId: crypto.randomUUID(),
    targetLabel: 'Pivot-Tabellen in 10 Minuten',
    action: 'archive',
    source: 'flag',
    reasons: ['copyright'],
    statement:
      'Die Folien 3 bis 7 stammen aus einem Lehrbuch, dessen Nutzungsrechte nicht nachgewiesen sind.',
    automated: false,
    decidedAt: hoursFromNow(-24),
    appealableUntil: hoursFromNow(13 * 24),
    appeal: null,
    ...overrides,
  };
}

/** A notice against the caller's Nano (`GET /me/takedown-notices`): by default confirmed 2 hours ago, awaiting the answer. */
export function createOwnTakedown(overrides: Partial<OwnTakedown> = {}): OwnTakedown {
  return {
    id: crypto.randomUUID(),
    nano: {
      id: crypto.randomUUID(),
      title: 'Pivot-Tabellen in 10 Minuten',
      status: 'hidden',
      creator: { id: crypto.randomUUID(), username: 'bildungswerk', displayName: 'Bildungswerk Nord' },
    },
    complainantName: 'Verlag Beispiel GmbH',
    work: 'Lehrbuch „Excel für Profis“, Kapitel 4 mit den Abbildungen 4.1 bis 4.6.',
    originalLocation: 'https://verlag.example/excel-fuer-profis',
    status: 'awaiting_response',
    createdAt: hoursFromNow(-3),
    confirmedAt: hoursFromNow(-2),
    responseDueAt: hoursFromNow(46),
    response: null,
    decidedAt: null,
    ...overrides,
  };
}

/** The answer of `POST /takedown-notices/confirm` for a freshly confirmed notice. */
export function createTakedownConfirmation(
  overrides: Partial<TakedownConfirmResponse> = {},
): TakedownConfirmResponse {
  return {
    status: 'awaiting_response',
    nanoTitle: 'Pivot-Tabellen in 10 Minuten',
    responseDueAt: '2026-06-03T10:00:00.000Z',
    ...overrides,
  };
}

/** A year's transparency report with a few of everything. */
export function createTransparencyReport(overrides: Partial<TransparencyReport> = {}): TransparencyReport {
  return {
    year: 2026,
    generatedAt: '2026-06-01T10:00:00.000Z',
    notices: [
      { type: 'takedown', count: 3 },
      { type: 'flag_nano', count: 12 },
      { type: 'flag_rating', count: 5 },
      { type: 'flag_message', count: 7 },
      { type: 'flag_user', count: 1 },
    ],
    flagsByReason: [
      { reason: 'spam', count: 9 },
      { reason: 'harassment', count: 6 },
      { reason: 'copyright', count: 10 },
    ],
    actions: [
      { action: 'approve', source: 'review', count: 120, automated: 0 },
      { action: 'reject', source: 'review', count: 8, automated: 0 },
      { action: 'hide', source: 'takedown', count: 3, automated: 3 },
      { action: 'archive', source: 'flag', count: 4, automated: 0 },
      { action: 'archive', source: 'takedown', count: 1, automated: 1 },
    ],
    medianHoursToDecision: { reviews: 5.5, flags: 20, takedowns: null },
    appeals: { received: 4, upheld: 2, reversed: 1, open: 1 },
    ...overrides,
  };
}
