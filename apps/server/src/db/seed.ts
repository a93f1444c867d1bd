import type { Logger } from 'pino';
import type { Platform } from '../platform/index.ts';

/** One module's demo data: idempotent, so every start of the embedded mode may run it. */
export interface Seeder {
  name: string;
  run(platform: Platform, logger: Logger): Promise<void>;
}

/**
 * The demo-data seeders, in order. The topic taxonomy itself is part of the first migration;
 * each capability adds its seeder here (demo accounts, Nanos, ratings…).
 */
export const SEEDERS: Seeder[] = [];

/** Runs every seeder; production never calls this (config refuses DEMO_DATA there). */
export async function runSeeders(platform: Platform, logger: Logger): Promise<void> {
  for (const seeder of SEEDERS) {
    logger.info({ seeder: seeder.name }, 'seeding demo data');
    await seeder.run(platform, logger);
  }
}
