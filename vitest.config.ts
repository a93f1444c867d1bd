import { defineConfig } from 'vitest/config';

/** One runner for the whole repository: each workspace is a project with its own environment. */
export default defineConfig({
  test: {
    // Two workers fit the 2-core machines; each server test file holds its own PGlite (WASM) instance.
    maxWorkers: 2,
    projects: ['packages/contracts', 'apps/server', 'apps/web'],
  },
});
