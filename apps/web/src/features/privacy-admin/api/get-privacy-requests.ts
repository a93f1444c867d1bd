import {
  DEFAULT_PAGE_SIZE,
  type PrivacyRequest,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
  privacyRequestPageSchema,
} from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { privacyAdminQueryKey } from './keys.ts';

export type PrivacyRequestPage = z.infer<typeof privacyRequestPageSchema>;
export type { PrivacyRequest };

/** Rows per page of the requests table. */
export const PRIVACY_REQUESTS_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/** What the requests table shows: filters and page (`userId` narrows it to one account). */
export interface PrivacyRequestFilters {
  status: PrivacyRequestStatus | null;
  type: PrivacyRequestType | null;
  overdue: boolean;
  userId?: string;
  page: number;
}

export const privacyRequestsQueryKey = [...privacyAdminQueryKey, 'requests'] as const;

/** `GET /api/v1/admin/privacy-requests?status=&type=&overdue=&userId=&page=&pageSize=` (admins). */
export function getPrivacyRequests(
  filters: PrivacyRequestFilters,
  signal?: AbortSignal,
): Promise<PrivacyRequestPage> {
  const query = new URLSearchParams({
    page: String(filters.page),
    pageSize: String(PRIVACY_REQUESTS_PAGE_SIZE),
  });
  if (filters.status) {
    query.set('status', filters.status);
  }
  if (filters.type) {
    query.set('type', filters.type);
  }
  if (filters.overdue) {
    query.set('overdue', 'true');
  }
  if (filters.userId) {
    query.set('userId', filters.userId);
  }
  return apiFetch(`/api/v1/admin/privacy-requests?${query}`, privacyRequestPageSchema, { signal });
}

export function usePrivacyRequests(filters: PrivacyRequestFilters) {
  return useQuery(
    queryOptions({
      queryKey: [...privacyRequestsQueryKey, filters],
      queryFn: ({ signal }) => getPrivacyRequests(filters, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
