import { ownTakedownListSchema, type takedownResponseRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { myTakedownsQueryKey } from './get-my-takedowns.ts';

export type TakedownResponseBody = z.input<typeof takedownResponseRequestSchema>;

/**
 * `POST /api/v1/nanos/{id}/takedown-response`: the creator's counter-notice to the open notice
 * against their Nano (409 when there is none or the 48 hours have passed). Answers with the
 * caller's notices as they now stand.
 */
export function respondToTakedown({ nanoId, body }: { nanoId: string; body: TakedownResponseBody }) {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/takedown-response`, ownTakedownListSchema, {
    method: 'POST',
    json: body,
  });
}

export function useRespondToTakedown() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: respondToTakedown,
    onSuccess: (notices) => queryClient.setQueryData(myTakedownsQueryKey, notices),
  });
}
