import { type unsubscribeRequestSchema, unsubscribeResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';

/**
 * The answer of the unsubscribe call: how many saved searches had their alert turned off.
 * Mirrors the server route until the contracts export it (see the report on issue 5).
 */

/** `POST /api/v1/saved-searches/unsubscribe`: the token of an alert e-mail turns that user's alerts off. */
export function unsubscribeSavedSearches(body: z.input<typeof unsubscribeRequestSchema>) {
  return apiFetch('/api/v1/saved-searches/unsubscribe', unsubscribeResponseSchema, {
    method: 'POST',
    json: body,
  });
}

export function useUnsubscribeSavedSearches() {
  return useMutation({ mutationFn: unsubscribeSavedSearches });
}
