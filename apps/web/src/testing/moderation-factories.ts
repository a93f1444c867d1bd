import type {
  Appeal,
  FlagDetail,
  FlagQueueItem,
  ModerationDecision,
  ModerationOverview,
  ReviewDetail,
  Takedown,
} from '@nano/contracts';
import { createNano, createNanoVersion } from './factories.ts';

/** A person as moderation answers name them. */
export function createPerson(overrides: Partial<{ id: string; username: string; displayName: string }> = {}) {
  return { id: crypto.randomUUID(), username: 'mod2', displayName: 'Maria Moderatorin', ...overrides };
}

/** `GET /moderation/overview`: every queue empty unless given (`{ new: [3, 'overdue'] }`). */
export function createOverview(
  counts: Partial<
    Record<
      ModerationOverview['queues'][number]['queue'],
      [number, ModerationOverview['queues'][number]['sla']]
    >
  > = {},
): ModerationOverview {
  const queues = ['new', 'update', 'sampled', 'flags', 'held_messages', 'takedowns', 'appeals'] as const;
  return {
    queues: queues.map((queue) => {
      const [count, sla] = counts[queue] ?? [0, null];
      return { queue, count, oldestAgeHours: count > 0 ? 30 : null, sla };
    }),
  };
}

/** `GET /moderation/nanos/{id}`: a first submission of a new creator, waiting 3 hours, nobody holds it. */
export function createReviewDetail(overrides: Partial<ReviewDetail> = {}): ReviewDetail {
  const pending = createNanoVersion({ semver: '—', status: 'pending_review', current: false });
  const nano = createNano({ status: 'pending_review', pendingVersion: pending });
  return {
    nano,
    queueType: 'new',
    version: {
      id: pending.id,
      semver: null,
      changelog: null,
      submittedAt: '2026-05-04T09:00:00.000Z',
      sizeBytes: 1_234_567,
      fileCount: 3,
      packageKind: null,
      files: [{ path: 'folien.pdf', sizeBytes: 2048, mimeType: 'application/pdf' }],
    },
    metadataChanges: [],
    ageHours: 3,
    sla: 'ok',
    claim: null,
    creator: {
      id: crypto.randomUUID(),
      username: 'bildungswerk',
      displayName: 'Bildungswerk Nord',
      memberSince: '2025-01-10T08:00:00.000Z',
      verified: true,
      trusted: false,
      approvedCount: 4,
      rejectedCount: 1,
      submissionsThisMonth: 2,
      openFlags: 0,
      upheldTakedowns: 0,
    },
    history: [],
    ...overrides,
  };
}

/** A statement of reasons: a rejection of a Nano by a moderator, appealable. */
export function createDecision(overrides: Partial<ModerationDecision> = {}): ModerationDecision {
  return {
    id: crypto.randomUUID(),
    targetType: 'nano',
    targetId: crypto.randomUUID(),
    targetLabel: 'Pivot-Tabellen in 10 Minuten',
    action: 'archive',
    source: 'flag',
    reasons: ['copyright'],
    statement: 'Die Folien 3 bis 7 stammen aus einem fremden Lehrbuch.',
    automated: false,
    decidedAt: '2026-05-03T10:00:00.000Z',
    appealableUntil: '2026-05-17T10:00:00.000Z',
    appeal: null,
    ...overrides,
  };
}

/** A flagged rating comment with two flags, 30 hours old. */
export function createFlagQueueItem(overrides: Partial<FlagQueueItem> = {}): FlagQueueItem {
  const id = crypto.randomUUID();
  return {
    id,
    target: {
      type: 'rating',
      id: crypto.randomUUID(),
      label: 'Totaler Schrott, der Autor ist ein Idiot',
      owner: createPerson({ username: 'bert', displayName: 'Bert Böse' }),
      nanoId: crypto.randomUUID(),
      exists: true,
    },
    flags: [
      {
        id,
        reason: 'harassment',
        description: 'Beleidigt den Anbieter',
        reporter: { username: 'anna', displayName: 'Anna Beispiel' },
        status: 'open',
        resolution: null,
        createdAt: '2026-05-03T08:00:00.000Z',
        resolvedAt: null,
      },
      {
        id: crypto.randomUUID(),
        reason: 'harassment',
        description: '',
        reporter: { username: 'carl', displayName: 'Carl Kunde' },
        status: 'open',
        resolution: null,
        createdAt: '2026-05-03T09:00:00.000Z',
        resolvedAt: null,
      },
    ],
    firstFlaggedAt: '2026-05-03T08:00:00.000Z',
    ageHours: 30,
    sla: 'warning',
    ...overrides,
  };
}

/** `GET /moderation/flags/{id}` of a flagged rating. */
export function createFlagDetail(overrides: Partial<FlagDetail> = {}): FlagDetail {
  return {
    ...createFlagQueueItem(),
    context: { text: 'Totaler Schrott, der Autor ist ein Idiot', rating: { score: 1, hidden: false } },
    ownerHistory: [],
    allowedActions: ['none', 'warning', 'hide', 'delete'],
    ...overrides,
  };
}

/** A confirmed takedown notice awaiting the creator's response (due in 40 hours from `now`). */
export function createTakedown(overrides: Partial<Takedown> = {}, now = Date.now()): Takedown {
  return {
    id: crypto.randomUUID(),
    nano: {
      id: crypto.randomUUID(),
      title: 'Excel-Basics',
      status: 'hidden',
      creator: createPerson({ username: 'clara', displayName: 'Clara Creator' }),
    },
    complainantName: 'Verlag Muster GmbH',
    complainantEmail: 'recht@verlag-muster.example',
    work: 'Lehrbuch „Tabellenkalkulation für alle“, Kapitel 3',
    originalLocation: 'https://verlag-muster.example/buecher/tabellen',
    status: 'awaiting_response',
    createdAt: new Date(now - 9 * 3_600_000).toISOString(),
    confirmedAt: new Date(now - 8 * 3_600_000).toISOString(),
    responseDueAt: new Date(now + 40 * 3_600_000).toISOString(),
    response: null,
    decidedAt: null,
    ageHours: 8,
    sla: 'ok',
    ...overrides,
  };
}

/** An open appeal against an archive decision by "Maria Moderatorin". */
export function createAppeal(overrides: Partial<Appeal> = {}): Appeal {
  return {
    id: crypto.randomUUID(),
    decision: createDecision(),
    appellant: createPerson({ username: 'clara', displayName: 'Clara Creator' }),
    text: 'Die Folien habe ich selbst erstellt; das Lehrbuch hat sie von mir übernommen.',
    status: 'open',
    createdAt: '2026-05-04T08:00:00.000Z',
    decidedAt: null,
    outcomeStatement: null,
    originalModerator: createPerson(),
    ageHours: 5,
    sla: 'ok',
    ...overrides,
  };
}
