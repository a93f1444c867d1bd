import { defineConfig } from 'vitest/config';

/** Browser journeys against the built app; each file starts its own server and Chromium. */
export default defineConfig({
  // Runs from the repository root (npm run test:e2e) as well as from e2e/.
  root: import.meta.dirname,
  test: {
    name: 'e2e',
    include: ['journeys/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
