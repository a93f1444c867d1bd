import { acceptedResponseSchema, categoryTreeSchema } from '@nano/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCategoryTree, createCurrentUser } from '../../testing/factories.ts';
import { mockApi, problemResponse, setCsrfCookie, TEST_CSRF_TOKEN } from '../../testing/mock-api.ts';
import {
  ApiError,
  apiFetch,
  CSRF_HEADER,
  noContentSchema,
  onSessionChange,
  type SessionEvent,
} from './client.ts';

const expired = () => problemResponse(401, 'unauthorized', 'Bitte melden Sie sich an.');

function listenToSession() {
  const events: SessionEvent[] = [];
  const stop = onSessionChange((event) => events.push(event));
  return { events, stop };
}

describe('apiFetch: CSRF double submit', () => {
  it('sends the nm_csrf cookie value in X-CSRF-Token on POST, not on GET', async () => {
    setCsrfCookie('abc+123');
    const api = mockApi({ 'POST /api/v1/auth/resend-verification': () => ({ status: 'accepted' }) });

    await apiFetch('/api/v1/auth/resend-verification', acceptedResponseSchema, {
      method: 'POST',
      json: { email: 'anna@example.org' },
    });
    await apiFetch('/api/v1/categories', categoryTreeSchema);

    const [post] = api.callsTo('POST /api/v1/auth/resend-verification');
    expect(post?.headers.get(CSRF_HEADER)).toBe('abc+123');
    expect(post?.headers.get('Content-Type')).toBe('application/json');
    expect(post?.body).toEqual({ email: 'anna@example.org' });
    expect(api.callsTo('GET /api/v1/categories')[0]?.headers.has(CSRF_HEADER)).toBe(false);
    expect(api.callsTo('GET /api/v1/auth/csrf')).toHaveLength(0);
  });

  it('asks GET /auth/csrf for a token first when the cookie is missing, once for parallel requests', async () => {
    const api = mockApi({ 'POST /api/v1/auth/resend-verification': () => ({ status: 'accepted' }) });
    const send = () =>
      apiFetch('/api/v1/auth/resend-verification', acceptedResponseSchema, {
        method: 'POST',
        json: { email: 'anna@example.org' },
      });

    await Promise.all([send(), send()]);

    expect(api.callsTo('GET /api/v1/auth/csrf')).toHaveLength(1);
    expect(api.requests[0]?.path).toBe('/api/v1/auth/csrf');
    for (const post of api.callsTo('POST /api/v1/auth/resend-verification')) {
      expect(post.headers.get(CSRF_HEADER)).toBe(TEST_CSRF_TOKEN);
    }
  });
});

describe('apiFetch: silent refresh', () => {
  let stopListening: (() => void) | undefined;
  afterEach(() => stopListening?.());

  it('refreshes the session once on a 401 and retries the request', async () => {
    const user = createCurrentUser();
    const { events, stop } = listenToSession();
    stopListening = stop;
    const api = mockApi({
      'GET /api/v1/categories': [expired, () => createCategoryTree()],
      'POST /api/v1/auth/refresh': () => ({ user }),
    });

    const tree = await apiFetch('/api/v1/categories', categoryTreeSchema);

    expect(tree.items).toHaveLength(2);
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v1/categories',
      'GET /api/v1/auth/csrf',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/categories',
    ]);
    expect(api.callsTo('POST /api/v1/auth/refresh')[0]?.headers.get(CSRF_HEADER)).toBe(TEST_CSRF_TOKEN);
    expect(events).toEqual([{ type: 'refreshed', user }]);
  });

  it('shares one refresh between requests that fail at the same time', async () => {
    setCsrfCookie(TEST_CSRF_TOKEN);
    let refreshed = false;
    const answer = () => (refreshed ? createCategoryTree() : expired());
    const api = mockApi({
      'GET /api/v1/categories': answer,
      'POST /api/v1/auth/refresh': async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        refreshed = true;
        return { user: createCurrentUser() };
      },
    });

    await Promise.all([
      apiFetch('/api/v1/categories', categoryTreeSchema),
      apiFetch('/api/v1/categories', categoryTreeSchema),
      apiFetch('/api/v1/categories', categoryTreeSchema),
    ]);

    expect(api.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(api.callsTo('GET /api/v1/categories')).toHaveLength(6);
  });

  it('gives up as guest when the refresh fails: the 401 is thrown and listeners hear "expired"', async () => {
    const { events, stop } = listenToSession();
    stopListening = stop;
    const api = mockApi({ 'GET /api/v1/me/profile': expired });

    const error = await apiFetch('/api/v1/me/profile', acceptedResponseSchema).catch(
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(api.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(api.callsTo('GET /api/v1/me/profile')).toHaveLength(1);
    expect(events).toEqual([{ type: 'expired' }]);
  });

  it('does not refresh after a failed login: that 401 is the answer', async () => {
    const api = mockApi({
      'POST /api/v1/auth/login': () =>
        problemResponse(401, 'invalid_credentials', 'Anmeldename oder Passwort ist falsch.'),
    });

    const error = await apiFetch('/api/v1/auth/login', acceptedResponseSchema, {
      method: 'POST',
      json: { login: 'anna', password: 'falsch' },
    }).catch((reason: unknown) => reason);

    expect((error as ApiError).code).toBe('invalid_credentials');
    expect(api.callsTo('POST /api/v1/auth/refresh')).toHaveLength(0);
  });

  it('handles 204 No Content', async () => {
    setCsrfCookie(TEST_CSRF_TOKEN);
    mockApi({ 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) });

    await expect(
      apiFetch('/api/v1/auth/logout', noContentSchema, { method: 'POST' }),
    ).resolves.toBeUndefined();
  });
});

describe('apiFetch: network', () => {
  it('keeps an aborted request aborted', async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }),
    );

    await expect(
      apiFetch('/api/v1/categories', categoryTreeSchema, { signal: controller.signal }),
    ).rejects.toThrow('aborted');
  });
});
