import type { ReviewDetail, ReviewQueueType } from '@nano/contracts';
import { AppError } from '../../errors.ts';
import { openFlagsByTarget } from '../flags/flags.service.ts';
import { findUserById } from '../identity/identity.repository.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { isTrusted } from '../moderation/standing.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import { describeNano } from './catalog.service.ts';
import type { NanoRow, NanoVersionRow } from './catalog.tables.ts';
import * as reviewRepo from './review.repository.ts';
import { activeClaims } from './review-claims.ts';
import { diffMetadata, parseSnapshot, snapshotMetadata } from './review-metadata.ts';
import { ageHoursSince, slaState } from './review-queue.ts';
import { submissionsThisMonth } from './trust-policy.ts';

/** The version a reviewer looks at, and the queue it waits in (null when nothing waits). */
export async function versionUnderReview(
  db: CatalogDeps['db'],
  nano: NanoRow,
): Promise<{ version: NanoVersionRow | undefined; queueType: ReviewQueueType | null; since: Date | null }> {
  const pending = await reviewRepo.findPendingVersion(db, nano.id);
  if (pending && (nano.status === 'pending_review' || nano.status === 'published')) {
    return {
      version: pending,
      queueType: nano.status === 'published' ? 'update' : 'new',
      since: pending.submitted_at ?? pending.created_at,
    };
  }
  const sample = await reviewRepo.findOpenSample(db, nano.id);
  if (sample?.sampled_at && (nano.status === 'published' || nano.status === 'hidden')) {
    return { version: sample, queueType: 'sampled', since: sample.sampled_at };
  }
  const current = nano.current_version_id
    ? await repo.findVersion(db, nano.id, nano.current_version_id)
    : undefined;
  return { version: pending ?? current, queueType: null, since: null };
}

/** What changed in the metadata since the last approved version (empty for a first submission). */
async function metadataChanges(deps: CatalogDeps, nano: NanoRow, version: NanoVersionRow | undefined) {
  if (!version) {
    return [];
  }
  const previous = await reviewRepo.findPreviousApproved(deps.db, version);
  const before = parseSnapshot(previous?.metadata);
  if (!before) {
    return [];
  }
  const after = parseSnapshot(version.metadata) ?? (await snapshotMetadata(deps.db, nano));
  return diffMetadata(before, after);
}

/** The creator's standing and history as the reviewer sees it. */
async function creatorHistory(deps: CatalogDeps, creatorId: string) {
  const db = deps.db;
  const [user, cards, trusted, counts, submissions, nanoIds, upheldTakedowns] = await Promise.all([
    findUserById(db, creatorId),
    getUserCards(db, [creatorId]),
    isTrusted(db, creatorId),
    reviewRepo.creatorReviewCounts(db, creatorId),
    submissionsThisMonth(db, creatorId, deps.clock.now()),
    reviewRepo.creatorNanoIds(db, creatorId),
    reviewRepo.countUpheldTakedowns(db, creatorId),
  ]);
  // Open flags about the creator's Nanos and about the creator as a user.
  const [nanoFlags, userFlags] = await Promise.all([
    openFlagsByTarget(db, 'nano', nanoIds),
    openFlagsByTarget(db, 'user', [creatorId]),
  ]);
  let openFlags = 0;
  for (const flags of [...nanoFlags.values(), ...userFlags.values()]) {
    openFlags += flags.length;
  }
  const card = cards.get(creatorId);
  return {
    id: creatorId,
    username: card?.username ?? '',
    displayName: card?.displayName ?? '',
    memberSince: (user?.created_at ?? new Date(0)).toISOString(),
    verified: card?.verified ?? false,
    trusted,
    approvedCount: counts.approved,
    rejectedCount: counts.rejected,
    submissionsThisMonth: submissions,
    openFlags,
    upheldTakedowns,
  };
}

/**
 * `GET /moderation/nanos/{id}`: the Nano, the version to decide on with its files, the metadata
 * diff, age and SLA, the claim, the creator's history and earlier decisions. Staff only; viewing
 * needs no claim.
 */
export async function reviewDetail(
  deps: CatalogDeps,
  auth: AuthContext,
  nanoId: string,
): Promise<ReviewDetail> {
  const nano = await repo.findNano(deps.db, nanoId);
  if (!nano || nano.status === 'deleted') {
    throw new AppError('not_found');
  }
  const now = deps.clock.now();
  const { version, queueType, since } = await versionUnderReview(deps.db, nano);
  const [described, files, changes, claims, creator, history] = await Promise.all([
    describeNano(deps, auth, nano),
    version ? repo.listVersionFiles(deps.db, version.id) : Promise.resolve([]),
    metadataChanges(deps, nano, version),
    activeClaims(deps.db, [nanoId], now),
    creatorHistory(deps, nano.creator_id),
    reviewRepo.reviewHistory(deps.db, nanoId),
  ]);
  const reviewers = await getUserCards(
    deps.db,
    history.map((h) => h.reviewer_id),
  );
  const ageHours = since ? ageHoursSince(since, now) : null;
  return {
    nano: described,
    queueType,
    version: version
      ? {
          id: version.id,
          semver: version.semver,
          changelog: version.changelog,
          submittedAt: version.submitted_at?.toISOString() ?? null,
          sizeBytes: Number(version.size_bytes),
          fileCount: version.file_count,
          packageKind: version.package_kind,
          files: files.map((f) => ({ path: f.path, sizeBytes: Number(f.size_bytes), mimeType: f.mime_type })),
        }
      : null,
    metadataChanges: changes,
    ageHours,
    sla: ageHours === null ? null : slaState(ageHours),
    claim: claims.get(nanoId) ?? null,
    creator,
    history: history.map((h) => ({
      decision: h.decision,
      reviewer: reviewers.get(h.reviewer_id)?.displayName ?? '—',
      reasons: [...h.reasons],
      note: h.note,
      at: h.created_at.toISOString(),
    })),
  };
}
