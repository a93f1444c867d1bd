import { generateThumbnail } from './modules/catalog/thumbnails.ts';
import type { Platform } from './platform/index.ts';

/**
 * Registers every module's background handlers on the platform's queue. Both `serve` (via
 * buildApp) and `worker` call this, so whichever process runs jobs knows all of them.
 */
export function registerJobs(platform: Platform): void {
  const base = { db: platform.database.db, storage: platform.storage, clock: platform.clock };
  platform.jobs.register<{ nanoId: string }>(
    'catalog.thumbnail',
    async (payload) => generateThumbnail(base, payload.nanoId),
    {
      maxAttempts: 3,
    },
  );
}
