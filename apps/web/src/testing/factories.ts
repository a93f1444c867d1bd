import type {
  Category,
  CategoryTreeNode,
  CurrentUser,
  Problem,
  Profile,
  PublicProfile,
  Session,
} from '@nano/contracts';

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
