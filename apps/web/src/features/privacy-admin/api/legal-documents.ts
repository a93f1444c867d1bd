import {
  type LegalDocument,
  type LegalDocumentKind,
  legalDocumentSchema,
  legalVersionListSchema,
  type PublishLegalDocument,
} from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, apiFetch } from '../../../shared/api/client.ts';
import { currentUserQueryKey } from '../../../shared/auth/get-current-user.ts';
import { privacyAdminQueryKey } from './keys.ts';

export type { LegalDocument, LegalDocumentKind };
export type LegalVersion = z.infer<typeof legalVersionListSchema>['items'][number];

const legalKey = (kind: LegalDocumentKind) => [...privacyAdminQueryKey, 'legal', kind] as const;

/** `GET /api/v1/legal/{kind}`: the current version in both languages, or null before the first one. */
export async function getCurrentLegalDocument(
  kind: LegalDocumentKind,
  signal?: AbortSignal,
): Promise<LegalDocument | null> {
  try {
    return await apiFetch(`/api/v1/legal/${kind}`, legalDocumentSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function useCurrentLegalDocument(kind: LegalDocumentKind) {
  return useQuery(
    queryOptions({
      queryKey: [...legalKey(kind), 'current'],
      queryFn: ({ signal }) => getCurrentLegalDocument(kind, signal),
    }),
  );
}

/** `GET /api/v1/legal/{kind}/versions`: every published version, without bodies. */
export function getLegalVersions(kind: LegalDocumentKind, signal?: AbortSignal) {
  return apiFetch(`/api/v1/legal/${kind}/versions`, legalVersionListSchema, { signal });
}

export function useLegalVersions(kind: LegalDocumentKind) {
  return useQuery(
    queryOptions({
      queryKey: [...legalKey(kind), 'versions'],
      queryFn: ({ signal }) => getLegalVersions(kind, signal),
    }),
  );
}

/** `POST /api/v1/admin/legal/{kind}`: publishes a new version (privacy and terms may ask everyone again). */
export function publishLegalDocument({
  kind,
  body,
}: {
  kind: LegalDocumentKind;
  body: PublishLegalDocument;
}) {
  return apiFetch(`/api/v1/admin/legal/${kind}`, legalDocumentSchema, { method: 'POST', json: body });
}

/**
 * Also refreshes the public legal pages and the session. `onPublished` runs here rather than in
 * `mutate`'s callbacks: the refresh brings the new version, which remounts the form (keyed by
 * version) before a `mutate` callback could run.
 */
export function usePublishLegalDocument(onPublished?: (document: LegalDocument) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishLegalDocument,
    onSuccess: (document, { kind }) => {
      onPublished?.(document);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: legalKey(kind) }),
        queryClient.invalidateQueries({ queryKey: ['legal'] }),
        queryClient.invalidateQueries({ queryKey: currentUserQueryKey }),
      ]);
    },
  });
}
