import { httpScenario } from '../lib/scenario.ts';

/** The framework ceiling: the cheapest route, no database, no cache. */
export const healthLive = httpScenario({
  name: 'health-live',
  description:
    'GET /health/live: liveness answer without touching the database; the ceiling of Fastify plus the global hooks (request id, security headers, metrics).',
  requests: [{ method: 'GET', path: '/health/live' }],
});
