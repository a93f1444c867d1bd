import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  db: 'pglite' | 'postgres';
  durationSeconds: number;
  connections: number;
  /** Scenario names, or `all`. */
  scenarios: string[] | 'all';
  warmupSeconds: number;
  /** The PostgreSQL server `--db postgres` creates its throw-away database on. */
  postgresUrl: string;
  /**
   * An existing database to run against instead of a throw-away one (implies `postgres`): the
   * generated dataset of `npm run bench:generate`. Neither created nor dropped; no demo data.
   */
  databaseUrl: string | undefined;
  help: boolean;
}

/** Thrown for a bad command line; the runner prints the message and the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run bench -- [options]        (or: npm start -w @nano/bench -- [options])

Options (each also as an environment variable):
  --db pglite|postgres   database of the server under test            BENCH_DB           (default pglite)
  --duration <s>         measured seconds per scenario, 1..600        BENCH_DURATION     (default 10)
  --connections <n>      concurrent connections, 1..10000             BENCH_CONNECTIONS  (default 50)
  --scenario <names>     comma-separated scenario names, or all       BENCH_SCENARIO     (default all)
  --warmup <s>           warm-up seconds per scenario, 0..60          BENCH_WARMUP       (default 2)
  --postgres-url <url>   PostgreSQL server for --db postgres          BENCH_POSTGRES_URL
                         (default postgres://postgres@127.0.0.1:5432/postgres; a fresh
                         nano_bench_* database is created there and dropped afterwards)
  --database-url <url>   run against this existing database instead   BENCH_DATABASE_URL
                         (implies --db postgres; kept as it is, no demo data loaded), e.g. the
                         dataset of npm run bench:generate: postgres://postgres@127.0.0.1:5432/nano_bench
  -h, --help             this text
`;

const FLAGS = {
  db: { type: 'string' },
  duration: { type: 'string' },
  connections: { type: 'string' },
  scenario: { type: 'string' },
  warmup: { type: 'string' },
  'postgres-url': { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flag = Exclude<keyof typeof FLAGS, 'help'>;

/** Options from argv, then BENCH_* variables, then npm's `npm_config_*` (see {@link recoverNpmArgs}). */
export function parseOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaultPostgresUrl: string,
): BenchOptions {
  const effectiveArgv = recoverNpmArgs(argv, env) ?? argv;
  let values: Partial<Record<Flag, string>> & { help?: boolean };
  try {
    ({ values } = parseArgs({ args: effectiveArgv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const pick = (flag: Flag): string | undefined => {
    const envName = `BENCH_${flag.toUpperCase().replace('-', '_')}`;
    const npmValue = env[`npm_config_${flag.replace('-', '_')}`];
    return values[flag] ?? env[envName] ?? (npmValue && npmValue !== 'true' ? npmValue : undefined);
  };

  const databaseUrl = pick('database-url');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError(`--database-url must be a postgres:// URL, not ${databaseUrl}`);
  }
  const db = pick('db') ?? (databaseUrl ? 'postgres' : 'pglite');
  if (db !== 'pglite' && db !== 'postgres') {
    throw new UsageError(`--db must be pglite or postgres, not ${db}`);
  }
  if (databaseUrl && db !== 'postgres') {
    throw new UsageError('--database-url needs --db postgres');
  }
  const scenario = pick('scenario') ?? 'all';
  return {
    db,
    durationSeconds: integer('duration', pick('duration') ?? '10', 1, 600),
    connections: integer('connections', pick('connections') ?? '50', 1, 10_000),
    scenarios:
      scenario === 'all'
        ? 'all'
        : scenario
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    warmupSeconds: integer('warmup', pick('warmup') ?? '2', 0, 60),
    postgresUrl: pick('postgres-url') ?? defaultPostgresUrl,
    databaseUrl,
    help: values.help ?? false,
  };
}

function integer(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not ${raw}`);
  }
  return value;
}

/**
 * `npm run bench -- --db postgres` appends the flags to `npm start -w @nano/bench` in the root script,
 * and that npm takes them as its own config: the script sees only `postgres` and `npm_config_db=true`.
 * When that happened, the flags as typed are read back from the command lines of the ancestor
 * processes (Linux /proc; the `sh -c` line of the root script still holds them). Returns undefined
 * when nothing was swallowed. (A `--` at the end of the root script would make this unnecessary.)
 */
function recoverNpmArgs(argv: string[], env: NodeJS.ProcessEnv): string[] | undefined {
  const swallowed = Object.keys(FLAGS).filter(
    (flag) => env[`npm_config_${flag.replace('-', '_')}`] === 'true',
  );
  if (swallowed.length === 0 || argv.length === 0 || argv.some((arg) => arg.startsWith('-'))) {
    return undefined;
  }
  const isBenchFlag = (token: string) =>
    token.startsWith('--') && (token.slice(2).split('=')[0] ?? '') in FLAGS;
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    try {
      // Split shell lines too; bench values (names, numbers, URLs) hold no spaces.
      const tokens = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .flatMap((arg) => arg.split(/\s+/))
        .filter(Boolean)
        .map((token) => token.replace(/^(['"])(.*)\1$/, '$2'));
      const start = tokens.findIndex(isBenchFlag);
      if (start >= 0) {
        const rest = tokens.slice(start);
        const end = rest.findIndex((token) => ['&&', '||', ';', '|'].includes(token));
        const recovered = (end >= 0 ? rest.slice(0, end) : rest).filter((token) => token !== '--');
        // Only trust a line that holds every value the script received, in the same order.
        if (recovered.filter((token) => !token.startsWith('-')).join(' ') === argv.join(' ')) {
          return recovered;
        }
      }
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  throw new UsageError(
    `npm took the flags ${swallowed.map((f) => `--${f}`).join(', ')} as its own; write them as --flag=value, ` +
      'or use the BENCH_* variables, or run `npm start -w @nano/bench -- <flags>`',
  );
}
