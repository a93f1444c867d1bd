import { percentile, runLoad } from '../lib/measure.ts';
import {
  type BenchRequest,
  type CustomContext,
  customScenario,
  fetchWithTimeout,
  type Measurement,
} from '../lib/scenario.ts';
import { createRatingFixture, type RatingFixture, requirePostgres, signInAll } from './rating-fixtures.ts';

/** Ratings on the one Nano whose list is read. */
const RATINGS = 10_000;
const PAGE_SIZE = 20;
/** A deep page: offset 7,980 of 10,000, as far as anyone pages by hand. */
const DEEP_PAGE = 400;

/**
 * The ratings in one statement: scores mostly 4–5, 60 % with a comment of 50–160 characters, every
 * tenth commented one answered by the creator, helpful counts from 0 to 39, one every 47 minutes
 * back from now. (The helpful counts come without mark rows: the list reads only the counter.)
 */
async function insertRatings(fixture: RatingFixture): Promise<void> {
  await fixture.client.query(
    `insert into ratings (id, nano_id, user_id, score, comment, helpful_count, reply_text, reply_author_id,
                          reply_created_at, reply_updated_at, created_at, updated_at)
     select gen_random_uuid(), $1, u.id,
            case when u.i % 10 < 5 then 5 when u.i % 10 < 8 then 4 when u.i % 10 = 8 then 3 else 2 end,
            case when u.i % 5 < 3 then 'Kommentar ' || u.i || ': ' || repeat('Praxisnah erklärt, gut strukturiert. ', 1 + u.i % 4) end,
            case when u.i % 7 = 0 then u.i % 40 else u.i % 3 end,
            case when u.i % 10 = 0 then 'Vielen Dank für Ihre Rückmeldung! Eine Vertiefung folgt im nächsten Quartal.' end,
            case when u.i % 10 = 0 then $2::uuid end,
            case when u.i % 10 = 0 then now() - make_interval(mins => u.i * 47 - 30) end,
            case when u.i % 10 = 0 then now() - make_interval(mins => u.i * 47 - 30) end,
            now() - make_interval(mins => u.i * 47),
            now() - make_interval(mins => u.i * 47)
     from (select id, row_number() over (order by username)::int as i
           from users where username like $3 || 'rater-%') u`,
    [fixture.nanoId, fixture.creatorId, fixture.prefix],
  );
  await fixture.client.query(
    `update nanos set
       rating_count = (select count(*) from ratings where nano_id = $1 and score_counts),
       rating_avg = (select avg(score)::double precision from ratings where nano_id = $1 and score_counts)
     where id = $1`,
    [fixture.nanoId],
  );
  await fixture.client.query('analyze ratings');
}

interface Variant {
  label: string;
  /** The request path after `/api/v1/nanos/{id}`. */
  path: string;
  signedIn?: boolean;
}

const list = (query: string) => `/ratings?${query}&pageSize=${PAGE_SIZE}`;

const VARIANTS: Variant[] = [
  { label: 'newest, page 1', path: list('sort=newest&page=1') },
  { label: `newest, page ${DEEP_PAGE}`, path: list(`sort=newest&page=${DEEP_PAGE}`) },
  { label: 'helpful, page 1', path: list('sort=helpful&page=1') },
  { label: `helpful, page ${DEEP_PAGE}`, path: list(`sort=helpful&page=${DEEP_PAGE}`) },
  { label: 'newest, page 1, signed in', path: list('sort=newest&page=1'), signedIn: true },
  { label: 'rating-summary, signed in', path: '/rating-summary', signedIn: true },
];

/** One load's figures, and their sum over several loads (latency percentiles over all responses). */
function merge(parts: Measurement[], latencies: number[]): Measurement {
  const sorted = Float64Array.from(latencies).sort();
  const sum = (pick: (m: Measurement) => number) => parts.reduce((total, m) => total + pick(m), 0);
  const statusCodes: Record<string, number> = {};
  for (const part of parts) {
    for (const [code, count] of Object.entries(part.statusCodes)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
  }
  const durationSeconds = sum((m) => m.durationSeconds);
  const requests = sum((m) => m.requests);
  return {
    durationSeconds,
    requests,
    requestsPerSecond: durationSeconds > 0 ? requests / durationSeconds : 0,
    latencyMs: {
      mean: sorted.length ? sorted.reduce((total, v) => total + v, 0) / sorted.length : Number.NaN,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    },
    statusCodes,
    non2xx3xx: sum((m) => m.non2xx3xx),
    unexpectedStatus: sum((m) => m.unexpectedStatus),
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
  };
}

/** Fails fast unless the answer is what the variant should read: a full page, or the summary of all ratings. */
async function check(ctx: CustomContext, path: string, cookie: string | undefined): Promise<void> {
  const response = await fetchWithTimeout(`${ctx.baseUrl}${path}`, cookie ? { headers: { cookie } } : {});
  const body = await response.text();
  const answer =
    response.status === 200
      ? (JSON.parse(body) as { items?: unknown[]; total?: number; count?: number })
      : {};
  const complete = answer.items
    ? answer.total === RATINGS && answer.items.length === PAGE_SIZE
    : answer.count === RATINGS;
  if (!complete) {
    throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  }
}

async function run(ctx: CustomContext): Promise<Measurement> {
  const databaseUrl = requirePostgres(ctx, 'ratings-list');
  const fixture = await createRatingFixture(databaseUrl, 'ratings-list', RATINGS);
  try {
    await insertRatings(fixture);
    const [cookie] = await signInAll(ctx.baseUrl, fixture.raters.slice(0, 1));
    const parts: Measurement[] = [];
    const latencies: number[] = [];
    for (const variant of VARIANTS) {
      const path = `/api/v1/nanos/${fixture.nanoId}${variant.path}`;
      const headers = variant.signedIn && cookie ? { cookie } : undefined;
      await check(ctx, path, headers?.cookie);
      const requests: BenchRequest[] = [{ method: 'GET', path, ...(headers ? { headers } : {}) }];
      const load = (durationSeconds: number, record: boolean, sink?: number[]) =>
        runLoad({
          baseUrl: ctx.baseUrl,
          plan: { requests, expectStatus: [200] },
          connections: ctx.connections,
          durationSeconds,
          signal: ctx.signal,
          record,
          ...(sink ? { latencySink: sink } : {}),
        });
      if (ctx.warmupSeconds > 0) {
        await load(ctx.warmupSeconds, false);
      }
      const part = await load(ctx.durationSeconds, true, latencies);
      parts.push(part);
      process.stderr.write(
        `bench: ratings-list: ${variant.label}: ${part.requestsPerSecond.toFixed(0)} req/s, ` +
          `p50 ${part.latencyMs.p50.toFixed(2)} ms, p95 ${part.latencyMs.p95.toFixed(2)} ms, ` +
          `p99 ${part.latencyMs.p99.toFixed(2)} ms, non-2xx ${part.non2xx3xx}, errors ${part.errors}\n`,
      );
    }
    return merge(parts, latencies);
  } finally {
    await fixture.remove();
  }
}

/** Issue 6: `GET /nanos/{id}/ratings` p95 on a Nano with 10,000 ratings. */
export const ratingsList = customScenario({
  name: 'ratings-list',
  dataset: 'own',
  description: `GET /api/v1/nanos/:id/ratings on a Nano with ${RATINGS.toLocaleString('en-US')} ratings (60 % with comments, 10 % answered), ${PAGE_SIZE} per page, as guests: sort=newest and sort=helpful, page 1 and page ${DEEP_PAGE}; then newest page 1 and GET …/rating-summary signed in; each variant warmed up and measured for --duration in turn (the figures per variant go to stderr, the table sums them). PostgreSQL only.`,
  run,
});
