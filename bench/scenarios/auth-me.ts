import { httpScenario } from '../lib/scenario.ts';
import { loginCookie } from './api-session.ts';

/** The session check every page load of a signed-in user makes: access-token cookie to user. */
export const authMe = httpScenario<string>({
  name: 'auth-me',
  description:
    'GET /api/v1/auth/me with the nm_access cookie of a demo-consumer session: access-token verification and the user lookup, 200.',
  async setup({ baseUrl }) {
    return loginCookie(baseUrl, 'demo-consumer');
  },
  requests: (access) => [{ method: 'GET', path: '/api/v1/auth/me', headers: { cookie: access } }],
});
