import { SEARCH_LIMITS, type Suggestion, suggestResultSchema } from '@nano/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanosQueryKeyPrefix } from '../../../shared/nanos/api/get-nano.ts';

/** `GET /api/v1/search/suggest?q=`: up to 8 completions (titles, tags, categories) of what was typed. */
export async function getSuggestions(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  const { items } = await apiFetch(
    `/api/v1/search/suggest?${new URLSearchParams({ q })}`,
    suggestResultSchema,
    { signal },
  );
  return items;
}

/** Whether a typed text is long enough to ask for completions. */
export function isSuggestable(q: string): boolean {
  const length = q.trim().length;
  return length >= SEARCH_LIMITS.suggestMin && length <= SEARCH_LIMITS.queryMax;
}

/** Completions of `q` (already debounced by the caller); nothing is asked below two characters. */
export function useSuggestions(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: [nanosQueryKeyPrefix, 'suggest', text],
    queryFn: ({ signal }) => getSuggestions(text, signal),
    enabled: isSuggestable(text),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
