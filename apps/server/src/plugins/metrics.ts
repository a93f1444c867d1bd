import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DELIVERY_FAILURE_REASONS, type RealtimeMetrics } from '../modules/realtime/realtime.types.ts';
import type { Platform } from '../platform/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry; modules add their business counters to it. */
    metrics: Registry;
    /** The WebSocket gateway's gauges and counters, in {@link FastifyInstance.metrics}. */
    realtimeMetrics: RealtimeMetrics;
  }
}

/** Seconds buckets for HTTP latency: fine-grained below 100 ms where our targets are. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The WebSocket gateway's metrics: open connections, events written to sockets, and events that
 * could not be delivered (by reason: socket already closed, write error, a client too slow to
 * read, bus publish failure). Alert on a rising `ws_delivery_failures_total`.
 */
export function createRealtimeMetrics(registry: Registry): RealtimeMetrics {
  const connections = new Gauge({
    name: 'ws_connections',
    help: 'Open WebSocket connections on this instance',
    registers: [registry],
  });
  const delivered = new Counter({
    name: 'ws_events_delivered_total',
    help: 'Server events written to a WebSocket',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'ws_delivery_failures_total',
    help: 'Server events that could not be delivered, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  // Every reason is exported from the start, so an alert on its rate has a series before the first failure.
  for (const reason of DELIVERY_FAILURE_REASONS) {
    failures.inc({ reason }, 0);
  }
  return {
    connectionOpened: () => connections.inc(),
    connectionClosed: () => connections.dec(),
    delivered: () => delivered.inc(),
    deliveryFailed: (reason) => failures.inc({ reason }),
  };
}

/**
 * Prometheus metrics at `/metrics`: HTTP RED metrics by route template and status, database
 * pool and job queue gauges, and the Node.js process defaults. One registry per app instance,
 * so several apps in one test process never share counters.
 */
export const metricsPlugin = fp<{ platform: Platform }>(
  async (app: FastifyInstance, { platform }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    app.decorate('metrics', registry);
    app.decorate('realtimeMetrics', createRealtimeMetrics(registry));

    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
    const errorsTotal = new Counter({
      name: 'http_server_errors_total',
      help: 'HTTP responses with status 5xx',
      labelNames: ['method', 'route'] as const,
      registers: [registry],
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = platform.database.poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    new Gauge({
      name: 'job_queue_jobs',
      help: 'Background jobs by state',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        try {
          const stats = await platform.jobs.stats();
          for (const [state, count] of Object.entries(stats)) {
            this.set({ state }, count);
          }
        } catch {
          // The database being down is reported by readiness; the scrape itself must still work.
        }
      },
    });

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route === '/metrics') {
        return;
      }
      const labels = { method: request.method, route, status_code: String(reply.statusCode) };
      duration.observe(labels, reply.elapsedTime / 1000);
      if (reply.statusCode >= 500) {
        errorsTotal.inc({ method: request.method, route });
      }
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics' },
);
