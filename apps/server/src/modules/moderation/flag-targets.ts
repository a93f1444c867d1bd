import type { FlagTargetType, NanoStatus } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findNano } from '../catalog/catalog.repository.ts';
import { type MessageSubject, messageSubject } from '../chat/chat-flag-moderation.ts';
import { type RatingSubject, ratingSubject } from '../feedback/ratings-moderation.ts';
import { type AccountSubject, accountSubject } from '../identity/account-status.ts';
import { getUserCards } from '../identity/user-cards.ts';

type Db = Kysely<Database>;

/** How much of a comment or message a label shows. */
const EXCERPT_MAX = 120;

/** A person as the moderation lists show them. */
export interface Person {
  id: string;
  username: string;
  displayName: string;
}

/** A Nano as moderation sees it. */
export interface NanoSubject {
  id: string;
  title: string;
  description: string;
  status: NanoStatus;
  creatorId: string;
}

/**
 * A flagged thing, loaded through the functions its owning module exports: the Nano (catalog), the
 * rating (feedback), the message (chat) or the account (identity). Exactly one of the subjects is
 * set when the target still exists.
 */
export interface FlagTarget {
  type: FlagTargetType;
  id: string;
  label: string;
  /** Whose content it is (the user itself for a user flag); null once erased or gone. */
  ownerId: string | null;
  nanoId: string | null;
  exists: boolean;
  nano?: NanoSubject;
  rating?: RatingSubject;
  message?: MessageSubject;
  user?: AccountSubject;
}

/** The resolve actions that fit each target type. */
export const ALLOWED_FLAG_ACTIONS = {
  nano: ['none', 'warning', 'hide', 'archive', 'delete'],
  rating: ['none', 'warning', 'hide', 'delete'],
  message: ['none', 'warning', 'hide', 'delete'],
  user: ['none', 'warning', 'suspend'],
} as const satisfies Record<FlagTargetType, readonly string[]>;

export function excerpt(text: string, max = EXCERPT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Loads one target; `exists` false (and no subject) when it is gone. */
export async function loadFlagTarget(db: Db, type: FlagTargetType, id: string): Promise<FlagTarget> {
  const gone: FlagTarget = { type, id, label: '', ownerId: null, nanoId: null, exists: false };
  switch (type) {
    case 'nano': {
      const nano = await findNano(db, id);
      if (!nano) {
        return gone;
      }
      return {
        type,
        id,
        label: nano.title,
        ownerId: nano.creator_id,
        nanoId: nano.id,
        exists: nano.status !== 'deleted',
        nano: {
          id: nano.id,
          title: nano.title,
          description: nano.description,
          status: nano.status,
          creatorId: nano.creator_id,
        },
      };
    }
    case 'rating': {
      const rating = await ratingSubject(db, id);
      if (!rating) {
        return gone;
      }
      return {
        type,
        id,
        label: rating.comment ? excerpt(rating.comment) : `★ ${rating.score} · ${rating.nanoTitle}`,
        ownerId: rating.userId,
        nanoId: rating.nanoId,
        exists: true,
        rating,
      };
    }
    case 'message': {
      const message = await messageSubject(db, id);
      if (!message) {
        return gone;
      }
      return {
        type,
        id,
        label: excerpt(message.body),
        ownerId: message.senderId,
        nanoId: message.nanoId,
        exists: true,
        message,
      };
    }
    case 'user': {
      const user = await accountSubject(db, id);
      if (!user) {
        return gone;
      }
      return {
        type,
        id,
        label: user.displayName,
        ownerId: user.status === 'deleted' ? null : user.id,
        nanoId: null,
        exists: user.status !== 'deleted',
        user,
      };
    }
  }
}

/** The people behind these ids (erased accounts are left out). */
export async function personsOf(db: Db, ids: Array<string | null>): Promise<Map<string, Person>> {
  const cards = await getUserCards(
    db,
    ids.filter((id): id is string => id !== null),
  );
  const persons = new Map<string, Person>();
  for (const card of cards.values()) {
    if (card.username) {
      persons.set(card.id, { id: card.id, username: card.username, displayName: card.displayName });
    }
  }
  return persons;
}

/** The text a moderator reads: the comment, the message, the Nano's description, the user's bio. */
export function contextText(target: FlagTarget): string | null {
  return (
    target.rating?.comment ?? target.message?.body ?? target.nano?.description ?? target.user?.bio ?? null
  );
}
