import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../db/database.ts';

/** The tasks whose last result `ops_status` keeps. */
export type OpsTask = 'backup' | 'restore_drill';

/**
 * Records the result of a run of `task` (migration 0017_ops), which `/metrics` exports. A success also
 * moves `last_success_at`; a failure keeps the last good time, so "backup missing" alerts still work.
 */
export async function recordOpsStatus(
  client: pg.Client,
  task: OpsTask,
  ok: boolean,
  at: Date,
  details: Record<string, unknown>,
): Promise<void> {
  await client.query(
    `insert into ops_status (name, ok, at, last_success_at, details)
     values ($1, $2, $3, case when $2 then $3::timestamptz end, $4)
     on conflict (name) do update set ok = excluded.ok, at = excluded.at, details = excluded.details,
       last_success_at = coalesce(excluded.last_success_at, ops_status.last_success_at)`,
    [task, ok, at, JSON.stringify(details)],
  );
}

/** The last result of one task, as `/metrics` reads it. */
export interface OpsStatusRow {
  name: string;
  ok: boolean;
  at: Date;
  last_success_at: Date | null;
}

/** The last result of every task that has run, by task name. */
export async function readOpsStatus(db: Kysely<Database>): Promise<Map<string, OpsStatusRow>> {
  const rows = await db.selectFrom('ops_status').select(['name', 'ok', 'at', 'last_success_at']).execute();
  return new Map(rows.map((row) => [row.name, row]));
}
