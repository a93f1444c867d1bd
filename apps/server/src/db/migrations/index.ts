import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';

/**
 * Every migration, by its numbered name. Forward-only: a released migration is never edited;
 * a change is a new file added here. Listed statically so the bundled server carries them.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
