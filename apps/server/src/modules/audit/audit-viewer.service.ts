import type { Readable } from 'node:stream';
import { ADMIN_LIMITS, type AuditEvent, type auditQuerySchema } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AdminActor } from '../admin/admin-request.ts';
import { addDays, startOfDay, utcDay } from '../analytics/analytics-days.ts';
import { findUserIdByUsername, getUserCards } from '../identity/user-cards.ts';
import type { AuditEventView } from './audit.presenter.ts';
import { AUDIT_ACTIONS, type AuditFilters, type AuditService } from './audit.service.ts';
import { auditCsvStream } from './audit-export.ts';

/** What the audit viewer uses. */
export interface AuditViewerDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  /** Rows one export holds at most; {@link ADMIN_LIMITS.auditExportMaxRows} unless a test lowers it. */
  exportMaxRows?: number;
}

export type AuditQuery = z.output<typeof auditQuerySchema>;
type AuditFilterQuery = Omit<AuditQuery, 'page' | 'pageSize'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every action the log knows, for the viewer's filter (sorted, each once). */
export function auditActionNames(): string[] {
  return [...new Set<string>(AUDIT_ACTIONS)].sort();
}

/**
 * The query as repository filters: `actor` is a user id or a username (null when no user has
 * it: nothing can match), `from`/`to` are UTC days, both included.
 */
async function toFilters(deps: AuditViewerDeps, query: AuditFilterQuery): Promise<AuditFilters | null> {
  if (query.from && query.to && query.from > query.to) {
    throw errors.field('query.from', 'date_range');
  }
  let actorId: string | undefined;
  if (query.actor) {
    actorId = UUID.test(query.actor)
      ? query.actor.toLowerCase()
      : await findUserIdByUsername(deps.db, query.actor.replace(/^@/, ''));
    if (!actorId) {
      return null;
    }
  }
  return {
    ...(actorId ? { actorId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.target ? { targetId: query.target } : {}),
    ...(query.from ? { from: startOfDay(query.from) } : {}),
    ...(query.to ? { to: startOfDay(addDays(query.to, 1)) } : {}),
  };
}

/** The filters as given, for the audit event that records the read (no empty ones). */
function filterDetails(query: AuditFilterQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      actor: query.actor,
      action: query.action,
      targetType: query.targetType,
      target: query.target,
      from: query.from,
      to: query.to,
    }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** Events in the API shape, with the acting user's name (erased accounts keep only their id). */
async function present(deps: AuditViewerDeps, views: AuditEventView[]): Promise<AuditEvent[]> {
  const actorIds = views.flatMap((view) => (view.actorId ? [view.actorId] : []));
  const cards = await getUserCards(deps.db, actorIds);
  return views.map((view) => {
    const card = view.actorId ? cards.get(view.actorId) : undefined;
    return {
      seq: view.seq,
      at: view.occurredAt,
      actor: view.actorId
        ? { id: view.actorId, username: card?.username || null, displayName: card?.displayName ?? '' }
        : null,
      action: view.action,
      targetType: view.targetType,
      targetId: view.targetId,
      outcome: view.outcome,
      details: view.details,
      ip: view.ip,
      userAgent: view.userAgent,
    };
  });
}

/** One page of the audit log, newest first; the read itself is audited with its filters. */
export async function listAuditEvents(deps: AuditViewerDeps, actor: AdminActor, query: AuditQuery) {
  const filters = await toFilters(deps, query);
  const page = filters
    ? await deps.audit.list({ ...filters, page: query.page, pageSize: query.pageSize })
    : { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  await deps.audit.record({
    actorId: actor.userId,
    action: 'audit.read',
    details: { view: 'list', filters: filterDetails(query), page: query.page, total: page.total },
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
  return { ...page, items: await present(deps, page.items) };
}

/** A finished CSV download: its name, whether rows were left out, and the streamed body. */
export interface AuditExport {
  filename: string;
  /** More events matched than {@link ADMIN_LIMITS.auditExportMaxRows}; the newest were kept. */
  truncated: boolean;
  rows: number;
  body: Readable;
}

/**
 * The events matching the filters as CSV, newest first, at most
 * {@link ADMIN_LIMITS.auditExportMaxRows}; the export is audited before the first byte is sent.
 */
export async function exportAuditEvents(
  deps: AuditViewerDeps,
  actor: AdminActor,
  query: AuditFilterQuery,
): Promise<AuditExport> {
  const filters = await toFilters(deps, query);
  // The newest match and the count in one query; the walk stops at that event, so the read's own
  // audit event (and any other appended meanwhile) stays out of this file.
  const newest = filters ? await deps.audit.list({ ...filters, page: 1, pageSize: 1 }) : undefined;
  const total = newest?.total ?? 0;
  const throughSeq = newest?.items[0]?.seq;
  const rows = Math.min(total, deps.exportMaxRows ?? ADMIN_LIMITS.auditExportMaxRows);
  await deps.audit.record({
    actorId: actor.userId,
    action: 'audit.read',
    details: { view: 'export', filters: filterDetails(query), rows, total },
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
  async function* batches(): AsyncGenerator<AuditEvent[]> {
    if (!filters || throughSeq === undefined) {
      return;
    }
    for await (const batch of deps.audit.walk(filters, rows, throughSeq)) {
      yield await present(deps, batch);
    }
  }
  return {
    filename: `audit-${utcDay(deps.clock.now())}.csv`,
    truncated: total > rows,
    rows,
    body: auditCsvStream(batches()),
  };
}
