import { setTimeout as sleep } from 'node:timers/promises';
import { measureCpu } from '../lib/cpu.ts';
import { fetchWithTimeout } from '../lib/scenario.ts';
import { rssBytes, type ServerProcess } from '../lib/server.ts';
import { closeSockets, openSockets } from './clients.ts';
import type { ChatFixture } from './fixture.ts';
import { ChatLoad, type MessagingResult } from './load.ts';

/** How long the servers may idle after the sockets opened before their memory is read. */
const SETTLE_MS = 3_000;
/** After the last send, wait for answers and deliveries while they keep coming (at most 5 minutes). */
const DRAIN = { stallMs: 10_000, maxMs: 300_000 };
const RSS_SAMPLE_MS = 250;

/** The figures of one run (one instance, or two behind Redis). */
export interface PhaseResult {
  name: string;
  instances: number;
  connections: { wanted: number; open: number; failed: number; failureSamples: string[]; seconds: number };
  /** Per server: RSS before any socket, with every socket open and idle, and the peak while messaging. */
  serverRssBytes: Array<{
    idle: number | undefined;
    connected: number | undefined;
    peak: number | undefined;
  }>;
  messaging: MessagingResult | undefined;
  /** Seconds after the last send until every answer and delivery was in (or they stopped coming). */
  drainSeconds: number | undefined;
  /** Cores busy on average while measuring: each server, this process, everything else. */
  cpu: { servers: number[]; loadGenerator: number; other: number } | undefined;
  /** From each server's /metrics after the measurement. */
  serverMetrics: Array<{ wsConnections: number | undefined; deliveryFailures: number | undefined }>;
}

export interface PhaseOptions {
  name: string;
  servers: ServerProcess[];
  fixture: ChatFixture;
  rate: number;
  durationSeconds: number;
  warmupSeconds: number;
  openConcurrency: number;
  seed: number;
  signal: AbortSignal;
  log: (message: string) => void;
}

async function scrape(baseUrl: string): Promise<PhaseResult['serverMetrics'][number]> {
  try {
    const text = await (await fetchWithTimeout(`${baseUrl}/metrics`)).text();
    const value = (pattern: RegExp) =>
      [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
    return {
      wsConnections: value(/^ws_connections (\S+)$/gm),
      deliveryFailures: value(/^ws_delivery_failures_total\{[^}]*\} (\S+)$/gm),
    };
  } catch {
    return { wsConnections: undefined, deliveryFailures: undefined };
  }
}

/**
 * One run: opens a socket per account (spread over the servers by account number), lets them idle
 * to read memory, warms up, sends at the rate for the duration, drains, and closes the sockets.
 */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { servers, fixture, signal, log } = options;
  const instanceOf = (user: number) => user % servers.length;
  const pids = servers.map((server) => server.pid);
  const result: PhaseResult = {
    name: options.name,
    instances: servers.length,
    connections: { wanted: fixture.users.length, open: 0, failed: 0, failureSamples: [], seconds: 0 },
    serverRssBytes: pids.map((pid) => ({ idle: rssBytes(pid), connected: undefined, peak: undefined })),
    messaging: undefined,
    drainSeconds: undefined,
    cpu: undefined,
    serverMetrics: [],
  };

  const load = new ChatLoad(fixture.users, instanceOf, options.seed);
  const tokens = await fixture.accessTokens();
  log(`${options.name}: opening ${tokens.length} WebSockets (${options.openConcurrency} at a time)`);
  const opened = await openSockets({
    baseUrls: servers.map((server) => server.baseUrl),
    tokens,
    instanceOf,
    concurrency: options.openConcurrency,
    listener: load,
    signal,
  });
  for (const { user, socket } of opened.sockets) {
    load.attach(user, socket);
  }
  result.connections = {
    wanted: tokens.length,
    open: opened.sockets.length,
    failed: opened.failures,
    failureSamples: opened.failureSamples,
    seconds: opened.seconds,
  };
  log(
    `${options.name}: ${opened.sockets.length} open, ${opened.failures} failed, in ${opened.seconds.toFixed(1)} s`,
  );
  try {
    await sleep(SETTLE_MS, undefined, { signal });
    pids.forEach((pid, index) => {
      (result.serverRssBytes[index] as PhaseResult['serverRssBytes'][number]).connected = rssBytes(pid);
    });

    if (options.warmupSeconds > 0) {
      log(`${options.name}: warming up ${options.warmupSeconds} s at ${options.rate} messages/s`);
      await load.send({ rate: options.rate, seconds: options.warmupSeconds, record: false, signal });
    }
    log(`${options.name}: measuring ${options.durationSeconds} s at ${options.rate} messages/s`);
    const cpu = pids.map((pid) => measureCpu(pid));
    const peaks = pids.map((pid) => rssBytes(pid));
    const sampler = setInterval(() => {
      pids.forEach((pid, index) => {
        const now = rssBytes(pid);
        if (now !== undefined && now > (peaks[index] ?? 0)) {
          peaks[index] = now;
        }
      });
    }, RSS_SAMPLE_MS);
    let seconds: number;
    let lagP99Ms: number;
    try {
      ({ value: seconds, lagP99Ms } = await ChatLoad.withLagMonitor(() =>
        load.send({ rate: options.rate, seconds: options.durationSeconds, record: true, signal }),
      ));
    } finally {
      clearInterval(sampler);
    }
    const usage = cpu.map((measure) => measure());
    log(`${options.name}: sent; waiting for the outstanding answers and deliveries`);
    result.drainSeconds = await load.drain(DRAIN);
    result.messaging = load.result(seconds, lagP99Ms);
    peaks.forEach((peak, index) => {
      (result.serverRssBytes[index] as PhaseResult['serverRssBytes'][number]).peak = peak;
    });
    const first = usage[0];
    if (first && usage.every((u) => u !== undefined)) {
      const serverCores = usage.map((u) => u?.server ?? 0);
      const othersOfFirst = serverCores.slice(1).reduce((sum, cores) => sum + cores, 0);
      result.cpu = {
        servers: serverCores,
        loadGenerator: first.loadGenerator,
        other: Math.max(0, Math.round((first.other - othersOfFirst) * 100) / 100),
      };
    }
    result.serverMetrics = await Promise.all(servers.map((server) => scrape(server.baseUrl)));
  } finally {
    await closeSockets(opened.sockets);
  }
  return result;
}
