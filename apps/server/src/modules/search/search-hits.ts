import type { SearchHit } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { createPostgresSearchIndex } from './postgres-search-index.ts';
import { toHits } from './search.service.ts';

/**
 * Result cards of the given Nanos in the given order, as search shows them. Only Nanos the public
 * may find now (published, indexed) come back; the others are left out.
 */
export async function hitsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<SearchHit[]> {
  if (ids.length === 0) {
    return [];
  }
  return toHits({ db }, await createPostgresSearchIndex(db).byIds([...ids]));
}
