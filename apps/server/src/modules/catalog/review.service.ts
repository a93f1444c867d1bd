import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { actorFor, type CatalogDeps } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import { nextStatus } from './nano-status.ts';
import { nextSemver } from './semver.ts';

/** Review targets: answered within 24 h; over 48 h is an alert (SPEC §4.6). */
export const REVIEW_SLA_TARGET_HOURS = 24;
export const REVIEW_SLA_ALERT_HOURS = 48;

export type Decision = 'approve' | 'request_changes' | 'reject';

/** The queue, oldest submission first, with age and SLA state. */
export async function reviewQueue(deps: CatalogDeps, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    repo.listReviewQueue(deps.db, page, pageSize),
    repo.countReviewQueue(deps.db),
  ]);
  const cards = await getUserCards(
    deps.db,
    rows.map((r) => r.creator_id),
  );
  const now = deps.clock.now().getTime();
  return {
    items: rows.map((row) => {
      const submitted = row.submitted_at ?? new Date(now);
      const ageHours = Math.max(0, (now - submitted.getTime()) / 3_600_000);
      const card = cards.get(row.creator_id);
      return {
        nanoId: row.nano_id,
        versionId: row.version_id,
        title: row.title,
        creator: { username: card?.username ?? '', displayName: card?.displayName ?? '' },
        type: row.published_at ? ('update' as const) : ('new' as const),
        semver: row.semver ?? '—',
        submittedAt: submitted.toISOString(),
        ageHours: Math.round(ageHours * 10) / 10,
        sla:
          ageHours < REVIEW_SLA_TARGET_HOURS
            ? ('ok' as const)
            : ageHours <= REVIEW_SLA_ALERT_HOURS
              ? ('warning' as const)
              : ('overdue' as const),
      };
    }),
    total,
    page,
    pageSize,
  };
}

/**
 * A moderator's decision on the version under review. For a first publication (or a restore)
 * the Nano follows the decision; for a new version of a published Nano only the version does,
 * and on approval it becomes current while the previous one stays available to owner and staff.
 * A moderator cannot decide on their own Nano.
 */
export async function decide(
  deps: CatalogDeps,
  auth: AuthContext,
  nanoId: string,
  input: { decision: Decision; reasons: string[]; note: string },
): Promise<void> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const nano = await repo.findNanoForUpdate(trx, nanoId);
    if (!nano) {
      throw new AppError('not_found');
    }
    const actor = actorFor(auth, nano);
    if (actor === 'owner') {
      throw new AppError('forbidden');
    }
    if (actor !== 'moderator' && actor !== 'admin') {
      throw new AppError('forbidden');
    }
    const version = await repo.findOpenVersion(trx, nanoId);
    const pending = version?.status === 'pending_review' ? version : undefined;
    const restoring = !pending && nano.status === 'pending_review' && nano.current_version_id;
    const target =
      pending ?? (restoring ? await repo.findVersion(trx, nanoId, nano.current_version_id ?? '') : undefined);
    if (target?.status !== 'pending_review') {
      throw new AppError('conflict', { detail: 'nothing_to_review' });
    }
    const isUpdate = nano.status === 'published';
    const versionStatus =
      input.decision === 'approve'
        ? 'approved'
        : input.decision === 'reject'
          ? 'rejected'
          : 'changes_requested';
    const current = nano.current_version_id
      ? await repo.findVersion(trx, nanoId, nano.current_version_id)
      : undefined;
    await repo.updateVersion(trx, target.id, {
      status: versionStatus,
      decided_at: now,
      ...(input.decision === 'approve' && !target.semver
        ? { semver: nextSemver(current && current.id !== target.id ? current.semver : null, 'minor') }
        : {}),
    });
    if (isUpdate) {
      if (input.decision === 'approve') {
        await repo.updateNano(trx, nanoId, { current_version_id: target.id, updated_at: now });
      }
    } else {
      const to = nextStatus(nano.status, input.decision, actor);
      await repo.updateNano(trx, nanoId, {
        status: to,
        updated_at: now,
        ...(input.decision === 'approve'
          ? { current_version_id: target.id, published_at: nano.published_at ?? now, archived_at: null }
          : {}),
      });
    }
    await repo.insertReview(trx, {
      id: uuidv7(),
      nanoId,
      versionId: target.id,
      reviewerId: auth.userId,
      decision: input.decision,
      reasons: input.reasons,
      note: input.note,
      now,
    });
    await deps.notifications.notify(
      {
        userId: nano.creator_id,
        type: 'nano.review_decision',
        payload: {
          nanoId,
          title: nano.title,
          decision: input.decision,
          note: input.note,
          reasons: input.reasons,
          update: isUpdate,
        },
      },
      trx,
    );
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'nano.review_decision',
        targetType: 'nano',
        targetId: nanoId,
        details: { decision: input.decision, versionId: target.id, reasons: input.reasons, update: isUpdate },
      },
      trx,
    );
    return { nano, isUpdate, versionId: target.id };
  });
  if (input.decision === 'approve') {
    await deps.jobs.enqueue('catalog.thumbnail', { nanoId }, { singletonKey: nanoId });
    await deps.jobs.enqueue(
      'search.index_content',
      { versionId: result.versionId },
      { singletonKey: result.versionId },
    );
  }
  // The creator's email about the decision goes with the notification above, as their settings say.
}
