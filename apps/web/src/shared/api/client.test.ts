import { categoryTreeSchema } from '@nano/contracts';
import { describe, expect, it, vi } from 'vitest';
import { createCategoryTree, createProblem } from '../../testing/factories.ts';
import { jsonResponse } from '../../testing/render-app.tsx';
import { changeLocale } from '../i18n/i18n.ts';
import { ApiError, apiFetch } from './client.ts';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiFetch', () => {
  it('returns the answer parsed by the contract schema', async () => {
    const tree = createCategoryTree();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(tree)),
    );

    await expect(apiFetch('/api/v1/categories', categoryTreeSchema)).resolves.toEqual(tree);
  });

  it('carries the RFC 9457 problem of an error answer, including field errors', async () => {
    const problem = createProblem({
      title: 'Ungültige Eingabe',
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'query.page', code: 'too_small', message: 'Muss mindestens 1 sein' }],
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(problem, 400, 'application/problem+json')),
    );

    const error = await failureOf(apiFetch('/api/v1/categories', categoryTreeSchema));

    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.title).toBe('Ungültige Eingabe');
    expect(error.fieldErrors).toEqual(problem.errors);
  });

  it('turns an error page that is not a problem into a localised problem with the status', async () => {
    await changeLocale('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      ),
    );

    const error = await failureOf(apiFetch('/api/v1/categories', categoryTreeSchema));

    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
    expect(error.title).toBe('The server answered with status 502');
  });

  it('rejects an answer that breaks the contract', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ items: [{ id: 'not-a-uuid' }] })),
    );

    const error = await failureOf(apiFetch('/api/v1/categories', categoryTreeSchema));

    expect(error.code).toBe('invalid_response');
    expect(error.title).toBe('Unerwartete Antwort vom Server');
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    const error = await failureOf(apiFetch('/api/v1/categories', categoryTreeSchema));

    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });
});
