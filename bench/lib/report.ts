import type { CpuUsage } from './cpu.ts';
import type { Measurement } from './scenario.ts';

/** One scenario's outcome as printed and stored in bench/results/*.json. */
export interface ScenarioResult {
  name: string;
  description: string;
  measurement?: Measurement;
  /** Set when the scenario could not run (setup failed, server died). */
  failure?: string;
  serverRssBytes: { before?: number; after?: number; peak?: number };
  /** Average cores busy during the measurement: server, load generator, everything else. */
  cpuCores?: CpuUsage;
}

const firstLine = (failure: string | undefined) => (failure ?? 'did not run').split('\n')[0] ?? '';

/** Whether a result counts as failed: it did not run, or any request errored or got a wrong status. */
export function problemsOf(result: ScenarioResult): string[] {
  const m = result.measurement;
  if (!m) {
    return [firstLine(result.failure)];
  }
  const problems: string[] = [];
  if (m.errors > 0) {
    problems.push(`${m.errors} errors (${m.timeouts} timeouts)`);
  }
  if (m.non2xx3xx > 0) {
    problems.push(`${m.non2xx3xx} responses outside 2xx/3xx`);
  }
  if (m.unexpectedStatus > 0) {
    problems.push(`${m.unexpectedStatus} responses with an unexpected status`);
  }
  if (m.requests === 0) {
    problems.push('no responses');
  }
  return problems;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
/** The first line of a failure, safe inside a table cell. */
const brief = (failure: string | undefined) => firstLine(failure).replace(/\|/g, '\\|');
const cores = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(2));
const mib = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** A boxed two-column table of one scenario's figures. */
export function scenarioTable(result: ScenarioResult): string {
  const m = result.measurement;
  const rss = result.serverRssBytes;
  const rows: [string, string][] = m
    ? [
        ['requests/s (avg)', int(m.requestsPerSecond)],
        ['requests (total)', `${int(m.requests)} in ${m.durationSeconds} s`],
        ['latency p50 (ms)', ms(m.latencyMs.p50)],
        ['latency p90 (ms)', ms(m.latencyMs.p90)],
        ['latency p95 (ms)', ms(m.latencyMs.p95)],
        ['latency p99 (ms)', ms(m.latencyMs.p99)],
        ['latency max (ms)', ms(m.latencyMs.max)],
        [
          'status codes',
          Object.entries(m.statusCodes)
            .map(([code, count]) => `${code}: ${int(count)}`)
            .join(', ') || '–',
        ],
        ['non-2xx/3xx', int(m.non2xx3xx)],
        ['unexpected status', int(m.unexpectedStatus)],
        ['errors', int(m.errors)],
        ['timeouts', int(m.timeouts)],
        ['server RSS before', mib(rss.before)],
        ['server RSS after', mib(rss.after)],
        ['server RSS peak', mib(rss.peak)],
        ['CPU cores: server', cores(result.cpuCores?.server)],
        ['CPU cores: autocannon', cores(result.cpuCores?.loadGenerator)],
        ['CPU cores: other processes', cores(result.cpuCores?.other)],
      ]
    : [['failed', brief(result.failure)]];
  const left = Math.max(...rows.map(([k]) => k.length));
  const right = Math.max(...rows.map(([, v]) => v.length));
  const line = (a: string, b: string, c: string) =>
    `${a}${'─'.repeat(left + 2)}${b}${'─'.repeat(right + 2)}${c}`;
  return [
    `${result.name}: ${result.description}`,
    line('┌', '┬', '┐'),
    ...rows.map(([k, v]) => `│ ${k.padEnd(left)} │ ${v.padStart(right)} │`),
    line('└', '┴', '┘'),
  ].join('\n');
}

/** All scenarios in one Markdown table (ready for the README's "Latest figures"). */
export function summaryMarkdown(results: ScenarioResult[]): string {
  const columns = [
    'scenario',
    'req/s (avg)',
    'p50 ms',
    'p90 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'non-2xx/3xx',
    'errors',
    'timeouts',
    'server RSS before → after (peak)',
    'CPU cores server / autocannon / other',
  ];
  const rows = results.map((r) => {
    const m = r.measurement;
    if (!m) {
      return [r.name, `failed: ${brief(r.failure)}`, ...columns.slice(2).map(() => '')];
    }
    const { p50, p90, p95, p99, max } = m.latencyMs;
    const rss = r.serverRssBytes;
    const cpu = r.cpuCores;
    return [
      r.name,
      int(m.requestsPerSecond),
      ms(p50),
      ms(p90),
      ms(p95),
      ms(p99),
      ms(max),
      int(m.non2xx3xx),
      int(m.errors),
      int(m.timeouts),
      `${mib(rss.before)} → ${mib(rss.after)} (${mib(rss.peak)})`,
      cpu ? `${cores(cpu.server)} / ${cores(cpu.loadGenerator)} / ${cores(cpu.other)}` : 'n/a',
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}
