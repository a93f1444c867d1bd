import type { Rating, RatingSummary, RatingWithNano } from '@nano/contracts';

type Author = Rating['author'];

/** Someone who rates: not verified (links in their text stay text). */
export function createAuthor(overrides: Partial<Author> = {}): Author {
  return { username: 'bernd', displayName: 'Bernd Muster', avatarUrl: null, verified: false, ...overrides };
}

/** A rating as `GET /nanos/{id}/ratings` lists it: by default 4 stars with a comment, no reply. */
export function createRating(overrides: Partial<Rating> = {}): Rating {
  return {
    id: crypto.randomUUID(),
    nanoId: crypto.randomUUID(),
    score: 4,
    comment: 'Gut erklärt, hat mir sehr geholfen.',
    commentHidden: false,
    author: createAuthor(),
    helpfulCount: 3,
    helpfulByMe: false,
    mine: false,
    reply: null,
    createdAt: '2026-05-10T09:00:00.000Z',
    updatedAt: '2026-05-10T09:00:00.000Z',
    ...overrides,
  };
}

/** The creator's reply under a rating. */
export function createReply(text = 'Danke für Ihr Feedback!'): NonNullable<Rating['reply']> {
  return {
    text,
    author: { username: 'bildungswerk', displayName: 'Bildungswerk Nord', avatarUrl: null, verified: true },
    createdAt: '2026-05-11T09:00:00.000Z',
    updatedAt: '2026-05-11T09:00:00.000Z',
  };
}

/** A rating with its Nano ("Meine Bewertungen", the creator's inbox). */
export function createRatingWithNano(
  overrides: Partial<RatingWithNano> = {},
  nano: Partial<RatingWithNano['nano']> = {},
): RatingWithNano {
  const nanoId = nano.id ?? overrides.nanoId ?? crypto.randomUUID();
  return {
    ...createRating({ nanoId, ...overrides }),
    nano: {
      id: nanoId,
      title: 'Pivot-Tabellen in 10 Minuten',
      thumbnailUrl: null,
      status: 'published',
      ...nano,
    },
  };
}

/** `GET /nanos/{id}/rating-summary`: 15 ratings, average 4.2, for a signed-in user who may rate. */
export function createRatingSummary(overrides: Partial<RatingSummary> = {}): RatingSummary {
  return { average: 4.2, count: 15, distribution: [1, 0, 2, 4, 8], mine: null, canRate: true, ...overrides };
}

/** A page of `items` as the list endpoints answer. */
export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 10) {
  return { items, total, page, pageSize };
}
