import type { PrivacyRequestType } from '@nano/contracts';
import { PRIVACY_LIMITS } from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
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
