import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/**
 * One user's rating of one Nano (unique per Nano and user), with the optional comment and the
 * creator's optional reply in the same row (one reply per rating).
 */
export interface RatingsTable {
  id: string;
  nano_id: string;
  /** Null once the rater's account is deleted: the score stays, anonymous (issue 9). */
  user_id: string | null;
  /** 1 to 5 stars. */
  score: number;
  /** Plain text as typed (trimmed); null when there is none. */
  comment: string | null;
  /** Moderators hid the comment: only its author and staff still read it. */
  comment_hidden_at: Date | null;
  comment_hidden_by: string | null;
  /** False when moderation excluded the score from the Nano's average and count. */
  score_counts: Generated<boolean>;
  /** Kept equal to the number of `rating_helpful_votes` rows by the statements that write them. */
  helpful_count: Generated<number>;
  reply_text: string | null;
  reply_author_id: string | null;
  reply_created_at: Date | null;
  reply_updated_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** "Helpful" marks: one per user and rating. */
export interface RatingHelpfulVotesTable {
  rating_id: string;
  user_id: string;
  created_at: Timestamp;
}

/** Tables owned by the feedback module. */
export interface FeedbackTables {
  ratings: RatingsTable;
  rating_helpful_votes: RatingHelpfulVotesTable;
}

export type RatingRow = Selectable<RatingsTable>;
