import type { PrivacyRequestStatus, PrivacyRequestType, UserStatus } from '@nano/contracts';
import { PRIVACY_LIMITS } from '@nano/contracts';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The statutory answer date of a request received at `receivedAt` (Art. 12(3): one month). */
export function privacyRequestDueAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + PRIVACY_LIMITS.requestDueDays * DAY_MS);
}

/** What creates a data-subject request row: a self-service action or an admin recording one. */
export interface NewPrivacyRequest {
  userId: string;
  type: PrivacyRequestType;
  channel: 'self_service' | 'email' | 'letter';
  receivedAt: Date;
  /** Self-service requests start `in_progress` (the system handles them); recorded ones `open`. */
  status?: 'open' | 'in_progress' | 'completed';
  verificationNote?: string | null;
  note?: string | null;
  recordedBy?: string | null;
}

/** Inserts a request and returns its id. Self-service export/erasure/restriction call this too. */
export async function createPrivacyRequest(db: Db, input: NewPrivacyRequest, now: Date): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('privacy_requests')
    .values({
      id,
      user_id: input.userId,
      type: input.type,
      status: input.status ?? 'open',
      channel: input.channel,
      received_at: input.receivedAt,
      due_at: privacyRequestDueAt(input.receivedAt),
      completed_at: input.status === 'completed' ? now : null,
      verification_note: input.verificationNote ?? null,
      note: input.note ?? null,
      recorded_by: input.recordedBy ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Sets a request's status; `completed`, `cancelled` and `rejected` also stamp `completed_at`. */
export async function setPrivacyRequestStatus(
  db: Db,
  id: string,
  status: 'open' | 'in_progress' | 'completed' | 'cancelled' | 'rejected',
  now: Date,
): Promise<void> {
  const closed = status === 'completed' || status === 'cancelled' || status === 'rejected';
  await db
    .updateTable('privacy_requests')
    .set({ status, completed_at: closed ? now : null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Filters and page of {@link listPrivacyRequests}. */
export interface PrivacyRequestFilters {
  status?: PrivacyRequestStatus | undefined;
  type?: PrivacyRequestType | undefined;
  /** true: only open or in-progress requests past their due date; false: all others. */
  overdue?: boolean | undefined;
  /** Only this person's requests (the inventory page). */
  userId?: string | undefined;
  offset: number;
  limit: number;
}

/** The statuses in which a request still waits for an answer (and can become overdue). */
export const OPEN_REQUEST_STATUSES = ['open', 'in_progress'] as const;

/** One request with what the console shows next to it (user, recorder, latest export). */
export interface PrivacyRequestListRow {
  id: string;
  user_id: string | null;
  type: PrivacyRequestType;
  status: PrivacyRequestStatus;
  channel: 'self_service' | 'email' | 'letter';
  received_at: Date;
  due_at: Date;
  completed_at: Date | null;
  verification_note: string | null;
  note: string | null;
  recorded_by: string | null;
  user_display_name: string | null;
  user_username: string | null;
  user_status: UserStatus | null;
  recorder_display_name: string | null;
  export_id: string | null;
}

function requestsWithCards(db: Db) {
  return db
    .selectFrom('privacy_requests as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('users as rec', 'rec.id', 'r.recorded_by')
    .select((eb) => [
      'r.id',
      'r.user_id',
      'r.type',
      'r.status',
      'r.channel',
      'r.received_at',
      'r.due_at',
      'r.completed_at',
      'r.verification_note',
      'r.note',
      'r.recorded_by',
      'u.display_name as user_display_name',
      'u.username as user_username',
      'u.status as user_status',
      'rec.display_name as recorder_display_name',
      eb
        .selectFrom('data_exports as e')
        .select('e.id')
        .whereRef('e.request_id', '=', 'r.id')
        .orderBy('e.created_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(1)
        .as('export_id'),
    ]);
}

/** The filters as one SQL condition over `privacy_requests as r` (shared by the page and its count). */
function requestConditions(filters: PrivacyRequestFilters, now: Date): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`true`];
  if (filters.status) {
    conditions.push(sql<SqlBool>`r.status = ${filters.status}`);
  }
  if (filters.type) {
    conditions.push(sql<SqlBool>`r.type = ${filters.type}`);
  }
  if (filters.userId) {
    conditions.push(sql<SqlBool>`r.user_id = ${filters.userId}`);
  }
  if (filters.overdue !== undefined) {
    const overdue = sql<SqlBool>`(r.status in ('open', 'in_progress') and r.due_at < ${now.toISOString()}::timestamptz)`;
    conditions.push(filters.overdue ? overdue : sql<SqlBool>`not ${overdue}`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** Requests matching the filters, the most urgent (earliest due date) first, and their total. */
export async function listPrivacyRequests(
  db: Db,
  filters: PrivacyRequestFilters,
  now: Date,
): Promise<{ rows: PrivacyRequestListRow[]; total: number }> {
  const where = requestConditions(filters, now);
  const rows = await requestsWithCards(db)
    .where(where)
    .orderBy('r.due_at')
    .orderBy('r.id')
    .offset(filters.offset)
    .limit(filters.limit)
    .execute();
  const counted = await db
    .selectFrom('privacy_requests as r')
    .select((eb) => eb.fn.countAll().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { rows: rows as PrivacyRequestListRow[], total: Number(counted.total) };
}

/** One request with its cards, or undefined. */
export async function findPrivacyRequest(db: Db, id: string): Promise<PrivacyRequestListRow | undefined> {
  return (await requestsWithCards(db).where('r.id', '=', id).executeTakeFirst()) as
    | PrivacyRequestListRow
    | undefined;
}

/** Locks one request row for a status change (inside a transaction). */
export async function lockPrivacyRequest(
  trx: Transaction<Database>,
  id: string,
): Promise<
  | {
      id: string;
      user_id: string | null;
      type: PrivacyRequestType;
      status: PrivacyRequestStatus;
      note: string | null;
    }
  | undefined
> {
  return trx
    .selectFrom('privacy_requests')
    .select(['id', 'user_id', 'type', 'status', 'note'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Replaces a request's handling note. */
export async function setPrivacyRequestNote(
  db: Db,
  id: string,
  note: string | null,
  now: Date,
): Promise<void> {
  await db.updateTable('privacy_requests').set({ note, updated_at: now }).where('id', '=', id).execute();
}
