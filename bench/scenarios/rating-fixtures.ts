import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BENCH_PASSWORD, BENCH_PASSWORD_HASH, EMAIL_DOMAIN } from '../generate/people.ts';
import { type CustomContext, fetchWithTimeout } from '../lib/scenario.ts';
import { csrfHeaders } from './api-session.ts';

/**
 * Data the rating scenarios write straight into the server's PostgreSQL database: accounts with
 * the generator's precomputed password hash (so signing in costs one Argon2id verification, not a
 * registration), a published Nano of their own, and ratings. Everything carries a run prefix and
 * is removed again by {@link RatingFixture.remove}, so the scenarios also run on the generated
 * dataset without leaving anything behind (except the audit log's sign-in events, which stay).
 */
export interface RatingFixture {
  client: pg.Client;
  /** Usernames of the accounts of this run start with it. */
  prefix: string;
  creatorId: string;
  nanoId: string;
  /** The raters' usernames, in order. */
  raters: string[];
  remove(): Promise<void>;
}

/** Sign-ins at once while preparing: Argon2id takes a good part of a core each. */
const LOGIN_CONCURRENCY = 4;

export function requirePostgres(ctx: CustomContext, scenario: string): string {
  if (!ctx.databaseUrl) {
    throw new Error(
      `${scenario} writes its data straight into PostgreSQL: run it with --db postgres (or --database-url)`,
    );
  }
  return ctx.databaseUrl;
}

async function insertUsers(client: pg.Client, prefix: string, names: string[], role: string): Promise<void> {
  await client.query(
    `insert into users (id, email, username, display_name, password_hash, role, email_verified_at, created_at, updated_at)
     select gen_random_uuid(), u || '@' || $2, u, initcap(replace(u, '-', ' ')), $3, $4, now(), now(), now()
     from unnest($1::text[]) as u`,
    [names, EMAIL_DOMAIN, BENCH_PASSWORD_HASH, role],
  );
  await client.query(
    `insert into user_profiles (user_id) select id from users where username like $1 || '%'
     on conflict (user_id) do nothing`,
    [prefix],
  );
}

/**
 * Creates `raterCount` consumer accounts, one creator and a published Nano of the creator (with an
 * approved version and a category, as the review workflow leaves it).
 */
export async function createRatingFixture(
  databaseUrl: string,
  scenario: string,
  raterCount: number,
): Promise<RatingFixture> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const prefix = `bench-${scenario}-${randomBytes(3).toString('hex')}-`;
  const nanoIds: string[] = [];
  const remove = async () => {
    try {
      // Ratings, versions, categories and search rows go with the Nano; sessions, profiles and marks with the users.
      await client.query('delete from nanos where id = any($1::uuid[])', [nanoIds]);
      await client.query(`delete from users where username like $1 || '%'`, [prefix]);
    } finally {
      await client.end();
    }
  };
  try {
    const raters = Array.from({ length: raterCount }, (_, i) => `${prefix}rater-${i + 1}`);
    await insertUsers(client, prefix, [`${prefix}creator`], 'creator');
    await insertUsers(client, prefix, raters, 'consumer');
    const creator = await client.query<{ id: string }>('select id from users where username = $1', [
      `${prefix}creator`,
    ]);
    const creatorId = creator.rows[0]?.id;
    if (!creatorId) {
      throw new Error('the bench creator account was not created');
    }
    const nano = await client.query<{ id: string }>(
      `insert into nanos (id, creator_id, title, description, duration_minutes, level, language, format, license)
       values (gen_random_uuid(), $1, $2, 'Ein Nano, den der Benchmark bewertet.', 10, 1, 'de', 'text', 'CC-BY-4.0')
       returning id`,
      [creatorId, `Benchmark ${scenario} ${prefix}`],
    );
    const nanoId = nano.rows[0]?.id as string;
    nanoIds.push(nanoId);
    await client.query(
      `insert into nano_categories (nano_id, category_id)
       select $1, id from categories where parent_id is not null order by slug limit 1`,
      [nanoId],
    );
    const version = await client.query<{ id: string }>(
      `insert into nano_versions (id, nano_id, semver, status, object_key, content_prefix, sha256, size_bytes, file_count, created_by)
       values (gen_random_uuid(), $1, '1.0.0', 'approved', 'bench/none.zip', 'bench/none/', repeat('0', 64), 1000, 1, $2)
       returning id`,
      [nanoId, creatorId],
    );
    await client.query(
      `update nanos set status = 'published', current_version_id = $2, published_at = now() where id = $1`,
      [nanoId, version.rows[0]?.id],
    );
    return { client, prefix, creatorId, nanoId, raters, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

let loginAddresses = 0;

/**
 * `nm_access=…` of a fresh sign-in of a fixture account. The server trusts X-Forwarded-For in the
 * bench; each sign-in claims an address of the benchmarking range 198.18.0.0/15 (RFC 2544, never
 * a target), so the per-address sign-in limit never applies.
 */
async function signIn(baseUrl: string, username: string): Promise<string> {
  const n = loginAddresses++;
  const response = await fetchWithTimeout(
    `${baseUrl}/api/v1/auth/login`,
    {
      method: 'POST',
      headers: {
        ...csrfHeaders(),
        'content-type': 'application/json',
        'x-forwarded-for': `198.18.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`,
      },
      body: JSON.stringify({ login: username, password: BENCH_PASSWORD }),
    },
    60_000,
  );
  const body = await response.text();
  const access = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0] ?? '')
    .find((pair) => pair.startsWith('nm_access='));
  if (response.status !== 200 || !access) {
    throw new Error(`login as ${username} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  return access;
}

/** Access cookies of the given accounts, a few sign-ins at a time, in the same order. */
export async function signInAll(baseUrl: string, usernames: string[]): Promise<string[]> {
  const cookies: string[] = new Array(usernames.length);
  let next = 0;
  const worker = async () => {
    while (next < usernames.length) {
      const index = next++;
      cookies[index] = await signIn(baseUrl, usernames[index] as string);
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, worker));
  return cookies;
}
