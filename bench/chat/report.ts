import type { LatencyStats } from './load.ts';
import type { PhaseResult } from './phase.ts';

const MIB = 1024 * 1024;

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const mib = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / MIB).toFixed(0)} MiB`);
const latency = (stats: LatencyStats) =>
  stats.count === 0 ? '—' : `${ms(stats.p50)} / ${ms(stats.p95)} / **${ms(stats.p99)}** / ${ms(stats.max)}`;

/** What went wrong in a run: a run "fails" on any of these, never on its latency (that is a reading). */
export function problemsOf(phase: PhaseResult): string[] {
  const problems: string[] = [];
  if (phase.connections.failed > 0) {
    problems.push(
      `${phase.connections.failed} connections failed (${phase.connections.failureSamples.join('; ')})`,
    );
  }
  const m = phase.messaging;
  if (!m) {
    problems.push('no messages were measured');
    return problems;
  }
  if (m.lost > 0) {
    problems.push(`${m.lost} stored messages never reached their recipient`);
  }
  if (m.unanswered > 0) {
    problems.push(`${m.unanswered} messages got neither an ack nor an error`);
  }
  const errors = Object.entries(m.errors);
  if (errors.length > 0) {
    problems.push(`refused: ${errors.map(([code, count]) => `${count} × ${code}`).join(', ')}`);
  }
  if (m.duplicates > 0) {
    problems.push(`${m.duplicates} messages reached their recipient more than once`);
  }
  if (m.held > 0) {
    problems.push(`${m.held} messages were held by the content filter`);
  }
  if (m.socketsClosed > 0) {
    problems.push(`the servers closed ${m.socketsClosed} sockets during the measurement`);
  }
  return problems;
}

/** The run as a Markdown table, one row per figure. */
export function phaseTable(phase: PhaseResult): string {
  const rows: Array<[string, string]> = [];
  const c = phase.connections;
  rows.push(['connections open / failed', `${c.open} / ${c.failed} (opened in ${c.seconds.toFixed(1)} s)`]);
  phase.serverRssBytes.forEach((rss, index) => {
    const label = phase.instances > 1 ? ` ${String.fromCharCode(65 + index)}` : '';
    const perConnection =
      rss.idle !== undefined && rss.connected !== undefined && c.open > 0
        ? ` (${((rss.connected - rss.idle) / (c.open / phase.instances) / 1024).toFixed(1)} KiB per connection)`
        : '';
    rows.push([
      `server${label} RSS idle → connected (peak while messaging)`,
      `${mib(rss.idle)} → ${mib(rss.connected)}${perConnection} (${mib(rss.peak)})`,
    ]);
  });
  const m = phase.messaging;
  if (m) {
    rows.push([
      'messages sent (measured)',
      `${m.sent} in ${m.seconds.toFixed(1)} s = ${m.sentPerSecond.toFixed(0)}/s`,
    ]);
    rows.push(['acked / delivered / lost', `${m.acked} / ${m.delivered} / **${m.lost}**`]);
    rows.push(['waited for answers after the last send', `${phase.drainSeconds?.toFixed(1) ?? '—'} s`]);
    rows.push([
      'refused / unanswered / duplicates / held',
      `${Object.values(m.errors).reduce((sum, n) => sum + n, 0)} / ${m.unanswered} / ${m.duplicates} / ${m.held}`,
    ]);
    rows.push(['delivery ms p50 / p95 / p99 / max', latency(m.deliveryMs)]);
    if (phase.instances > 1) {
      rows.push(['… same instance', latency(m.sameInstanceMs)]);
      rows.push(['… across instances (Redis)', latency(m.crossInstanceMs)]);
    }
    rows.push(['ack ms p50 / p95 / p99 / max', latency(m.ackMs)]);
    rows.push(['load generator event-loop lag p99', `${ms(m.loadGeneratorLagP99Ms)} ms`]);
  }
  if (phase.cpu) {
    rows.push([
      'CPU cores: server(s) / load generator / other',
      `${phase.cpu.servers.map((n) => n.toFixed(2)).join(' + ')} / ${phase.cpu.loadGenerator.toFixed(2)} / ${phase.cpu.other.toFixed(2)}`,
    ]);
  }
  if (phase.serverMetrics.length > 0) {
    rows.push([
      'server /metrics: ws_connections, ws_delivery_failures_total',
      phase.serverMetrics.map((s) => `${s.wsConnections ?? '—'}, ${s.deliveryFailures ?? '—'}`).join(' | '),
    ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `### ${phase.name}`,
    '',
    `| ${'figure'.padEnd(width)} | value |`,
    `| ${'-'.repeat(width)} | ----- |`,
    ...rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value} |`),
  ].join('\n');
}
