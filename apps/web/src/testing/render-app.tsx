import { QueryClient } from '@tanstack/react-query';
import { type RenderOptions, render } from '@testing-library/react';
// `react-router/dom` would load a second copy of react-router under Vitest; the core RouterProvider suffices here.
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../app/provider.tsx';
import { routes } from '../app/router.tsx';

/** Renders the whole app (providers, shell, routes) at `path`, with a query cache that never retries. */
export function renderApp(path = '/', options: Pick<RenderOptions, 'wrapper'> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return {
    router,
    ...render(
      <AppProvider queryClient={queryClient} env="test">
        <RouterProvider router={router} />
      </AppProvider>,
      options,
    ),
  };
}

/** A JSON answer as the API sends it. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}
