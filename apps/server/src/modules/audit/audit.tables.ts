import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../db/database.ts';

/**
 * The append-only, hash-chained audit log (owned by the audit module). The app inserts rows and
 * never updates or deletes them; `seq` is assigned by the audit service under the head lock.
 */
export interface AuditEventsTable {
  id: string;
  /** `generated always as identity`: written only with `overriding system value` by the audit repository. */
  seq: ColumnType<number, never, never>;
  occurred_at: Timestamp;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Json;
  /** Already anonymised (/24 IPv4, /48 IPv6). */
  ip: string | null;
  user_agent: string | null;
  outcome: 'success' | 'failure' | 'denied';
  prev_hash: string;
  hash: string;
}

/** The single row (id 1) holding the audit chain's last seq and hash (owned by the audit module). */
export interface AuditChainHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
  /** The last event purged by retention (0: none); `verify` starts after it with `anchor_hash`. */
  anchor_seq: ColumnType<number, number | undefined, number>;
  anchor_hash: string | null;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
}
