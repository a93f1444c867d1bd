import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { TestApp } from '../app.ts';

export const DEFAULT_CATEGORY = 'paedagogik-methoden';

export interface IndexedNanoSpec {
  title: string;
  description?: string;
  tags?: string[];
  language?: string;
  level?: 1 | 2 | 3;
  format?: string;
  license?: string;
  durationMinutes?: number;
  /** Category slugs; defaults to "Lehrmethoden" (a name no fixture title uses). */
  categories?: string[];
  ratingAvg?: number | null;
  ratingCount?: number;
  views?: number;
  favorites?: number;
  publishedAt?: Date;
  status?: 'published' | 'draft' | 'pending_review' | 'archived' | 'deleted';
}

/**
 * A Nano with an approved version written straight into the catalog tables, as the review
 * workflow leaves it: the search triggers index it exactly as they would a real approval. Fast
 * enough for relevance datasets; the end-to-end flows use the API instead.
 */
export async function insertNano(t: TestApp, creatorId: string, spec: IndexedNanoSpec): Promise<string> {
  const db = t.platform.database.db;
  const id = uuidv7();
  const versionId = uuidv7();
  const now = t.clock.now();
  const categories = await db
    .selectFrom('categories')
    .select('id')
    .where('slug', 'in', spec.categories ?? [DEFAULT_CATEGORY])
    .execute();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('nanos')
      .values({
        id,
        creator_id: creatorId,
        title: spec.title,
        description: spec.description ?? 'Eine kurze Lerneinheit.',
        duration_minutes: spec.durationMinutes ?? 10,
        level: spec.level ?? 1,
        language: spec.language ?? 'de',
        format: spec.format ?? 'text',
        license: spec.license ?? 'CC-BY-4.0',
        license_terms: null,
        tags: spec.tags ?? [],
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('nano_categories')
      .values(categories.map((c) => ({ nano_id: id, category_id: c.id })))
      .execute();
    await trx
      .insertInto('nano_versions')
      .values({
        id: versionId,
        nano_id: id,
        semver: '1.0.0',
        changelog: null,
        status: 'approved',
        object_key: `nanos/${id}/${versionId}.zip`,
        content_prefix: `nanos/${id}/${versionId}/`,
        sha256: createHash('sha256').update(id).digest('hex'),
        size_bytes: 1000,
        file_count: 1,
        package_kind: null,
        created_by: creatorId,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('nanos')
      .set({
        status: spec.status ?? 'published',
        current_version_id: versionId,
        published_at: spec.publishedAt ?? now,
        rating_avg: spec.ratingAvg ?? null,
        rating_count: spec.ratingCount ?? 0,
        view_count: spec.views ?? 0,
        favorite_count: spec.favorites ?? 0,
      })
      .where('id', '=', id)
      .execute();
  });
  return id;
}

/** The titles of a search answer, in order. */
export function titles(body: { items: Array<{ title: string }> }): string[] {
  return body.items.map((item) => item.title);
}
