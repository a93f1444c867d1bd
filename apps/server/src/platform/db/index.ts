import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { PGliteDialect } from './pglite-dialect.ts';

/** Connection-pool figures for the metrics gauges. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** The database of one process: a Kysely instance plus what operations need around it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Throws when the database does not answer (readiness). */
  check(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax: number; statementTimeoutMs: number }
  /** `dataDir` undefined keeps the database in memory (tests). */
  | { kind: 'pglite'; dataDir: string | undefined };

// timestamptz and int8 parse the same way in both modes: Date objects and JS numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Opens the database named by the options; fails if it cannot be reached. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax,
      connectionTimeoutMillis: 5_000,
      statement_timeout: options.statementTimeoutMs,
    });
    // A lost connection must not crash the process; the next query reports the failure instead.
    pool.on('error', () => {});
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      check: async () => {
        await pool.query('select 1');
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
    };
  }
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
  }
  // The extensions search needs (migration 0006); PostgreSQL ships them in its contrib package.
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', { extensions: { pg_trgm, unaccent } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    check: async () => {
      if (pglite.closed) {
        throw new Error('database is closed');
      }
      await pglite.query('select 1');
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => db.destroy(),
  };
}

/** Opens the database the configuration names (PostgreSQL, or PGlite under DATA_DIR). */
export function openConfiguredDatabase(config: Pick<AppConfig, 'database'>): Promise<DatabaseHandle> {
  return openDatabase(
    config.database.kind === 'postgres'
      ? config.database
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
}
