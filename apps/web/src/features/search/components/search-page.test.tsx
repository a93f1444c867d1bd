import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCategoryTree, createCurrentUser } from '../../../testing/factories.ts';
import { type MockRequest, mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createSearchHit, createSearchResult } from '../../../testing/search-factories.ts';

const tree = createCategoryTree();
const business = tree.items[0];
const excel = business?.children[0];

/** A result with facet counts for the filters the tests touch. */
function resultWithFacets({ url }: Pick<MockRequest, 'url'>) {
  return createSearchResult({
    page: Number(url.searchParams.get('page') ?? 1),
    items: [
      createSearchHit({ title: 'Pivot-Tabellen', ratingAverage: 4.25, ratingCount: 15 }),
      createSearchHit({
        title: 'SVERWEIS',
        creator: { username: 'eva', displayName: 'Eva Excel', verified: false },
      }),
    ],
    total: 45,
    facets: {
      category: [
        { value: business?.id ?? '', count: 30 },
        { value: excel?.id ?? '', count: 25 },
      ],
      level: [
        { value: '1', count: 20 },
        { value: '2', count: 15 },
        { value: '3', count: 10 },
      ],
      language: [
        { value: 'de', count: 40 },
        { value: 'en', count: 5 },
      ],
      format: [{ value: 'video', count: 12 }],
      license: [{ value: 'CC-BY-4.0', count: 45 }],
      duration: [{ value: '6-15', count: 18 }],
    },
  });
}

function searchApi(answer: (request: MockRequest) => unknown = resultWithFacets) {
  return mockApi({ 'GET /api/v1/categories': () => tree, 'GET /api/v1/search': answer });
}

const lastSearch = (api: ReturnType<typeof mockApi>) =>
  api.callsTo('GET /api/v1/search').at(-1)?.url.searchParams;

describe('search page', () => {
  it('reads the filters from the address, sends them to the API and shows them as checked boxes and chips', async () => {
    const api = searchApi();
    renderApp(
      `/suche?q=excel&category=${excel?.id}&level=1&level=2&language=de&durationMin=6&durationMax=15&minRating=4&creator=eva&sort=rating&page=2`,
    );

    expect(await screen.findByRole('heading', { level: 2, name: '45 Nanos gefunden' })).toBeVisible();
    const params = lastSearch(api);
    expect(params?.get('q')).toBe('excel');
    expect(params?.getAll('category')).toEqual([excel?.id]);
    expect(params?.getAll('level')).toEqual(['1', '2']);
    expect(params?.getAll('language')).toEqual(['de']);
    expect(params?.get('durationMin')).toBe('6');
    expect(params?.get('durationMax')).toBe('15');
    expect(params?.get('minRating')).toBe('4');
    expect(params?.get('creator')).toBe('eva');
    expect(params?.get('sort')).toBe('rating');
    expect(params?.get('page')).toBe('2');
    expect(params?.get('pageSize')).toBe('20');

    expect(screen.getByRole('combobox', { name: 'Suchbegriff' })).toHaveValue('excel');
    const level = screen.getByRole('group', { name: 'Niveau' });
    expect(within(level).getByRole('checkbox', { name: 'Grundlagen (20)' })).toBeChecked();
    expect(within(level).getByRole('checkbox', { name: 'Fortgeschritten (15)' })).toBeChecked();
    expect(within(level).getByRole('checkbox', { name: 'Experte (10)' })).not.toBeChecked();
    const category = screen.getByRole('group', { name: 'Kategorie' });
    expect(within(category).getByRole('checkbox', { name: 'Business Skills (30)' })).not.toBeChecked();
    expect(within(category).getByRole('checkbox', { name: 'Excel (25)' })).toBeChecked();
    expect(
      within(screen.getByRole('group', { name: 'Dauer' })).getByRole('radio', { name: '6–15 Min. (18)' }),
    ).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Sortieren nach' })).toHaveValue('rating');

    const chips = screen.getByRole('list', { name: 'Aktive Filter' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Kategorie: Business Skills › Excel',
      'Niveau: Grundlagen',
      'Niveau: Fortgeschritten',
      'Sprache: Deutsch',
      'Dauer: 6–15 Min.',
      'Bewertung: ab 4,0 ★',
      'Anbieter: @eva',
    ]);
  });

  it('puts a chosen filter into the address (back to page 1) and Back restores the previous filters', async () => {
    const api = searchApi();
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=excel&level=1&page=3');
    await screen.findByRole('heading', { level: 2, name: '45 Nanos gefunden' });

    await user.click(screen.getByRole('checkbox', { name: 'Englisch (5)' }));

    expect(router.state.location.search).toBe('?q=excel&level=1&language=en');
    await waitFor(() => expect(lastSearch(api)?.getAll('language')).toEqual(['en']));
    expect(lastSearch(api)?.get('page')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sortieren nach' }), 'Neueste');
    expect(router.state.location.search).toBe('?q=excel&level=1&language=en&sort=newest');

    await router.navigate(-1);
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Sortieren nach' })).toHaveValue('relevance'),
    );
    expect(screen.getByRole('checkbox', { name: 'Englisch (5)' })).toBeChecked();
    await router.navigate(-1);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Englisch (5)' })).not.toBeChecked());
    expect(router.state.location.search).toBe('?q=excel&level=1&page=3');
    expect(screen.getByRole('checkbox', { name: 'Grundlagen (20)' })).toBeChecked();
  });

  it('removes one filter by its chip, and all filters (keeping the text) with "Alle Filter entfernen"', async () => {
    searchApi();
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=excel&level=1&level=2&format=video&sort=rating');
    await screen.findByRole('heading', { level: 2, name: '45 Nanos gefunden' });

    await user.click(screen.getByRole('button', { name: 'Filter entfernen: Niveau: Grundlagen' }));
    expect(router.state.location.search).toBe('?q=excel&level=2&format=video&sort=rating');
    expect(screen.getByRole('checkbox', { name: 'Grundlagen (20)' })).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Alle Filter entfernen' }));
    expect(router.state.location.search).toBe('?q=excel&sort=rating');
    expect(screen.queryByRole('list', { name: 'Aktive Filter' })).toBeNull();
  });

  it('shows result cards with creator, verified mark, facts, German rating and favourites, and logs the opened one', async () => {
    const api = mockApi({
      'GET /api/v1/categories': () => tree,
      'GET /api/v1/search': resultWithFacets,
      'POST /api/v1/search/clicks': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=pivot&page=2');

    const list = await screen.findByRole('list', { name: '45 Nanos gefunden' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const first = cards[0] as HTMLElement;
    expect(within(first).getByRole('heading', { level: 3, name: 'Pivot-Tabellen' })).toBeVisible();
    expect(first).toHaveTextContent('Bildungswerk Nord (Verifizierter Anbieter)');
    expect(first).toHaveTextContent('Grundlagen · 10 Min. · Deutsch');
    expect(first).toHaveTextContent('4,3 ★ (15)');
    expect(
      within(first).getByRole('button', { name: 'Zu Favoriten hinzufügen (42 Favoriten)' }),
    ).toHaveTextContent('42');
    expect(cards[1]).not.toHaveTextContent('Verifizierter Anbieter');

    await user.click(within(cards[1] as HTMLElement).getByRole('link', { name: 'SVERWEIS' }));

    await waitFor(() => expect(api.callsTo('POST /api/v1/search/clicks')).toHaveLength(1));
    expect(router.state.location.pathname).toMatch(/^\/nanos\//);
    expect(api.callsTo('POST /api/v1/search/clicks')[0]?.body).toMatchObject({ q: 'pivot', position: 22 });
  });

  it('offers the correction as a link ("Meinten Sie") and says when it searched the correction instead', async () => {
    searchApi(({ url }) =>
      url.searchParams.get('q') === 'exel'
        ? createSearchResult({ items: [createSearchHit()], didYouMean: 'excel' })
        : createSearchResult({ items: [createSearchHit()], didYouMean: 'excel', corrected: true }),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=exel&level=1');

    const link = await screen.findByRole('link', { name: 'excel' });
    expect(link.closest('p')).toHaveTextContent('Meinten Sie: excel?');
    await user.click(link);
    expect(router.state.location.search).toBe('?q=excel&level=1');

    const instead = await screen.findByRole('link', { name: 'excel' });
    expect(instead.closest('p')).toHaveTextContent('Ergebnisse für excel. Stattdessen nach excel suchen');
  });

  it('explains an empty result with tips and the main topics, and clears the filters on request', async () => {
    searchApi(() => createSearchResult({ items: [], total: 0 }));
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=quantenbuchhaltung&level=3');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Keine Nanos gefunden für „quantenbuchhaltung“' }),
    ).toBeVisible();
    expect(screen.getByText('Prüfen Sie die Schreibweise.')).toBeVisible();
    expect(screen.getByText('Entfernen Sie einige Filter.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'IT & Software' })).toHaveAttribute(
      'href',
      `/suche?category=${tree.items[1]?.id}`,
    );

    await user.click(screen.getAllByRole('button', { name: 'Alle Filter entfernen' })[0] as HTMLElement);
    expect(router.state.location.search).toBe('?q=quantenbuchhaltung');
  });

  it('shows the problem and a retry when the search fails', async () => {
    searchApi(() => problemResponse(503, 'service_unavailable', 'Dienst vorübergehend nicht verfügbar'));
    renderApp('/suche?q=excel');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dienst vorübergehend nicht verfügbar');
    expect(alert).toHaveTextContent('Die Suche konnte nicht ausgeführt werden.');
  });

  it('lets a signed-in user save the search with an alert, and explains the limit of 20', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/categories': () => tree,
      'GET /api/v1/search': resultWithFacets,
      'POST /api/v1/me/saved-searches': [
        () => problemResponse(409, 'saved_search_limit', 'Zu viele gespeicherte Suchen'),
        ({ body }) => ({
          id: crypto.randomUUID(),
          createdAt: '2026-05-04T09:00:00.000Z',
          ...(body as object),
        }),
      ],
    });
    const user = userEvent.setup();
    renderApp('/suche?q=excel&level=1');
    await screen.findByRole('heading', { level: 2, name: '45 Nanos gefunden' });

    await user.click(screen.getByRole('button', { name: 'Suche speichern' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suche speichern' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect(name).toHaveValue('excel');
    await user.clear(name);
    await user.type(name, 'Excel-Grundlagen');
    await user.click(within(dialog).getByRole('switch', { name: /Benachrichtigung bei neuen Treffern/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    expect(await within(dialog).findByText(/Sie haben bereits 20 gespeicherte Suchen/)).toBeVisible();
    expect(within(dialog).getByRole('link', { name: 'Zu Ihren gespeicherten Suchen' })).toHaveAttribute(
      'href',
      '/gespeicherte-suchen',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(await within(dialog).findByText('Die Suche „Excel-Grundlagen“ ist gespeichert.')).toBeVisible();
    expect(api.callsTo('POST /api/v1/me/saved-searches')[1]?.body).toEqual({
      name: 'Excel-Grundlagen',
      alert: true,
      filters: {
        q: 'excel',
        category: [],
        level: [1],
        language: [],
        format: [],
        license: [],
        sort: 'relevance',
      },
    });
  });

  it('offers no "Suche speichern" to guests', async () => {
    searchApi();
    renderApp('/suche?q=excel');
    await screen.findByRole('heading', { level: 2, name: '45 Nanos gefunden' });
    expect(screen.queryByRole('button', { name: 'Suche speichern' })).toBeNull();
  });
});
