import { type Logger, pino } from 'pino';
import type { AppConfig } from './config.ts';

/**
 * The process logger: JSON lines (for Loki), with secrets and session cookies redacted.
 * Request logs carry `requestId` through Fastify's child loggers.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'nano-marktplatz' },
    timestamp: pino.stdTimeFunctions.isoTime,
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
  });
}
