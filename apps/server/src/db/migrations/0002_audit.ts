import { type Kysely, sql } from 'kysely';

/** The `prev_hash` of the first event: the chain starts from 64 zeros. */
const GENESIS_HASH = '0'.repeat(64);

export async function up(db: Kysely<unknown>): Promise<void> {
  // Append-only: the app only inserts. `seq` is the chain order; the audit service assigns it
  // under the head lock so the chain stays gap-free even when a caller's transaction rolls back.
  // No foreign key on actor_id: events must outlive the users they name (kept 7 years).
  await sql`
    create table audit_events (
      id uuid primary key,
      seq bigint generated always as identity unique,
      occurred_at timestamptz not null,
      actor_id uuid,
      action text not null,
      target_type text,
      target_id text,
      details jsonb not null default '{}'::jsonb,
      ip text,
      user_agent text,
      outcome text not null check (outcome in ('success', 'failure', 'denied')),
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_events_occurred_idx on audit_events (occurred_at)`.execute(db);
  await sql`create index audit_events_actor_idx on audit_events (actor_id, occurred_at)`.execute(db);
  await sql`create index audit_events_action_idx on audit_events (action, occurred_at)`.execute(db);
  await sql`create index audit_events_target_idx on audit_events (target_type, target_id)`.execute(db);

  // One row, locked by every writer: it serialises appends and holds the hash the next event links to.
  await sql`
    create table audit_chain_head (
      id smallint primary key check (id = 1),
      last_seq bigint not null,
      last_hash text not null
    )`.execute(db);
  await sql`insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, ${GENESIS_HASH})`.execute(
    db,
  );
}
