import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import * as repo from './analytics.repository.ts';
import { utcDay } from './analytics-days.ts';

/** What the catalog reports to the analytics. */
export type NanoEventKind = 'view' | 'download';

/**
 * Records one view or download of a Nano as a raw event for the rollup. A view carries the viewer's
 * hash of the day (from {@link hashViewer}); a download names nobody. Pass the transaction of the
 * counter update, so both commit together.
 */
export async function recordNanoEvent(
  db: Kysely<Database>,
  event: { nanoId: string; kind: NanoEventKind; at: Date; viewerHash?: string | null },
): Promise<void> {
  await repo.insertEvent(db, {
    nano_id: event.nanoId,
    kind: event.kind,
    viewer_hash: event.kind === 'view' ? (event.viewerHash ?? null) : null,
    day: utcDay(event.at),
    created_at: event.at,
  });
}
