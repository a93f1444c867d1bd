import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DataExportsTable } from './privacy.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type DataExportRow = Selectable<DataExportsTable>;

/** Statuses of an export that is still being built (counts against `exportsInProgressMax`). */
export const EXPORT_OPEN_STATUSES = ['pending', 'building'] as const;

export async function insertDataExport(
  db: Db,
  row: {
    id: string;
    userId: string;
    requestId: string | null;
    requestedBy: string | null;
    locale: 'de' | 'en';
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('data_exports')
    .values({
      id: row.id,
      user_id: row.userId,
      request_id: row.requestId,
      requested_by: row.requestedBy,
      status: 'pending',
      locale: row.locale,
      created_at: now,
    })
    .execute();
}

export function findDataExport(db: Db, id: string): Promise<DataExportRow | undefined> {
  return db.selectFrom('data_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user's exports, newest first. */
export function dataExportsOf(db: Db, userId: string): Promise<DataExportRow[]> {
  return db
    .selectFrom('data_exports')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** How many of the user's exports are still being built. */
export async function openExportCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('data_exports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('status', 'in', EXPORT_OPEN_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The request times of the user's self-service exports since `since`, oldest first. */
export async function selfServiceExportsSince(db: Db, userId: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('data_exports')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('requested_by', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .execute();
  return rows.map((row) => new Date(row.created_at as Date));
}

export async function updateDataExport(
  db: Db,
  id: string,
  values: Partial<Omit<Selectable<DataExportsTable>, 'id' | 'user_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('data_exports').set(values).where('id', '=', id).execute();
}

/** Ready exports whose download period ended at `now` (the retention job removes their files). */
export function exportsPastExpiry(db: Db, now: Date): Promise<DataExportRow[]> {
  return db
    .selectFrom('data_exports')
    .selectAll()
    .where('status', '=', 'ready')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .execute();
}

/** When the session last confirmed the password (sign-in or re-authentication). */
export async function sessionAuthenticatedAt(db: Db, sessionId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sessions')
    .select('authenticated_at')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.authenticated_at ? new Date(row.authenticated_at) : null;
}

export async function setSessionAuthenticatedAt(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ authenticated_at: now }).where('id', '=', sessionId).execute();
}
