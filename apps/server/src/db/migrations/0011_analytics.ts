import type { Kysely } from 'kysely';

/** Being built for issue 6. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
