import { SEARCH_LIMITS, searchResultSchema } from '@nano/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanosQueryKeyPrefix } from '../../../shared/nanos/api/get-nano.ts';

/** Hits the Nano picker of the takedown form offers. */
export const NANO_PICKER_HITS = 5;

/** `GET /api/v1/search?q=&pageSize=5`: published Nanos matching what the complainant typed. */
export async function findNanos(q: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ q, pageSize: String(NANO_PICKER_HITS) });
  const { items } = await apiFetch(`/api/v1/search?${query}`, searchResultSchema, { signal });
  return items;
}

/** Whether a typed text is worth a search (the server's own limits). */
export function isSearchable(q: string): boolean {
  const length = q.trim().length;
  return length >= SEARCH_LIMITS.suggestMin && length <= SEARCH_LIMITS.queryMax;
}

/** Search hits for `q` (already debounced by the caller). */
export function useFoundNanos(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: [nanosQueryKeyPrefix, 'takedown-picker', text],
    queryFn: ({ signal }) => findNanos(text, signal),
    enabled: isSearchable(text),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
