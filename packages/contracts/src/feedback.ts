import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.ts';
import { nanoStatusSchema } from './nanos.ts';
import { searchHitSchema } from './search.ts';

/** Limits of ratings, comments and favourites (SPEC §4.4). */
export const FEEDBACK_LIMITS = {
  /** Stars: 1 (poor) to 5 (excellent). */
  scoreMin: 1,
  scoreMax: 5,
  /** Characters of a rating's comment and of the creator's reply, after trimming. */
  commentMax: 500,
  replyMax: 500,
} as const;

export const RATING_SORTS = ['newest', 'helpful'] as const;
export const ratingSortSchema = z.enum(RATING_SORTS);
export type RatingSort = z.infer<typeof ratingSortSchema>;

/** Plain text: trimmed; an empty comment means none. HTML is stored and shown as text, never rendered. */
const plainText = (max: number) => z.string().trim().max(max);

/** `PUT /nanos/{id}/rating`: create or change the caller's own rating. */
export const upsertRatingRequestSchema = z.object({
  score: z.number().int().min(FEEDBACK_LIMITS.scoreMin).max(FEEDBACK_LIMITS.scoreMax),
  comment: plainText(FEEDBACK_LIMITS.commentMax).nullish(),
});
export type UpsertRatingRequest = z.input<typeof upsertRatingRequestSchema>;

/** `POST /ratings/{id}/reply`: the Nano's creator answers (one reply, editable). */
export const ratingReplyRequestSchema = z.object({
  text: plainText(FEEDBACK_LIMITS.replyMax).min(1),
});

/** Who wrote a rating or a reply. `verified` decides whether links in their text are clickable. */
export const feedbackAuthorSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  verified: z.boolean(),
});

export const ratingReplySchema = z.object({
  text: z.string(),
  author: feedbackAuthorSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** One rating with its comment as a Nano page lists it. */
export const ratingSchema = z.object({
  id: z.uuid(),
  nanoId: z.uuid(),
  score: z.number().int(),
  /** Null when there is none, or when moderators hid it and the caller is neither its author nor staff. */
  comment: z.string().nullable(),
  /** Moderators hid the comment text (its author and staff still see it, marked). */
  commentHidden: z.boolean(),
  author: feedbackAuthorSchema,
  helpfulCount: z.number().int(),
  /** The caller marked it helpful. */
  helpfulByMe: z.boolean(),
  /** The caller wrote it. */
  mine: z.boolean(),
  reply: ratingReplySchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Rating = z.infer<typeof ratingSchema>;

/** `GET /nanos/{id}/ratings?sort=&page=&pageSize=` */
export const ratingListQuerySchema = pageQuerySchema.extend({
  sort: ratingSortSchema.default('newest'),
});
export const ratingPageSchema = pageOf(ratingSchema);

/** `GET /nanos/{id}/rating-summary`: the figures and what the caller may do. */
export const ratingSummarySchema = z.object({
  average: z.number().nullable(),
  count: z.number().int(),
  /** Ratings per star: index 0 = 1 star … index 4 = 5 stars. */
  distribution: z.array(z.number().int()).length(5),
  /** The caller's own rating, if any. */
  mine: ratingSchema.nullable(),
  /** Signed in, not the Nano's creator, and the Nano is published. */
  canRate: z.boolean(),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** `PUT|DELETE /ratings/{id}/helpful` */
export const helpfulStateSchema = z.object({
  helpfulCount: z.number().int(),
  helpfulByMe: z.boolean(),
});

/** A rating with the Nano it belongs to: "Meine Bewertungen" and the creator's comment inbox. */
export const ratingWithNanoSchema = ratingSchema.extend({
  nano: z.object({
    id: z.uuid(),
    title: z.string(),
    thumbnailUrl: z.string().nullable(),
    status: nanoStatusSchema,
  }),
});
export type RatingWithNano = z.infer<typeof ratingWithNanoSchema>;
export const ratingWithNanoPageSchema = pageOf(ratingWithNanoSchema);

/** `GET /me/received-ratings`: ratings on the caller's own Nanos, newest first. */
export const receivedRatingsQuerySchema = pageQuerySchema.extend({
  nanoId: z.uuid().optional(),
  /** Only ratings with a comment and no reply yet. */
  unanswered: z.enum(['true', 'false']).optional(),
});

/** `PUT|DELETE /favorites/{nanoId}` (idempotent). */
export const favoriteStateSchema = z.object({
  favorited: z.boolean(),
  favoriteCount: z.number().int(),
});

/** `GET /me/favorites/ids`: every Nano the caller favourited, for the heart buttons on cards. */
export const favoriteIdsSchema = z.object({ ids: z.array(z.uuid()) });

export const FAVORITE_SORTS = ['added', 'title', 'rating', 'duration'] as const;
export const favoriteSortSchema = z.enum(FAVORITE_SORTS);

/** `GET /me/favorites`: the caller's favourites that are published now, with filters. */
export const favoriteListQuerySchema = pageQuerySchema.extend({
  sort: favoriteSortSchema.default('added'),
  /** Words in the title. */
  q: z.string().trim().max(200).optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
  language: z.string().max(5).optional(),
  format: z.string().max(20).optional(),
});

export const favoriteItemSchema = z.object({
  nano: searchHitSchema,
  addedAt: z.iso.datetime(),
});
export type FavoriteItem = z.infer<typeof favoriteItemSchema>;
export const favoritePageSchema = pageOf(favoriteItemSchema);
