import { type Kysely, sql } from 'kysely';

/**
 * Operations (issue 10; docs/runbooks/restore-from-backup.md): `ops_status` keeps the last result of
 * `cli backup` and `cli restore --drill` (one row each, by `name`), so every instance's `/metrics`
 * can export it at scrape time. `ok`/`at` describe the last run, `last_success_at` the last good one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ops_status (
      name text primary key,
      ok boolean not null,
      at timestamptz not null,
      last_success_at timestamptz,
      details jsonb not null default '{}'::jsonb
    )`.execute(db);
}
