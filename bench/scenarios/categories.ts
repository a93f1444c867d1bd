import { fetchWithTimeout, httpScenario } from '../lib/scenario.ts';

const PATH = '/api/v1/categories';

/** The category tree as every page load fetches it: served from the cache, with a full JSON body. */
export const categories = httpScenario({
  name: 'categories',
  description:
    'GET /api/v1/categories without a validator: the two-level topic tree from the cache, serialised and hashed for its ETag, 200 with the full body.',
  expectStatus: [200],
  async setup({ baseUrl }) {
    // Fail fast on a broken endpoint instead of measuring error pages; this also fills the cache.
    const response = await fetchWithTimeout(`${baseUrl}${PATH}`);
    const body = await response.text();
    if (response.status !== 200) {
      throw new Error(`GET ${PATH} answered ${response.status}: ${body.slice(0, 200)}`);
    }
  },
  requests: [{ method: 'GET', path: PATH }],
});
