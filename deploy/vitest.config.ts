import { defineConfig } from 'vitest/config';

/** The deploy artefacts' checks (`npm run test:ops`): they parse and validate files, no app inside. */
export default defineConfig({
  test: {
    root: 'deploy',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
