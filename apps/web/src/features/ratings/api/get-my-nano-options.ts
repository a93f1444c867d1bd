import { MAX_PAGE_SIZE, type NanoSummary, nanoSummaryPageSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Beside the pages of "Meine Nanos" (`[me, 'nanos', page]`), so a change to a Nano refreshes it too. */
const myNanoOptionsQueryKey = [privateQueryKeyPrefix, 'nanos', 'rating-filter'] as const;

/** Every Nano of the creator (`GET /api/v1/me/nanos`, page by page at the largest page size). */
export async function getAllMyNanos(signal?: AbortSignal): Promise<NanoSummary[]> {
  const items: NanoSummary[] = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({ page: String(page), pageSize: String(MAX_PAGE_SIZE) });
    const answer = await apiFetch(`/api/v1/me/nanos?${query}`, nanoSummaryPageSchema, { signal });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) {
      return items;
    }
  }
}

/** The creator's Nanos that have ratings, by title: the choices of the inbox's Nano filter. */
export function useRatedNanoOptions() {
  return useQuery(
    queryOptions({
      queryKey: myNanoOptionsQueryKey,
      queryFn: ({ signal }) => getAllMyNanos(signal),
      select: (nanos) =>
        nanos
          .filter((nano) => nano.counters.ratingCount > 0)
          .sort((a, b) => a.title.localeCompare(b.title))
          .map((nano) => ({ value: nano.id, label: nano.title })),
    }),
  );
}
