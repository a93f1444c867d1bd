import { type FieldError, type Problem, problemSchema } from '@nano/contracts';
import type { z } from 'zod';
import { currentLocale, i18n } from '../i18n/i18n.ts';

/**
 * A failed API call, carrying the RFC 9457 problem the server sent. Failures that never
 * reached the API (network down, a proxy's HTML error page, an answer that breaks the
 * contract) get a problem made up here, with a client-side code and a localised title.
 */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: ErrorOptions) {
    super(problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
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

function clientProblem(status: number, code: string, title: string): Problem {
  return { type: 'about:blank', title, status, code };
}

async function problemOf(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) {
    return parsed.data;
  }
  return clientProblem(response.status, 'http_error', i18n.t('errors.http', { status: response.status }));
}

/**
 * Calls the API and validates the JSON answer against its contract schema.
 * Sends the session cookie (same origin only) and the interface language, so that
 * server-side texts such as problem titles come back in the language the user reads.
 * @throws ApiError for every failure, including network errors and contract violations.
 */
export async function apiFetch<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  init: RequestInit = {},
): Promise<z.output<Schema>> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  headers.set('Accept-Language', currentLocale());

  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) {
      throw error;
    }
    throw new ApiError(clientProblem(0, 'network_error', i18n.t('errors.network')), { cause: error });
  }

  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }

  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(clientProblem(response.status, 'invalid_response', i18n.t('errors.invalidResponse')), {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
