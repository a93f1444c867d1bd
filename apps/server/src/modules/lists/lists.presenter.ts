import type { CuratedList, ListDetail, SearchHit } from '@nano/contracts';
import type { ListItemRow, ListRow } from './lists.repository.ts';

/** The public read-only address of a shared list (a page of the web app). */
export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/geteilt/${token}`;
}

/** The address of a Nano's page, for exports. */
export function nanoUrl(publicUrl: string, nanoId: string): string {
  return `${publicUrl}/nanos/${nanoId}`;
}

export function presentList(publicUrl: string, row: ListRow, containsNano?: boolean | null): CuratedList {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    itemCount: row.item_count,
    shareUrl: row.share_token === null ? null : shareUrl(publicUrl, row.share_token),
    ...(containsNano === undefined || containsNano === null ? {} : { containsNano: Boolean(containsNano) }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The list with its items; an item whose Nano the public cannot find now keeps only its title. */
export function presentListDetail(
  publicUrl: string,
  row: ListRow,
  items: ListItemRow[],
  hits: Map<string, SearchHit>,
): ListDetail {
  return {
    ...presentList(publicUrl, row),
    items: items.map((item) => {
      const nano = item.available ? (hits.get(item.nanoId) ?? null) : null;
      return {
        nanoId: item.nanoId,
        title: nano?.title ?? item.title,
        available: nano !== null,
        nano,
        addedAt: item.addedAt.toISOString(),
      };
    }),
  };
}
