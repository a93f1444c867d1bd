import { type appealLinkRequestSchema, appealSchema, moderationDecisionSchema } from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';

export type AppealLinkBody = z.input<typeof appealLinkRequestSchema>;

const linkUrl = (token: string) => `/api/v1/appeal-links/${encodeURIComponent(token)}`;

/** Only for whoever holds the link; not tied to a session (the account may be suspended). */
export const appealLinkQueryKey = (token: string) => ['appeal-link', token] as const;

/**
 * `GET /api/v1/appeal-links/{token}`: the decision an appeal link from a suspension email is
 * about (400 `appeal_link_invalid` for a forged or outdated link). No sign-in needed.
 */
export function getAppealLinkDecision(token: string, signal?: AbortSignal) {
  return apiFetch(linkUrl(token), moderationDecisionSchema, { signal });
}

export function useAppealLinkDecision(token: string | null) {
  return useQuery(
    queryOptions({
      queryKey: appealLinkQueryKey(token ?? ''),
      queryFn: ({ signal }) => getAppealLinkDecision(token ?? '', signal),
      enabled: Boolean(token),
      // A rejected link stays rejected; asking again only spends the rate limit.
      retry: false,
    }),
  );
}

/**
 * `POST /api/v1/appeal-links/{token}`: the suspended user appeals the decision, once, within the
 * appeal period (409 `appeal_exists` / `appeal_period_over` otherwise).
 */
export function appealByLink(token: string, body: AppealLinkBody) {
  return apiFetch(linkUrl(token), appealSchema, { method: 'POST', json: body });
}

export function useAppealByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealLinkBody) => appealByLink(token, body),
    onSuccess: (appeal) => queryClient.setQueryData(appealLinkQueryKey(token), appeal.decision),
  });
}
