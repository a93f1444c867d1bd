import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createCategoryTree, createCurrentUser, createProblem } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';
import { createDiscover, createSearchHit } from '../../../testing/search-factories.ts';

describe('home page', () => {
  it('shows the category tree from the API, each top-level category with its children', async () => {
    const api = mockApi();

    renderApp('/');

    expect(
      screen.getByRole('heading', { level: 1, name: 'Kurze Lerneinheiten für die Weiterbildung' }),
    ).toBeVisible();
    expect(screen.getByText('Themenbereiche werden geladen …')).toBeInTheDocument();

    const business = await screen.findByRole('heading', { level: 3, name: 'Business Skills' });
    const businessCard = business.parentElement as HTMLElement;
    expect(
      within(businessCard)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Excel', 'Projektmanagement']);
    expect(screen.getByRole('heading', { level: 3, name: 'IT & Software' })).toBeVisible();
    expect(screen.getByText('Künstliche Intelligenz')).toBeVisible();
    expect(screen.queryByText('Themenbereiche werden geladen …')).not.toBeInTheDocument();

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

    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      expect.stringContaining('Keine Verbindung zum Server'),
      expect.stringContaining('Keine Verbindung zum Server'),
    ]);
    expect(alerts[0]).toHaveTextContent('Die Empfehlungen konnten nicht geladen werden.');
    expect(alerts[1]).toHaveTextContent('Die Themenbereiche konnten nicht geladen werden.');
  });

  it('says so when there are no categories yet', async () => {
    mockApi({ 'GET /api/v1/categories': () => ({ items: [] }) });

    renderApp('/');

    expect(await screen.findByText('Es sind noch keine Themenbereiche angelegt.')).toBeVisible();
  });
});

describe('home page discover blocks', () => {
  it('shows "Empfohlen", "Neu", "Im Trend" and "Top bewertet" as lists of cards, leaving out empty blocks', async () => {
    mockApi({
      'GET /api/v1/discover': () =>
        createDiscover({
          featured: [createSearchHit({ title: 'Empfohlener Nano' })],
          newest: [createSearchHit({ title: 'Neuer Nano' }), createSearchHit({ title: 'Noch ein neuer' })],
          topRated: [createSearchHit({ title: 'Bester Nano', ratingAverage: 4.75, ratingCount: 1234 })],
        }),
    });
    renderApp('/');

    const featured = await screen.findByRole('region', { name: 'Empfohlen' });
    expect(within(featured).getByRole('heading', { level: 3, name: 'Empfohlener Nano' })).toBeVisible();
    const newest = screen.getByRole('region', { name: 'Neu' });
    expect(within(newest).getAllByRole('listitem')).toHaveLength(2);
    const topRated = screen.getByRole('region', { name: 'Top bewertet' });
    expect(topRated).toHaveTextContent('4,8 ★ (1.234)');
    expect(within(topRated).getByRole('link', { name: 'Bester Nano' }).getAttribute('href')).toMatch(
      /^\/nanos\//,
    );
    expect(screen.queryByRole('region', { name: 'Im Trend' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Für dich' })).toBeNull();
  });

  it('shows "Für dich" to a signed-in user, or a hint to pick interests while there are none', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/discover': () => createDiscover({ forYou: [] }),
    });
    renderApp('/');

    const forYou = await screen.findByRole('region', { name: 'Für dich' });
    expect(forYou).toHaveTextContent('Wählen Sie in Ihrem Profil Interessen aus');
    expect(within(forYou).getByRole('link', { name: 'Interessen auswählen' })).toHaveAttribute(
      'href',
      '/konto',
    );
  });

  it('links each category to its search', async () => {
    const tree = createCategoryTree();
    mockApi({ 'GET /api/v1/categories': () => tree });
    renderApp('/');

    expect(await screen.findByRole('link', { name: 'Business Skills' })).toHaveAttribute(
      'href',
      `/suche?category=${tree.items[0]?.id}`,
    );
    expect(screen.getByRole('link', { name: 'Python' })).toHaveAttribute(
      'href',
      `/suche?category=${tree.items[1]?.children[0]?.id}`,
    );
  });
});
