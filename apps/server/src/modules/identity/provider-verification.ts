import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ProviderVerificationRow } from './provider-verification.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The verification behind a provider's badge, or undefined when there is none. */
export function findProviderVerification(
  db: Db,
  userId: string,
): Promise<ProviderVerificationRow | undefined> {
  return db.selectFrom('provider_verifications').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/**
 * Grants (or renews) the verified badge: stores the register number an admin checked and sets
 * the profile's `provider_verified_at`, which every user card and public profile reads. Locks an
 * existing verification row so two admins' edits apply one after the other. Returns the row
 * before the change (for the audit's before/after values).
 */
export async function grantProviderVerification(
  trx: Transaction<Database>,
  input: { userId: string; registerNumber: string; note: string; by: string; now: Date },
): Promise<ProviderVerificationRow | undefined> {
  const before = await trx
    .selectFrom('provider_verifications')
    .selectAll()
    .where('user_id', '=', input.userId)
    .forUpdate()
    .executeTakeFirst();
  await trx
    .insertInto('provider_verifications')
    .values({
      user_id: input.userId,
      register_number: input.registerNumber,
      note: input.note,
      verified_at: input.now,
      verified_by: input.by,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        register_number: input.registerNumber,
        note: input.note,
        verified_at: input.now,
        verified_by: input.by,
      }),
    )
    .execute();
  await trx
    .updateTable('user_profiles')
    .set({ provider_verified_at: input.now, updated_at: input.now })
    .where('user_id', '=', input.userId)
    .execute();
  return before;
}

/** Takes the badge away; returns the verification that was removed, if any. */
export async function revokeProviderVerification(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
): Promise<ProviderVerificationRow | undefined> {
  const removed = await trx
    .deleteFrom('provider_verifications')
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  await trx
    .updateTable('user_profiles')
    .set({ provider_verified_at: null, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
  return removed;
}
