import type { Rating, RatingWithNano } from '@nano/contracts';
import { thumbnailUrl } from '../catalog/catalog.presenter.ts';
import type { UserCard } from '../identity/user-cards.ts';
import type { RatingRow } from './feedback.tables.ts';
import type { RatingWithNanoRow } from './ratings.repository.ts';

/** Who is looking: their id (null for a guest) and whether they are staff. */
export interface Viewer {
  userId: string | null;
  staff: boolean;
}

/** What the presenter needs besides the rows: the authors' cards and the viewer's helpful marks. */
export interface RatingContext {
  viewer: Viewer;
  cards: Map<string, UserCard>;
  helpfulByViewer: Set<string>;
}

/** The author of a deleted account: the score stays, the person does not (the web shows "deleted account"). */
const NO_AUTHOR: Rating['author'] = { username: '', displayName: '', avatarUrl: null, verified: false };

function author(cards: Map<string, UserCard>, userId: string | null): Rating['author'] {
  const card = userId ? cards.get(userId) : undefined;
  if (!card) {
    return NO_AUTHOR;
  }
  return {
    username: card.username,
    displayName: card.displayName,
    avatarUrl: card.avatarUrl,
    verified: card.verified,
  };
}

/** The users whose cards presenting these rows needs: raters and reply authors. */
export function cardIdsOf(rows: RatingRow[]): string[] {
  return rows.flatMap((row) => [row.user_id, row.reply_author_id].filter((id): id is string => id !== null));
}

/**
 * A rating as the viewer may see it. A comment hidden by moderators is withheld from everyone but
 * its author and staff, who get it marked as hidden.
 */
export function presentRating(row: RatingRow, context: RatingContext): Rating {
  const { viewer } = context;
  const mine = viewer.userId !== null && row.user_id === viewer.userId;
  const hidden = row.comment_hidden_at !== null;
  const reply =
    row.reply_text !== null && row.reply_created_at !== null
      ? {
          text: row.reply_text,
          author: author(context.cards, row.reply_author_id),
          createdAt: row.reply_created_at.toISOString(),
          updatedAt: (row.reply_updated_at ?? row.reply_created_at).toISOString(),
        }
      : null;
  return {
    id: row.id,
    nanoId: row.nano_id,
    score: row.score,
    comment: hidden && !mine && !viewer.staff ? null : row.comment,
    commentHidden: hidden,
    author: author(context.cards, row.user_id),
    helpfulCount: row.helpful_count,
    helpfulByMe: context.helpfulByViewer.has(row.id),
    mine,
    reply,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A rating with its Nano, for "Meine Bewertungen" and the creator's inbox. */
export function presentRatingWithNano(row: RatingWithNanoRow, context: RatingContext): RatingWithNano {
  return {
    ...presentRating(row, context),
    nano: {
      id: row.nano_id,
      title: row.nano_title,
      thumbnailUrl: thumbnailUrl({ id: row.nano_id, thumbnail_key: row.nano_thumbnail_key }),
      status: row.nano_status,
    },
  };
}
