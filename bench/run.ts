// `npm run bench`: starts the built server on a fresh database, runs each scenario with autocannon and
// prints its figures. Speed targets are checked here, by reading these figures, never by timed tests.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureCpu, waitUntilQuiet } from './lib/cpu.ts';
import { runLoad } from './lib/measure.ts';
import { type BenchOptions, parseOptions, USAGE, UsageError } from './lib/options.ts';
import { problemsOf, type ScenarioResult, scenarioTable, summaryMarkdown } from './lib/report.ts';
import type { Measurement, Scenario, ScenarioContext } from './lib/scenario.ts';
import {
  createDataDir,
  createPostgresDatabase,
  DEFAULT_POSTGRES_URL,
  Resources,
  rssBytes,
  type ServerProcess,
  startServer,
} from './lib/server.ts';
import { scenarios as registry } from './scenarios/index.ts';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const RSS_SAMPLE_MS = 100;
const FORCE_EXIT_AFTER_MS = 1_000;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function selectScenarios(options: BenchOptions): Scenario[] {
  if (options.scenarios === 'all') {
    // The demo-data scenarios sign in as demo accounts; the dataset ones need the generated catalogue.
    const wanted = options.databaseUrl ? 'generated' : 'demo';
    // Scenarios with their own dataset ('own') build it on a fresh PostgreSQL database.
    const ownData = options.db === 'postgres' && !options.databaseUrl;
    return registry.filter((s) => (s.dataset ?? 'demo') === wanted || (s.dataset === 'own' && ownData));
  }
  return options.scenarios.map((name) => {
    const found = registry.find((s) => s.name === name);
    if (!found) {
      throw new UsageError(`unknown scenario ${name}; known: ${registry.map((s) => s.name).join(', ')}`);
    }
    return found;
  });
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: os.availableParallelism(),
    memoryTotalBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** Runs `work` while sampling the server's RSS; returns its result and the peak seen. */
async function withRssSampling<T>(pid: number | undefined, work: () => Promise<T>) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    const now = rssBytes(pid);
    if (now !== undefined && (peak === undefined || now > peak)) {
      peak = now;
    }
  }, RSS_SAMPLE_MS);
  try {
    return { value: await work(), peak };
  } finally {
    clearInterval(timer);
  }
}

async function runScenario(
  scenario: Scenario,
  ctx: ScenarioContext,
  server: ServerProcess,
  options: BenchOptions,
  signal: AbortSignal,
): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    name: scenario.name,
    description: scenario.description,
    serverRssBytes: {},
  };
  // Stop the load at once on Ctrl-C or when the server dies (instead of hammering a closed port).
  const scenarioSignal = AbortSignal.any([signal, server.gone]);
  let measure: () => Promise<Measurement>;
  if (scenario.kind === 'http') {
    const plan = await Promise.race([scenario.prepare(ctx), server.exited]);
    const load = (durationSeconds: number, record: boolean) =>
      runLoad({
        baseUrl: ctx.baseUrl,
        plan,
        connections: ctx.connections,
        durationSeconds,
        signal: scenarioSignal,
        record,
      });
    if (options.warmupSeconds > 0) {
      log(`${scenario.name}: warming up ${options.warmupSeconds} s`);
      await Promise.race([load(options.warmupSeconds, false), server.exited]);
    }
    measure = () => load(ctx.durationSeconds, true);
  } else {
    measure = () =>
      scenario.run({ ...ctx, serverRssBytes: () => rssBytes(server.pid), signal: scenarioSignal });
  }
  log(`${scenario.name}: measuring ${ctx.durationSeconds} s with ${ctx.connections} connections`);
  result.serverRssBytes.before = rssBytes(server.pid);
  const cpu = measureCpu(server.pid);
  const { value, peak } = await withRssSampling(server.pid, () => Promise.race([measure(), server.exited]));
  result.cpuCores = cpu();
  const after = rssBytes(server.pid);
  result.serverRssBytes.after = after;
  result.serverRssBytes.peak = peak === undefined || after === undefined ? peak : Math.max(peak, after);
  result.measurement = value;
  return result;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  let selected: Scenario[];
  try {
    options = parseOptions(process.argv.slice(2), process.env, DEFAULT_POSTGRES_URL);
    selected = selectScenarios(options);
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
  const resources = new Resources();
  let firstSignalAt: number | undefined;
  const onSignal = (name: NodeJS.Signals) => {
    if (firstSignalAt === undefined) {
      firstSignalAt = Date.now();
      log(`${name}: stopping and cleaning up (press Ctrl-C again to force exit)`);
      controller.abort(new Error(`interrupted by ${name}`));
    } else if (Date.now() - firstSignalAt > FORCE_EXIT_AFTER_MS) {
      // A terminal's Ctrl-C reaches us twice at once (directly and relayed by tsx); only a later one forces.
      log('forced exit; the temporary data directory or database may be left behind');
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  let commit: string | undefined;
  let dirty = false;
  try {
    commit = git(['rev-parse', '--short', 'HEAD']);
    dirty = (git(['--no-optional-locks', 'status', '--porcelain']) ?? '') !== '';
    const dataDir = await createDataDir(resources);
    // An existing database (the generated dataset) is used as it is: not created, not dropped, no demo data.
    const databaseUrl =
      options.databaseUrl ??
      (options.db === 'postgres' ? await createPostgresDatabase(options.postgresUrl, resources) : undefined);
    const demoData = options.databaseUrl === undefined;
    log(
      `starting the server (${options.db}${databaseUrl ? `, ${new URL(databaseUrl).pathname.slice(1)}` : ''}` +
        `${demoData ? '' : ', existing database, no demo data'})`,
    );
    const server = await startServer({
      dataDir,
      databaseUrl,
      demoData,
      resources,
      signal: controller.signal,
    });
    log(`ready at ${server.baseUrl} (pid ${server.pid}); waiting for its start-up work to finish`);
    const settled = await Promise.race([waitUntilQuiet(server.pid, controller.signal), server.exited]);
    log(`server idle after ${settled.toFixed(0)} s`);
    const ctx: ScenarioContext = {
      baseUrl: server.baseUrl,
      db: options.db,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      databaseUrl,
    };

    for (const scenario of selected) {
      let result: ScenarioResult;
      if (server.gone.aborted) {
        results.push({
          name: scenario.name,
          description: scenario.description,
          failure: 'skipped: the server is no longer running',
          serverRssBytes: {},
        });
        continue;
      }
      try {
        result = await runScenario(scenario, ctx, server, options, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) {
          throw error;
        }
        log(`${scenario.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        result = {
          name: scenario.name,
          description: scenario.description,
          failure: error instanceof Error ? error.message : String(error),
          serverRssBytes: { after: rssBytes(server.pid) },
        };
      }
      results.push(result);
      process.stdout.write(`\n${scenarioTable(result)}\n`);
    }
  } catch (error) {
    if (controller.signal.aborted) {
      log('interrupted');
      return 130;
    }
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await resources.release();
  }

  const existing = options.databaseUrl ? new URL(options.databaseUrl).pathname.slice(1) : undefined;
  const problems = results.flatMap((r) => problemsOf(r).map((p) => `${r.name}: ${p}`));
  const m = machine();
  process.stdout.write(
    `\nSummary: ${options.db}${existing ? ` (existing database ${existing})` : ''}, ${options.connections} connections, ${options.durationSeconds} s per scenario, ` +
      `commit ${commit ?? 'unknown'}${dirty ? ' (+ local changes)' : ''}, ${startedAt.toISOString()}\n` +
      `Machine: ${m.cpus} × ${m.cpuModel}, ${(m.memoryTotalBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node}\n\n` +
      `${summaryMarkdown(results)}\n`,
  );

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit,
    dirty,
    machine: m,
    options: {
      db: options.db,
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      existingDatabase: existing,
    },
    results,
    problems,
  };
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${file}`);

  if (problems.length > 0) {
    log(`FAILED:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
