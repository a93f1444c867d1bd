import {
  type Attributes,
  context,
  isSpanContextValid,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';

/**
 * Spans the code opens itself, through the OpenTelemetry API only. Without a configured SDK
 * (tracing-sdk.ts) every call here is a no-op, so tests and the embedded mode pay nothing.
 */
const tracer = trace.getTracer('nano-marktplatz');

/** The ids of the span active right now, for log lines; empty outside a sampled trace. */
export function activeTraceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) {
    return {};
  }
  const spanContext = span.spanContext();
  // An unsampled trace is never exported: its id would lead nowhere.
  const sampled = (spanContext.traceFlags & TraceFlags.SAMPLED) !== 0;
  return sampled && isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : {};
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Start a new trace instead of a child of the active span (a job is not part of the request that queued it). */
  root?: boolean;
}

/** Runs `work` inside a new active span; a thrown error marks the span failed and is rethrown. */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.root ? ROOT_CONTEXT : context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Records `error` on `span` (an `exception` event) and sets the span's status to error. */
export function markFailed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * Names the HTTP server span after the matched route (`GET /api/v1/nanos/:id`), not just the method,
 * and tags it with the request id that answers and error pages show, so a trace can be found by it.
 */
export function annotateServerSpan(request: { method: string; id: string; route: string | undefined }): void {
  const span = trace.getActiveSpan();
  if (!span) {
    return;
  }
  span.setAttribute('request.id', request.id);
  if (request.route) {
    span.updateName(`${request.method} ${request.route}`);
    span.setAttribute('http.route', request.route);
  }
}

export { SpanKind };
