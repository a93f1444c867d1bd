import { moderationDecisionPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Decisions per page of "Meine Entscheidungen". */
export const MY_DECISIONS_PAGE_SIZE = 10;

/** Private to the signed-in user: dropped from the cache on sign-out. */
export const myDecisionsQueryKey = [privateQueryKeyPrefix, 'moderation-decisions'] as const;

/** `GET /api/v1/me/moderation-decisions?page=&pageSize=`: the statements of reasons about the caller, newest first. */
export function getMyDecisions(page: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(MY_DECISIONS_PAGE_SIZE) });
  return apiFetch(`/api/v1/me/moderation-decisions?${query}`, moderationDecisionPageSchema, { signal });
}

export function useMyDecisions(page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...myDecisionsQueryKey, page],
      queryFn: ({ signal }) => getMyDecisions(page, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
