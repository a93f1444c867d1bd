import { fetchWithTimeout } from '../lib/scenario.ts';

/** Password of every demo account that `NODE_ENV=development` seeds. */
export const DEMO_PASSWORD = 'Demo-Passwort-2026!';

/** Any value works for the CSRF double submit as long as cookie and header carry the same one. */
export const CSRF_TOKEN = 'bench-csrf-token';
const CSRF_COOKIE = `nm_csrf=${CSRF_TOKEN}`;

/** Headers for a state-changing request: the CSRF cookie (plus more cookies) and its header. */
export function csrfHeaders(cookies: string[] = []): Record<string, string> {
  return { cookie: [CSRF_COOKIE, ...cookies].join('; '), 'x-csrf-token': CSRF_TOKEN };
}

/** The documentation ranges of RFC 5737; used only as X-Forwarded-For header values, never as targets. */
const FORWARDED_PREFIXES = ['203.0.113.', '198.51.100.'];
const FORWARDED_COUNT = FORWARDED_PREFIXES.length * 254;

/** The n-th client address of two documentation ranges, cycling (508 addresses). */
export function forwardedFor(n: number): string {
  const index = ((n % FORWARDED_COUNT) + FORWARDED_COUNT) % FORWARDED_COUNT;
  return `${FORWARDED_PREFIXES[Math.floor(index / 254)]}${(index % 254) + 1}`;
}

let setupLogins = 0;

/** `nm_access=…` of a fresh login as `login`; throws unless the login answers 200 with the cookie. */
export async function loginCookie(baseUrl: string, login: string): Promise<string> {
  const response = await fetchWithTimeout(
    `${baseUrl}/api/v1/auth/login`,
    {
      method: 'POST',
      headers: {
        ...csrfHeaders(),
        'content-type': 'application/json',
        // Setup logins use the third range, so they never share the login limiter with the load.
        'x-forwarded-for': `192.0.2.${(setupLogins++ % 254) + 1}`,
      },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    },
    // Long: after the `login` scenario the server may still be hashing the abandoned logins of
    // timed-out connections (each Argon2id verification takes a good part of a core).
    120_000,
  );
  const body = await response.text();
  const access = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0] ?? '')
    .find((pair) => pair.startsWith('nm_access='));
  if (response.status !== 200 || !access) {
    throw new Error(`login as ${login} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  return access;
}

/** Creates a draft Nano as the creator behind `accessCookie` and returns its id. */
export async function createNano(baseUrl: string, accessCookie: string, title: string): Promise<string> {
  const response = await fetchWithTimeout(`${baseUrl}/api/v1/nanos`, {
    method: 'POST',
    headers: { ...csrfHeaders([accessCookie]), 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  const body = await response.text();
  const id = response.status === 201 ? (JSON.parse(body) as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') {
    throw new Error(`POST /api/v1/nanos answered ${response.status}: ${body.slice(0, 300)}`);
  }
  return id;
}
