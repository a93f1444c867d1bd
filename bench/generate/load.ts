import pg from 'pg';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { openDatabase } from '../../apps/server/src/platform/db/index.ts';
import type { Dataset } from './dataset.ts';
import { BENCH_PASSWORD_HASH } from './people.ts';

/** PostgreSQL accepts at most 65,535 parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;
/** Rows per multi-row INSERT (fewer when a row has many columns). */
const BATCH_ROWS = 1_000;
/** Nanos flipped to published per statement (each one runs the search triggers). */
const PUBLISH_BATCH = 1_000;
/** Database names the generator may drop and recreate. */
export const DATABASE_NAME_PREFIX = 'nano_bench';
/** Where the generator loads the dataset and the search scenarios expect it. */
export const DEFAULT_DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE_NAME_PREFIX}`;
/** Long enough for `vacuum analyze` of the whole dataset. */
const STATEMENT_TIMEOUT_MS = 30 * 60_000;

export type Log = (message: string) => void;

/** Runs one phase, logs its duration and returns its result. */
export async function phase<T>(
  log: Log,
  timings: Array<[string, number]>,
  name: string,
  work: () => Promise<T>,
) {
  const started = performance.now();
  log(`${name} …`);
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  timings.push([name, seconds]);
  log(`${name}: ${seconds.toFixed(1)} s`);
  return result;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Throws unless the database of `url` is one the generator may drop: `nano_bench*`, to protect real data. */
export function assertDisposable(url: string): string {
  const name = databaseName(url);
  if (!name.startsWith(DATABASE_NAME_PREFIX) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(
      `refusing to drop database "${name}": the generator only recreates databases named ${DATABASE_NAME_PREFIX}* (a-z, 0-9, _)`,
    );
  }
  return name;
}

/** Drops and recreates the database of `url` (see {@link assertDisposable}). */
export async function recreateDatabase(url: string): Promise<void> {
  const name = assertDisposable(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** Applies the application's migrations, exactly as the server does at start-up. */
export async function migrate(url: string): Promise<string[]> {
  const handle = await openDatabase({
    kind: 'postgres',
    url,
    poolMax: 1,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
  });
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

/** Multi-row INSERTs of `rows` in batches; returns the number of rows written. */
async function insertRows(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<number> {
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
  }
  return rows.length;
}

export interface LoadResult {
  timings: Array<[string, number]>;
  counts: Record<string, number>;
}

/**
 * Writes the dataset into the migrated database of `url`. Nanos go in as drafts with their
 * versions and categories, then flip to published in batches, so the search triggers
 * (search_sync) build search_documents and search_terms exactly as they do for a real approval.
 */
export async function loadDataset(url: string, data: Dataset, log: Log): Promise<LoadResult> {
  const timings: Array<[string, number]> = [];
  const client = new pg.Client({ connectionString: url, statement_timeout: STATEMENT_TIMEOUT_MS });
  await client.connect();
  try {
    // A benchmark database: a crash mid-load means running the generator again, so skip the fsync wait.
    await client.query('set synchronous_commit = off');
    const categories = await client.query<{ id: string; slug: string }>(
      'select id, slug from categories where parent_id is not null',
    );
    const categoryId = new Map(categories.rows.map((row) => [row.slug, row.id]));
    const idOf = (slug: string) => {
      const id = categoryId.get(slug);
      if (!id) {
        throw new Error(`category ${slug} is not in the seeded taxonomy (migration 0001)`);
      }
      return id;
    };

    await phase(log, timings, 'users and profiles', async () => {
      await insertRows(
        client,
        'users',
        [
          'id',
          'email',
          'username',
          'display_name',
          'password_hash',
          'role',
          'locale',
          'email_verified_at',
          'created_at',
          'updated_at',
        ],
        data.users.map((u) => [
          u.id,
          u.email,
          u.username,
          u.displayName,
          BENCH_PASSWORD_HASH,
          u.role,
          u.locale,
          u.createdAt,
          u.createdAt,
          u.createdAt,
        ]),
      );
      await insertRows(
        client,
        'user_profiles',
        ['user_id', 'bio', 'company', 'job_title', 'interests', 'provider_verified_at', 'updated_at'],
        data.users.map((u) => [
          u.id,
          u.bio,
          u.company,
          u.jobTitle,
          u.interests.map(idOf),
          u.verified ? u.createdAt : null,
          u.createdAt,
        ]),
      );
    });

    await phase(log, timings, 'nanos (as drafts)', () =>
      insertRows(
        client,
        'nanos',
        [
          'id',
          'creator_id',
          'title',
          'description',
          'duration_minutes',
          'level',
          'language',
          'format',
          'license',
          'license_terms',
          'tags',
          'download_allowed',
          'status',
          'row_version',
          'view_count',
          'favorite_count',
          'rating_avg',
          'rating_count',
          'published_at',
          'created_at',
          'updated_at',
        ],
        data.nanos.map((n) => [
          n.id,
          n.creatorId,
          n.title,
          n.description,
          n.durationMinutes,
          n.level,
          n.language,
          n.format,
          n.license,
          n.licenseTerms,
          n.tags,
          n.downloadAllowed,
          'draft',
          3,
          n.viewCount,
          n.favoriteCount,
          n.ratingAvg,
          n.ratingCount,
          n.publishedAt,
          n.createdAt,
          n.publishedAt,
        ]),
      ),
    );

    await phase(log, timings, 'versions', () =>
      insertRows(
        client,
        'nano_versions',
        [
          'id',
          'nano_id',
          'semver',
          'status',
          'object_key',
          'content_prefix',
          'sha256',
          'size_bytes',
          'file_count',
          'package_kind',
          'created_by',
          'created_at',
          'submitted_at',
          'decided_at',
        ],
        data.nanos.map((n) => {
          const base = `nanos/${n.id}/versions/${n.version.id}`;
          return [
            n.version.id,
            n.id,
            '1.0.0',
            'approved',
            `${base}/original.zip`,
            `${base}/files`,
            n.version.sha256,
            n.version.sizeBytes,
            1,
            'html',
            n.creatorId,
            n.version.createdAt,
            n.version.createdAt,
            n.publishedAt,
          ];
        }),
      ),
    );

    await phase(log, timings, 'categories of nanos', () =>
      insertRows(
        client,
        'nano_categories',
        ['nano_id', 'category_id'],
        data.nanos.flatMap((n) => n.categories.map((slug) => [n.id, idOf(slug)])),
      ),
    );

    await phase(log, timings, 'publish (search triggers build the index)', async () => {
      const ids = data.nanos.map((n) => n.id);
      for (let start = 0; start < ids.length; start += PUBLISH_BATCH) {
        await client.query(
          `update nanos n set status = 'published', current_version_id = v.id
             from nano_versions v where v.nano_id = n.id and n.id = any($1::uuid[])`,
          [ids.slice(start, start + PUBLISH_BATCH)],
        );
        if ((start / PUBLISH_BATCH) % 20 === 19) {
          log(`  ${start + PUBLISH_BATCH} of ${ids.length} published`);
        }
      }
    });

    await phase(log, timings, 'views of the last days', () =>
      insertRows(
        client,
        'nano_views',
        ['nano_id', 'viewer_key', 'day'],
        data.views.map((v) => [v.nanoId, v.viewerKey, v.day]),
      ),
    );

    await phase(log, timings, 'vacuum analyze', () => client.query('vacuum (analyze)'));

    const counts: Record<string, number> = {};
    for (const [label, expression] of [
      ['users', 'count(*) from users'],
      ['creators', "count(*) from users where role = 'creator'"],
      ['published nanos', "count(*) from nanos where status = 'published'"],
      ['search_documents', 'count(*) from search_documents'],
      ['search_terms', 'count(*) from search_terms'],
      ['nano_categories', 'count(*) from nano_categories'],
      ['ratings (sum of rating_count)', 'coalesce(sum(rating_count), 0) from nanos'],
      ['nano_views', 'count(*) from nano_views'],
    ] as const) {
      const [value, from] = expression.split(' from ');
      const result = await client.query<{ value: string }>(`select ${value} as value from ${from}`);
      counts[label] = Number(result.rows[0]?.value ?? 0);
    }
    return { timings, counts };
  } finally {
    await client.end();
  }
}
