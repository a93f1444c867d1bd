import type {
  Rating,
  RatingSummary,
  ratingListQuerySchema,
  ratingPageSchema,
  ratingWithNanoPageSchema,
  receivedRatingsQuerySchema,
  upsertRatingRequestSchema,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { canSee, isStaff } from '../catalog/catalog.deps.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { RatingRow } from './feedback.tables.ts';
import {
  cardIdsOf,
  presentRating,
  presentRatingWithNano,
  type RatingContext,
  type Viewer,
} from './ratings.presenter.ts';
import * as repo from './ratings.repository.ts';

type Deps = Pick<ModuleDeps, 'db' | 'clock' | 'notifications'>;
type Db = Kysely<Database>;
type UpsertInput = z.output<typeof upsertRatingRequestSchema>;
type ListQuery = z.output<typeof ratingListQuerySchema>;
type ReceivedQuery = z.output<typeof receivedRatingsQuerySchema>;
type RatingPage = z.output<typeof ratingPageSchema>;
type RatingWithNanoPage = z.output<typeof ratingWithNanoPageSchema>;

const STARS = 5;

function viewerOf(auth: AuthContext | null): Viewer {
  return { userId: auth?.userId ?? null, staff: isStaff(auth) };
}

/** The Nano if the caller may see it (published for everyone; otherwise owner and staff); else 404. */
function visible<T extends repo.RatedNano>(auth: AuthContext | null, nano: T | undefined): T {
  if (!nano || !canSee(auth, nano)) {
    throw errors.notFound();
  }
  return nano;
}

/** Presents rows for one viewer: loads the authors' cards and the viewer's helpful marks once. */
async function present<R extends RatingRow, T>(
  db: Db,
  viewer: Viewer,
  rows: R[],
  shape: (row: R, context: RatingContext) => T,
): Promise<T[]> {
  const cards = await getUserCards(db, cardIdsOf(rows));
  // Nobody marks their own rating, so only the others' ratings need a look-up.
  const othersIds = rows.filter((row) => row.user_id !== viewer.userId).map((row) => row.id);
  const helpfulByViewer = viewer.userId
    ? await repo.helpfulIdsOf(db, viewer.userId, othersIds)
    : new Set<string>();
  return rows.map((row) => shape(row, { viewer, cards, helpfulByViewer }));
}

async function presentOne(db: Db, auth: AuthContext | null, row: RatingRow): Promise<Rating> {
  const [rating] = await present(db, viewerOf(auth), [row], presentRating);
  return rating as Rating;
}

/** Plain text as the contract trimmed it; an empty text means none. */
function textOrNull(text: string | null | undefined): string | null {
  return text ? text : null;
}

/**
 * Creates or replaces the caller's rating of a published Nano (a missing comment removes it). In
 * one transaction: the Nano's row is locked first, so concurrent ratings of that Nano run one after
 * the other; then the rating is written and the Nano's count and average recomputed from the rows.
 * A new rating notifies the creator, in the same transaction.
 */
export async function upsertRating(
  deps: Deps,
  auth: AuthContext,
  nanoId: string,
  input: UpsertInput,
): Promise<Rating> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const nano = visible(auth, await repo.lockNano(trx, nanoId));
    if (nano.creator_id === auth.userId) {
      throw new AppError('own_nano_rating');
    }
    if (nano.status !== 'published') {
      throw new AppError('nano_not_published');
    }
    const now = deps.clock.now();
    const comment = textOrNull(input.comment);
    const existing = await repo.findRatingOf(trx, nanoId, auth.userId);
    let saved: RatingRow;
    if (existing) {
      // A comment hidden by moderation stays hidden when its author edits it.
      saved = await repo.updateRating(trx, existing.id, { score: input.score, comment, updated_at: now });
    } else {
      saved = await repo.insertRating(trx, {
        id: uuidv7(),
        nano_id: nanoId,
        user_id: auth.userId,
        score: input.score,
        comment,
        created_at: now,
        updated_at: now,
      });
      const rater = (await getUserCards(trx, [auth.userId])).get(auth.userId);
      await deps.notifications.notify(
        {
          userId: nano.creator_id,
          type: 'rating.received',
          payload: {
            nanoId,
            nanoTitle: nano.title,
            ratingId: saved.id,
            score: saved.score,
            hasComment: comment !== null,
            raterName: rater?.displayName ?? '',
          },
        },
        trx,
      );
    }
    await repo.recountNano(trx, nanoId);
    return saved;
  });
  return presentOne(deps.db, auth, row);
}

/** Deletes the caller's rating of a Nano (also of one no longer published) and recounts the Nano. */
export async function deleteRating(deps: Deps, auth: AuthContext, nanoId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const nano = await repo.lockNano(trx, nanoId);
    const existing = nano ? await repo.findRatingOf(trx, nanoId, auth.userId) : undefined;
    if (!existing) {
      throw errors.notFound();
    }
    await repo.deleteRating(trx, existing.id);
    await repo.recountNano(trx, nanoId);
  });
}

/** A page of the ratings of a Nano the caller may see, with the creator's replies. */
export async function listRatings(
  deps: Deps,
  auth: AuthContext | null,
  nanoId: string,
  query: ListQuery,
): Promise<RatingPage> {
  const nano = visible(auth, await repo.findNano(deps.db, nanoId));
  const rows = await repo.listNanoRatings(
    deps.db,
    nanoId,
    query.sort,
    (query.page - 1) * query.pageSize,
    query.pageSize,
  );
  const total = nano.rating_count + (await repo.countExcluded(deps.db, nanoId));
  const items = await present(deps.db, viewerOf(auth), rows, presentRating);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Average (one decimal, as the Nano's counters show it), count and distribution of the ratings
 * whose score counts, the caller's own rating and whether the caller may rate.
 */
export async function ratingSummary(
  deps: Deps,
  auth: AuthContext | null,
  nanoId: string,
): Promise<RatingSummary> {
  const nano = visible(auth, await repo.findNano(deps.db, nanoId));
  const distribution = Array.from({ length: STARS }, () => 0);
  let count = 0;
  let sum = 0;
  for (const { score, n } of await repo.scoreCounts(deps.db, nanoId)) {
    distribution[score - 1] = n;
    count += n;
    sum += score * n;
  }
  const own = auth ? await repo.findRatingOf(deps.db, nanoId, auth.userId) : undefined;
  return {
    average: count > 0 ? Math.round((sum / count) * 10) / 10 : null,
    count,
    distribution,
    mine: own ? await presentOne(deps.db, auth, own) : null,
    canRate: auth !== null && auth.userId !== nano.creator_id && nano.status === 'published',
  };
}

/**
 * The rating locked for a reply, after checking that the caller created its Nano: a rating the
 * caller cannot see is not found, one on somebody else's Nano is forbidden.
 */
async function ratingForReply(trx: Db, auth: AuthContext, ratingId: string): Promise<RatingRow> {
  const rating = await repo.lockRating(trx, ratingId);
  if (!rating) {
    throw errors.notFound();
  }
  const nano = visible(auth, await repo.findNano(trx, rating.nano_id));
  if (nano.creator_id !== auth.userId) {
    throw new AppError('reply_not_creator');
  }
  return rating;
}

/**
 * The creator's reply to a rating of their Nano: the first one creates it and notifies the rater
 * (in the same transaction), later ones edit it. The rating's row is locked, so two first replies
 * at once notify once.
 */
export async function replyToRating(
  deps: Deps,
  auth: AuthContext,
  ratingId: string,
  text: string,
): Promise<Rating> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const rating = await ratingForReply(trx, auth, ratingId);
    const now = deps.clock.now();
    const first = rating.reply_text === null;
    const saved = await repo.updateRating(trx, rating.id, {
      reply_text: text,
      reply_author_id: auth.userId,
      reply_created_at: first ? now : rating.reply_created_at,
      reply_updated_at: now,
    });
    if (first && rating.user_id !== null) {
      const nano = await repo.findNano(trx, rating.nano_id);
      const creator = (await getUserCards(trx, [auth.userId])).get(auth.userId);
      await deps.notifications.notify(
        {
          userId: rating.user_id,
          type: 'rating.reply_received',
          payload: {
            nanoId: rating.nano_id,
            nanoTitle: nano?.title ?? '',
            ratingId: rating.id,
            creatorName: creator?.displayName ?? '',
          },
        },
        trx,
      );
    }
    return saved;
  });
  return presentOne(deps.db, auth, row);
}

/** Removes the creator's reply; 404 when there is none. */
export async function deleteReply(deps: Deps, auth: AuthContext, ratingId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const rating = await ratingForReply(trx, auth, ratingId);
    if (rating.reply_text === null) {
      throw errors.notFound();
    }
    await repo.updateRating(trx, rating.id, {
      reply_text: null,
      reply_author_id: null,
      reply_created_at: null,
      reply_updated_at: null,
    });
  });
}

/**
 * Sets or clears the caller's "helpful" mark on a rating they can see (not their own). Idempotent:
 * the counter moves only when a mark was really added or removed.
 */
export async function setHelpful(
  deps: Deps,
  auth: AuthContext,
  ratingId: string,
  helpful: boolean,
): Promise<{ helpfulCount: number; helpfulByMe: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const rating = await repo.holdRating(trx, ratingId);
    if (!rating) {
      throw errors.notFound();
    }
    visible(auth, await repo.findNano(trx, rating.nano_id));
    if (rating.user_id === auth.userId) {
      throw new AppError('own_rating_helpful');
    }
    const helpfulCount = helpful
      ? await repo.addHelpfulVote(trx, ratingId, auth.userId, deps.clock.now())
      : await repo.removeHelpfulVote(trx, ratingId, auth.userId);
    return { helpfulCount, helpfulByMe: helpful };
  });
}

/** "Meine Bewertungen": the caller's ratings, last changed first (Nanos of any status but deleted). */
export async function listMyRatings(
  deps: Deps,
  auth: AuthContext,
  query: { page: number; pageSize: number },
): Promise<RatingWithNanoPage> {
  const { rows, total } = await repo.listUserRatings(
    deps.db,
    auth.userId,
    (query.page - 1) * query.pageSize,
    query.pageSize,
  );
  const items = await present(deps.db, viewerOf(auth), rows, presentRatingWithNano);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The creator's inbox: ratings on the caller's own Nanos, newest first. */
export async function listReceivedRatings(
  deps: Deps,
  auth: AuthContext,
  query: ReceivedQuery,
): Promise<RatingWithNanoPage> {
  const { rows, total } = await repo.listReceivedRatings(
    deps.db,
    auth.userId,
    { ...(query.nanoId ? { nanoId: query.nanoId } : {}), unanswered: query.unanswered === 'true' },
    (query.page - 1) * query.pageSize,
    query.pageSize,
  );
  const items = await present(deps.db, viewerOf(auth), rows, presentRatingWithNano);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
