import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type AppProcess, freePort, logTail, startApp, stopProcess, waitFor } from './app-process.ts';
import { hasSystemTool } from './system-tool.ts';

/**
 * Prometheus against a running app, natively: the app job of the compose stack's prometheus.yml,
 * pointed at one app instance on loopback, must see the target up and its request counter grow.
 */
const PROMETHEUS_YML = path.resolve(import.meta.dirname, '../compose/prometheus/prometheus.yml');
const hasPrometheus = hasSystemTool('prometheus', 'prometheus');

interface ScrapeConfig {
  job_name: string;
  [key: string]: unknown;
}

/**
 * The real configuration reduced to what runs here: only the `app` job (the other targets are
 * compose services), its DNS discovery replaced by the loopback instance, a 1 s interval, and no
 * rule files or Alertmanager (checked by promtool in alert-rules.test.ts).
 */
export function testPrometheusConfig(realYaml: string, appTarget: string): string {
  const config = parse(realYaml) as { global: Record<string, unknown>; scrape_configs: ScrapeConfig[] };
  const app = config.scrape_configs.find((job) => job.job_name === 'app');
  if (!app) {
    throw new Error('prometheus.yml has no `app` job');
  }
  const { dns_sd_configs: _dns, ...appJob } = app;
  return stringify({
    global: { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' },
    scrape_configs: [{ ...appJob, static_configs: [{ targets: [appTarget] }] }],
  });
}

describe.skipIf(!hasPrometheus)('Prometheus scraping the app', () => {
  let tmp: string;
  let app: AppProcess | undefined;
  let prometheus: ChildProcess | undefined;
  let promUrl: string;
  let promLog: string;

  /** The value of an instant query's single sample, or undefined while there is none. */
  async function queryValue(query: string): Promise<number | undefined> {
    const response = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
    const body = (await response.json()) as { data?: { result?: Array<{ value: [number, string] }> } };
    const sample = body.data?.result?.[0];
    return sample ? Number(sample.value[1]) : undefined;
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nano-prometheus-runtime-'));
    // Embedded database and storage, no demo data: the metrics are all this test needs.
    app = await startApp('prometheus', tmp, { DATA_DIR: path.join(tmp, 'data'), DEMO_DATA: 'false' });

    const configPath = path.join(tmp, 'prometheus.yml');
    writeFileSync(
      configPath,
      testPrometheusConfig(readFileSync(PROMETHEUS_YML, 'utf8'), `127.0.0.1:${app.port}`),
    );
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    promLog = path.join(tmp, 'prometheus.log');
    const log = openSync(promLog, 'w');
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${configPath}`,
        `--storage.tsdb.path=${path.join(tmp, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', log, log] },
    );
    await waitFor(
      async () => (await fetch(`${promUrl}/-/ready`)).status === 200,
      60_000,
      () => `Prometheus not ready:\n${logTail(promLog)}`,
    );
  }, 180_000);

  afterAll(async () => {
    await stopProcess(prometheus);
    await stopProcess(app?.child);
    if (tmp) {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('sees the app target up', async () => {
    await waitFor(
      async () => (await queryValue('up{job="app"}')) === 1,
      60_000,
      () => `up{job="app"} never became 1:\n${logTail(promLog)}`,
    );
  }, 90_000);

  it("sees the app's request counter grow between scrapes", async () => {
    const query = 'sum(http_request_duration_seconds_count{job="app"})';
    let before: number | undefined;
    await waitFor(
      async () => {
        before = await queryValue(query);
        return before !== undefined;
      },
      60_000,
      () => `no ${query} sample yet`,
    );
    for (let i = 0; i < 5; i += 1) {
      expect((await fetch(`${app?.baseUrl}/health/live`)).status).toBe(200);
    }
    let after: number | undefined;
    await waitFor(
      async () => {
        after = await queryValue(query);
        return after !== undefined && before !== undefined && after >= before + 5;
      },
      60_000,
      () => `${query} went from ${before} to ${after}, expected +5`,
    );
  }, 150_000);
});
