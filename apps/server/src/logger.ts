import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppConfig } from './config.ts';
import { anonymizeIp } from './lib/anonymize-ip.ts';
import { redactUrl } from './lib/redact-query.ts';
import { activeTraceFields } from './platform/tracing/spans.ts';

/** What Fastify hands the `req` serializer: its request. */
interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

/**
 * A request as logged: like Fastify's own serializer, but the client IP cut to its network and the
 * query values dropped, as in the stored sessions, audit rows and traces (the privacy policy
 * promises shortened IPs in security logs; log lines are kept 30 days in Loki).
 */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? redactUrl(request.url) : undefined,
    host: request.host,
    remoteAddress: anonymizeIp(request.ip) ?? undefined,
  };
}

/**
 * The process logger: JSON lines (for Loki), with secrets and session cookies redacted, client IPs
 * shortened and query values dropped.
 * Request logs carry `reqId` through Fastify's child loggers, and every line written inside a
 * trace carries `traceId` and `spanId` (tracing-sdk.ts), which link it to the trace in Jaeger.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'nano-marktplatz' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: activeTraceFields,
    // Fastify keeps a logger instance's own serializers over its defaults.
    serializers: { req: serializeRequest },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
