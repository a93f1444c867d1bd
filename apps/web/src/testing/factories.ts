import type {
  Category,
  CategoryTreeNode,
  CurrentUser,
  Nano,
  NanoFile,
  NanoSummary,
  NanoVersion,
  Problem,
  Profile,
  PublicProfile,
  reviewQueueItemSchema,
  Session,
} from '@nano/contracts';
import type { z } from 'zod';

type Names = [de: string, en: string];

/** A top-level category with children, shaped as `GET /api/v1/categories` returns it. */
export function createCategoryNode(
  slug: string,
  [de, en]: Names,
  children: Array<[slug: string, names: Names]> = [],
  position = 0,
): CategoryTreeNode {
  const id = crypto.randomUUID();
  return {
    id,
    slug,
    name: { de, en },
    parentId: null,
    position,
    children: children.map(
      ([childSlug, [childDe, childEn]], index): Category => ({
        id: crypto.randomUUID(),
        slug: childSlug,
        name: { de: childDe, en: childEn },
        parentId: id,
        position: index,
      }),
    ),
  };
}

/** A small slice of the seeded taxonomy: two top-level categories with a few children each. */
export function createCategoryTree(): { items: CategoryTreeNode[] } {
  return {
    items: [
      createCategoryNode(
        'business',
        ['Business Skills', 'Business skills'],
        [
          ['business-excel', ['Excel', 'Excel']],
          ['business-projektmanagement', ['Projektmanagement', 'Project management']],
        ],
        0,
      ),
      createCategoryNode(
        'it',
        ['IT & Software', 'IT & software'],
        [
          ['it-python', ['Python', 'Python']],
          ['it-ki', ['Künstliche Intelligenz', 'Artificial intelligence']],
        ],
        1,
      ),
    ],
  };
}

/** An RFC 9457 problem as the API sends it. */
export function createProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    type: 'about:blank',
    title: 'Dienst vorübergehend nicht verfügbar',
    status: 503,
    code: 'service_unavailable',
    ...overrides,
  };
}

/** The signed-in user as `GET /auth/me` returns it. */
export function createCurrentUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: crypto.randomUUID(),
    email: 'anna@example.org',
    username: 'anna',
    displayName: 'Anna Beispiel',
    role: 'consumer',
    status: 'active',
    emailVerified: true,
    twoFactorEnabled: false,
    locale: 'de',
    mustChangePassword: false,
    mustEnrollTwoFactor: false,
    pendingLegal: [],
    avatarUrl: null,
    ...overrides,
  };
}

/** The owner's profile as `GET /me/profile` returns it. */
export function createProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    username: 'anna',
    displayName: 'Anna Beispiel',
    bio: null,
    company: null,
    jobTitle: null,
    website: null,
    phone: null,
    interests: [],
    locale: 'de',
    avatarUrl: null,
    role: 'consumer',
    ...overrides,
  };
}

/** A signed-in device as `GET /auth/sessions` lists it. */
export function createSession(overrides: Partial<Session> = {}): Session {
  return {
    id: crypto.randomUUID(),
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36',
    ip: '203.0.113.0',
    createdAt: '2025-05-01T08:00:00.000Z',
    lastUsedAt: '2025-05-02T09:30:00.000Z',
    current: false,
    ...overrides,
  };
}

/** What others see of a user, `GET /users/{username}`. */
export function createPublicProfile(overrides: Partial<PublicProfile> = {}): PublicProfile {
  return {
    id: '5d1c2b7e-3f4a-4b8c-9d0e-1f2a3b4c5d6e',
    username: 'bildungswerk',
    displayName: 'Bildungswerk Nord',
    role: 'creator',
    avatarUrl: null,
    bio: 'Wir machen Weiterbildung.',
    company: 'Bildungswerk Nord e. V.',
    jobTitle: 'Akademieleitung',
    website: 'https://bildungswerk.example',
    verified: true,
    memberSince: '2024-03-15T10:00:00.000Z',
    ...overrides,
  };
}

/** What an owner may do with a draft that has its file: everything but archive and restore. */
const OWNER_DRAFT_PERMISSIONS: Nano['permissions'] = {
  edit: true,
  submit: true,
  archive: false,
  restore: false,
  delete: true,
  download: false,
  review: false,
};

/** A version of a Nano, as the API presents it. */
export function createNanoVersion(overrides: Partial<NanoVersion> = {}): NanoVersion {
  return {
    id: crypto.randomUUID(),
    semver: '1.0.0',
    changelog: null,
    status: 'approved',
    sizeBytes: 1_234_567,
    fileCount: 3,
    sha256: 'a'.repeat(64),
    packageKind: null,
    current: true,
    createdAt: '2026-05-04T09:00:00.000Z',
    ...overrides,
  };
}

/** A Nano as `GET /nanos/{id}` returns it: by default a complete draft of its owner, file uploaded. */
export function createNano(overrides: Partial<Nano> = {}): Nano {
  return {
    id: crypto.randomUUID(),
    title: 'Pivot-Tabellen in 10 Minuten',
    description: 'Daten auswerten mit Pivot-Tabellen: Schritt für Schritt.',
    durationMinutes: 10,
    level: 1,
    language: 'de',
    format: 'mixed',
    license: 'CC-BY-4.0',
    licenseTerms: null,
    categoryIds: [],
    tags: ['excel', 'pivot'],
    downloadAllowed: true,
    status: 'draft',
    rowVersion: 3,
    thumbnailUrl: null,
    currentVersion: null,
    pendingVersion: createNanoVersion({ semver: '—', status: 'draft', current: false }),
    creator: {
      username: 'bildungswerk',
      displayName: 'Bildungswerk Nord',
      avatarUrl: null,
      verified: true,
      publishedNanos: 12,
      averageRating: 4.3,
    },
    counters: { views: 1234, downloads: 56, favorites: 42, ratingAverage: 4.2, ratingCount: 15 },
    permissions: OWNER_DRAFT_PERMISSIONS,
    publishedAt: null,
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-02T08:00:00.000Z',
    ...overrides,
  };
}

/** A row of "Meine Nanos". */
export function createNanoSummary(overrides: Partial<NanoSummary> = {}): NanoSummary {
  return {
    id: crypto.randomUUID(),
    title: 'Pivot-Tabellen in 10 Minuten',
    status: 'draft',
    thumbnailUrl: null,
    counters: { views: 0, downloads: 0, favorites: 0, ratingAverage: null, ratingCount: 0 },
    durationMinutes: 10,
    level: 1,
    language: 'de',
    format: 'mixed',
    updatedAt: '2026-05-02T08:00:00.000Z',
    publishedAt: null,
    hasPendingVersion: false,
    ...overrides,
  };
}

/** A file of a version's listing. */
export function createNanoFile(path: string, kind: string, mimeType: string, size = 2048): NanoFile {
  return { path, kind, mimeType, size };
}

/** An entry of the review queue. */
export function createQueueItem(
  overrides: Partial<z.infer<typeof reviewQueueItemSchema>> = {},
): z.infer<typeof reviewQueueItemSchema> {
  return {
    nanoId: crypto.randomUUID(),
    versionId: crypto.randomUUID(),
    title: 'Datenschutz im Büro',
    creator: { username: 'bildungswerk', displayName: 'Bildungswerk Nord' },
    type: 'new',
    semver: '—',
    submittedAt: '2026-05-04T09:00:00.000Z',
    ageHours: 3,
    sla: 'ok',
    ...overrides,
  };
}

/** An in-app notification as `GET /me/notifications` lists it. */
export function createNotification(
  overrides: Partial<{
    id: string;
    type: string;
    payload: Record<string, unknown>;
    read: boolean;
    createdAt: string;
  }> = {},
) {
  return {
    id: crypto.randomUUID(),
    type: 'nano.review_decision',
    payload: {
      nanoId: crypto.randomUUID(),
      title: 'Pivot-Tabellen',
      decision: 'approve',
      note: '',
      update: false,
    },
    read: false,
    createdAt: '2026-05-04T09:00:00.000Z',
    ...overrides,
  };
}
