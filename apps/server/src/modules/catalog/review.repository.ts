import type { ReviewQueueType } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NanoVersionRow } from './catalog.tables.ts';

type Db = Kysely<Database>;

/** One waiting item of a review queue; `at` is when it entered the queue. */
export interface QueueRow {
  nano_id: string;
  title: string;
  creator_id: string;
  version_id: string;
  semver: string | null;
  at: Date;
}

/**
 * The three review queues (SPEC §4.6): `new` = a Nano waiting for its (first or restored)
 * publication, `update` = a new version of a live Nano, `sampled` = a trusted creator's directly
 * published version picked for post-publication review and not decided yet.
 */
function queueBase(db: Db, type: ReviewQueueType) {
  const base = db.selectFrom('nano_versions').innerJoin('nanos', 'nanos.id', 'nano_versions.nano_id');
  if (type === 'sampled') {
    return base
      .where('nano_versions.sampled_at', 'is not', null)
      .where('nano_versions.sample_decided_at', 'is', null)
      .where('nanos.status', 'in', ['published', 'hidden']);
  }
  return base
    .where('nano_versions.status', '=', 'pending_review')
    .where('nanos.status', '=', type === 'new' ? 'pending_review' : 'published');
}

function queueAt(type: ReviewQueueType) {
  return type === 'sampled'
    ? sql<Date>`nano_versions.sampled_at`
    : sql<Date>`coalesce(nano_versions.submitted_at, nano_versions.created_at)`;
}

export async function listQueue(
  db: Db,
  query: { type: ReviewQueueType; sort: 'oldest' | 'newest'; page: number; pageSize: number },
): Promise<QueueRow[]> {
  const direction = query.sort === 'oldest' ? 'asc' : 'desc';
  return queueBase(db, query.type)
    .select([
      'nanos.id as nano_id',
      'nanos.title',
      'nanos.creator_id',
      'nano_versions.id as version_id',
      'nano_versions.semver',
      queueAt(query.type).as('at'),
    ])
    .orderBy('at', direction)
    .orderBy('nano_versions.id', direction)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
}

/** Size and oldest entry of one queue. */
export async function queueStats(
  db: Db,
  type: ReviewQueueType,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await queueBase(db, type)
    .select((eb) => [eb.fn.countAll<number>().as('n'), sql<Date | null>`min(${queueAt(type)})`.as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest === null ? null : new Date(row.oldest) };
}

// ---- Claims ----

export function findClaims(db: Db, nanoIds: string[]) {
  if (nanoIds.length === 0) {
    return Promise.resolve([]);
  }
  return db.selectFrom('nano_review_claims').selectAll().where('nano_id', 'in', nanoIds).execute();
}

/** The claim row locked in the caller's transaction (claims and decisions on one Nano serialise). */
export function findClaimForUpdate(db: Db, nanoId: string) {
  return db
    .selectFrom('nano_review_claims')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertClaim(
  db: Db,
  claim: { nanoId: string; moderatorId: string; claimedAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('nano_review_claims')
    .values({
      nano_id: claim.nanoId,
      moderator_id: claim.moderatorId,
      claimed_at: claim.claimedAt,
      expires_at: claim.expiresAt,
    })
    .onConflict((oc) =>
      oc.column('nano_id').doUpdateSet({
        moderator_id: claim.moderatorId,
        claimed_at: claim.claimedAt,
        expires_at: claim.expiresAt,
      }),
    )
    .execute();
}

export async function deleteClaim(db: Db, nanoId: string): Promise<void> {
  await db.deleteFrom('nano_review_claims').where('nano_id', '=', nanoId).execute();
}

// ---- Versions under review ----

/** The version waiting for a decision: submitted, or restored (the current one sent to review again). */
export function findPendingVersion(db: Db, nanoId: string): Promise<NanoVersionRow | undefined> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('status', '=', 'pending_review')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The newest sampled version still waiting for its post-publication review. */
export function findOpenSample(db: Db, nanoId: string): Promise<NanoVersionRow | undefined> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('sampled_at', 'is not', null)
    .where('sample_decided_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The last approved version before `version` (the base of the metadata diff). */
export function findPreviousApproved(
  db: Db,
  version: Pick<NanoVersionRow, 'id' | 'nano_id' | 'created_at'>,
): Promise<NanoVersionRow | undefined> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', version.nano_id)
    .where('status', '=', 'approved')
    .where('id', '!=', version.id)
    .where('created_at', '<=', version.created_at)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The newest rejected version of a Nano (the one a reversed rejection publishes). */
export function findLatestRejected(db: Db, nanoId: string): Promise<NanoVersionRow | undefined> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('status', '=', 'rejected')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function markSampleDecided(db: Db, versionId: string, at: Date): Promise<void> {
  await db.updateTable('nano_versions').set({ sample_decided_at: at }).where('id', '=', versionId).execute();
}

// ---- History and creator figures ----

export function reviewHistory(db: Db, nanoId: string) {
  return db
    .selectFrom('nano_reviews')
    .select(['decision', 'reviewer_id', 'reasons', 'note', 'created_at'])
    .where('nano_id', '=', nanoId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Review decisions on all of a creator's Nanos: approvals and rejections. */
export async function creatorReviewCounts(
  db: Db,
  creatorId: string,
): Promise<{ approved: number; rejected: number }> {
  const row = await db
    .selectFrom('nano_reviews')
    .innerJoin('nanos', 'nanos.id', 'nano_reviews.nano_id')
    .select([
      sql<number>`count(*) filter (where nano_reviews.decision = 'approve')`.as('approved'),
      sql<number>`count(*) filter (where nano_reviews.decision = 'reject')`.as('rejected'),
    ])
    .where('nanos.creator_id', '=', creatorId)
    .executeTakeFirstOrThrow();
  return { approved: Number(row.approved), rejected: Number(row.rejected) };
}

/** The creator's Nano ids (all statuses), for counting flags on them. */
export async function creatorNanoIds(db: Db, creatorId: string): Promise<string[]> {
  const rows = await db.selectFrom('nanos').select('id').where('creator_id', '=', creatorId).execute();
  return rows.map((row) => row.id);
}

/**
 * Versions a user submitted in [from, to), the quota's measure (SPEC §4.6); `exceptVersionId` is
 * the version being submitted (re-submitting it after a change request uses no second slot).
 */
export async function countSubmissions(
  db: Db,
  userId: string,
  range: { from: Date; to: Date },
  exceptVersionId?: string,
): Promise<number> {
  let query = db
    .selectFrom('nano_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', '=', userId)
    .where('submitted_at', '>=', range.from)
    .where('submitted_at', '<', range.to);
  if (exceptVersionId) {
    query = query.where('id', '!=', exceptVersionId);
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Upheld (or expired, i.e. unanswered) takedown notices against a creator. A documented read-only
 * query of the moderation module's `takedown_notices` table, for the reviewer's creator history.
 */
export async function countUpheldTakedowns(db: Db, creatorId: string): Promise<number> {
  const row = await db
    .selectFrom('takedown_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('creator_id', '=', creatorId)
    .where('status', 'in', ['upheld', 'expired'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
