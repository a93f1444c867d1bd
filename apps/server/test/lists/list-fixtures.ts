import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { TestApp } from '../app.ts';
import type { TestClient } from '../http-client.ts';

/** `PUT` through the client (with its CSRF header), optionally with a JSON body. */
export function put(client: TestClient, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'PUT',
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Sets a Nano's status directly (as archiving or deleting would); the search triggers follow. */
export async function setNanoStatus(
  t: TestApp,
  nanoId: string,
  status: 'published' | 'archived' | 'deleted',
) {
  await t.platform.database.db.updateTable('nanos').set({ status }).where('id', '=', nanoId).execute();
}

/** The stored favourite count of a Nano and of its search document. */
export async function favoriteCounts(
  t: TestApp,
  nanoId: string,
): Promise<{ nano: number; search: number | null }> {
  const db = t.platform.database.db;
  const nano = await db
    .selectFrom('nanos')
    .select('favorite_count')
    .where('id', '=', nanoId)
    .executeTakeFirstOrThrow();
  const doc = await db
    .selectFrom('search_documents')
    .select('favorite_count')
    .where('nano_id', '=', nanoId)
    .executeTakeFirst();
  return { nano: nano.favorite_count, search: doc?.favorite_count ?? null };
}

/** `count` draft Nanos in one insert: cheap rows to fill lists up to their limit. */
export async function insertDraftNanos(t: TestApp, creatorId: string, count: number): Promise<string[]> {
  const now = t.clock.now();
  const ids = Array.from({ length: count }, () => uuidv7());
  await t.platform.database.db
    .insertInto('nanos')
    .values(
      ids.map((id, i) => ({
        id,
        creator_id: creatorId,
        title: `Entwurf ${i}`,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return ids;
}
