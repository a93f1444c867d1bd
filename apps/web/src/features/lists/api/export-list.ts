import type { ListExportFormat } from '@nano/contracts';

/** `GET /api/v1/lists/{id}/export?format=`: the list as a file download (the session cookie signs it). */
export function listExportUrl(id: string, format: ListExportFormat): string {
  return `/api/v1/lists/${encodeURIComponent(id)}/export?${new URLSearchParams({ format })}`;
}
