import type { Role } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../src/modules/identity/crypto/password-hasher.ts';
import { recordSignUpConsents } from '../src/modules/privacy/consents.service.ts';
import type { TestApp } from './app.ts';
import { TestClient } from './http-client.ts';

/** A password that passes the policy; every factory user has it unless told otherwise. */
export const TEST_PASSWORD = 'Kaffeetasse-Wolke-17!';

let counter = 0;
let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
}

/**
 * Inserts a ready account (verified, active) straight into the database, like the demo seeder
 * does. Hashing is slow by design, so the default password's hash is computed once per file.
 */
export async function createUser(
  t: TestApp,
  options: {
    role?: Role;
    verified?: boolean;
    password?: string;
    username?: string;
    email?: string;
    displayName?: string;
    mustChangePassword?: boolean;
    /** Opted in to notification emails at registration (default true; false: never consented). */
    notificationEmails?: boolean;
  } = {},
): Promise<TestUser> {
  counter += 1;
  const id = uuidv7();
  const username = options.username ?? `user${counter}-${id.slice(-6)}`;
  const email = options.email ?? `${username}@example.org`;
  const password = options.password ?? TEST_PASSWORD;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await cachedHash : await hashPassword(password);
  const displayName = options.displayName ?? `Test User ${counter}`;
  const role = options.role ?? 'consumer';
  await t.platform.database.db
    .insertInto('users')
    .values({
      id,
      email,
      username,
      display_name: displayName,
      password_hash: passwordHash,
      role,
      email_verified_at: options.verified === false ? null : t.clock.now(),
      must_change_password: options.mustChangePassword ?? false,
      created_at: t.clock.now(),
      updated_at: t.clock.now(),
    })
    .execute();
  await t.platform.database.db.insertInto('user_profiles').values({ user_id: id }).execute();
  // Like a registered user: the current terms and privacy policy accepted.
  await recordSignUpConsents(
    t.platform.database.db,
    id,
    { notificationEmails: options.notificationEmails ?? true },
    t.clock.now(),
  );
  return { id, email, username, displayName, password, role };
}

/** A client signed in as `user` (password login; the user must not have 2FA). */
export async function signIn(
  t: TestApp,
  user: TestUser,
  defaults: ConstructorParameters<typeof TestClient>[1] = {},
): Promise<TestClient> {
  const client = new TestClient(t.app, defaults);
  const res = await client.post('/api/v1/auth/login', { login: user.username, password: user.password });
  if (res.statusCode !== 200) {
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  }
  return client;
}

/** The newest outbox mail to `to`, with the first app link in it. */
export async function lastMailTo(
  t: TestApp,
  to: string,
): Promise<{ subject: string; text: string; link: URL | undefined }> {
  const row = await t.platform.database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) {
    throw new Error(`no mail to ${to}`);
  }
  const match = /https?:\/\/\S+\?token=[\w.-]+/.exec(row.text_body);
  return { subject: row.subject, text: row.text_body, link: match ? new URL(match[0]) : undefined };
}
