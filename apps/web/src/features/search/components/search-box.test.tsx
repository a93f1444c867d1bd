import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCategoryTree } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createDiscover, createSearchResult } from '../../../testing/search-factories.ts';

const tree = createCategoryTree();
const excelCategory = tree.items[0]?.children[0];
const nanoId = crypto.randomUUID();

function suggestApi() {
  return mockApi({
    'GET /api/v1/categories': () => tree,
    'GET /api/v1/discover': () => createDiscover(),
    'GET /api/v1/search': () => createSearchResult(),
    'GET /api/v1/search/suggest': () => ({
      items: [
        { kind: 'title', text: 'Excel-Pivot-Tabellen in 10 Minuten', id: nanoId },
        { kind: 'tag', text: 'excel' },
        { kind: 'category', text: 'Excel', id: excelCategory?.id },
      ],
    }),
  });
}

describe('search box with completions', () => {
  it('asks for completions after a pause in typing, and only from two characters on', async () => {
    const api = suggestApi();
    const user = userEvent.setup();
    renderApp('/');
    const input = screen.getByRole('combobox', { name: 'Nanos durchsuchen' });

    await user.type(input, 'e');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsTo('GET /api/v1/search/suggest')).toHaveLength(0);
    expect(input).toHaveAttribute('aria-expanded', 'false');

    await user.type(input, 'xc');
    const list = await screen.findByRole('listbox', { name: 'Vorschläge' });
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-controls', list.id);
    // Typing "x" and "c" quickly is one request, not two.
    expect(api.callsTo('GET /api/v1/search/suggest').map((call) => call.url.searchParams.get('q'))).toEqual([
      'exc',
    ]);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Excel-Pivot-Tabellen in 10 MinutenNano',
      'excelSchlagwort',
      'ExcelKategorie',
    ]);
  });

  it('moves through the completions with the arrow keys and takes the highlighted one with Enter', async () => {
    suggestApi();
    const user = userEvent.setup();
    const { router } = renderApp('/');
    const input = screen.getByRole('combobox', { name: 'Nanos durchsuchen' });

    await user.type(input, 'exc');
    await screen.findByRole('listbox', { name: 'Vorschläge' });
    await user.keyboard('{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]?.id);

    await user.keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/suche'));
    expect(router.state.location.search).toBe('?q=excel');
  });

  it('closes the list with Escape and searches the typed text with Enter', async () => {
    suggestApi();
    const user = userEvent.setup();
    const { router } = renderApp('/');
    const input = screen.getByRole('combobox', { name: 'Nanos durchsuchen' });

    await user.type(input, 'excel pivot');
    await screen.findByRole('listbox', { name: 'Vorschläge' });
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('listbox')).toBeNull();

    await user.keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/suche'));
    expect(router.state.location.search).toBe('?q=excel+pivot');
  });

  it('opens a title completion as its Nano and a category completion as a search in it', async () => {
    suggestApi();
    const user = userEvent.setup();
    const { router } = renderApp('/suche');
    const input = await screen.findByRole('combobox', { name: 'Suchbegriff' });

    await user.type(input, 'exc');
    await user.click(await screen.findByRole('option', { name: /Kategorie/ }));
    expect(router.state.location.search).toBe(`?category=${excelCategory?.id}`);

    const fresh = await screen.findByRole('combobox', { name: 'Suchbegriff' });
    await user.type(fresh, 'exc');
    await screen.findByRole('listbox', { name: 'Vorschläge' });
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/nanos/${nanoId}`));
  });
});
