import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { findNano } from '../catalog/catalog.repository.ts';
import { applyNanoModeration } from '../catalog/moderation-actions.ts';
import { type ModeratedMessage, setMessageStatusByModeration } from '../chat/chat-flag-moderation.ts';
import { unhideComment } from '../feedback/ratings-moderation.ts';
import { unsuspendAccount } from '../identity/account-status.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import type { DecisionRow } from './moderation.tables.ts';
import { unblockUploads } from './standing.ts';

type Db = Kysely<Database>;

/** What undoing a decision changed, for the audit log; `message` to announce after the commit. */
export interface Undone {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  message?: ModeratedMessage;
}

/** Nano statuses a reversed decision puts back online. */
const RESTORABLE = new Set(['archived', 'hidden', 'rejected']);
/** Decisions about a Nano that took it offline. */
const NANO_OFFLINE_ACTIONS = new Set(['hide', 'archive', 'reject', 'delete']);

/**
 * Undoes what a decision did, in the caller's transaction, when an appeal reverses it: a Nano
 * taken offline goes back online (restore_published), a hidden comment is shown again, a removed
 * message is visible again, a suspension is lifted. A warning or a request for changes leaves
 * nothing to undo; a deleted rating or Nano cannot come back (409 `conflict`, detail
 * `cannot_restore`), so the moderator upholds it or an admin restores it first.
 */
export async function undoDecision(
  trx: Db,
  deps: Pick<ModerationDeps, 'clock'>,
  decision: DecisionRow,
  by: string,
): Promise<Undone> {
  const nothing: Undone = { before: {}, after: {} };
  switch (decision.target_type) {
    case 'nano': {
      if (!NANO_OFFLINE_ACTIONS.has(decision.action)) {
        return nothing;
      }
      const nano = await findNano(trx, decision.target_id);
      if (!nano || nano.status === 'published') {
        return nothing;
      }
      if (!RESTORABLE.has(nano.status)) {
        throw new AppError('conflict', { detail: 'cannot_restore' });
      }
      const moved = await applyNanoModeration(trx, deps, { nanoId: nano.id, action: 'restore_published' });
      return { before: { status: moved.statusBefore }, after: { status: moved.statusAfter } };
    }
    case 'rating': {
      if (decision.action === 'delete') {
        throw new AppError('conflict', { detail: 'cannot_restore' });
      }
      if (decision.action !== 'hide') {
        return nothing;
      }
      const { wasHidden } = await unhideComment(trx, { ratingId: decision.target_id });
      return { before: { commentHidden: wasHidden }, after: { commentHidden: false } };
    }
    case 'message': {
      if (decision.action !== 'hide' && decision.action !== 'delete') {
        return nothing;
      }
      const moved = await setMessageStatusByModeration(trx, {
        messageId: decision.target_id,
        status: 'visible',
        by,
        now: deps.clock.now(),
      });
      return {
        before: { status: moved.before.status },
        after: { status: moved.after.status },
        message: moved,
      };
    }
    case 'user': {
      if (decision.action !== 'suspend' || !decision.affected_user_id) {
        return nothing;
      }
      // Repeated upheld takedown notices block uploads only; reversing that lifts the block.
      if (decision.source === 'takedown') {
        const lifted = await unblockUploads(trx, decision.affected_user_id);
        return lifted ? { before: { uploadsBlocked: true }, after: { uploadsBlocked: false } } : nothing;
      }
      const change = await unsuspendAccount(trx, deps, { userId: decision.affected_user_id, by });
      return change ? { before: change.before, after: change.after } : nothing;
    }
    case 'chat':
      return nothing;
  }
}
