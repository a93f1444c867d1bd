import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import * as repo from './catalog.repository.ts';
import type { NanoRow } from './catalog.tables.ts';

/**
 * The Nano's metadata as it was submitted with a version (`nano_versions.metadata`): what the
 * reviewer decides on, and the base of the next review's diff. Field names as in the API.
 */
export interface MetadataSnapshot {
  title: string;
  description: string;
  durationMinutes: number | null;
  level: number | null;
  language: string | null;
  format: string | null;
  license: string | null;
  licenseTerms: string | null;
  tags: string[];
  categoryIds: string[];
}

/** The fields in the order the review screen lists them. */
export const SNAPSHOT_FIELDS = [
  'title',
  'description',
  'durationMinutes',
  'level',
  'language',
  'format',
  'license',
  'licenseTerms',
  'tags',
  'categoryIds',
] as const satisfies ReadonlyArray<keyof MetadataSnapshot>;

export async function snapshotMetadata(db: Kysely<Database>, nano: NanoRow): Promise<MetadataSnapshot> {
  const categories = await repo.categoryIdsOf(db, [nano.id]);
  return {
    title: nano.title,
    description: nano.description,
    durationMinutes: nano.duration_minutes,
    level: nano.level,
    language: nano.language,
    format: nano.format,
    license: nano.license,
    licenseTerms: nano.license_terms,
    tags: [...nano.tags],
    categoryIds: [...(categories.get(nano.id) ?? [])].sort(),
  };
}

/** The stored snapshot (jsonb arrives parsed or as text, depending on the driver); null when absent. */
export function parseSnapshot(value: unknown): MetadataSnapshot | null {
  if (value === null || value === undefined) {
    return null;
  }
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return parsed && typeof parsed === 'object' ? (parsed as MetadataSnapshot) : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ between two snapshots, in {@link SNAPSHOT_FIELDS} order. */
export function diffMetadata(
  before: MetadataSnapshot,
  after: MetadataSnapshot,
): Array<{ field: string; before: unknown; after: unknown }> {
  return SNAPSHOT_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
}
