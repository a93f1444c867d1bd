import { register } from 'node:module';
import os from 'node:os';
import { type Attributes, type DiagLogger, DiagLogLevel, diag, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import type { Logger } from 'pino';
import { APP_VERSION } from '../../version.ts';
import { httpPrivacyOverrides, redisStatement } from './span-privacy.ts';
import { type TracingConfig, UNTRACED_PATH_PREFIXES } from './tracing-config.ts';

/** A running tracer: `shutdown()` exports the spans still buffered and stops. */
export interface TracingHandle {
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK: spans for incoming and outgoing HTTP (S3 included), PostgreSQL,
 * Redis and the S3 client's operations, batched and exported over OTLP/HTTP. It must run before the
 * application's modules are imported (cli.ts imports them afterwards): the ESM loader hook and the
 * require hook patch `pg`, `ioredis`, `http` and the AWS SDK as they load.
 */
export async function startTracing(config: TracingConfig, logger: Logger): Promise<TracingHandle> {
  // The SDK's own problems (a collector that cannot be reached, a rejected batch) go to the log.
  diag.setLogger(diagToLog(logger.child({ component: 'opentelemetry' })), DiagLogLevel.WARN);

  // Only the modules an instrumentation asks for go through the ESM hook; everything else loads as usual.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': config.serviceName,
      'service.version': APP_VERSION,
      'service.instance.id': `${os.hostname()}:${process.pid}`,
      'deployment.environment.name': config.environment,
    }),
    // The exporter reads OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT and _HEADERS, the processor OTEL_BSP_*.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          UNTRACED_PATH_PREFIXES.some((prefix) => request.url?.startsWith(prefix)),
        // Runs before the span ends: client IPs and query values are replaced (span-privacy.ts).
        applyCustomAttributesOnSpan: (span) => {
          span.setAttributes(httpPrivacyOverrides(recordedAttributes(span)));
        },
      }),
      // Queries and commands outside a request or job (pollers, pub/sub) would each be a lone trace.
      // Pool waits show in the db_pool_connections metric; a span per checkout doubled the spans.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: redisStatement }),
      new AwsInstrumentation({ suppressInternalInstrumentation: true }),
    ],
  });
  await waitForAllMessagesAcknowledged();
  logger.info(
    { serviceName: config.serviceName, endpoint: config.endpoint },
    'tracing: exporting spans over OTLP',
  );

  return { shutdown: () => provider.shutdown() };
}

/** The attributes recorded on a span so far (the SDK's span exposes them; the API's type does not). */
function recordedAttributes(span: Span): Attributes {
  return (span as Partial<ReadableSpan>).attributes ?? {};
}

/**
 * The SDK's diagnostics as log lines. Its errors are warnings here: a collector that is down loses
 * spans, never requests, and must not page anyone through the error-rate alerts on the logs.
 */
function diagToLog(logger: Logger): DiagLogger {
  return {
    error: (message, ...args) => logger.warn({ detail: message, args }, 'tracing: OpenTelemetry SDK error'),
    warn: (message, ...args) => logger.warn({ detail: message, args }, 'tracing: OpenTelemetry SDK warning'),
    info: (message) => logger.info(message),
    debug: (message) => logger.debug(message),
    verbose: (message) => logger.trace(message),
  };
}
