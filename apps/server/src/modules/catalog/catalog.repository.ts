import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NanoRow, NanosTable, NanoVersionRow, NanoVersionsTable } from './catalog.tables.ts';

type Db = Kysely<Database>;

export function findNano(db: Db, id: string): Promise<NanoRow | undefined> {
  return db.selectFrom('nanos').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The Nano row locked for a status change in the caller's transaction. */
export function findNanoForUpdate(db: Db, id: string): Promise<NanoRow | undefined> {
  return db.selectFrom('nanos').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertNano(db: Db, row: Insertable<NanosTable>): Promise<void> {
  await db.insertInto('nanos').values(row).execute();
}

/** Updates a Nano only if its row version still matches; returns false on a concurrent change. */
export async function updateNanoIfVersion(
  db: Db,
  id: string,
  rowVersion: number,
  patch: Updateable<NanosTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('nanos')
    .set({ ...patch, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateNano(db: Db, id: string, patch: Updateable<NanosTable>): Promise<void> {
  await db
    .updateTable('nanos')
    .set({ ...patch, row_version: sql`row_version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function replaceNanoCategories(db: Db, nanoId: string, categoryIds: string[]): Promise<void> {
  await db.deleteFrom('nano_categories').where('nano_id', '=', nanoId).execute();
  if (categoryIds.length > 0) {
    await db
      .insertInto('nano_categories')
      .values(categoryIds.map((category_id) => ({ nano_id: nanoId, category_id })))
      .execute();
  }
}

export async function categoryIdsOf(db: Db, nanoIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (nanoIds.length === 0) {
    return map;
  }
  const rows = await db
    .selectFrom('nano_categories')
    .select(['nano_id', 'category_id'])
    .where('nano_id', 'in', nanoIds)
    .execute();
  for (const row of rows) {
    map.set(row.nano_id, [...(map.get(row.nano_id) ?? []), row.category_id]);
  }
  return map;
}

export function listVersions(db: Db, nanoId: string): Promise<NanoVersionRow[]> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findVersion(db: Db, nanoId: string, versionId: string): Promise<NanoVersionRow | undefined> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

/** The version being worked on or reviewed (not yet approved or rejected), if any. */
export function findOpenVersion(db: Db, nanoId: string): Promise<NanoVersionRow | undefined> {
  return db
    .selectFrom('nano_versions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('status', 'in', ['draft', 'pending_review', 'changes_requested'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function insertVersion(
  db: Db,
  version: Insertable<NanoVersionsTable>,
  files: Array<{ path: string; size: number; mimeType: string; kind: string; sha256: string }>,
): Promise<void> {
  await db.insertInto('nano_versions').values(version).execute();
  // Chunked so 2,000-entry packages stay well below the bind-parameter limit.
  for (let i = 0; i < files.length; i += 500) {
    await db
      .insertInto('nano_version_files')
      .values(
        files.slice(i, i + 500).map((f) => ({
          version_id: version.id,
          path: f.path,
          size_bytes: f.size,
          mime_type: f.mimeType,
          kind: f.kind,
          sha256: f.sha256,
        })),
      )
      .execute();
  }
}

export async function deleteVersionRow(db: Db, versionId: string): Promise<void> {
  await db.deleteFrom('nano_versions').where('id', '=', versionId).execute();
}

export async function updateVersion(
  db: Db,
  versionId: string,
  patch: Updateable<NanoVersionsTable>,
): Promise<void> {
  await db.updateTable('nano_versions').set(patch).where('id', '=', versionId).execute();
}

export function listVersionFiles(db: Db, versionId: string) {
  return db
    .selectFrom('nano_version_files')
    .select(['path', 'size_bytes', 'mime_type', 'kind'])
    .where('version_id', '=', versionId)
    .orderBy('path')
    .execute();
}

export function findVersionFile(db: Db, versionId: string, path: string) {
  return db
    .selectFrom('nano_version_files')
    .select(['path', 'size_bytes', 'mime_type', 'kind'])
    .where('version_id', '=', versionId)
    .where('path', '=', path)
    .executeTakeFirst();
}

/** A creator's own Nanos (all but deleted), newest change first. */
export function listCreatorNanos(db: Db, creatorId: string, page: number, pageSize: number) {
  return db
    .selectFrom('nanos')
    .selectAll()
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('nano_versions')
            .select('nano_versions.id')
            .whereRef('nano_versions.nano_id', '=', 'nanos.id')
            .where('nano_versions.status', '=', 'pending_review'),
        )
        .as('has_pending_version'),
    )
    .where('creator_id', '=', creatorId)
    .where('status', '!=', 'deleted')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

export async function countCreatorNanos(db: Db, creatorId: string): Promise<number> {
  const row = await db
    .selectFrom('nanos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('creator_id', '=', creatorId)
    .where('status', '!=', 'deleted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published Nanos and average rating of a creator, for the creator card. */
export async function creatorStats(
  db: Db,
  creatorId: string,
): Promise<{ published: number; averageRating: number | null }> {
  const row = await db
    .selectFrom('nanos')
    .select((eb) => [
      eb.fn.countAll<number>().as('published'),
      sql<number | null>`sum(rating_avg * rating_count) / nullif(sum(rating_count), 0)`.as('average'),
    ])
    .where('creator_id', '=', creatorId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return {
    published: Number(row.published),
    averageRating: row.average === null ? null : Number(row.average),
  };
}

/**
 * Records a view once per viewer and day; true when this was the first view today. `viewerHash` is the
 * analytics' daily hash of the viewer (never a user id or visitor cookie).
 */
export async function recordView(db: Db, nanoId: string, viewerHash: string, day: string): Promise<boolean> {
  const inserted = await db
    .insertInto('nano_views')
    .values({ nano_id: nanoId, viewer_key: viewerHash, day })
    .onConflict((oc) => oc.doNothing())
    .returning('nano_id')
    .executeTakeFirst();
  if (!inserted) {
    return false;
  }
  await db.updateTable('nanos').set({ view_count: sql`view_count + 1` }).where('id', '=', nanoId).execute();
  return true;
}

export async function incrementDownloads(db: Db, nanoId: string): Promise<void> {
  await db
    .updateTable('nanos')
    .set({ download_count: sql`download_count + 1` })
    .where('id', '=', nanoId)
    .execute();
}

export async function insertReview(
  db: Db,
  review: {
    id: string;
    nanoId: string;
    versionId: string;
    reviewerId: string;
    decision: 'approve' | 'request_changes' | 'reject';
    reasons: string[];
    note: string;
    /** The review checklist as ticked (absent for decisions without one). */
    checklist?: Record<string, boolean>;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('nano_reviews')
    .values({
      id: review.id,
      nano_id: review.nanoId,
      version_id: review.versionId,
      reviewer_id: review.reviewerId,
      decision: review.decision,
      reasons: review.reasons,
      note: review.note,
      checklist: review.checklist ? JSON.stringify(review.checklist) : null,
      created_at: review.now,
    })
    .execute();
}

/** Nanos by distinct viewer-days since `day` (inclusive), most viewed first: the base of "trending". */
export async function mostViewedSince(db: Db, day: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('nano_views')
    .select((eb) => ['nano_id', eb.fn.countAll<number>().as('views')])
    .where('day', '>=', day)
    .groupBy('nano_id')
    .orderBy('views', 'desc')
    .orderBy('nano_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.nano_id);
}
