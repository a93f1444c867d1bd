import type { ConsentType } from '@nano/contracts';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { ConsentRecordsTable } from './privacy.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** One consent given or withdrawn. */
export type ConsentRecordRow = Selectable<ConsentRecordsTable>;

/** What a new record holds (records are never changed or deleted, only appended). */
export interface NewConsentRecord {
  userId: string;
  type: ConsentType;
  textVersion: number;
  given: boolean;
  source: ConsentRecordsTable['source'];
}

/** Appends records; their ids (UUIDv7) keep the order of records made at the same instant. */
export async function insertConsentRecords(db: Db, records: NewConsentRecord[], at: Date): Promise<void> {
  if (records.length === 0) {
    return;
  }
  await db
    .insertInto('consent_records')
    .values(
      records.map((record) => ({
        id: uuidv7(),
        user_id: record.userId,
        type: record.type,
        text_version: record.textVersion,
        given: record.given,
        source: record.source,
        created_at: at,
      })),
    )
    .execute();
}

/** Every record of a user, newest first. */
export async function consentRecordsOf(db: Db, userId: string): Promise<ConsentRecordRow[]> {
  return db
    .selectFrom('consent_records')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The latest record of each type of a user. */
export async function latestConsentsOf(db: Db, userId: string): Promise<Map<ConsentType, ConsentRecordRow>> {
  const rows = await db
    .selectFrom('consent_records')
    .selectAll()
    .distinctOn('type')
    .where('user_id', '=', userId)
    .orderBy('type')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.type, row]));
}

/** The users among `userIds` whose latest record of `type` is a consent given. */
export async function usersWithConsent(db: Db, userIds: string[], type: ConsentType): Promise<Set<string>> {
  if (userIds.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('consent_records')
    .select(['user_id', 'given'])
    .distinctOn('user_id')
    .where('user_id', 'in', userIds)
    .where('type', '=', type)
    .orderBy('user_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Set(rows.filter((row) => row.given).map((row) => row.user_id));
}

/** Serialises consent changes of one user until the transaction ends (no duplicate toggles). */
export async function lockConsentsOf(trx: Transaction<Database>, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`consent_records:${userId}`}))`.execute(trx);
}
