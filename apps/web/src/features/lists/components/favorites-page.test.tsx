import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { createFavoriteItem, createFavoritePage } from '../../../testing/list-factories.ts';
import { type MockRequest, mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };
const pivot = createFavoriteItem({ title: 'Pivot-Tabellen' });
const sverweis = createFavoriteItem({ title: 'SVERWEIS' });

const lastQuery = (api: ReturnType<typeof mockApi>) =>
  Object.fromEntries(api.callsTo('GET /api/v1/me/favorites').at(-1)?.url.searchParams ?? []);

describe('favourites page', () => {
  it('sends sort and filters from the address and from the controls', async () => {
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/favorites': ({ url }: MockRequest) =>
        createFavoritePage([pivot, sverweis], { total: 45, page: Number(url.searchParams.get('page') ?? 1) }),
    });
    const user = userEvent.setup();
    renderApp('/favoriten?sort=title&level=2');

    expect(await screen.findByRole('heading', { level: 2, name: '45 Favoriten' })).toBeVisible();
    expect(lastQuery(api)).toEqual({ sort: 'title', level: '2' });
    expect(screen.getByRole('combobox', { name: 'Sortieren nach' })).toHaveValue('title');
    expect(screen.getByRole('combobox', { name: 'Niveau' })).toHaveValue('2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sprache' }), 'Englisch');
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'title', level: '2', language: 'en' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'Video');
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ format: 'video' }));

    await user.type(screen.getByRole('searchbox', { name: 'Im Titel suchen' }), 'pivot');
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ q: 'pivot', language: 'en' }));

    await user.click(screen.getByRole('button', { name: 'Seite 2' }));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ page: '2' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sortieren nach' }), 'Dauer');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        sort: 'duration',
        level: '2',
        language: 'en',
        format: 'video',
        q: 'pivot',
      }),
    );
  });

  it('shows the favourites as cards and removes one whose heart is clicked off', async () => {
    let ids = [pivot.nano.id, sverweis.nano.id];
    mockApi({
      ...signedIn,
      'GET /api/v1/me/favorites/ids': () => ({ ids }),
      'GET /api/v1/me/favorites': () =>
        createFavoritePage([pivot, sverweis].filter((item) => ids.includes(item.nano.id))),
      [`DELETE /api/v1/favorites/${pivot.nano.id}`]: () => {
        ids = ids.filter((id) => id !== pivot.nano.id);
        return { favorited: false, favoriteCount: 41 };
      },
    });
    const user = userEvent.setup();
    renderApp('/favoriten');

    const list = await screen.findByRole('list', { name: '2 Favoriten' });
    const pivotCard = within(list).getByRole('link', { name: 'Pivot-Tabellen' }).closest('li') as HTMLElement;
    const heart = within(pivotCard).getByRole('button', { name: /Favoriten/ });
    await waitFor(() => expect(heart).toHaveAttribute('aria-pressed', 'true'));
    await user.click(heart);

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Pivot-Tabellen' })).toBeNull());
    expect(await screen.findByRole('list', { name: '1 Favorit' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'SVERWEIS' })).toBeVisible();
  });

  it('says how to collect favourites when there are none', async () => {
    mockApi({ ...signedIn, 'GET /api/v1/me/favorites': () => createFavoritePage([]) });
    renderApp('/favoriten');

    expect(await screen.findByRole('heading', { name: 'Noch keine Favoriten' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Nanos suchen' })).toHaveAttribute('href', '/suche');
  });

  it('offers to reset filters that match nothing', async () => {
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/favorites': ({ url }: MockRequest) =>
        createFavoritePage(url.searchParams.has('format') ? [] : [pivot]),
    });
    const user = userEvent.setup();
    renderApp('/favoriten?format=quiz');

    await user.click(await screen.findByRole('button', { name: 'Filter zurücksetzen' }));

    expect(await screen.findByRole('link', { name: 'Pivot-Tabellen' })).toBeVisible();
    expect(lastQuery(api)).toEqual({});
  });
});
