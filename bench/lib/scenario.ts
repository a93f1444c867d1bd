import type autocannon from 'autocannon';

/** Which data a scenario runs on (see {@link Scenario}). */
export type Dataset = 'demo' | 'generated' | 'own';

/** What a scenario knows about the run it is part of. */
export interface ScenarioContext {
  /** The server under test, e.g. `http://127.0.0.1:41234` (always loopback). */
  baseUrl: string;
  /** Which database the server runs on. */
  db: 'pglite' | 'postgres';
  /** Concurrent connections (virtual users) the run asks for. */
  connections: number;
  /** Measured seconds per scenario (the warm-up is extra). */
  durationSeconds: number;
  /** Warm-up seconds before the measurement (custom scenarios warm up themselves). */
  warmupSeconds: number;
  /** The server's PostgreSQL database (undefined with PGlite), for scenarios that inspect or nudge it. */
  databaseUrl: string | undefined;
}

/** One request of a load plan: method, path, headers and body, as autocannon takes them. */
export type BenchRequest = autocannon.Request;

/** What autocannon runs for an HTTP scenario: each connection cycles through `requests` in order. */
export interface HttpPlan {
  requests: BenchRequest[];
  /** Status codes a correct answer has; any other status is counted as unexpected. */
  expectStatus: readonly number[];
}

/** A scenario's figures; HTTP scenarios get them from autocannon, custom ones measure themselves. */
export interface Measurement {
  /** Seconds actually measured. */
  durationSeconds: number;
  /** Completed requests (or, for custom scenarios, completed operations such as messages). */
  requests: number;
  /** Average requests per second over the measured seconds. */
  requestsPerSecond: number;
  /** Latency in milliseconds. */
  latencyMs: { mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
  /** Responses per status code. */
  statusCodes: Record<string, number>;
  /** Responses outside 2xx/3xx (1xx, 4xx, 5xx). */
  non2xx3xx: number;
  /** Responses whose status is not in the scenario's `expectStatus`. */
  unexpectedStatus: number;
  /** Connection errors, including timeouts. */
  errors: number;
  /** Requests that got no answer within the timeout. */
  timeouts: number;
}

/** What a custom scenario may use besides the context. */
export interface CustomContext extends ScenarioContext {
  /** The server's current resident set size in bytes (undefined where /proc is not available). */
  serverRssBytes(): number | undefined;
  /** Aborted on Ctrl-C; a custom scenario must stop promptly and bounded when it fires. */
  signal: AbortSignal;
}

/**
 * A registered scenario. `http` scenarios are load-tested with autocannon; `custom` ones (WebSocket
 * fan-out, upload memory, ...) run their own bounded load and report a {@link Measurement}.
 */
export type Scenario = (
  | { kind: 'http'; name: string; description: string; prepare(ctx: ScenarioContext): Promise<HttpPlan> }
  | { kind: 'custom'; name: string; description: string; run(ctx: CustomContext): Promise<Measurement> }
) & {
  /**
   * `generated`: runs on the dataset of `npm run bench:generate` (`--database-url`); `--scenario all`
   * picks these scenarios with `--database-url` and the others (on the demo data) without.
   * `own`: writes its own data straight into the server's PostgreSQL database (any run with
   * `--db postgres` or `--database-url`) and removes it afterwards; `--scenario all` leaves it out,
   * so it runs only when named.
   */
  dataset?: Dataset;
};

/** The definition of an HTTP scenario; `setup` runs once before warm-up, its result feeds `requests`. */
export interface HttpScenarioDefinition<State> {
  name: string;
  description: string;
  dataset?: Dataset;
  /** Status codes a correct answer has (default: 200). */
  expectStatus?: readonly number[];
  setup?: (ctx: ScenarioContext) => Promise<State>;
  requests: BenchRequest[] | ((state: State, ctx: ScenarioContext) => BenchRequest[]);
}

/** Defines an HTTP scenario, e.g. `httpScenario({ name, description, requests: [{ path: '/x' }] })`. */
export function httpScenario<State = undefined>(definition: HttpScenarioDefinition<State>): Scenario {
  const { name, description, dataset, setup, requests, expectStatus = [200] } = definition;
  return {
    kind: 'http',
    name,
    description,
    ...(dataset ? { dataset } : {}),
    async prepare(ctx) {
      const state = (setup ? await setup(ctx) : undefined) as State;
      return { requests: typeof requests === 'function' ? requests(state, ctx) : requests, expectStatus };
    },
  };
}

/** Defines a scenario that runs its own load instead of autocannon (WebSockets, uploads). */
export function customScenario(definition: {
  name: string;
  description: string;
  dataset?: Dataset;
  run(ctx: CustomContext): Promise<Measurement>;
}): Scenario {
  return { kind: 'custom', ...definition };
}

/** `fetch` with a time limit, for setup steps; throws on a network error or timeout. */
export async function fetchWithTimeout(url: string, init: RequestInit = {}, ms = 10_000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}
