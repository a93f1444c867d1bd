import { RETENTION } from '@nano/contracts';
import { sql } from 'kysely';
import type { ObjectStorage } from '../../platform/storage.ts';
import { RETENTION_AUDIT_IDS_MAX, type RetentionStep, yearsBefore } from './retention-steps.ts';

/** Every stored object of a Nano: its thumbnail, each version's ZIP and unpacked files. */
async function objectKeysOf(
  storage: ObjectStorage,
  nano: { id: string; thumbnail_key: string | null },
  versions: Array<{ object_key: string; content_prefix: string }>,
): Promise<string[]> {
  const keys = new Set<string>();
  if (nano.thumbnail_key) {
    keys.add(nano.thumbnail_key);
  }
  // The catalog keeps everything of a Nano under `nanos/<id>/`; the rows name the rest explicitly.
  const prefixes = [`nanos/${nano.id}/`, ...versions.map((version) => `${version.content_prefix}/`)];
  for (const version of versions) {
    keys.add(version.object_key);
  }
  for (const prefix of prefixes) {
    for await (const object of storage.list(prefix)) {
      keys.add(object.key);
    }
  }
  return [...keys];
}

/**
 * Nanos archived more than {@link RETENTION.archivedNanoYears} years ago are purged: first their
 * objects in storage (thumbnail, every version's ZIP and unpacked files), then the row, whose
 * delete cascades to versions, files, categories, reviews, ratings, favourites, list items, chats,
 * search and analytics rows (the schema's foreign keys). Objects first: if the delete fails, the
 * next run finds the Nano again and finishes (deleting a missing object is no error).
 * `archived_at` is stamped whenever a Nano is archived and cleared when it is restored.
 */
export const purgeArchivedNanos: RetentionStep = async ({ deps, now, dryRun }) => {
  const cutoff = yearsBefore(now, RETENTION.archivedNanoYears);
  const nanos = await deps.db
    .selectFrom('nanos')
    .select(['id', 'thumbnail_key'])
    .where('status', '=', 'archived')
    .where(sql<Date>`coalesce(archived_at, updated_at)`, '<', cutoff)
    .orderBy('id')
    .execute();
  let versionCount = 0;
  let objectCount = 0;
  for (const nano of nanos) {
    const versions = await deps.db
      .selectFrom('nano_versions')
      .select(['object_key', 'content_prefix'])
      .where('nano_id', '=', nano.id)
      .execute();
    const keys = await objectKeysOf(deps.storage, nano, versions);
    versionCount += versions.length;
    objectCount += keys.length;
    if (dryRun) {
      continue;
    }
    for (const key of keys) {
      await deps.storage.delete(key);
    }
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('nanos').set({ current_version_id: null }).where('id', '=', nano.id).execute();
      await trx.deleteFrom('nanos').where('id', '=', nano.id).where('status', '=', 'archived').execute();
    });
  }
  return {
    affected: nanos.length,
    details: { nanos: nanos.length, versions: versionCount, objects: objectCount },
    auditDetails: { nanoIds: nanos.slice(0, RETENTION_AUDIT_IDS_MAX).map((nano) => nano.id) },
  };
};
