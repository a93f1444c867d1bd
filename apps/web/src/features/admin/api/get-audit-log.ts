import { type AuditEvent, auditEventPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export type AuditEventPage = z.infer<typeof auditEventPageSchema>;
export type { AuditEvent };

/** Events per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** The filters of the audit log as the API names them; empty text = no filter. */
export interface AuditFilters {
  /** A user id or username. */
  actor: string;
  action: string;
  targetType: string;
  /** A target id. */
  target: string;
  /** Days `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES = ['actor', 'action', 'targetType', 'target', 'from', 'to'] as const;

export function emptyAuditFilters(): AuditFilters {
  return { actor: '', action: '', targetType: '', target: '', from: '', to: '' };
}

/** The set filters as API query parameters (list and export take the same). */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) {
      params.set(name, value);
    }
  }
  return params;
}

/** `GET /api/v1/admin/audit/export?…`: the filtered events as a CSV download (the session cookie signs it). */
export function auditExportUrl(filters: AuditFilters): string {
  const params = auditFilterParams(filters);
  return params.size > 0 ? `/api/v1/admin/audit/export?${params}` : '/api/v1/admin/audit/export';
}

/** `GET /api/v1/admin/audit?…&page=&pageSize=`: matching events, newest first; the read itself is audited. */
export function getAuditLog(
  filters: AuditFilters,
  page: number,
  signal?: AbortSignal,
): Promise<AuditEventPage> {
  const params = auditFilterParams(filters);
  params.set('page', String(page));
  params.set('pageSize', String(AUDIT_PAGE_SIZE));
  return apiFetch(`/api/v1/admin/audit?${params}`, auditEventPageSchema, { signal });
}

export function useAuditLog(filters: AuditFilters, page: number) {
  return useQuery(
    queryOptions({
      queryKey: [privateQueryKeyPrefix, 'admin', 'audit', filters, page],
      queryFn: ({ signal }) => getAuditLog(filters, page, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
