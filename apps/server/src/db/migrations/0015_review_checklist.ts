import { type Kysely, sql } from 'kysely';

/**
 * The review checklist (SPEC §4.6: copyright, privacy, harassment, topic fit, metadata complete) as
 * the moderator ticked it, kept with the review decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table nano_reviews add column checklist jsonb`.execute(db);
  await sql`create index nano_versions_submitted_by_idx on nano_versions (created_by, submitted_at)
    where submitted_at is not null`.execute(db);
}
