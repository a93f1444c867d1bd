import type { Role } from '@nano/contracts';
import { grantTrust } from '../../src/modules/moderation/standing.ts';
import type { TestApp } from '../app.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { nextIp } from '../identity/identity-helpers.ts';
import { APPROVE, createDraftWithFile, makeZip, uploadZip } from '../nano-fixtures.ts';

export const HOUR_MS = 60 * 60_000;

/** Time for a suite's set-up: several uploads on a machine shared with other suites. */
export const SETUP_TIMEOUT_MS = 240_000;

export interface Person {
  user: TestUser;
  client: TestClient;
}

/** A signed-in user of `role` (each from its own address: logins are rate limited per IP). */
export async function person(
  t: TestApp,
  role: Role,
  options: { displayName?: string; locale?: 'de' | 'en' } = {},
): Promise<Person> {
  const { locale, ...userOptions } = options;
  const user = await createUser(t, { role, ...userOptions });
  return { user, client: await signIn(t, user, { ip: nextIp(), ...(locale ? { locale } : {}) }) };
}

/**
 * Signs these people in again: access tokens live 15 minutes on the (fake) clock, so after the
 * clock jumped further their clients would be guests.
 */
export async function signInAgain(t: TestApp, ...people: Person[]): Promise<void> {
  for (const p of people) {
    p.client = await signIn(t, p.user, { ip: nextIp() });
  }
}

/** Moves the clock on and signs these people in again. */
export async function advance(t: TestApp, ms: number, ...people: Person[]): Promise<void> {
  t.clock.advance(ms);
  await signInAgain(t, ...people);
}

/** A tiny ZIP (one Markdown file): uploads stay fast. */
export function tinyZip(text = 'Übung macht den Meister.'): Promise<Buffer> {
  return makeZip({ 'notizen.md': `# Notizen\n\n${text}` });
}

/** A draft with a file, submitted: it waits in the `new` queue. Returns its id. */
export async function submitNew(
  t: TestApp,
  creator: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await createDraftWithFile(t, creator, await tinyZip(), overrides);
  const res = await creator.post(`/api/v1/nanos/${id}/submit`);
  if (res.statusCode !== 200) {
    throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  }
  return id;
}

/** Approves the waiting version of `id` as `moderator` (every checklist item ticked). */
export async function approve(moderator: TestClient, id: string): Promise<void> {
  const res = await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);
  if (res.statusCode !== 200) {
    throw new Error(`approve failed: ${res.statusCode} ${res.body}`);
  }
}

/** A published Nano of `creator` (submitted and approved). */
export async function publishNew(
  t: TestApp,
  creator: TestClient,
  moderator: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await submitNew(t, creator, overrides);
  await approve(moderator, id);
  return id;
}

/** Uploads a new version of a published Nano (a submission of an update). */
export async function uploadUpdate(_t: TestApp, creator: TestClient, id: string, changelog = 'Neue Fassung') {
  return uploadZip(creator, id, await tinyZip(changelog), { fields: { changelog } });
}

/** Makes `userId` trusted straight away (the promotion itself is tested on its own). */
export async function trust(t: TestApp, userId: string): Promise<void> {
  await grantTrust(t.platform.database.db, userId, t.clock.now());
}

/** The version rows of a Nano with the review columns, oldest first. */
export function versionsOf(t: TestApp, nanoId: string) {
  return t.platform.database.db
    .selectFrom('nano_versions')
    .select(['id', 'status', 'semver', 'sampled_at', 'sample_decided_at', 'submitted_at', 'metadata'])
    .where('nano_id', '=', nanoId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** The stored statements of reasons about a Nano, oldest first. */
export function decisionsOn(t: TestApp, nanoId: string) {
  return t.platform.database.db
    .selectFrom('moderation_decisions')
    .selectAll()
    .where('target_type', '=', 'nano')
    .where('target_id', '=', nanoId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}
