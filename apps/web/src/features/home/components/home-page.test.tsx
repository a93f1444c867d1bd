import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createCategoryTree, createProblem } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';

describe('home page', () => {
  it('shows the category tree from the API, each top-level category with its children', async () => {
    const api = mockApi();

    renderApp('/');

    expect(
      screen.getByRole('heading', { level: 1, name: 'Kurze Lerneinheiten für die Weiterbildung' }),
    ).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Themenbereiche werden geladen …');

    const business = await screen.findByRole('heading', { level: 3, name: 'Business Skills' });
    const businessCard = business.parentElement as HTMLElement;
    expect(
      within(businessCard)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Excel', 'Projektmanagement']);
    expect(screen.getByRole('heading', { level: 3, name: 'IT & Software' })).toBeVisible();
    expect(screen.getByText('Künstliche Intelligenz')).toBeVisible();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    const categoryCalls = api.fetchMock.mock.calls.filter(([url]) => url === '/api/v1/categories');
    expect(categoryCalls).toHaveLength(1);
    const [, init] = categoryCalls[0] as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('Accept-Language')).toBe('de');
  });

  it('shows the problem title and a retry button when the API answers 503, and recovers on retry', async () => {
    const problem = createProblem({ title: 'Dienst vorübergehend nicht verfügbar', status: 503 });
    const api = mockApi({
      'GET /api/v1/categories': [
        () => jsonResponse(problem, 503, 'application/problem+json'),
        () => createCategoryTree(),
      ],
    });
    const user = userEvent.setup();

    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dienst vorübergehend nicht verfügbar');
    expect(alert).toHaveTextContent('Die Themenbereiche konnten nicht geladen werden.');

    await user.click(within(alert).getByRole('button', { name: 'Erneut versuchen' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Business Skills' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/categories')).toHaveLength(2);
  });

  it('says the server is unreachable when the request fails on the network', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    renderApp('/');

    expect(await screen.findByRole('alert')).toHaveTextContent('Keine Verbindung zum Server');
  });

  it('says so when there are no categories yet', async () => {
    mockApi({ 'GET /api/v1/categories': () => ({ items: [] }) });

    renderApp('/');

    expect(await screen.findByText('Es sind noch keine Themenbereiche angelegt.')).toBeVisible();
  });
});
