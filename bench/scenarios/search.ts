import pg from 'pg';
import { Prng, WeightedPicker } from '../generate/prng.ts';
import { runLoad } from '../lib/measure.ts';
import { runPaced } from '../lib/paced.ts';
import {
  type BenchRequest,
  type CustomContext,
  customScenario,
  fetchWithTimeout,
  type Measurement,
} from '../lib/scenario.ts';
import { type CategoryIds, searchPaths, suggestPaths } from './search-mix.ts';

/** Fewer findable Nanos than this: not the generated dataset; the figures would mean nothing. */
const MIN_DATASET = 10_000;
/**
 * The uncached variants advance the search index's generation this often. Cached answers are keyed
 * by it (search.service.ts), so every answer older than this is stale, as after a publication.
 */
const GENERATION_BUMP_MS = 10;
/** Paths requested once during setup to fail fast on a rejected one. */
const CHECKED_PATHS = 50;
/**
 * With the cache, requests follow query popularity: the k-th most popular entry of the list is
 * asked with weight 1/k (Zipf, s = 1; for 1,000 entries the top 10 make 39 % of the requests, the
 * top 100 69 %), as in real search logs. The sequence is drawn once, deterministically.
 */
const POPULARITY_SEQUENCE = 50_000;
const POPULARITY_SEED = 11;
/**
 * The paced variants: requests per second, evenly spaced and well below saturation, to show the
 * latency of one request rather than the queue in front of it (the others send back to back).
 */
const SEARCH_PACE = 20;
const SUGGEST_PACE = 100;

const NEEDS_DATASET =
  'run `npm run bench:generate` first and pass its database: --database-url postgres://postgres@127.0.0.1:5432/nano_bench';

interface Tree {
  items: Array<{ id: string; children: Array<{ id: string }> }>;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetchWithTimeout(url);
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  return JSON.parse(body) as T;
}

/** Checks that the server searches the generated dataset and returns the category ids for the filters. */
async function prepareSearch(baseUrl: string): Promise<CategoryIds> {
  const { total } = await getJson<{ total: number }>(`${baseUrl}/api/v1/search?pageSize=1`);
  if (total < MIN_DATASET) {
    throw new Error(
      `the server finds only ${total} Nanos (at least ${MIN_DATASET} expected); ${NEEDS_DATASET}`,
    );
  }
  const tree = await getJson<Tree>(`${baseUrl}/api/v1/categories`);
  return {
    parents: tree.items.map((c) => c.id),
    children: tree.items.flatMap((c) => c.children.map((child) => child.id)),
  };
}

/** The list in popularity order drawn as a long sequence (see {@link POPULARITY_SEQUENCE}). */
function byPopularity(paths: string[]): string[] {
  const prng = new Prng(POPULARITY_SEED);
  const picker = new WeightedPicker(
    paths,
    paths.map((_, rank) => 1 / (rank + 1)),
  );
  return Array.from({ length: POPULARITY_SEQUENCE }, () => picker.pick(prng));
}

/**
 * One request entry whose path advances through `paths` on every request, shared by all
 * connections (the list is interleaved across them instead of each connection repeating it).
 * `sent` collects the distinct paths requested.
 */
function cycling(paths: string[], sent: Set<string>): BenchRequest[] {
  let next = 0;
  return [
    {
      method: 'GET',
      path: paths[0] ?? '/',
      setupRequest: (request) => {
        const path = paths[next++ % paths.length] ?? '/';
        sent.add(path);
        return { ...request, path };
      },
    },
  ];
}

/**
 * Advances `search_generation` every {@link GENERATION_BUMP_MS} while the load runs, so the
 * server's answer cache never hits. Throws when the sequence is missing (the cache design changed:
 * then these scenarios would silently measure cached answers).
 */
async function startCacheBuster(databaseUrl: string | undefined): Promise<() => Promise<void>> {
  if (!databaseUrl) {
    throw new Error(`the uncached search scenarios need PostgreSQL; ${NEEDS_DATASET}`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select last_value from search_generation');
  } catch (error) {
    await client.end();
    throw new Error(`no search_generation sequence to invalidate the search cache with: ${String(error)}`);
  }
  let busy = false;
  const timer = setInterval(() => {
    if (!busy) {
      busy = true;
      client
        .query("select nextval('search_generation')")
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }
  }, GENERATION_BUMP_MS);
  return async () => {
    clearInterval(timer);
    await client.end();
  };
}

interface MixOptions {
  name: string;
  paths: (ctx: CustomContext) => Promise<string[]>;
  cached: boolean;
  /**
   * An open load of this many requests per second, evenly spaced (lib/paced.ts) instead of the
   * connections sending back to back.
   */
  rate?: number;
}

/** Warm-up, then the measured load over `paths`; with `cached: false` no answer comes from the cache. */
async function runMix(
  ctx: CustomContext,
  { name, paths: makePaths, cached, rate }: MixOptions,
): Promise<Measurement> {
  const list = await makePaths(ctx);
  for (const path of list.slice(0, CHECKED_PATHS)) {
    await getJson(`${ctx.baseUrl}${path}`); // fail fast on a path the API rejects
  }
  const sequence = cached ? byPopularity(list) : list;
  const sent = new Set<string>();
  const requests = cycling(sequence, sent);
  const stop = cached ? async () => {} : await startCacheBuster(ctx.databaseUrl);
  let next = 0;
  const nextPath = () => {
    const path = sequence[next++ % sequence.length] ?? '/';
    sent.add(path);
    return path;
  };
  const load = (durationSeconds: number, record: boolean) =>
    rate
      ? runPaced({
          baseUrl: ctx.baseUrl,
          nextPath,
          rate,
          durationSeconds,
          expectStatus: [200],
          signal: ctx.signal,
        })
      : runLoad({
          baseUrl: ctx.baseUrl,
          plan: { requests, expectStatus: [200] },
          connections: ctx.connections,
          durationSeconds,
          signal: ctx.signal,
          record,
        });
  try {
    if (ctx.warmupSeconds > 0) {
      await load(ctx.warmupSeconds, false);
    }
    const measurement = await load(ctx.durationSeconds, true);
    process.stderr.write(
      `bench: ${name}: ${sent.size} distinct requests of ${list.length} sent (warm-up included)` +
        `${cached ? '; each computed once, or more while concurrent requests miss the cache together; the repeats come from the cache' : '; none from the cache'}\n`,
    );
    return measurement;
  } finally {
    await stop();
  }
}

const searchList = async ({ baseUrl }: CustomContext) => searchPaths(await prepareSearch(baseUrl));
const suggestList = async ({ baseUrl }: CustomContext) => {
  await prepareSearch(baseUrl);
  return suggestPaths();
};

const MIX_TEXT =
  '1,000 distinct requests: 60 % one- or two-word queries (German and English, common and rare words), 15 % with filters (level, language, category, duration, minimum rating), 10 % sorted (newest, rating, popular, duration), 10 % typos ("Exel", "Pyhton"), 5 % a category without text';

/** SPEC §6: search p95 ≤ 50 ms at 50 concurrent clients, on the generated 100,000-Nano dataset. */
export const search = customScenario({
  name: 'search',
  dataset: 'generated',
  description: `GET /api/v1/search as guests with the server's 30-second answer cache, requests drawn by query popularity (Zipf: the top 10 make 39 %); ${MIX_TEXT}.`,
  run: (ctx) => runMix(ctx, { name: 'search', paths: searchList, cached: true }),
});

export const searchUncached = customScenario({
  name: 'search-uncached',
  dataset: 'generated',
  description: `GET /api/v1/search, every answer computed: the 1,000 requests cycled in order while the bench advances the search index generation every ${GENERATION_BUMP_MS} ms, as if Nanos were published constantly; ${MIX_TEXT}.`,
  run: (ctx) => runMix(ctx, { name: 'search-uncached', paths: searchList, cached: false }),
});

export const searchUncachedPaced = customScenario({
  name: 'search-uncached-paced',
  dataset: 'generated',
  description: `As search-uncached, but an open load of ${SEARCH_PACE} evenly spaced requests/s (about 50 people searching every 2.5 s; latency from the scheduled start): latency below saturation.`,
  run: (ctx) =>
    runMix(ctx, { name: 'search-uncached-paced', paths: searchList, cached: false, rate: SEARCH_PACE }),
});

/** Issue 5: suggest p95 ≤ 20 ms at 50 concurrent clients. */
export const searchSuggest = customScenario({
  name: 'search-suggest',
  dataset: 'generated',
  description:
    'GET /api/v1/search/suggest?q= with 2–6 typed characters (500 prefixes of catalogue words, drawn by popularity as in `search`), with the server’s answer cache.',
  run: (ctx) => runMix(ctx, { name: 'search-suggest', paths: suggestList, cached: true }),
});

export const searchSuggestUncached = customScenario({
  name: 'search-suggest-uncached',
  dataset: 'generated',
  description: `GET /api/v1/search/suggest with the same 500 prefixes cycled, every answer computed (generation advanced every ${GENERATION_BUMP_MS} ms).`,
  run: (ctx) => runMix(ctx, { name: 'search-suggest-uncached', paths: suggestList, cached: false }),
});

export const searchSuggestUncachedPaced = customScenario({
  name: 'search-suggest-uncached-paced',
  dataset: 'generated',
  description: `As search-suggest-uncached, but an open load of ${SUGGEST_PACE} evenly spaced requests/s (50 people typing two characters a second): latency below saturation.`,
  run: (ctx) =>
    runMix(ctx, {
      name: 'search-suggest-uncached-paced',
      paths: suggestList,
      cached: false,
      rate: SUGGEST_PACE,
    }),
});
