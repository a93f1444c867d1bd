import { paths } from '../../../shared/routes.ts';
import { AUDIT_FILTER_NAMES, type AuditFilters, emptyAuditFilters } from '../api/get-audit-log.ts';
import { isDay, pageFrom } from './admin-format.ts';

/** The address names of the audit log's filters (German, like the page's other addresses). */
const PARAM_NAMES: Record<keyof AuditFilters, string> = {
  actor: 'akteur',
  action: 'aktion',
  targetType: 'zieltyp',
  target: 'ziel',
  from: 'von',
  to: 'bis',
};
const PAGE_PARAM = 'seite';
/** Longest text a filter takes from the address (the API refuses more). */
const TEXT_MAX = 100;

/** The audit log's filters and page from the query string; days that are no days are dropped. */
export function auditStateFromParams(params: URLSearchParams): { filters: AuditFilters; page: number } {
  const filters = emptyAuditFilters();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = (params.get(PARAM_NAMES[name]) ?? '').trim().slice(0, TEXT_MAX);
    if ((name === 'from' || name === 'to') && !isDay(value)) {
      continue;
    }
    filters[name] = value;
  }
  return { filters, page: pageFrom(params.get(PAGE_PARAM)) };
}

/** The query string of filters and page (empty filters and page 1 left out). */
export function auditStateToParams(filters: AuditFilters, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) {
      params.set(PARAM_NAMES[name], value);
    }
  }
  if (page > 1) {
    params.set(PAGE_PARAM, String(page));
  }
  return params;
}

/** The audit log filtered by some fields, e.g. every event about one user. */
export function auditPageHref(filters: Partial<AuditFilters>): string {
  const params = auditStateToParams({ ...emptyAuditFilters(), ...filters });
  return params.size > 0 ? `${paths.adminAudit.getHref()}?${params}` : paths.adminAudit.getHref();
}
