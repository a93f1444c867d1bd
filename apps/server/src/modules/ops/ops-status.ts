import type pg from 'pg';

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
