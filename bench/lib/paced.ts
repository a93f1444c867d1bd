import { percentile } from './measure.ts';
import type { Measurement } from './scenario.ts';

/** Seconds a paced request may take before it counts as a timeout (as autocannon's). */
const REQUEST_TIMEOUT_MS = 10_000;

export interface PacedOptions {
  baseUrl: string;
  /** The next request path; called once per request. */
  nextPath: () => string;
  /** Requests per second, sent at even intervals whatever the answers take (an open load). */
  rate: number;
  durationSeconds: number;
  expectStatus: readonly number[];
  signal: AbortSignal;
}

/**
 * An open load: one request every 1/rate seconds, on schedule, however long earlier answers take
 * (autocannon's rate limit sends each second's requests in one burst, which measures the burst).
 * Latency counts from the scheduled start, so a client that falls behind shows up in the figures.
 */
export async function runPaced({
  baseUrl,
  nextPath,
  rate,
  durationSeconds,
  expectStatus,
  signal,
}: PacedOptions): Promise<Measurement> {
  signal.throwIfAborted();
  const intervalMs = 1000 / rate;
  const total = Math.round(rate * durationSeconds);
  const expected = new Set(expectStatus);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let unexpectedStatus = 0;
  const started = performance.now();

  const one = async (scheduledAt: number) => {
    try {
      const response = await fetch(`${baseUrl}${nextPath()}`, {
        signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - scheduledAt);
      statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
      if (!expected.has(response.status)) {
        unexpectedStatus++;
      }
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      errors++;
      if (error instanceof Error && error.name === 'TimeoutError') {
        timeouts++;
      }
    }
  };

  const pending: Promise<void>[] = [];
  for (let i = 0; i < total && !signal.aborted; i++) {
    const scheduledAt = started + i * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    pending.push(one(scheduledAt));
  }
  await Promise.all(pending);
  signal.throwIfAborted();

  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const non2xx3xx = Object.entries(statusCodes)
    .filter(([code]) => !/^[23]/.test(code))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    durationSeconds: seconds,
    requests: answered,
    requestsPerSecond: answered / seconds,
    latencyMs: {
      mean: sorted.length ? sorted.reduce((sum, v) => sum + v, 0) / sorted.length : Number.NaN,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    },
    statusCodes,
    non2xx3xx,
    unexpectedStatus,
    errors,
    timeouts,
  };
}
