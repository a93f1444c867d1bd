import type { Logger } from 'pino';
import type { AppConfig } from '../config.ts';
import { analyticsSeeder } from '../modules/analytics/analytics.seed.ts';
import { catalogSeeder } from '../modules/catalog/catalog.seed.ts';
import { chatSeeder } from '../modules/chat/chat.seed.ts';
import { feedbackSeeder } from '../modules/feedback/feedback.seed.ts';
import { identitySeeder } from '../modules/identity/identity.seed.ts';
import type { Platform } from '../platform/index.ts';

/** One module's demo data: idempotent, so every start of the embedded mode may run it. */
export interface Seeder {
  name: string;
  /**
   * Large demo content may load after the server listens, so a fresh `npm start` is usable within
   * seconds; the accounts every journey needs are seeded before.
   */
  background?: boolean;
  run(platform: Platform, config: AppConfig, logger: Logger): Promise<void>;
}

/**
 * The demo-data seeders, in order. The topic taxonomy itself is part of the first migration;
 * each capability adds its seeder here (demo accounts, Nanos, ratings…).
 */
export const SEEDERS: Seeder[] = [identitySeeder, catalogSeeder, feedbackSeeder, chatSeeder, analyticsSeeder];

/**
 * Runs the seeders (all, or only the foreground or background ones); production never calls
 * this (config refuses DEMO_DATA there).
 */
export async function runSeeders(
  platform: Platform,
  config: AppConfig,
  logger: Logger,
  which: 'all' | 'foreground' | 'background' = 'all',
): Promise<void> {
  const selected = SEEDERS.filter(
    (s) => which === 'all' || (which === 'background') === Boolean(s.background),
  );
  for (const seeder of selected) {
    logger.info({ seeder: seeder.name }, 'seeding demo data');
    await seeder.run(platform, config, logger);
  }
}
