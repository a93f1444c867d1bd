import { Writable } from 'node:stream';
import { context, propagation, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import { activeTraceFields, annotateServerSpan, inSpan, SpanKind } from './spans.ts';

/** A real tracer provider with an in-memory exporter, registered as the process's global one. */
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  provider.register();
});
afterEach(() => {
  exporter.reset();
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('spans', () => {
  it('reports no trace ids outside a span and the active ones inside', async () => {
    expect(activeTraceFields()).toEqual({});
    await inSpan('outer', {}, async (span) => {
      expect(activeTraceFields()).toEqual({
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
      });
    });
  });

  it('leaves out the ids of a trace that is not sampled (it is never exported)', () => {
    const unsampled = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.NONE,
    });
    expect(context.with(trace.setSpan(context.active(), unsampled), activeTraceFields)).toEqual({});
  });

  it('writes the active trace and span id into every log line, and none outside a trace', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    logger.info('before');
    let ids: { traceId: string; spanId: string } | undefined;
    await inSpan('request', {}, async (span) => {
      ids = { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      logger.child({ reqId: 'r-1' }).info('inside');
    });
    expect(lines[0]).not.toHaveProperty('traceId');
    expect(lines[1]).toMatchObject({ msg: 'inside', reqId: 'r-1', ...ids });
  });

  it('nests spans, and starts a new trace for a root span', async () => {
    await inSpan('parent', {}, async () => {
      await inSpan(
        'child',
        { kind: SpanKind.CLIENT, attributes: { 'server.port': 25 } },
        async () => undefined,
      );
      await inSpan('job x', { root: true }, async () => undefined);
    });
    const spans = Object.fromEntries(exporter.getFinishedSpans().map((span) => [span.name, span]));
    expect(spans.child?.parentSpanContext?.spanId).toBe(spans.parent?.spanContext().spanId);
    expect(spans.child?.kind).toBe(SpanKind.CLIENT);
    expect(spans.child?.attributes).toEqual({ 'server.port': 25 });
    expect(spans['job x']?.parentSpanContext).toBeUndefined();
    expect(spans['job x']?.spanContext().traceId).not.toBe(spans.parent?.spanContext().traceId);
  });

  it('marks a span failed with the exception when the work throws, and rethrows', async () => {
    await expect(
      inSpan('smtp send', {}, async () => {
        throw new Error('450 mailbox busy');
      }),
    ).rejects.toThrow('450 mailbox busy');
    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: '450 mailbox busy' });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('names the server span after the route and tags it with the request id', async () => {
    await inSpan('GET', { kind: SpanKind.SERVER }, async () => {
      annotateServerSpan({ method: 'GET', id: 'req-1', route: '/api/v1/nanos/:id' });
    });
    await inSpan('GET', { kind: SpanKind.SERVER }, async () => {
      annotateServerSpan({ method: 'GET', id: 'req-2', route: undefined });
    });
    const [matched, unmatched] = exporter.getFinishedSpans();
    expect(matched?.name).toBe('GET /api/v1/nanos/:id');
    expect(matched?.attributes).toEqual({ 'request.id': 'req-1', 'http.route': '/api/v1/nanos/:id' });
    expect(unmatched?.name).toBe('GET');
    expect(unmatched?.attributes).toEqual({ 'request.id': 'req-2' });
  });
});
