import type { NanoStatus } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import * as repo from './ratings.repository.ts';

type Db = Kysely<Database>;

/** A rating as moderation sees it (flags, decisions, appeals). */
export interface RatingSubject {
  id: string;
  nanoId: string;
  nanoTitle: string;
  nanoStatus: NanoStatus;
  nanoCreatorId: string;
  /** The rater; null once their account is erased. */
  userId: string | null;
  score: number;
  comment: string | null;
  commentHidden: boolean;
}

/** The rating with its Nano; undefined when it does not exist (any more). */
export async function ratingSubject(db: Db, ratingId: string): Promise<RatingSubject | undefined> {
  const row = await db
    .selectFrom('ratings')
    .innerJoin('nanos', 'nanos.id', 'ratings.nano_id')
    .select([
      'ratings.id',
      'ratings.nano_id',
      'ratings.user_id',
      'ratings.score',
      'ratings.comment',
      'ratings.comment_hidden_at',
      'nanos.title',
      'nanos.status',
      'nanos.creator_id',
    ])
    .where('ratings.id', '=', ratingId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return {
    id: row.id,
    nanoId: row.nano_id,
    nanoTitle: row.title,
    nanoStatus: row.status as NanoStatus,
    nanoCreatorId: row.creator_id,
    userId: row.user_id,
    score: row.score,
    comment: row.comment,
    commentHidden: row.comment_hidden_at !== null,
  };
}

/**
 * Hides a rating's comment for everyone but its author and staff ("score kept, text hidden"), in
 * the caller's transaction. The score still counts, so the Nano's figures stay as they are.
 * Returns whether it was hidden before.
 */
export async function hideComment(
  db: Db,
  input: { ratingId: string; by: string | null; now: Date },
): Promise<{ wasHidden: boolean }> {
  const rating = await repo.lockRating(db, input.ratingId);
  if (!rating) {
    throw new AppError('not_found');
  }
  if (rating.comment_hidden_at === null) {
    await repo.updateRating(db, rating.id, { comment_hidden_at: input.now, comment_hidden_by: input.by });
  }
  return { wasHidden: rating.comment_hidden_at !== null };
}

/** Shows a hidden comment again (an appeal reversed the decision), in the caller's transaction. */
export async function unhideComment(db: Db, input: { ratingId: string }): Promise<{ wasHidden: boolean }> {
  const rating = await repo.lockRating(db, input.ratingId);
  if (!rating) {
    return { wasHidden: false };
  }
  if (rating.comment_hidden_at !== null) {
    await repo.updateRating(db, rating.id, { comment_hidden_at: null, comment_hidden_by: null });
  }
  return { wasHidden: rating.comment_hidden_at !== null };
}

/**
 * Deletes a rating for a moderation decision, in the caller's transaction, in the order every
 * rating write follows (docs/feedback.md): the Nano's row locked first, then the rating deleted
 * and the Nano's count and average recomputed.
 */
export async function deleteRatingByModeration(db: Db, input: { ratingId: string }): Promise<void> {
  const found = await db
    .selectFrom('ratings')
    .select('nano_id')
    .where('id', '=', input.ratingId)
    .executeTakeFirst();
  if (!found) {
    throw new AppError('not_found');
  }
  await repo.lockNano(db, found.nano_id);
  await repo.deleteRating(db, input.ratingId);
  await repo.recountNano(db, found.nano_id);
}
