// `npm run test:services`: the server's suites against real PostgreSQL and Redis, plus s3rver and an
// SMTP sink that the tests start themselves. Override the service addresses with the same variables.
import { spawnSync } from 'node:child_process';
import { root } from './build-if-stale.mjs';

const env = {
  ...process.env,
  TEST_SERVICES: '1',
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  TEST_REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};
process.stdout.write(`test:services against ${env.TEST_DATABASE_URL} and ${env.TEST_REDIS_URL}\n`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'server', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
