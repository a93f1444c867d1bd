import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { CreatorStandingRow } from './standing.tables.ts';

type Db = Kysely<Database>;

/** A creator's standing as other modules need it (SPEC §4.6). */
export interface CreatorStanding {
  trusted: boolean;
  trustedAt: Date | null;
  trustRevokedAt: Date | null;
  trustRevokedReason: string | null;
  uploadsBlocked: boolean;
  uploadsBlockedAt: Date | null;
  uploadsBlockedReason: string | null;
}

const NONE: CreatorStanding = {
  trusted: false,
  trustedAt: null,
  trustRevokedAt: null,
  trustRevokedReason: null,
  uploadsBlocked: false,
  uploadsBlockedAt: null,
  uploadsBlockedReason: null,
};

/** Trusted = trusted_at set and not revoked since (a later grant after a revocation counts again). */
function isTrustedRow(row: Pick<CreatorStandingRow, 'trusted_at' | 'trust_revoked_at'>): boolean {
  return (
    row.trusted_at !== null &&
    (row.trust_revoked_at === null || row.trust_revoked_at.getTime() < row.trusted_at.getTime())
  );
}

function present(row: CreatorStandingRow | undefined): CreatorStanding {
  if (!row) {
    return NONE;
  }
  return {
    trusted: isTrustedRow(row),
    trustedAt: row.trusted_at,
    trustRevokedAt: row.trust_revoked_at,
    trustRevokedReason: row.trust_revoked_reason,
    uploadsBlocked: row.uploads_blocked_at !== null,
    uploadsBlockedAt: row.uploads_blocked_at,
    uploadsBlockedReason: row.uploads_blocked_reason,
  };
}

/** The standing of one user (a user without a row is untrusted and may upload). */
export async function getStanding(db: Db, userId: string): Promise<CreatorStanding> {
  const row = await db
    .selectFrom('creator_standing')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return present(row);
}

/** The standing of several users at once (for lists). */
export async function getStandings(db: Db, userIds: string[]): Promise<Map<string, CreatorStanding>> {
  const map = new Map<string, CreatorStanding>();
  if (userIds.length === 0) {
    return map;
  }
  const rows = await db
    .selectFrom('creator_standing')
    .selectAll()
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  for (const row of rows) {
    map.set(row.user_id, present(row));
  }
  for (const id of userIds) {
    if (!map.has(id)) {
      map.set(id, NONE);
    }
  }
  return map;
}

export async function isTrusted(db: Db, userId: string): Promise<boolean> {
  return (await getStanding(db, userId)).trusted;
}

/** The row locked in the caller's transaction (created when missing), so grant and revoke serialise. */
async function lockStanding(db: Db, userId: string): Promise<CreatorStandingRow> {
  await db
    .insertInto('creator_standing')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return db
    .selectFrom('creator_standing')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * Makes a creator trusted (their updates publish at once). Returns false when they already were.
 * Writes no audit event: the caller does (`moderation.trust_granted`).
 */
export async function grantTrust(db: Db, userId: string, now: Date): Promise<boolean> {
  const row = await lockStanding(db, userId);
  if (isTrustedRow(row)) {
    return false;
  }
  await db.updateTable('creator_standing').set({ trusted_at: now }).where('user_id', '=', userId).execute();
  return true;
}

/**
 * Takes the trust away (upheld flags, an upheld takedown notice, an admin). Returns false when the
 * creator was not trusted (nothing changes then). Approvals only count again after `now`.
 * Writes no audit event and no decision: the caller does.
 */
export async function revokeTrust(db: Db, userId: string, reason: string, now: Date): Promise<boolean> {
  const row = await lockStanding(db, userId);
  if (!isTrustedRow(row)) {
    return false;
  }
  await db
    .updateTable('creator_standing')
    .set({ trust_revoked_at: now, trust_revoked_reason: reason.slice(0, 1000) })
    .where('user_id', '=', userId)
    .execute();
  return true;
}

/**
 * Blocks a creator's submissions (repeated upheld takedown notices; SPEC §4.6). Submitting then
 * answers 403 `uploads_blocked`. Returns false when they were blocked already.
 * Writes no audit event and no decision: the caller does.
 */
export async function blockUploads(db: Db, userId: string, reason: string, now: Date): Promise<boolean> {
  const row = await lockStanding(db, userId);
  if (row.uploads_blocked_at !== null) {
    return false;
  }
  await db
    .updateTable('creator_standing')
    .set({ uploads_blocked_at: now, uploads_blocked_reason: reason.slice(0, 1000) })
    .where('user_id', '=', userId)
    .execute();
  return true;
}

/** Lifts the block (an admin, a reversed decision). Returns false when there was none. */
export async function unblockUploads(db: Db, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('creator_standing')
    .set({ uploads_blocked_at: null, uploads_blocked_reason: null })
    .where('user_id', '=', userId)
    .where('uploads_blocked_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function uploadsBlocked(db: Db, userId: string): Promise<boolean> {
  return (await getStanding(db, userId)).uploadsBlocked;
}

/**
 * Approved review decisions about a creator since `since` (all when null): what trust needs
 * (MODERATION_LIMITS.trustAfterApprovals, counted after the last revocation).
 */
export async function countReviewApprovals(db: Db, userId: string, since: Date | null): Promise<number> {
  let query = db
    .selectFrom('moderation_decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('affected_user_id', '=', userId)
    .where('action', '=', 'approve')
    .where('source', '=', 'review')
    .where('reversed_at', 'is', null);
  if (since) {
    query = query.where('created_at', '>', since);
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
