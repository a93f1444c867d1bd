// `npm run test:e2e`: builds the web app and the server, then runs the browser journeys in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
