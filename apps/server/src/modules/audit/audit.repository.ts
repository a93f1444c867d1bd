import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AuditEventsTable } from './audit.tables.ts';

/** One stored audit event. */
export type AuditEventRow = Selectable<AuditEventsTable>;

/** Where the chain currently ends: the next event gets `lastSeq + 1` and links to `lastHash`. */
export interface AuditChainHead {
  lastSeq: number;
  lastHash: string;
}

/** A complete event as it is stored, hash included. */
export interface NewAuditEvent {
  id: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** Canonical JSON text of the details object. */
  detailsJson: string;
  ip: string | null;
  userAgent: string | null;
  outcome: 'success' | 'failure' | 'denied';
  prevHash: string;
  hash: string;
}

/** Filters of {@link findAuditEvents}; `from` is inclusive, `to` exclusive. */
export interface AuditEventQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Locks the chain head row until the surrounding transaction ends, so appends happen one at a
 * time and each sees the hash of the one before. Must run inside a transaction.
 */
export async function lockChainHead(trx: Transaction<Database>): Promise<AuditChainHead> {
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}

/** Reads the chain head without locking it. */
export async function readChainHead(db: Executor): Promise<AuditChainHead> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}

/**
 * Appends one event. Rows are never updated; only {@link purgeAuditEventsBefore} (the retention
 * job) deletes them, oldest first, leaving an anchor for verification.
 */
export async function insertAuditEvent(trx: Transaction<Database>, event: NewAuditEvent): Promise<void> {
  // Raw SQL because Kysely has no `overriding system value`, which an explicit value for an
  // identity column needs; the seq comes from the locked head so the chain stays gap-free.
  await sql`
    insert into audit_events (
      id, seq, occurred_at, actor_id, action, target_type, target_id,
      details, ip, user_agent, outcome, prev_hash, hash
    )
    overriding system value
    values (
      ${event.id}, ${event.seq}, ${event.occurredAt.toISOString()}::timestamptz, ${event.actorId},
      ${event.action}, ${event.targetType}, ${event.targetId}, ${event.detailsJson}::jsonb,
      ${event.ip}, ${event.userAgent}, ${event.outcome}, ${event.prevHash}, ${event.hash}
    )`.execute(trx);
}

/** Moves the (locked) chain head to the event just appended. */
export async function advanceChainHead(trx: Transaction<Database>, head: AuditChainHead): Promise<void> {
  await trx
    .updateTable('audit_chain_head')
    .set({ last_seq: head.lastSeq, last_hash: head.lastHash })
    .where('id', '=', 1)
    .execute();
}

/** Up to `limit` events with a seq above `afterSeq`, in chain order (keyset paging for verification). */
export function listAuditEventsAfter(
  db: Executor,
  afterSeq: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The filter part of {@link AuditEventQuery}. */
export type AuditEventFilters = Omit<AuditEventQuery, 'offset' | 'limit'>;

function filteredEvents(db: Executor, query: AuditEventFilters) {
  let filtered = db.selectFrom('audit_events');
  if (query.actorId !== undefined) {
    filtered = filtered.where('actor_id', '=', query.actorId);
  }
  if (query.action !== undefined) {
    filtered = filtered.where('action', '=', query.action);
  }
  if (query.targetType !== undefined) {
    filtered = filtered.where('target_type', '=', query.targetType);
  }
  if (query.targetId !== undefined) {
    filtered = filtered.where('target_id', '=', query.targetId);
  }
  if (query.from !== undefined) {
    filtered = filtered.where('occurred_at', '>=', query.from);
  }
  if (query.to !== undefined) {
    filtered = filtered.where('occurred_at', '<', query.to);
  }
  return filtered;
}

/** One page of events matching the filters, newest first, plus how many match in total. */
export async function findAuditEvents(
  db: Executor,
  query: AuditEventQuery,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const filtered = filteredEvents(db, query);
  const [rows, total] = await Promise.all([
    filtered.selectAll().orderBy('seq', 'desc').offset(query.offset).limit(query.limit).execute(),
    countAuditEvents(db, query),
  ]);
  return { rows, total };
}

/** How many events match the filters. */
export async function countAuditEvents(db: Executor, query: AuditEventFilters): Promise<number> {
  const count = await filteredEvents(db, query)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(count.total);
}

/**
 * Up to `limit` events matching the filters with a seq below `beforeSeq` (all when null), newest
 * first: keyset paging for the CSV export, which may walk tens of thousands of rows.
 */
export function findAuditEventsBefore(
  db: Executor,
  query: AuditEventFilters,
  beforeSeq: number | null,
  limit: number,
): Promise<AuditEventRow[]> {
  let filtered = filteredEvents(db, query);
  if (beforeSeq !== null) {
    filtered = filtered.where('seq', '<', beforeSeq);
  }
  return filtered.selectAll().orderBy('seq', 'desc').limit(limit).execute();
}

/** The last event the retention purged (`seq` 0 and a null hash: none yet); `verify` starts after it. */
export interface AuditChainAnchor {
  anchorSeq: number;
  anchorHash: string | null;
}

/** Reads the anchor the retention purge left. */
export async function readChainAnchor(db: Executor): Promise<AuditChainAnchor> {
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['anchor_seq', 'anchor_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { anchorSeq: Number(head.anchor_seq), anchorHash: head.anchor_hash };
}

/** Events one purge transaction deletes at most, so a first purge of years of events stays small. */
export const AUDIT_PURGE_BATCH_SIZE = 5_000;

/** What {@link purgeAuditEventsBefore} did (or, in a dry run, would do). */
export interface AuditPurgeResult {
  /** Events deleted (dry run: that would be deleted). */
  purged: number;
  /** The anchor afterwards (dry run: the anchor it would leave). */
  anchorSeq: number;
  anchorHash: string | null;
}

/**
 * Deletes the audit events older than `cutoff` (retention, SPEC §4.7), in seq order: only the
 * unbroken run from the start of the chain up to the first event at or after the cutoff, so the
 * rest of the chain stays contiguous. The last deleted event's seq and hash become the chain's
 * anchor, where `verify` starts. Runs in batches of {@link AUDIT_PURGE_BATCH_SIZE}, each in its
 * own transaction under the chain lock (appends wait for it; the anchor always matches the rows).
 */
export async function purgeAuditEventsBefore(
  db: Kysely<Database>,
  cutoff: Date,
  options: { dryRun: boolean },
): Promise<AuditPurgeResult> {
  const anchor = await readChainAnchor(db);
  const lastOld = await lastPurgeableSeq(db, cutoff);
  if (options.dryRun || lastOld <= anchor.anchorSeq) {
    const purged = Math.max(0, lastOld - anchor.anchorSeq);
    const hash = purged > 0 ? await hashOf(db, lastOld) : anchor.anchorHash;
    return { purged, anchorSeq: anchor.anchorSeq + purged, anchorHash: hash };
  }
  let result: AuditPurgeResult = { purged: 0, ...anchor };
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      await lockChainHead(trx);
      const current = await readChainAnchor(trx);
      const upTo = Math.min(lastOld, current.anchorSeq + AUDIT_PURGE_BATCH_SIZE);
      if (upTo <= current.anchorSeq) {
        return null;
      }
      const hash = await hashOf(trx, upTo);
      const deleted = await trx
        .deleteFrom('audit_events')
        .where('seq', '>', current.anchorSeq)
        .where('seq', '<=', upTo)
        .executeTakeFirst();
      await trx
        .updateTable('audit_chain_head')
        .set({ anchor_seq: upTo, anchor_hash: hash })
        .where('id', '=', 1)
        .execute();
      return { purged: Number(deleted.numDeletedRows), anchorSeq: upTo, anchorHash: hash };
    });
    if (!batch) {
      return result;
    }
    result = { ...batch, purged: result.purged + batch.purged };
  }
}

/** The highest seq such that it and every event before it are older than `cutoff` (0: none). */
async function lastPurgeableSeq(db: Executor, cutoff: Date): Promise<number> {
  const firstKept = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .where('occurred_at', '>=', cutoff)
    .executeTakeFirst();
  if (firstKept?.seq !== null && firstKept?.seq !== undefined) {
    return Number(firstKept.seq) - 1;
  }
  const last = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq);
}

async function hashOf(db: Executor, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_events').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}
