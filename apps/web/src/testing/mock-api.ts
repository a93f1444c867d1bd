import type { FieldError } from '@nano/contracts';
import { vi } from 'vitest';
import { createCategoryTree, createProblem } from './factories.ts';
import { createXhrMock } from './mock-xhr.ts';
import { jsonResponse } from './render-app.tsx';
import { createDiscover } from './search-factories.ts';

/** A request the app sent, as a handler and the assertions see it. */
export interface MockRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, the FormData, or undefined. */
  body: unknown;
}

/** Answers a request: a Response, or any other value (sent as 200 JSON). */
export type MockHandler = (request: MockRequest) => unknown;

/** `'METHOD /path'` → one handler, or several answering the calls in turn (the last one repeats). */
export type MockRoutes = Record<string, MockHandler | MockHandler[]>;

/** The CSRF token the mocked `GET /auth/csrf` hands out (and puts into the cookie). */
export const TEST_CSRF_TOKEN = 'test-csrf-token';

/** A problem+json answer. */
export function problemResponse(
  status: number,
  code: string,
  title: string,
  errors?: FieldError[],
): Response {
  return jsonResponse(
    createProblem({ status, code, title, ...(errors ? { errors } : {}) }),
    status,
    'application/problem+json',
  );
}

/**
 * What a guest gets from the session endpoints, the category tree and the home page's (empty)
 * discover blocks; a signed-in user has no notifications, lists or chats.
 */
const DEFAULT_ROUTES: MockRoutes = {
  'GET /api/v1/auth/me': () => problemResponse(401, 'unauthenticated', 'Nicht angemeldet'),
  'POST /api/v1/auth/refresh': () => problemResponse(401, 'unauthenticated', 'Nicht angemeldet'),
  'GET /api/v1/auth/csrf': () => {
    setCsrfCookie(TEST_CSRF_TOKEN);
    return { token: TEST_CSRF_TOKEN };
  },
  'GET /api/v1/categories': () => createCategoryTree(),
  'GET /api/v1/discover': () => createDiscover(),
  'GET /api/v1/me/notifications': () => ({ items: [], unread: 0 }),
  'GET /api/v1/me/favorites/ids': () => ({ ids: [] }),
  'GET /api/v1/me/lists': () => ({ items: [] }),
  'GET /api/v1/chats/unread-count': () => ({ unread: 0, chats: 0 }),
  'GET /api/v1/chats': () => ({ items: [] }),
};

function parseBody(body: BodyInit | null | undefined): unknown {
  if (typeof body === 'string') {
    return JSON.parse(body);
  }
  return body ?? undefined;
}

/**
 * Stubs `fetch` with a small router over the API: each test names the calls it cares about;
 * the session endpoints answer as for a guest unless overridden. Calls nobody expected get a
 * 404 problem and are listed in `unexpected`.
 */
export function mockApi(routes: MockRoutes = {}) {
  const table: MockRoutes = { ...DEFAULT_ROUTES, ...routes };
  const counters = new Map<string, number>();
  const requests: MockRequest[] = [];
  const unexpected: string[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const request: MockRequest = {
      method,
      path: url.pathname,
      url,
      headers: new Headers(init.headers),
      body: parseBody(init.body),
    };
    requests.push(request);
    const key = `${method} ${url.pathname}`;
    const entry = table[key];
    if (!entry) {
      unexpected.push(key);
      return problemResponse(404, 'not_found', `not mocked: ${key}`);
    }
    const handlers = Array.isArray(entry) ? entry : [entry];
    const count = counters.get(key) ?? 0;
    counters.set(key, count + 1);
    const handler = handlers[Math.min(count, handlers.length - 1)] as MockHandler;
    const answer = await handler(request);
    return answer instanceof Response ? answer : jsonResponse(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('XMLHttpRequest', createXhrMock(fetchMock));

  return {
    fetchMock,
    requests,
    unexpected,
    /** The requests sent as `'METHOD /path'`. */
    callsTo: (key: string) => requests.filter((request) => `${request.method} ${request.path}` === key),
  };
}

/** Sets the readable `nm_csrf` cookie as the server would (value URI-encoded, like the server's). */
export function setCsrfCookie(value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API; the app reads document.cookie too.
  document.cookie = `nm_csrf=${encodeURIComponent(value)}; path=/`;
}

/** Forgets the CSRF cookie a test may have set. */
export function clearCsrfCookie(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API; the app reads document.cookie too.
  document.cookie = 'nm_csrf=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
}
