import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasSystemTool, run } from './system-tool.ts';

const PROMETHEUS_DIR = fileURLToPath(new URL('../prometheus/', import.meta.url));
const RULES_DIR = path.join(PROMETHEUS_DIR, 'rules');
const TESTS_DIR = path.join(PROMETHEUS_DIR, 'tests');
const ALERTMANAGER_CONFIG = fileURLToPath(
  new URL('../compose/alertmanager/alertmanager.yml', import.meta.url),
);

/** The runbooks in docs/runbooks/ an alert may link to: every page there but the index and the template. */
const RUNBOOKS_DIR = fileURLToPath(new URL('../../docs/runbooks/', import.meta.url));
const RUNBOOKS = readdirSync(RUNBOOKS_DIR).filter(
  (file) => file.endsWith('.md') && file !== 'README.md' && file !== 'postmortem-template.md',
);

interface AlertRule {
  alert: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface RuleTestFile {
  rule_files: string[];
  tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
}

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(dir, name));

const ruleFiles = yamlFiles(RULES_DIR);
const testFiles = yamlFiles(TESTS_DIR);
const alerts: AlertRule[] = ruleFiles.flatMap((file) =>
  (parse(readFileSync(file, 'utf8')) as { groups: Array<{ rules: AlertRule[] }> }).groups.flatMap(
    (g) => g.rules,
  ),
);
const ruleTests = testFiles.map((file) => parse(readFileSync(file, 'utf8')) as RuleTestFile);

it('has the runbooks the issue asks for', () => {
  for (const page of [
    'api-down.md',
    'db-down.md',
    'disk-full.md',
    'restore-from-backup.md',
    'rotate-secrets.md',
    'scaling-out.md',
    'incident-severity.md',
    'postmortem-template.md',
  ]) {
    expect(readdirSync(RUNBOOKS_DIR), page).toContain(page);
  }
});

describe('alert rules (deploy/prometheus/rules)', () => {
  it('define at least 13 uniquely named alerts', () => {
    const names = alerts.map((a) => a.alert);
    expect(names.length).toBeGreaterThanOrEqual(13);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(alerts.map((a) => [a.alert, a] as const))(
    '%s has a severity, a summary and a runbook',
    (_, alert) => {
      expect(['critical', 'warning']).toContain(alert.labels?.severity);
      expect(alert.annotations?.summary).toBeTruthy();
      expect(alert.annotations?.description).toBeTruthy();
      const runbook = alert.annotations?.runbook_url ?? '';
      expect(runbook).toMatch(/\/docs\/runbooks\/[a-z-]+\.md$/);
      expect(RUNBOOKS).toContain(path.posix.basename(runbook));
    },
  );

  it('cover the areas the operations issue asks for', () => {
    const exprs = alerts.map((a) => a.expr).join('\n');
    for (const metric of [
      'up{job="app"}',
      'http_server_errors_total',
      'http_request_duration_seconds_bucket',
      'pg_up',
      'db_pool_connections',
      'pg_replication_lag_seconds',
      'node_filesystem_avail_bytes',
      'process_resident_memory_bytes',
      'job_queue_jobs{job="app", state="queued"}',
      'job_queue_jobs{job="app", state="failed"}',
      'nano_backup_last_success_timestamp_seconds',
      'nano_restore_drill_last_success',
      'moderation_queue_oldest_age_seconds',
      'ws_delivery_failures_total',
      'probe_ssl_earliest_cert_expiry',
    ]) {
      expect(exprs, metric).toContain(metric);
    }
  });

  it('each have a unit test in which they fire and one in which they stay quiet', () => {
    const cases = ruleTests.flatMap((file) => file.tests.flatMap((t) => t.alert_rule_test ?? []));
    for (const { alert } of alerts) {
      const own = cases.filter((c) => c.alertname === alert);
      expect(
        own.some((c) => (c.exp_alerts ?? []).length > 0),
        `${alert} fires in a test`,
      ).toBe(true);
      expect(
        own.some((c) => (c.exp_alerts ?? []).length === 0),
        `${alert} stays quiet in a test`,
      ).toBe(true);
    }
    const tested = new Set(ruleTests.flatMap((file) => file.rule_files.map((f) => path.basename(f))));
    expect([...tested].sort()).toEqual(ruleFiles.map((f) => path.basename(f)));
  });
});

describe.skipIf(!hasSystemTool('promtool', 'prometheus'))('promtool', () => {
  it('accepts the rule files (check rules)', () => {
    const result = run('promtool', ['check', 'rules', ...ruleFiles]);
    expect(result.status, result.output).toBe(0);
  });

  it('passes the unit tests (test rules)', () => {
    const result = run('promtool', ['test', 'rules', ...testFiles], TESTS_DIR);
    expect(result.status, result.output).toBe(0);
  });
});

describe.skipIf(!hasSystemTool('amtool', 'prometheus-alertmanager'))('amtool', () => {
  it('accepts the Alertmanager routing (check-config)', () => {
    const result = run('amtool', ['check-config', ALERTMANAGER_CONFIG]);
    expect(result.status, result.output).toBe(0);
  });
});
