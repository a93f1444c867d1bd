import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Platform } from '../platform/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry; modules add their business counters to it. */
    metrics: Registry;
  }
}

/** Seconds buckets for HTTP latency: fine-grained below 100 ms where our targets are. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

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
