import {
  type CurrentUser,
  currentUserSchema,
  type FieldError,
  type Problem,
  problemSchema,
} from '@nano/contracts';
import { z } from 'zod';
import { currentLocale, i18n } from '../i18n/i18n.ts';

/**
 * A failed API call, carrying the RFC 9457 problem the server sent. Failures that never
 * reached the API (network down, a proxy's HTML error page, an answer that breaks the
 * contract) get a problem made up here, with a client-side code and a localised title.
 */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds the server asked to wait before trying again (`Retry-After`, e.g. on 429), or null. */
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, options?: ErrorOptions & { retryAfterSeconds?: number | null }) {
    super(problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
  }

  /** HTTP status; 0 when the server could not be reached. */
  get status(): number {
    return this.problem.status;
  }

  /** Stable machine code, e.g. `validation_failed`, or `network_error` / `http_error` / `invalid_response`. */
  get code(): string {
    return this.problem.code;
  }

  /** Localised short summary, fit to show to the user. */
  get title(): string {
    return this.problem.title;
  }

  /** Per-field validation problems (empty unless the request was invalid). */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** The readable cookie the server sets for the CSRF double-submit check. */
export const CSRF_COOKIE = 'nm_csrf';
/** The header every state-changing request repeats the cookie's value in. */
export const CSRF_HEADER = 'X-CSRF-Token';

const CSRF_PATH = '/api/v1/auth/csrf';
const REFRESH_PATH = '/api/v1/auth/refresh';
/** Where a 401 answers the request itself (wrong password, no session to refresh), not an expired access token. */
const NO_REFRESH_PATHS = new Set([
  CSRF_PATH,
  REFRESH_PATH,
  '/api/v1/auth/login',
  '/api/v1/auth/login/2fa',
  '/api/v1/auth/logout',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Answer of `GET /auth/csrf` (it also sets the cookie). */
const csrfResponseSchema = z.object({ token: z.string().min(1) });
/** Answer of `POST /auth/refresh`. */
const refreshResponseSchema = z.object({ user: currentUserSchema });

/** For calls answered with `204 No Content`. */
export const noContentSchema = z.undefined();

/** `RequestInit` plus `json`: a value sent as the JSON body. */
export interface ApiRequestInit extends RequestInit {
  json?: unknown;
}

/** What the session listeners hear about: a silent refresh that worked (with the user) or failed. */
export type SessionEvent = { type: 'refreshed'; user: CurrentUser } | { type: 'expired' };

const sessionListeners = new Set<(event: SessionEvent) => void>();

/**
 * Subscribes to the outcome of silent refreshes: the app keeps its current-user cache in step
 * (the new user after a refresh, guest after a failed one). Returns the unsubscribe function.
 */
export function onSessionChange(listener: (event: SessionEvent) => void): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

function clientProblem(status: number, code: string, title: string): Problem {
  return { type: 'about:blank', title, status, code };
}

/**
 * The problem in an error answer's body; a made-up `http_error` problem when the body is not
 * problem JSON (a proxy's HTML page). Also used by uploads sent outside `fetch`.
 */
export function problemFromBody(status: number, body: unknown): Problem {
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) {
    return parsed.data;
  }
  return clientProblem(status, 'http_error', i18n.t('errors.http', { status }));
}

/** The problem for a request that never got an answer (server unreachable). */
export function networkProblem(): Problem {
  return clientProblem(0, 'network_error', i18n.t('errors.network'));
}

/** The problem for an answer that breaks its contract. */
export function invalidResponseProblem(status: number): Problem {
  return clientProblem(status, 'invalid_response', i18n.t('errors.invalidResponse'));
}

async function problemOf(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => undefined);
  return problemFromBody(response.status, body);
}

/** A cookie's value as JavaScript sees it (only cookies without HttpOnly), or undefined. */
function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}

async function send(path: string, init: ApiRequestInit, csrfToken?: string): Promise<Response> {
  const { json, ...requestInit } = init;
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  headers.set('Accept-Language', currentLocale());
  if (csrfToken) {
    headers.set(CSRF_HEADER, csrfToken);
  }
  let body = init.body;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  try {
    return await fetch(path, { ...requestInit, body, headers, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) {
      throw error;
    }
    throw new ApiError(networkProblem(), { cause: error });
  }
}

/** `Retry-After` in whole seconds (the delay form; an HTTP date is not used by this API), or null. */
export function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (value === null || !/^\d+$/.test(value.trim())) {
    return null;
  }
  return Number(value.trim());
}

async function parseAnswer<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
): Promise<z.output<Schema>> {
  if (!response.ok) {
    throw new ApiError(await problemOf(response), { retryAfterSeconds: retryAfterOf(response) });
  }
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(invalidResponseProblem(response.status), { cause: parsed.error });
  }
  return parsed.data;
}

let pendingCsrfToken: Promise<string> | undefined;

/** The CSRF token from the `nm_csrf` cookie; asks `GET /auth/csrf` for one when the cookie is missing. */
export async function csrfToken(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) {
    return fromCookie;
  }
  pendingCsrfToken ??= send(CSRF_PATH, { method: 'GET' })
    .then((response) => parseAnswer(response, csrfResponseSchema))
    .then(({ token }) => readCookie(CSRF_COOKIE) ?? token)
    .finally(() => {
      pendingCsrfToken = undefined;
    });
  return pendingCsrfToken;
}

async function sendWithCsrf(path: string, init: ApiRequestInit): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  return send(path, init, SAFE_METHODS.has(method) ? undefined : await csrfToken());
}

let pendingRefresh: Promise<boolean> | undefined;

/**
 * `POST /auth/refresh` with the refresh cookie, once for all requests that hit a 401 at the
 * same time. Tells the session listeners the outcome; true when there is a fresh session.
 */
export function refreshSession(): Promise<boolean> {
  pendingRefresh ??= sendWithCsrf(REFRESH_PATH, { method: 'POST' })
    .then((response) => parseAnswer(response, refreshResponseSchema))
    .then(
      ({ user }): boolean => {
        for (const listener of sessionListeners) {
          listener({ type: 'refreshed', user });
        }
        return true;
      },
      (): boolean => {
        for (const listener of sessionListeners) {
          listener({ type: 'expired' });
        }
        return false;
      },
    )
    .finally(() => {
      pendingRefresh = undefined;
    });
  return pendingRefresh;
}

/** A 401 worth a silent refresh: not from the login/refresh calls, not a wrong password. */
async function mayRefreshAfter(path: string, response: Response): Promise<boolean> {
  if (response.status !== 401 || NO_REFRESH_PATHS.has(path.split('?')[0] ?? path)) {
    return false;
  }
  const problem = await problemOf(response.clone());
  return problem.code !== 'invalid_credentials';
}

/**
 * Calls the API and validates the JSON answer against its contract schema.
 * Sends the session cookies (same origin only), the interface language (so that problem
 * titles come back in the language the user reads) and, on every state-changing request, the
 * CSRF token. When the access token has expired (401), refreshes the session once and
 * retries; if that fails, the session listeners hear `expired` and the 401 is thrown.
 * @throws ApiError for every failure, including network errors and contract violations.
 */
export async function apiFetch<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  init: ApiRequestInit = {},
): Promise<z.output<Schema>> {
  let response = await sendWithCsrf(path, init);
  if ((await mayRefreshAfter(path, response)) && (await refreshSession())) {
    response = await sendWithCsrf(path, init);
  }
  return parseAnswer(response, schema);
}
