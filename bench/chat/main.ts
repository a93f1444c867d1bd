// `npm run bench:chat`: 5,000 authenticated WebSockets on one instance, then 500 chat messages/s between
// random chat partners for 60 s; then the same on two instances that fan out through Redis (issue 7).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHAT_LIMITS } from '@nano/contracts';
import { Redis } from 'ioredis';
import {
  createDataDir,
  createPostgresDatabase,
  Resources,
  type ServerProcess,
  startServer,
} from '../lib/server.ts';
import { planChats, writeChatFixture } from './fixture.ts';
import { type ChatBenchOptions, parseChatOptions, USAGE, UsageError } from './options.ts';
import { type PhaseResult, runPhase } from './phase.ts';
import { phaseTable, problemsOf } from './report.ts';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
const log = (message: string) => process.stderr.write(`bench:chat: ${message}\n`);

/**
 * The per-user limit the servers run with: the default, unless the asked load makes every sender
 * send more than that per minute; then the documented CHAT_MESSAGES_PER_MINUTE raises it (and the
 * report says so).
 */
function messagesPerMinute(options: ChatBenchOptions, senders: number): number {
  // Senders take turns, so each sends rate × 60 / senders messages in any minute.
  const perSender = Math.ceil((options.rate * 60) / Math.max(1, senders));
  return perSender <= CHAT_LIMITS.messagesPerMinute ? CHAT_LIMITS.messagesPerMinute : perSender * 2;
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<number> {
  let options: ChatBenchOptions;
  try {
    options = parseChatOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    log(`${name}: stopping and cleaning up`);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const signal = controller.signal;
  const resources = new Resources();
  const startedAt = new Date();
  const phases: PhaseResult[] = [];
  const plan = planChats({
    users: options.connections,
    chatsPerConsumer: options.chatsPerConsumer,
    seed: options.seed,
  });
  const limit = messagesPerMinute(options, plan.senders);
  if (limit !== CHAT_LIMITS.messagesPerMinute) {
    log(
      `${plan.senders} senders at ${options.rate}/s would each exceed ${CHAT_LIMITS.messagesPerMinute} messages a minute: ` +
        `the servers run with CHAT_MESSAGES_PER_MINUTE=${limit}`,
    );
  }
  try {
    const databaseUrl = await createPostgresDatabase(options.postgresUrl, resources);
    const start = async (label: string, env: Record<string, string> = {}): Promise<ServerProcess> => {
      const server = await startServer({
        dataDir: await createDataDir(resources),
        databaseUrl,
        demoData: false,
        resources,
        signal,
        env: { ...env, CHAT_MESSAGES_PER_MINUTE: String(limit) },
      });
      log(`${label} ready at ${server.baseUrl} (pid ${server.pid})`);
      return server;
    };

    // The first server migrates the fresh database; the fixture goes in after that.
    const single = await start('single instance');
    log(`writing ${plan.users.length} accounts, their Nanos and ${plan.chats.length} chats`);
    const fixture = await writeChatFixture(databaseUrl, plan);
    resources.add('remove the chat fixture', () => fixture.remove());
    const phase = (name: string, servers: ServerProcess[]) =>
      runPhase({
        name,
        servers,
        fixture,
        rate: options.rate,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        openConcurrency: options.openConcurrency,
        seed: options.seed,
        signal,
        log,
      });

    if (options.instances !== 'two') {
      phases.push(await phase('one instance', [single]));
      process.stdout.write(`\n${phaseTable(phases.at(-1) as PhaseResult)}\n`);
    }
    await single.stop();

    if (options.instances !== 'one') {
      const prefix = `bench-chat-${randomBytes(4).toString('hex')}:`;
      resources.add(`delete the Redis keys ${prefix}*`, () => deleteRedisKeys(options.redisUrl, prefix));
      const redisEnv = { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: prefix };
      const a = await start('instance A', redisEnv);
      const b = await start('instance B', redisEnv);
      phases.push(await phase('two instances, Redis fan-out', [a, b]));
      process.stdout.write(`\n${phaseTable(phases.at(-1) as PhaseResult)}\n`);
    }
  } catch (error) {
    if (signal.aborted) {
      log('interrupted');
      await resources.release();
      return 130;
    }
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await resources.release();
    return 1;
  }
  await resources.release();

  const problems = phases.flatMap((p) => problemsOf(p).map((problem) => `${p.name}: ${problem}`));
  const cpus = os.cpus();
  process.stdout.write(
    `\nSummary: ${options.connections} connections, ${plan.chats.length} chats, ${options.rate} messages/s for ` +
      `${options.durationSeconds} s (warm-up ${options.warmupSeconds} s), limit ${limit}/min per user, ` +
      `${startedAt.toISOString()}\nMachine: ${os.availableParallelism()} × ${cpus[0]?.model ?? 'unknown'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}\n`,
  );
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}chat-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ startedAt, finishedAt: new Date(), options, limit, chats: plan.chats.length, phases, problems }, null, 2)}\n`,
  );
  log(`results written to ${file}`);
  if (problems.length > 0) {
    log(`FAILED:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
