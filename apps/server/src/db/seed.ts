import type { Logger } from 'pino';
import type { AppConfig } from '../config.ts';
import { identitySeeder } from '../modules/identity/identity.seed.ts';
import type { Platform } from '../platform/index.ts';

/** One module's demo data: idempotent, so every start of the embedded mode may run it. */
export interface Seeder {
  name: string;
  run(platform: Platform, config: AppConfig, logger: Logger): Promise<void>;
}

/**
 * The demo-data seeders, in order. The topic taxonomy itself is part of the first migration;
 * each capability adds its seeder here (demo accounts, Nanos, ratings…).
 */
export const SEEDERS: Seeder[] = [identitySeeder];

/** Runs every seeder; production never calls this (config refuses DEMO_DATA there). */
export async function runSeeders(platform: Platform, config: AppConfig, logger: Logger): Promise<void> {
  for (const seeder of SEEDERS) {
    logger.info({ seeder: seeder.name }, 'seeding demo data');
    await seeder.run(platform, config, logger);
  }
}
