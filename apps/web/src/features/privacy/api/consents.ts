import { type ConsentChange, type ConsentOverview, consentOverviewSchema } from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export const consentsQueryKey = [privateQueryKeyPrefix, 'consents'] as const;

/** `GET /api/v1/me/consents`: current state per type, pending documents and the full history. */
export function useConsents() {
  return useQuery(
    queryOptions({
      queryKey: consentsQueryKey,
      queryFn: ({ signal }) => apiFetch('/api/v1/me/consents', consentOverviewSchema, { signal }),
    }),
  );
}

/** `POST /api/v1/me/consents` {type, given}: gives or withdraws marketing or notification e-mails. */
export function changeConsent(change: ConsentChange): Promise<unknown> {
  return apiFetch('/api/v1/me/consents', z.unknown(), { method: 'POST', json: change });
}

/** Switches one consent; the overview (state and history) is loaded again afterwards. */
export function useChangeConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeConsent,
    onSuccess: (answer) => {
      const parsed = consentOverviewSchema.safeParse(answer);
      if (parsed.success) {
        queryClient.setQueryData<ConsentOverview>(consentsQueryKey, parsed.data);
      }
      return queryClient.invalidateQueries({ queryKey: consentsQueryKey });
    },
  });
}
