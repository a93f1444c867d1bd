import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../cli-runner.ts';
import { testDatabaseKind } from '../database.ts';
import { SPAN_KIND, startOtlpReceiver } from '../otlp-receiver.ts';

/**
 * The command line with OpenTelemetry on (OTEL_EXPORTER_OTLP_ENDPOINT): the tracing SDK starts
 * before the commands load, a one-off command is a trace of its own, and its spans are exported
 * before the process exits. The running server's traces are tested in deploy/test/tracing-runtime.
 */
describe(`cli with tracing (${testDatabaseKind})`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    ({ env, drop } = await createCliDatabase('nano-tracing-cli-'));
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await drop();
  });

  it('refuses an OTLP endpoint that is not an http(s) URL with exit code 78', async () => {
    const result = await runCli(['migrate'], { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4317' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:// or https:// URL');
  });

  it('exports a command as one root span before it exits', { timeout: 120_000 }, async () => {
    const result = await runCli(['migrate'], { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
    expect(result.code, result.stderr).toBe(0);
    const span = receiver.spans.find((s) => s.name === 'cli migrate');
    expect(span).toMatchObject({
      service: 'nano-marktplatz-migrate',
      scope: 'nano-marktplatz',
      kind: SPAN_KIND.internal,
      parentSpanId: undefined,
      attributes: { 'cli.command': 'migrate' },
      status: {},
    });
    if (testDatabaseKind === 'postgres') {
      // On PostgreSQL the migration's queries are children of the command's span.
      const queries = receiver.spans.filter(
        (s) => s.traceId === span?.traceId && s.name.startsWith('pg.query'),
      );
      expect(queries.length).toBeGreaterThan(0);
    }
  });
});
