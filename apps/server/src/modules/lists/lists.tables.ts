import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/** One row per user and favourited Nano; `created_at` feeds the daily analytics rollup. */
export interface FavoritesTable {
  user_id: string;
  nano_id: string;
  created_at: Timestamp;
}

/** A user's curated list of Nanos. */
export interface ListsTable {
  id: string;
  owner_id: string;
  name: string;
  description: Generated<string>;
  /** The secret of the read-only link while sharing is on, else null. */
  share_token: string | null;
  shared_at: Date | null;
  /** Kept exact by the same transactions that add and remove items. */
  item_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A Nano in a list; `position` orders the items (gaps allowed, rewritten by a reorder). */
export interface ListItemsTable {
  list_id: string;
  nano_id: string;
  position: number;
  added_at: Timestamp;
}

/** Tables owned by the lists module. */
export interface ListsTables {
  favorites: FavoritesTable;
  lists: ListsTable;
  list_items: ListItemsTable;
}

export type ListRow = Selectable<ListsTable>;
