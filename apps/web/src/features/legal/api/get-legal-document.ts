import {
  type LegalDocument,
  type LegalDocumentKind,
  legalDocumentSchema,
  legalVersionListSchema,
} from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** Cache keys of the public legal documents (not private: the same for every visitor). */
export const legalQueryKey = ['legal'] as const;

/** `GET /api/v1/legal/{kind}?version=`: the current version, or the given older one, both languages. */
export function getLegalDocument(
  kind: LegalDocumentKind,
  version: number | undefined,
  signal?: AbortSignal,
): Promise<LegalDocument> {
  const query = version ? `?${new URLSearchParams({ version: String(version) })}` : '';
  return apiFetch(`/api/v1/legal/${kind}${query}`, legalDocumentSchema, { signal });
}

export function legalDocumentQueryOptions(kind: LegalDocumentKind, version?: number) {
  return queryOptions({
    queryKey: [...legalQueryKey, kind, version ?? 'current'],
    queryFn: ({ signal }) => getLegalDocument(kind, version, signal),
    staleTime: 5 * 60_000,
  });
}

export function useLegalDocument(kind: LegalDocumentKind, version?: number) {
  return useQuery({ ...legalDocumentQueryOptions(kind, version), placeholderData: keepPreviousData });
}

/** `GET /api/v1/legal/{kind}/versions`: every published version (without bodies), newest first. */
export function useLegalVersions(kind: LegalDocumentKind) {
  return useQuery(
    queryOptions({
      queryKey: [...legalQueryKey, kind, 'versions'],
      queryFn: ({ signal }) => apiFetch(`/api/v1/legal/${kind}/versions`, legalVersionListSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
  );
}
