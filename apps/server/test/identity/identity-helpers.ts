import type { LightMyRequestResponse } from 'fastify';
import { totpNow } from '../../src/modules/identity/crypto/totp.ts';
import type { TestApp } from '../app.ts';
import { signIn, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { parseSetCookies, type SetCookie, TestClient } from '../http-client.ts';

/** Shared steps of the identity integration suites (each suite still builds its own app). */

/** One TOTP step: the next code an authenticator app shows. */
export const TOTP_STEP_MS = 30_000;

let registrations = 0;

/** A valid `POST /auth/register` body for a new person; any field can be overridden. */
export function registrationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  registrations += 1;
  const username = `neu${registrations}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    email: `${username}@example.org`,
    username,
    password: TEST_PASSWORD,
    displayName: `Neue Person ${registrations}`,
    acceptTerms: true,
    acceptPrivacy: true,
    locale: 'de',
    ...overrides,
  };
}

let ipCounter = 0;

/**
 * An address no other client of this file used: login and registration are rate-limited per
 * IP in real time, so each scenario gets its own budget and only the rule under test decides.
 */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 8) & 0xff}.${ipCounter & 0xff}.1`;
}

/** A new browser from its own address. */
export function freshClient(t: TestApp, defaults: { userAgent?: string; locale?: string } = {}): TestClient {
  return new TestClient(t.app, { ...defaults, ip: nextIp() });
}

/** A browser signed in as `user` (password login), from its own address unless `defaults.ip` says otherwise. */
export function signInFresh(
  t: TestApp,
  user: TestUser,
  defaults: { userAgent?: string; ip?: string; locale?: string } = {},
): Promise<TestClient> {
  return signIn(t, user, { ip: nextIp(), ...defaults });
}

/** A second tab of the same browser at this moment: a client holding a copy of `client`'s cookies. */
export function copyBrowser(t: TestApp, client: TestClient, defaults: { ip?: string } = {}): TestClient {
  const copy = new TestClient(t.app, defaults);
  for (const [name, cookie] of client.cookies) {
    copy.cookies.set(name, { ...cookie });
  }
  return copy;
}

/** The Set-Cookie of `name` in a response, if any. */
export function setCookieOf(response: LightMyRequestResponse, name: string): SetCookie | undefined {
  return parseSetCookies(response).find((cookie) => cookie.name === name);
}

/** A problem body without the fields that differ per request, to compare two answers. */
export function problemShape(response: LightMyRequestResponse): Record<string, unknown> {
  const { requestId: _requestId, instance: _instance, ...rest } = response.json<Record<string, unknown>>();
  return rest;
}

/** Every mail sent to `to`, oldest first. */
export async function mailsTo(t: TestApp, to: string): Promise<Array<{ subject: string; text: string }>> {
  const rows = await t.platform.database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => ({ subject: row.subject, text: row.text_body }));
}

/** Audit events as stored, oldest first. */
export async function auditEvents(t: TestApp, filter: { action?: string; actorId?: string } = {}) {
  let query = t.platform.database.db
    .selectFrom('audit_events')
    .select(['seq', 'action', 'actor_id', 'target_type', 'target_id', 'details', 'ip', 'outcome'])
    .orderBy('seq', 'asc');
  if (filter.action) {
    query = query.where('action', '=', filter.action);
  }
  if (filter.actorId) {
    query = query.where('actor_id', '=', filter.actorId);
  }
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** A six-digit code the authenticator app shows at none of the steps the server accepts now. */
export function wrongTotp(secret: string, now: Date): string {
  const valid = new Set(
    [-TOTP_STEP_MS, 0, TOTP_STEP_MS].map((delta) => totpNow(secret, new Date(now.getTime() + delta))),
  );
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!valid.has(code)) {
      return code;
    }
  }
}

/**
 * Enrols the signed-in `client` in 2FA as a user would (setup, then a code from the app) and
 * moves the clock one step on, so the next code is not a replay of the enrolment code.
 */
export async function enableTwoFactor(
  t: TestApp,
  client: TestClient,
): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await client.post('/api/v1/auth/2fa/setup');
  if (setup.statusCode !== 200) {
    throw new Error(`2FA setup failed: ${setup.statusCode} ${setup.body}`);
  }
  const { secret } = setup.json<{ secret: string }>();
  const enable = await client.post('/api/v1/auth/2fa/enable', { code: totpNow(secret, t.clock.now()) });
  if (enable.statusCode !== 200) {
    throw new Error(`2FA enable failed: ${enable.statusCode} ${enable.body}`);
  }
  t.clock.advance(TOTP_STEP_MS);
  return { secret, backupCodes: enable.json<{ backupCodes: string[] }>().backupCodes };
}
