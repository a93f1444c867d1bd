// `npm run generate -w @nano/bench`: builds the deterministic benchmark dataset (SPEC §6: 100,000
// published Nanos, 20,000 users, 500,000 ratings) and loads it into a fresh PostgreSQL database.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type DatasetPlan, DEFAULT_PLAN, generateDataset } from './dataset.ts';
import {
  assertDisposable,
  DATABASE_NAME_PREFIX,
  DEFAULT_DATABASE_URL,
  loadDataset,
  migrate,
  phase,
  recreateDatabase,
} from './load.ts';

const USAGE = `Usage: npm run generate -w @nano/bench -- [options]     (or: npm run bench:generate -- [options])

Drops and recreates the database, runs the server's migrations and loads the dataset.

Options (each also as an environment variable):
  --database-url <url>  target database; its name must start with ${DATABASE_NAME_PREFIX}   BENCH_DATABASE_URL
                        (default ${DEFAULT_DATABASE_URL})
  --seed <n>            PRNG seed (default ${DEFAULT_PLAN.seed})                          BENCH_SEED
  --anchor <date>       "now" of the dataset, YYYY-MM-DD (default: today, UTC)      BENCH_ANCHOR
  --nanos <n>           published Nanos (default ${DEFAULT_PLAN.nanos})
  --users <n>           accounts (default ${DEFAULT_PLAN.users})
  --creators <n>        creator accounts among them (default ${DEFAULT_PLAN.creators})
  --ratings <n>         individual ratings folded into the Nanos (default ${DEFAULT_PLAN.ratings})
  --dry-run             generate only: print the figures and a checksum, touch no database
  -h, --help            this text
`;

const log = (message: string) => process.stderr.write(`generate: ${message}\n`);

function count(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not ${raw}`);
  }
  return value;
}

function anchorOf(raw: string | undefined): Date {
  if (raw === undefined) {
    return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  }
  const date = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(date.getTime())) {
    throw new Error(`--anchor must be a date YYYY-MM-DD, not ${raw}`);
  }
  return date;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      anchor: { type: 'string' },
      nanos: { type: 'string' },
      users: { type: 'string' },
      creators: { type: 'string' },
      ratings: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const env = process.env;
  const url = values['database-url'] ?? env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const users = count('users', values.users, DEFAULT_PLAN.users, 10, 1_000_000);
  const plan: DatasetPlan = {
    seed: count('seed', values.seed ?? env.BENCH_SEED, DEFAULT_PLAN.seed, 0, 2 ** 32 - 1),
    users,
    creators: count('creators', values.creators, DEFAULT_PLAN.creators, 1, users - 3),
    nanos: count('nanos', values.nanos, DEFAULT_PLAN.nanos, 1, 10_000_000),
    ratings: count('ratings', values.ratings, DEFAULT_PLAN.ratings, 0, 100_000_000),
    trendingNanos: DEFAULT_PLAN.trendingNanos,
    anchor: anchorOf(values.anchor ?? env.BENCH_ANCHOR),
  };

  if (!values['dry-run']) {
    assertDisposable(url);
  }
  const timings: Array<[string, number]> = [];
  const started = performance.now();
  log(
    `seed ${plan.seed}, anchor ${plan.anchor.toISOString().slice(0, 10)}: ${plan.users} users ` +
      `(${plan.creators} creators), ${plan.nanos} Nanos, ${plan.ratings} ratings`,
  );
  const data = await phase(log, timings, 'generate in memory', async () => generateDataset(plan));
  const checksum = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
  const languages = new Map<string, number>();
  for (const nano of data.nanos) {
    languages.set(nano.language, (languages.get(nano.language) ?? 0) + 1);
  }
  log(
    `dataset checksum ${checksum}; ${data.ratingVotes} rating votes, ${data.views.length} view rows; languages ` +
      [...languages].map(([lang, n]) => `${lang} ${((100 * n) / data.nanos.length).toFixed(1)} %`).join(', '),
  );
  if (values['dry-run']) {
    for (const nano of data.nanos.slice(0, 5)) {
      log(`  e.g. [${nano.language}] ${nano.title} — ${nano.tags.join(', ')}`);
    }
    return 0;
  }

  const name = new URL(url).pathname.slice(1);
  await phase(log, timings, `recreate database ${name}`, () => recreateDatabase(url));
  await phase(log, timings, 'migrations', () => migrate(url));
  const result = await loadDataset(url, data, log);
  timings.push(...result.timings);
  const total = (performance.now() - started) / 1000;

  process.stdout.write(`\nDataset ${checksum} loaded into ${name} in ${total.toFixed(1)} s\n\n`);
  process.stdout.write('| phase | seconds |\n| --- | ---: |\n');
  for (const [label, seconds] of timings) {
    process.stdout.write(`| ${label} | ${seconds.toFixed(1)} |\n`);
  }
  process.stdout.write(`| **total** | **${total.toFixed(1)}** |\n\n| table | rows |\n| --- | ---: |\n`);
  for (const [label, value] of Object.entries(result.counts)) {
    process.stdout.write(`| ${label} | ${value.toLocaleString('en')} |\n`);
  }
  if (result.counts.search_documents !== plan.nanos) {
    log(`search_documents holds ${result.counts.search_documents} rows, expected ${plan.nanos}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
