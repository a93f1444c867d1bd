import type { CreateFlagRequest, flagSchema, ResolveFlagRequest, ResolveFlagResponse } from '@nano/contracts';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { TestApp } from '../app.ts';
import { type Member, member, put, ratingUrl } from '../feedback/feedback-fixtures.ts';
import type { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';

export { type Member, member } from '../feedback/feedback-fixtures.ts';

type Flag = z.infer<typeof flagSchema>;

/** A creator with a published Nano, two consumers and two moderators, all signed in. */
export interface ModerationCast {
  creator: Member;
  alice: Member;
  bob: Member;
  mona: Member;
  max: Member;
  nanoId: string;
}

export async function moderationCast(
  t: TestApp,
  title = 'Bruchrechnen für Einsteiger',
): Promise<ModerationCast> {
  const creator = await member(t, { role: 'creator', displayName: 'VHS Teststadt' });
  const alice = await member(t, { displayName: 'Alice Lernend' });
  const bob = await member(t, { displayName: 'Bob Bewertend' });
  const mona = await member(t, { role: 'moderator', displayName: 'Mona Moderation' });
  const max = await member(t, { role: 'moderator', displayName: 'Max Zweitprüfer' });
  const nanoId = await insertNano(t, creator.user.id, { title });
  return { creator, alice, bob, mona, max, nanoId };
}

/** `POST /flags` as `client`. */
export function flag(client: TestClient, body: CreateFlagRequest) {
  return client.post('/api/v1/flags', body);
}

/** Flags and expects it stored; returns the flag. */
export async function flagged(client: TestClient, body: CreateFlagRequest): Promise<Flag> {
  const res = await flag(client, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Flag>();
}

/** `POST /moderation/flags/{id}/resolve` as `client`. */
export function resolve(client: TestClient, flagId: string, body: ResolveFlagRequest) {
  return client.post(`/api/v1/moderation/flags/${flagId}/resolve`, body);
}

/** Resolves and expects it done; returns the decision. */
export async function resolved(
  client: TestClient,
  flagId: string,
  body: ResolveFlagRequest,
): Promise<ResolveFlagResponse> {
  const res = await resolve(client, flagId, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ResolveFlagResponse>();
}

/** `rater` rates the Nano (with a comment) and returns the rating's id. */
export async function rate(rater: Member, nanoId: string, score: number, comment: string): Promise<string> {
  const res = await put(rater.client, ratingUrl(nanoId), { score, comment });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
}

export async function nanoStatus(t: TestApp, nanoId: string): Promise<string> {
  const row = await t.platform.database.db
    .selectFrom('nanos')
    .select('status')
    .where('id', '=', nanoId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** The audit events with this action about this target, oldest first. */
export function auditEvents(t: TestApp, action: string, targetId: string) {
  return t.platform.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .orderBy('seq', 'asc')
    .execute();
}

/** The notifications of one type a user got, oldest first. */
export async function notificationsOf(t: TestApp, userId: string, type: string) {
  const rows = await t.platform.database.db
    .selectFrom('notifications')
    .select(['type', 'payload'])
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => row.payload as Record<string, unknown>);
}
