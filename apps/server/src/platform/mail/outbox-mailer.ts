import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Mailer } from '../mail.ts';

/** A mail kept in the outbox, as the `/dev/mail` page shows it. */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
}

/**
 * The embedded mailer: nothing leaves the machine; each mail becomes a row of `mail_outbox`, which
 * developers read at `/dev/mail`. The database belongs to the caller, so `close()` leaves it open.
 */
export function createOutboxMailer(db: Kysely<Database>): Mailer {
  return {
    send: async (message) => {
      await db
        .insertInto('mail_outbox')
        .values({
          id: uuidv7(),
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html ?? null,
        })
        .execute();
    },
    check: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      // Nothing of its own to release: the connection is the caller's.
    },
  };
}

/**
 * Deletes the outbox mails written before `cutoff` (privacy retention: they hold addresses and
 * texts); in a dry run only counts them. Returns the number of mails.
 */
export async function purgeOutbox(
  db: Kysely<Database>,
  cutoff: Date,
  options: { dryRun: boolean },
): Promise<number> {
  if (options.dryRun) {
    const row = await db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('created_at', '<', cutoff)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
  const result = await db.deleteFrom('mail_outbox').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The newest `limit` mails of the outbox, newest first, for the `/dev/mail` page. */
export async function listOutbox(db: Kysely<Database>, limit: number): Promise<OutboxMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    // UUIDv7 ids break ties between mails written in the same transaction (same now()) in send order.
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    createdAt: row.created_at,
  }));
}
