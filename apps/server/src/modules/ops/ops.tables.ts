import type { Json } from '../../db/database.ts';

/** The last result of an operations task (`backup`, `restore_drill`), one row per task. */
export interface OpsStatusTable {
  name: string;
  ok: boolean;
  /** When the last run finished. */
  at: Date;
  /** When the last successful run finished; null until there was one. */
  last_success_at: Date | null;
  details: Json;
}

/** Tables owned by the ops module. */
export interface OpsTables {
  ops_status: OpsStatusTable;
}
