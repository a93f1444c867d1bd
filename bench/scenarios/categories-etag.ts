import { fetchWithTimeout, httpScenario } from '../lib/scenario.ts';

const PATH = '/api/v1/categories';

/** A client revalidating its cached tree: If-None-Match with the current ETag, answered 304 without a body. */
export const categoriesEtag = httpScenario<string>({
  name: 'categories-etag',
  description:
    'GET /api/v1/categories with If-None-Match of the current ETag: the revalidation path, 304 Not Modified without a body.',
  expectStatus: [304],
  async setup({ baseUrl }) {
    const first = await fetchWithTimeout(`${baseUrl}${PATH}`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    if (first.status !== 200 || !etag) {
      throw new Error(
        `GET ${PATH} answered ${first.status} with ETag ${etag ?? '(none)'}; need 200 and an ETag`,
      );
    }
    const check = await fetchWithTimeout(`${baseUrl}${PATH}`, { headers: { 'if-none-match': etag } });
    await check.arrayBuffer();
    if (check.status !== 304) {
      throw new Error(`GET ${PATH} with If-None-Match: ${etag} answered ${check.status}, expected 304`);
    }
    return etag;
  },
  requests: (etag) => [{ method: 'GET', path: PATH, headers: { 'if-none-match': etag } }],
});
