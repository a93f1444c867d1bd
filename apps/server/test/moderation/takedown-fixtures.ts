import type { TakedownNoticeRequest } from '@nano/contracts';
import type { TestApp } from '../app.ts';
import { lastMailTo, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';

let counter = 0;
let logins = 0;

/**
 * Signs `user` in from an address of its own: the tests sign in again after moving the clock past
 * the access token's lifetime, more often than the login's per-address limit allows.
 */
export function login(t: TestApp, user: TestUser): Promise<TestClient> {
  logins += 1;
  return signIn(t, user, { ip: `10.${Math.floor(logins / 250) % 250}.${logins % 250}.1` });
}

/** A complete notice from the public form about `nanoId`, from a new complainant address. */
export function noticeFor(
  nanoId: string,
  overrides: Partial<TakedownNoticeRequest> = {},
): TakedownNoticeRequest {
  counter += 1;
  return {
    nanoId,
    complainantName: 'Verlag Beispiel GmbH',
    complainantEmail: `rechte${counter}@verlag.example`,
    work: 'Arbeitsblätter „Bruchrechnen 5“, Seiten 12–18',
    originalLocation: 'https://verlag.example/bruchrechnen-5',
    goodFaith: true,
    accuracy: true,
    ...overrides,
  };
}

/** A guest browser (no account) from its own network, as the public form is used. */
export function guest(t: TestApp, ip = `198.51.${(counter % 200) + 1}.10`, locale = 'de'): TestClient {
  return new TestClient(t.app, { ip, locale });
}

/** Sends a notice as a guest and returns the confirmation token from the complainant's email. */
export async function submitNotice(
  t: TestApp,
  notice: TakedownNoticeRequest,
  client = guest(t),
): Promise<string> {
  const res = await client.post('/api/v1/takedown-notices', notice);
  if (res.statusCode !== 202) {
    throw new Error(`notice failed: ${res.statusCode} ${res.body}`);
  }
  const mail = await lastMailTo(t, notice.complainantEmail);
  const token = mail.link?.searchParams.get('token');
  if (!token) {
    throw new Error(`no confirmation link in: ${mail.text}`);
  }
  return token;
}

/** Sends and confirms a notice; returns the notice's id. */
export async function confirmedNotice(t: TestApp, notice: TakedownNoticeRequest): Promise<string> {
  const client = guest(t);
  const token = await submitNotice(t, notice, client);
  const res = await client.post('/api/v1/takedown-notices/confirm', { token });
  if (res.statusCode !== 200) {
    throw new Error(`confirm failed: ${res.statusCode} ${res.body}`);
  }
  const row = await t.platform.database.db
    .selectFrom('takedown_notices')
    .select('id')
    .where('complainant_email', '=', notice.complainantEmail)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The status of a Nano as stored. */
export async function nanoStatus(t: TestApp, nanoId: string): Promise<string> {
  const row = await t.platform.database.db
    .selectFrom('nanos')
    .select('status')
    .where('id', '=', nanoId)
    .executeTakeFirstOrThrow();
  return row.status;
}
