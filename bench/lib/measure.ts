import autocannon from 'autocannon';
import type { HttpPlan, Measurement } from './scenario.ts';

export interface LoadOptions {
  baseUrl: string;
  plan: HttpPlan;
  connections: number;
  durationSeconds: number;
  signal: AbortSignal;
  /** Keep per-request latencies (off for the warm-up). */
  record: boolean;
  /** Called once per connection before its first request, e.g. to give each connection its own session. */
  setupClient?: (client: autocannon.Client) => void;
  /** Receives every recorded latency (ms) too, for figures across several loads. */
  latencySink?: number[];
}

/** Seconds autocannon waits for an answer before counting a timeout. */
const REQUEST_TIMEOUT_S = 10;

/**
 * Runs `plan` with autocannon for a fixed duration. Percentiles come from every response's own
 * latency (sub-millisecond, and autocannon's histogram has no p95); counts come from autocannon.
 */
export async function runLoad({
  baseUrl,
  plan,
  connections,
  durationSeconds,
  signal,
  record,
  setupClient,
  latencySink,
}: LoadOptions): Promise<Measurement> {
  signal.throwIfAborted();
  const latencies: number[] = [];
  const expected = new Set(plan.expectStatus);
  let unexpectedStatus = 0;

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationSeconds,
        timeout: REQUEST_TIMEOUT_S,
        pipelining: 1,
        requests: plan.requests,
        ...(setupClient ? { setupClient } : {}),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (record) {
        latencies.push(responseTime);
        latencySink?.push(responseTime);
      }
      if (!expected.has(statusCode)) {
        unexpectedStatus++;
      }
    });
    const stop = () => instance.stop();
    signal.addEventListener('abort', stop, { once: true });
    instance.once('done', () => signal.removeEventListener('abort', stop));
  });
  signal.throwIfAborted();

  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = stats.count ?? 0;
  }
  const sorted = Float64Array.from(latencies).sort();
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    durationSeconds: result.duration,
    requests: total,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      mean: sorted.length ? sorted.reduce((sum, v) => sum + v, 0) / sorted.length : Number.NaN,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    },
    statusCodes,
    non2xx3xx: result['1xx'] + result['4xx'] + result['5xx'],
    unexpectedStatus,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Nearest-rank percentile of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
