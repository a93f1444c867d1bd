import type { ResolveFlagRequest } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { moderationQueryKey } from './moderation-keys.ts';

/**
 * `POST /api/v1/moderation/flags/{id}/resolve`: resolves every open flag on the target with one
 * action; any action but `none` needs a reason and a statement (the owner may appeal).
 */
export async function resolveFlag({
  flagId,
  body,
}: {
  flagId: string;
  body: ResolveFlagRequest;
}): Promise<void> {
  await apiFetch(`/api/v1/moderation/flags/${encodeURIComponent(flagId)}/resolve`, z.unknown(), {
    method: 'POST',
    json: body,
  });
}

export function useResolveFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveFlag,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}
