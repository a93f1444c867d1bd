import type { Role } from '@nano/contracts';
import type { TestApp } from '../app.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';

/** A signed-in test user. */
export interface Member {
  user: TestUser;
  client: TestClient;
}

let nextAddress = 0;

/**
 * A new user signed in from an own client address (sign-in is rate-limited per address, and the
 * concurrency tests sign in dozens).
 */
export async function member(
  t: TestApp,
  options: { role?: Role; displayName?: string; locale?: string } = {},
): Promise<Member> {
  nextAddress += 1;
  const user = await createUser(t, {
    ...(options.role ? { role: options.role } : {}),
    ...(options.displayName ? { displayName: options.displayName } : {}),
  });
  const ip = `10.${Math.floor(nextAddress / 250) % 250}.${nextAddress % 250}.7`;
  const client = await signIn(t, user, { ip, ...(options.locale ? { locale: options.locale } : {}) });
  return { user, client };
}

/** `PUT url` with a JSON body (the test client has no shorthand for PUT). */
export function put(client: TestClient, url: string, payload?: unknown) {
  return client.request({
    method: 'PUT',
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export const ratingUrl = (nanoId: string) => `/api/v1/nanos/${nanoId}/rating`;
export const ratingsUrl = (nanoId: string, query = '') =>
  `/api/v1/nanos/${nanoId}/ratings${query ? `?${query}` : ''}`;
export const summaryUrl = (nanoId: string) => `/api/v1/nanos/${nanoId}/rating-summary`;
export const replyUrl = (ratingId: string) => `/api/v1/ratings/${ratingId}/reply`;
export const helpfulUrl = (ratingId: string) => `/api/v1/ratings/${ratingId}/helpful`;

/** The Nano's stored counters, as the catalog and the search index read them. */
export async function nanoCounters(
  t: TestApp,
  nanoId: string,
): Promise<{ ratingCount: number; ratingAvg: number | null }> {
  const row = await t.platform.database.db
    .selectFrom('nanos')
    .select(['rating_count', 'rating_avg'])
    .where('id', '=', nanoId)
    .executeTakeFirstOrThrow();
  return { ratingCount: row.rating_count, ratingAvg: row.rating_avg };
}

/** The notifications of a user of one type, oldest first, with their payloads. */
export async function notificationsOf(
  t: TestApp,
  userId: string,
  type: string,
): Promise<Array<Record<string, unknown>>> {
  const rows = await t.platform.database.db
    .selectFrom('notifications')
    .select(['payload'])
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => row.payload as Record<string, unknown>);
}

/** Hides a rating's comment as the moderation issue will (by setting the columns directly). */
export async function hideComment(t: TestApp, ratingId: string, moderatorId: string): Promise<void> {
  await t.platform.database.db
    .updateTable('ratings')
    .set({ comment_hidden_at: t.clock.now(), comment_hidden_by: moderatorId })
    .where('id', '=', ratingId)
    .execute();
}
