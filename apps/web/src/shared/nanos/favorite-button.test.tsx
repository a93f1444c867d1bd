import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../testing/factories.ts';
import { mockApi, problemResponse } from '../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../testing/render-app.tsx';
import { createSearchHit, createSearchResult } from '../../testing/search-factories.ts';

const hit = createSearchHit({ title: 'Pivot-Tabellen', favoriteCount: 42 });
const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };
const search = { 'GET /api/v1/search': () => createSearchResult({ items: [hit] }) };

/** An answer the test sends when it wants to, to see the state before it arrives. */
function deferred() {
  let resolve: (value: unknown) => void = () => {};
  const promise = new Promise((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function heartOf(title: string) {
  const card = (await screen.findByRole('link', { name: title })).closest('li') as HTMLElement;
  return within(card).findByRole('button', { name: /Favoriten/ });
}

describe('favourite button', () => {
  it('marks a Nano at once, sends PUT and then shows the server count', async () => {
    const answer = deferred();
    const api = mockApi({
      ...signedIn,
      ...search,
      [`PUT /api/v1/favorites/${hit.id}`]: () => answer.promise,
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const heart = await heartOf('Pivot-Tabellen');
    await waitFor(() => expect(api.callsTo('GET /api/v1/me/favorites/ids')).toHaveLength(1));
    expect(heart).toHaveAttribute('aria-pressed', 'false');
    expect(heart).toHaveAccessibleName('Zu Favoriten hinzufügen (42 Favoriten)');

    await user.click(heart);
    expect(heart).toHaveAttribute('aria-pressed', 'true');
    expect(heart).toHaveAccessibleName('Aus Favoriten entfernen (43 Favoriten)');
    expect(heart).toHaveTextContent('43');
    expect(api.callsTo(`PUT /api/v1/favorites/${hit.id}`)).toHaveLength(1);

    answer.resolve({ favorited: true, favoriteCount: 50 });
    await waitFor(() => expect(heart).toHaveTextContent('50'));
    expect(heart).toHaveAttribute('aria-pressed', 'true');
  });

  it('un-favourites with DELETE', async () => {
    const api = mockApi({
      ...signedIn,
      ...search,
      'GET /api/v1/me/favorites/ids': () => ({ ids: [hit.id] }),
      [`DELETE /api/v1/favorites/${hit.id}`]: () => ({ favorited: false, favoriteCount: 41 }),
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const heart = await heartOf('Pivot-Tabellen');
    await waitFor(() => expect(heart).toHaveAttribute('aria-pressed', 'true'));
    await user.click(heart);

    await waitFor(() => expect(heart).toHaveAccessibleName('Zu Favoriten hinzufügen (41 Favoriten)'));
    expect(heart).toHaveAttribute('aria-pressed', 'false');
    expect(api.callsTo(`DELETE /api/v1/favorites/${hit.id}`)).toHaveLength(1);
  });

  it('puts heart and count back and says so when the server refuses', async () => {
    mockApi({
      ...signedIn,
      ...search,
      [`PUT /api/v1/favorites/${hit.id}`]: () =>
        problemResponse(503, 'unavailable', 'Dienst nicht erreichbar'),
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const heart = await heartOf('Pivot-Tabellen');
    await user.click(heart);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Der Nano konnte nicht zu Ihren Favoriten hinzugefügt werden. Dienst nicht erreichbar',
    );
    expect(heart).toHaveAttribute('aria-pressed', 'false');
    expect(heart).toHaveTextContent('42');
  });

  it('sends guests to the login page and back', async () => {
    const api = mockApi({ ...search });
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=pivot');

    await user.click(await heartOf('Pivot-Tabellen'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/anmelden'));
    expect(router.state.location.search).toBe(`?${new URLSearchParams({ next: '/suche?q=pivot' })}`);
    expect(api.callsTo('GET /api/v1/me/favorites/ids')).toHaveLength(0);
    expect(api.requests.filter((request) => request.path.startsWith('/api/v1/favorites'))).toHaveLength(0);
  });

  it('keeps every card of the same Nano in step', async () => {
    mockApi({
      ...signedIn,
      'GET /api/v1/discover': () => ({
        forYou: null,
        newest: [hit],
        trending: [hit],
        topRated: [],
        featured: [],
      }),
      [`PUT /api/v1/favorites/${hit.id}`]: () => jsonResponse({ favorited: true, favoriteCount: 43 }),
    });
    const user = userEvent.setup();
    renderApp('/');

    const hearts = await screen.findAllByRole('button', { name: 'Zu Favoriten hinzufügen (42 Favoriten)' });
    expect(hearts).toHaveLength(2);
    await user.click(hearts[0] as HTMLElement);

    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: 'Aus Favoriten entfernen (43 Favoriten)' })).toHaveLength(
        2,
      ),
    );
  });
});
