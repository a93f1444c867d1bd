import { createHash } from 'node:crypto';
import { MAX_PAGE_SIZE, RETENTION } from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { anonymizeIp } from '../../lib/anonymize-ip.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AuditEventPage, type AuditEventView, presentAuditEvent } from './audit.presenter.ts';
import {
  type AuditEventRow,
  advanceChainHead,
  findAuditEvents,
  findAuditEventsBefore,
  insertAuditEvent,
  listAuditEventsAfter,
  lockChainHead,
  readChainAnchor,
  readChainHead,
} from './audit.repository.ts';

/**
 * How long audit events are kept (SPEC §3 "Audit event", §4.7). The privacy retention job deletes
 * older events with `purgeAuditEventsBefore` (audit.repository.ts), which leaves an anchor (seq
 * and hash of the last purged event) for `verify` to start from instead of the genesis.
 */
export const AUDIT_RETENTION_YEARS = RETENTION.auditEventYears;

export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts';

import type { AuditAction } from './audit-actions.ts';

/** How the audited attempt ended: done, failed (e.g. wrong password), or refused by an access check. */
export type AuditOutcome = 'success' | 'failure' | 'denied';

/** What a module reports about one security-relevant event. */
export interface AuditEventInput {
  /** The acting user; null for anonymous attempts and the system itself. */
  actorId: string | null;
  action: AuditAction;
  /** Kind of the thing acted on, e.g. `user`, `session`, `nano`. */
  targetType?: string;
  targetId?: string;
  /**
   * Extra facts as JSON. Keys matching /password|token|secret|code/i are dropped at any depth,
   * so name harmless fields accordingly (`reason`, not `errorCode`).
   */
  details?: Record<string, unknown>;
  /** The client's raw IP address; only its anonymised network is stored. */
  ip?: string | null;
  /** Stored cut to {@link MAX_USER_AGENT_LENGTH} characters. */
  userAgent?: string | null;
  /** Defaults to `success`. */
  outcome?: AuditOutcome;
}

/** Result of {@link AuditService.verify}; `checked` counts the events found intact. */
export type AuditVerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; reason: string };

/** Filters of the audit viewer; `from` is inclusive, `to` exclusive. */
export interface AuditFilters {
  actorId?: string;
  /** An action name; one that is not in {@link AUDIT_ACTIONS} simply matches nothing. */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** Filters and page of {@link AuditService.list}. */
export interface AuditListFilters extends AuditFilters {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** Events one batch of {@link AuditService.walk} holds. */
export const AUDIT_WALK_BATCH_SIZE = 1000;

/** The audit log: append-only, hash-chained, so any edit or removal of an event is detectable. */
export interface AuditService {
  /**
   * Appends an event. Given a transaction, the event is written in it and commits or rolls back
   * with the caller's change; it then holds the chain lock until that transaction ends, so record
   * as the last step. Without one, the event gets its own transaction. On the embedded database
   * (one connection) a caller inside a transaction must pass it, or the call waits forever.
   */
  record(event: AuditEventInput, trx?: Transaction<Database> | Kysely<Database>): Promise<void>;
  /**
   * Recomputes the chain in seq order, from the genesis or from the anchor the retention purge
   * left, and reports the first event that does not fit.
   */
  verify(): Promise<AuditVerifyResult>;
  /** One page of events, newest first. */
  list(filters: AuditListFilters): Promise<AuditEventPage>;
  /**
   * The events matching the filters, newest first, in batches of {@link AUDIT_WALK_BATCH_SIZE},
   * at most `maxRows` in all, none newer than `throughSeq` (so events appended meanwhile do not
   * shift the set): for exports too large for one query result.
   */
  walk(filters: AuditFilters, maxRows: number, throughSeq?: number): AsyncIterable<AuditEventView[]>;
}

/** Longest user agent kept; real ones are far shorter, longer ones are junk or an attack. */
export const MAX_USER_AGENT_LENGTH = 500;

const GENESIS_HASH = '0'.repeat(64);
const VERIFY_BATCH_SIZE = 1000;
const SECRET_KEY = /password|token|secret|code/i;

/** Creates the audit service over its database; `clock` stamps the events. */
export function createAuditService(deps: { db: Kysely<Database>; clock: Clock }): AuditService {
  async function append(trx: Transaction<Database>, event: AuditEventInput): Promise<void> {
    const head = await lockChainHead(trx);
    // Stamped under the lock so that, with a real clock, time never runs backwards along the chain.
    const fields: ChainedFields = {
      seq: head.lastSeq + 1,
      occurredAt: deps.clock.now(),
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: toStorableDetails(event.details ?? {}),
      ip: anonymizeIp(event.ip),
      userAgent: toStorableUserAgent(event.userAgent),
      outcome: event.outcome ?? 'success',
    };
    const hash = chainHash(head.lastHash, fields);
    await insertAuditEvent(trx, {
      ...fields,
      id: uuidv7(),
      detailsJson: canonicalJson(fields.details),
      prevHash: head.lastHash,
      hash,
    });
    await advanceChainHead(trx, { lastSeq: fields.seq, lastHash: hash });
  }

  return {
    async record(event, trx) {
      if (trx?.isTransaction) {
        await append(trx as Transaction<Database>, event);
        return;
      }
      await (trx ?? deps.db).transaction().execute((own) => append(own, event));
    },

    verify() {
      // One snapshot for the whole walk: events appended meanwhile neither break nor extend it.
      return deps.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const head = await readChainHead(trx);
          const anchor = await readChainAnchor(trx);
          // After a retention purge the chain starts behind the last purged event.
          const first = anchor.anchorSeq + 1;
          let expectedSeq = first;
          let prevHash = anchor.anchorHash ?? GENESIS_HASH;
          let checked = 0;
          for (;;) {
            const rows = await listAuditEventsAfter(trx, expectedSeq - 1, VERIFY_BATCH_SIZE);
            for (const row of rows) {
              const problem = checkRow(row, expectedSeq, prevHash);
              if (problem) {
                return { ok: false, checked, ...problem };
              }
              prevHash = row.hash;
              expectedSeq++;
              checked++;
            }
            if (rows.length < VERIFY_BATCH_SIZE) {
              break;
            }
          }
          if (head.lastSeq > expectedSeq - 1) {
            return {
              ok: false,
              checked,
              brokenAtSeq: expectedSeq,
              reason: `event ${expectedSeq} is missing (the chain head is at ${head.lastSeq})`,
            };
          }
          if (head.lastSeq < expectedSeq - 1) {
            return {
              ok: false,
              checked: Math.max(0, head.lastSeq - first + 1),
              brokenAtSeq: head.lastSeq + 1,
              reason: `event ${head.lastSeq + 1} lies beyond the chain head`,
            };
          }
          if (head.lastHash !== prevHash) {
            return {
              ok: false,
              checked,
              brokenAtSeq: head.lastSeq,
              reason: 'the chain head hash does not match the last event',
            };
          }
          return { ok: true, checked };
        });
    },

    async list(filters) {
      const page = Math.max(1, Math.floor(filters.page));
      const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(filters.pageSize)));
      const { rows, total } = await findAuditEvents(deps.db, {
        actorId: filters.actorId,
        action: filters.action,
        targetType: filters.targetType,
        targetId: filters.targetId,
        from: filters.from,
        to: filters.to,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return { items: rows.map(presentAuditEvent), total, page, pageSize };
    },

    async *walk(filters, maxRows, throughSeq) {
      let beforeSeq: number | null = throughSeq === undefined ? null : throughSeq + 1;
      let remaining = maxRows;
      while (remaining > 0) {
        const rows = await findAuditEventsBefore(
          deps.db,
          filters,
          beforeSeq,
          Math.min(AUDIT_WALK_BATCH_SIZE, remaining),
        );
        if (rows.length === 0) {
          return;
        }
        yield rows.map(presentAuditEvent);
        remaining -= rows.length;
        beforeSeq = Number(rows[rows.length - 1]?.seq);
        if (rows.length < AUDIT_WALK_BATCH_SIZE) {
          return;
        }
      }
    },
  };
}

/** Every stored field the hash covers, apart from the previous hash. */
interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: JsonObject;
  ip: string | null;
  userAgent: string | null;
  outcome: AuditOutcome;
}

type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
interface JsonObject {
  [key: string]: JsonValue;
}

/** Why a stored row does not continue the chain, or null when it does. */
function checkRow(
  row: AuditEventRow,
  expectedSeq: number,
  prevHash: string,
): { brokenAtSeq: number; reason: string } | null {
  const seq = Number(row.seq);
  if (seq !== expectedSeq) {
    return { brokenAtSeq: expectedSeq, reason: `event ${expectedSeq} is missing (next is ${seq})` };
  }
  if (row.prev_hash !== prevHash) {
    return { brokenAtSeq: seq, reason: 'prev_hash does not match the hash of the event before' };
  }
  const recomputed = chainHash(row.prev_hash, {
    seq,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: row.details as JsonObject,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
  });
  if (recomputed !== row.hash) {
    return { brokenAtSeq: seq, reason: 'the content does not match its hash' };
  }
  return null;
}

/**
 * sha256 (hex) over a JSON array of the previous hash and every stored field in a fixed order:
 * a JSON array is unambiguous (no field can bleed into the next) and details use canonical JSON,
 * so the hash survives jsonb reordering keys on the way through the database.
 */
function chainHash(prevHash: string, fields: ChainedFields): string {
  const serialised = [
    JSON.stringify(prevHash),
    String(fields.seq),
    JSON.stringify(fields.occurredAt.toISOString()),
    JSON.stringify(fields.actorId),
    JSON.stringify(fields.action),
    JSON.stringify(fields.targetType),
    JSON.stringify(fields.targetId),
    canonicalJson(fields.details),
    JSON.stringify(fields.ip),
    JSON.stringify(fields.userAgent),
    JSON.stringify(fields.outcome),
  ].join(',');
  return createHash('sha256').update(`[${serialised}]`, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every depth, so equal values always serialise the same. */
function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The details as they will read back from jsonb: secret-looking keys dropped at any depth,
 * only JSON values kept (like JSON.stringify does), and text PostgreSQL can store. Hashing
 * exactly what is stored is what lets `verify` recompute the hash later.
 */
function toStorableDetails(details: Record<string, unknown>): JsonObject {
  const ancestors = new Set<object>();
  const convert = (value: unknown): JsonValue | undefined => {
    if (value === null) {
      return null;
    }
    switch (typeof value) {
      case 'string':
        return toStorableText(value);
      case 'number':
        return Number.isFinite(value) ? value : null;
      case 'boolean':
        return value;
      case 'bigint':
        return value.toString();
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
      case 'object':
        break;
    }
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? null : value.toISOString();
    }
    if (ancestors.has(value)) {
      return '[Circular]';
    }
    ancestors.add(value);
    try {
      if (Array.isArray(value)) {
        return value.map((item) => convert(item) ?? null);
      }
      const result: JsonObject = {};
      for (const [key, item] of Object.entries(value)) {
        if (SECRET_KEY.test(key)) {
          continue;
        }
        const converted = convert(item);
        if (converted !== undefined) {
          result[toStorableText(key)] = converted;
        }
      }
      return result;
    } finally {
      ancestors.delete(value);
    }
  };
  const converted = convert(details);
  return converted !== null && typeof converted === 'object' && !Array.isArray(converted) ? converted : {};
}

function toStorableUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) {
    return null;
  }
  let text = toStorableText(userAgent);
  if (text.length > MAX_USER_AGENT_LENGTH) {
    text = text.slice(0, MAX_USER_AGENT_LENGTH);
    // Do not leave half of a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(text)) {
      text = text.slice(0, -1);
    }
  }
  return text;
}

/** PostgreSQL text and jsonb reject NUL and unpaired surrogates; a hostile header must not abort the caller. */
function toStorableText(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
