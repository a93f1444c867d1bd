import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testDatabaseKind } from '../../../test/database.ts';
import { FakeClock } from '../clock.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { JobLogFn } from '../jobs.ts';
import { inSpan, SpanKind } from '../tracing/spans.ts';
import { createDatabaseJobQueue } from './database-job-queue.ts';

/** Each job run is a root span `job <name>`, with the run's spans below it and its failure on it. */
describe(`job runs as traces (${testDatabaseKind})`, () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let handle: DatabaseHandle;

  beforeAll(async () => {
    provider.register();
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('runs every job in a root consumer span, even when it was queued inside a request', async () => {
    const logger = { info: vi.fn<JobLogFn>(), warn: vi.fn<JobLogFn>(), error: vi.fn<JobLogFn>() };
    const queue = createDatabaseJobQueue({
      db: handle.db,
      clock: new FakeClock('2026-03-01T08:00:00Z'),
      logger,
    });
    queue.register('report.build', async () => {
      await inSpan('render', {}, async () => undefined);
    });
    queue.register(
      'mail.send',
      async () => {
        throw new Error('SMTP 421');
      },
      { maxAttempts: 1 },
    );
    const request = await inSpan('POST /api/v1/reports', { kind: SpanKind.SERVER }, async (span) => {
      await queue.enqueue('report.build', {});
      return span.spanContext();
    });
    await queue.enqueue('mail.send', {});

    await expect(queue.runDue()).resolves.toBe(2);

    const spans = exporter.getFinishedSpans();
    const job = spans.find((span) => span.name === 'job report.build');
    expect(job?.kind).toBe(SpanKind.CONSUMER);
    expect(job?.parentSpanContext).toBeUndefined();
    expect(job?.spanContext().traceId).not.toBe(request.traceId);
    expect(job?.attributes).toMatchObject({ 'job.name': 'report.build', 'job.attempt': 1 });
    expect(typeof job?.attributes['job.id']).toBe('string');
    const render = spans.find((span) => span.name === 'render');
    expect(render?.parentSpanContext?.spanId).toBe(job?.spanContext().spanId);

    const failed = spans.find((span) => span.name === 'job mail.send');
    expect(failed?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SMTP 421' });
    expect(failed?.events.map((event) => event.name)).toEqual(['exception']);
  });
});
