import { httpScenario } from '../lib/scenario.ts';
import { csrfHeaders, DEMO_PASSWORD, forwardedFor } from './api-session.ts';
import { publishedIds } from './nano-detail.ts';

/**
 * Logins per second: each one verifies the password once (Argon2id, m = 64 MiB, t = 2). Login is
 * limited to 20 attempts per client IP and minute, so every request claims another client address
 * via X-Forwarded-For (the bench server trusts the proxy header). At 50 connections the hashing
 * queue alone can exceed autocannon's 10 s timeout; `--connections 4` measures the latency of a
 * lightly loaded server.
 */
export const login = httpScenario({
  name: 'login',
  description:
    'POST /api/v1/auth/login as demo-consumer with a rotating X-Forwarded-For: one Argon2id verification (m = 64 MiB, t = 2) plus a new session per request, 200 with the session cookies.',
  async setup({ baseUrl }) {
    // The demo catalogue loads in the background after start; do not measure against its import.
    await publishedIds(baseUrl);
  },
  requests: () => {
    let n = 0;
    return [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { ...csrfHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'demo-consumer', password: DEMO_PASSWORD }),
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'x-forwarded-for': forwardedFor(n++) },
        }),
      },
    ];
  },
});
