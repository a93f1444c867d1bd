import type { AuditEventRow } from './audit.repository.ts';

/**
 * One audit event as the admin viewer sees it. The chain fields (`prev_hash`, `hash`) stay
 * inside the module: they matter to `verify`, not to a reader.
 */
export interface AuditEventView {
  id: string;
  /** Position in the hash chain; strictly increasing, without gaps. */
  seq: number;
  /** ISO 8601 UTC. */
  occurredAt: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  /** Anonymised: /24 for IPv4, /48 for IPv6. */
  ip: string | null;
  userAgent: string | null;
  outcome: 'success' | 'failure' | 'denied';
}

/** A page of audit events in the list envelope of every paged endpoint. */
export interface AuditEventPage {
  items: AuditEventView[];
  total: number;
  page: number;
  pageSize: number;
}

/** One audit row in its view shape. */
export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    // The service only ever stores a JSON object here.
    details: row.details as Record<string, unknown>,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
  };
}
