import { parseArgs } from 'node:util';
import { DEFAULT_POSTGRES_URL } from '../lib/server.ts';

/** The options of `npm run bench:chat`; the defaults are the figures of issue 7. */
export interface ChatBenchOptions {
  connections: number;
  rate: number;
  durationSeconds: number;
  warmupSeconds: number;
  chatsPerConsumer: number;
  /** Which runs: one instance (in-process bus and presence), two instances with Redis fan-out, or both. */
  instances: 'one' | 'two' | 'both';
  postgresUrl: string;
  redisUrl: string;
  openConcurrency: number;
  seed: number;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run bench:chat -- [options]     (or: npm run chat -w @nano/bench -- [options])

Starts the built server on a fresh PostgreSQL database, writes the accounts, Nanos and chats,
opens one authenticated WebSocket per account, then sends chat messages between random chat
partners at a fixed rate and reports delivery latency and lost messages. Needs PostgreSQL, and
Redis for the two-instance run. Options (each also as BENCH_CHAT_<NAME>, e.g. BENCH_CHAT_RATE):
  --connections <n>          accounts = WebSocket connections, 2..10000      (default 5000)
  --rate <n>                 messages per second, 1..5000                    (default 500)
  --duration <s>             measured seconds, 1..600                        (default 60)
  --warmup <s>               messages at the rate before measuring, 0..60    (default 5)
  --chats-per-consumer <n>   chats of each consumer with random creators     (default 4)
  --instances one|two|both   one instance, two with Redis fan-out, or both   (default both)
  --postgres-url <url>       server for the throw-away nano_bench_* database
                             (default ${DEFAULT_POSTGRES_URL})
  --redis-url <url>          Redis for the two-instance run                  (default redis://127.0.0.1:6379)
  --open-concurrency <n>     WebSocket upgrades in flight while connecting   (default 100)
  --seed <n>                 seed of the chat pairs and the send order       (default 20261127)
  -h, --help                 this text
`;

const FLAGS = {
  connections: { type: 'string' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  'chats-per-consumer': { type: 'string' },
  instances: { type: 'string' },
  'postgres-url': { type: 'string' },
  'redis-url': { type: 'string' },
  'open-concurrency': { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flag = Exclude<keyof typeof FLAGS, 'help'>;

/** Options from argv, then BENCH_CHAT_* variables, then the defaults. */
export function parseChatOptions(argv: string[], env: NodeJS.ProcessEnv): ChatBenchOptions {
  let values: Partial<Record<Flag, string>> & { help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const pick = (flag: Flag): string | undefined =>
    values[flag] ?? env[`BENCH_CHAT_${flag.toUpperCase().replaceAll('-', '_')}`];
  const instances = pick('instances') ?? 'both';
  if (instances !== 'one' && instances !== 'two' && instances !== 'both') {
    throw new UsageError(`--instances must be one, two or both, not ${instances}`);
  }
  const redisUrl = pick('redis-url') ?? 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) {
    throw new UsageError(`--redis-url must be a redis:// URL, not ${redisUrl}`);
  }
  return {
    connections: integer('connections', pick('connections') ?? '5000', 2, 10_000),
    rate: integer('rate', pick('rate') ?? '500', 1, 5_000),
    durationSeconds: integer('duration', pick('duration') ?? '60', 1, 600),
    warmupSeconds: integer('warmup', pick('warmup') ?? '5', 0, 60),
    chatsPerConsumer: integer('chats-per-consumer', pick('chats-per-consumer') ?? '4', 1, 20),
    instances,
    postgresUrl: pick('postgres-url') ?? DEFAULT_POSTGRES_URL,
    redisUrl,
    openConcurrency: integer('open-concurrency', pick('open-concurrency') ?? '100', 1, 1_000),
    seed: integer('seed', pick('seed') ?? '20261127', 0, 2 ** 32 - 1),
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
