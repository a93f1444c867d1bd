import type { NanoStatus } from '@nano/contracts';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import * as repo from './catalog.repository.ts';
import type { NanosTable } from './catalog.tables.ts';
import { type NanoAction, nextStatus } from './nano-status.ts';
import * as reviewRepo from './review.repository.ts';
import { nextSemver } from './semver.ts';

/** What moderation (flags, takedown notices, appeals, admin) may do to a Nano. */
export type NanoModerationAction = 'hide' | 'unhide' | 'archive' | 'restore_published' | 'delete';

export interface NanoModerationResult {
  creatorId: string;
  title: string;
  statusBefore: NanoStatus;
  statusAfter: NanoStatus;
  /**
   * Set when restore_published approved a rejected version to put the Nano online (a reversed
   * rejection): the caller may enqueue `search.index_content` for it after the commit.
   */
  approvedVersionId?: string;
}

const MACHINE_ACTION: Record<NanoModerationAction, NanoAction> = {
  hide: 'hide',
  unhide: 'unhide',
  archive: 'archive',
  restore_published: 'restore_published',
  delete: 'delete',
};

/**
 * Moves a Nano for a moderation decision, in the caller's transaction (pass the transaction as
 * `db`): locks the Nano row, checks the transition against the status machine and stores it.
 *
 * - hide: published → hidden ("wird geprüft"); unhide: hidden → published
 * - archive: published | hidden → archived
 * - restore_published: archived | hidden | rejected → published (a reversed decision) with its
 *   approved current version; a rejected Nano that never had one (a reversed rejection of its
 *   first submission) gets the rejected version approved and made current. Without any such
 *   version: 409 `conflict` (detail `no_approved_version`)
 * - delete: any but deleted → deleted (remembering the status for an admin undo)
 *
 * The caller has authorised the staff member already (a moderator may delete through a flag or a
 * takedown decision) and writes the audit event and the decision itself: this function writes
 * neither. An illegal transition (e.g. hiding an archived Nano) is a 409 `conflict`; an unknown
 * Nano a 404.
 */
export async function applyNanoModeration(
  db: Kysely<Database>,
  deps: { clock: Clock },
  input: { nanoId: string; action: NanoModerationAction },
): Promise<NanoModerationResult> {
  const nano = await repo.findNanoForUpdate(db, input.nanoId);
  if (!nano) {
    throw new AppError('not_found');
  }
  // Staff decide here; 'admin' passes every staff rule of the machine (delete included).
  const to = nextStatus(nano.status, MACHINE_ACTION[input.action], 'admin');
  const now = deps.clock.now();
  const patch: Updateable<NanosTable> = { status: to, updated_at: now };
  let approvedVersionId: string | undefined;
  switch (input.action) {
    case 'archive':
      patch.archived_at = now;
      break;
    case 'delete':
      patch.deleted_at = now;
      patch.status_before_delete = nano.status;
      break;
    case 'restore_published': {
      const current = nano.current_version_id
        ? await repo.findVersion(db, nano.id, nano.current_version_id)
        : undefined;
      if (current?.status !== 'approved') {
        const rejected =
          nano.status === 'rejected' ? await reviewRepo.findLatestRejected(db, nano.id) : undefined;
        if (!rejected) {
          throw new AppError('conflict', { detail: 'no_approved_version' });
        }
        await repo.updateVersion(db, rejected.id, {
          status: 'approved',
          decided_at: now,
          ...(rejected.semver ? {} : { semver: nextSemver(null, 'minor') }),
        });
        patch.current_version_id = rejected.id;
        approvedVersionId = rejected.id;
      }
      patch.archived_at = null;
      patch.published_at = nano.published_at ?? now;
      break;
    }
    default:
      break;
  }
  await repo.updateNano(db, nano.id, patch);
  return {
    creatorId: nano.creator_id,
    title: nano.title,
    statusBefore: nano.status,
    statusAfter: to,
    ...(approvedVersionId ? { approvedVersionId } : {}),
  };
}
