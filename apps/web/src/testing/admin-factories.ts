import type {
  AdminCategory,
  AdminCategoryTree,
  AdminUser,
  AdminUserDetail,
  AuditEvent,
  ModerationDecision,
  PlatformAnalytics,
} from '@nano/contracts';

/** An account as the admin users table lists it (`GET /api/v1/admin/users`). */
export function createAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: crypto.randomUUID(),
    username: 'berta',
    displayName: 'Berta Beispiel',
    email: 'berta@example.org',
    role: 'creator',
    status: 'active',
    emailVerified: true,
    twoFactorEnabled: false,
    verifiedProvider: false,
    suspendedUntil: null,
    lastLoginAt: '2026-05-18T09:30:00.000Z',
    createdAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

/** A statement of reasons as the admin user page shows it. */
export function createDecision(overrides: Partial<ModerationDecision> = {}): ModerationDecision {
  return {
    id: crypto.randomUUID(),
    targetType: 'user',
    targetId: crypto.randomUUID(),
    targetLabel: 'Berta Beispiel',
    action: 'warn',
    source: 'admin',
    reasons: ['spam'],
    statement: 'Wiederholte Werbung in Kommentaren.',
    automated: false,
    decidedAt: '2026-05-02T10:00:00.000Z',
    appealableUntil: '2026-05-16T10:00:00.000Z',
    appeal: null,
    ...overrides,
  };
}

/** One account with its history (`GET /api/v1/admin/users/{id}`). */
export function createAdminUserDetail(overrides: Partial<AdminUserDetail> = {}): AdminUserDetail {
  return {
    ...createAdminUser(),
    company: 'VHS Musterstadt',
    providerVerification: null,
    counts: { nanos: 7, publishedNanos: 5, ratings: 12, flagsAgainst: 1, warnings: 1 },
    trusted: false,
    decisions: [createDecision()],
    recentAudit: [
      { action: 'user.warned', actor: 'demo-admin', at: '2026-05-02T10:00:00.000Z', outcome: 'success' },
      { action: 'auth.login.success', actor: 'berta', at: '2026-05-01T08:00:00.000Z', outcome: 'success' },
    ],
    ...overrides,
  };
}

/** A category of the taxonomy editor. */
export function createAdminCategory(overrides: Partial<AdminCategory> = {}): AdminCategory {
  return {
    id: crypto.randomUUID(),
    slug: 'business',
    name: { de: 'Business Skills', en: 'Business skills' },
    parentId: null,
    position: 0,
    active: true,
    nanoCount: 0,
    ...overrides,
  };
}

/** Two top-level categories with children, one child deactivated (`GET /api/v1/admin/categories`). */
export function createAdminCategoryTree(): AdminCategoryTree {
  const business = createAdminCategory({ slug: 'business', nanoCount: 12 });
  const it = createAdminCategory({
    slug: 'it',
    name: { de: 'IT & Software', en: 'IT & software' },
    position: 1,
  });
  const child = (parentId: string, slug: string, de: string, en: string, position: number, extra = {}) =>
    createAdminCategory({ slug, name: { de, en }, parentId, position, nanoCount: 3, ...extra });
  return {
    items: [
      {
        ...business,
        children: [
          child(business.id, 'business-excel', 'Excel', 'Excel', 0),
          child(business.id, 'business-projektmanagement', 'Projektmanagement', 'Project management', 1),
        ],
      },
      {
        ...it,
        children: [
          child(it.id, 'it-python', 'Python', 'Python', 0),
          child(it.id, 'it-cobol', 'COBOL', 'COBOL', 1, { active: false, nanoCount: 1 }),
        ],
      },
    ],
  };
}

/** One audit log event (`GET /api/v1/admin/audit`). */
export function createAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq: 100,
    at: '2026-05-20T12:34:56.000Z',
    actor: { id: crypto.randomUUID(), username: 'demo-admin', displayName: 'Demo Admin' },
    action: 'user.role_changed',
    targetType: 'user',
    targetId: crypto.randomUUID(),
    outcome: 'success',
    details: { before: { role: 'consumer' }, after: { role: 'moderator' } },
    ip: '192.0.2.0/24',
    userAgent: 'Mozilla/5.0',
    ...overrides,
  };
}

/** The days `from`..`to`, both included. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/** The platform dashboard's figures for a range (`GET /api/v1/admin/analytics`). */
export function createPlatformAnalytics(
  from = '2026-05-01',
  to = '2026-05-03',
  overrides: Partial<PlatformAnalytics> = {},
): PlatformAnalytics {
  const days = daysOf(from, to);
  return {
    from,
    to,
    activeUsers: {
      dau: 42,
      wau: 180,
      mau: 1234,
      daily: days.map((day, index) => ({ day, count: 40 + index })),
    },
    registrations: days.map((day) => ({ day, count: 3 })),
    nanosByStatus: [
      { status: 'published', count: 25 },
      { status: 'pending_review', count: 4 },
      { status: 'draft', count: 6 },
    ],
    uploadsPerDay: days.map((day) => ({ day, count: 2 })),
    ratingDistribution: [
      { stars: 5, count: 20 },
      { stars: 4, count: 10 },
      { stars: 1, count: 2 },
    ],
    moderation: {
      queueSize: 4,
      oldestAgeHours: 30,
      decided: 8,
      slaHitRate: 0.875,
      daily: days.map((day) => ({ day, decided: 2, withinSla: 2 })),
    },
    flagsByReason: [
      { reason: 'spam', count: 5 },
      { reason: 'copyright', count: 1 },
    ],
    topSearches: [
      { query: 'excel', count: 120 },
      { query: 'python', count: 80 },
    ],
    zeroResultSearches: [{ query: 'sap hana', count: 7 }],
    errors: { requests: 20_000, serverErrors: 3, rate: 0.00015 },
    ...overrides,
  };
}
