import { fetchWithTimeout, httpScenario } from '../lib/scenario.ts';
import { loginCookie } from './api-session.ts';

/** A creator with published demo Nanos. */
const CREATOR = 'akademie-digital';
const MAX_IDS = 20;
/** The demo catalogue loads in the background a few seconds after the server listens. */
const CATALOGUE_WAIT_MS = 60_000;

interface OwnNanos {
  items: { id: string; status: string }[];
}

/** Up to {@link MAX_IDS} published Nano ids of {@link CREATOR}, once the demo catalogue is there. */
export async function publishedIds(baseUrl: string): Promise<string[]> {
  const access = await loginCookie(baseUrl, CREATOR);
  const deadline = Date.now() + CATALOGUE_WAIT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const response = await fetchWithTimeout(`${baseUrl}/api/v1/me/nanos?pageSize=100`, {
      headers: { cookie: access },
    });
    const body = await response.text();
    if (response.status === 200) {
      const ids = (JSON.parse(body) as OwnNanos).items
        .filter((nano) => nano.status === 'published')
        .map((nano) => nano.id)
        .slice(0, MAX_IDS);
      if (ids.length > 0) {
        return ids;
      }
      last = `200 without published Nanos`;
    } else {
      last = `${response.status} ${body.slice(0, 200)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `no published Nano of ${CREATOR} within ${CATALOGUE_WAIT_MS / 1000} s; last answer: ${last}`,
  );
}

/** The Nano detail page as a guest sees it (SPEC §6: p95 ≤ 20 ms at 50 concurrent clients). */
export const nanoDetail = httpScenario<string[]>({
  name: 'nano-detail',
  description:
    'GET /api/v1/nanos/:id as a guest, cycling over up to 20 published demo Nanos: the detail lookup with creator, categories and rating summary, 200.',
  async setup({ baseUrl }) {
    const ids = await publishedIds(baseUrl);
    for (const id of ids) {
      const response = await fetchWithTimeout(`${baseUrl}/api/v1/nanos/${id}`);
      const body = await response.text();
      if (response.status !== 200) {
        throw new Error(`GET /api/v1/nanos/${id} answered ${response.status}: ${body.slice(0, 200)}`);
      }
    }
    return ids;
  },
  requests: (ids) => ids.map((id) => ({ method: 'GET', path: `/api/v1/nanos/${id}` })),
});
