import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSharedList } from '../../../testing/list-factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createSearchHit } from '../../../testing/search-factories.ts';

describe('shared list page', () => {
  it('shows the list, who made it and its Nanos as cards, without sign-in', async () => {
    const list = createSharedList({
      items: [createSearchHit({ title: 'Pivot-Tabellen' }), createSearchHit({ title: 'SVERWEIS' })],
    });
    const api = mockApi({ 'GET /api/v1/shared/lists/abc123': () => list });
    renderApp('/geteilt/abc123');

    expect(await screen.findByRole('heading', { level: 1, name: 'Excel-Schulung Team' })).toBeVisible();
    expect(screen.getByText(/Eine Liste von Anna Beispiel/)).toBeVisible();
    expect(screen.getByText('Für die neuen Kolleginnen und Kollegen im Controlling.')).toBeVisible();
    const items = within(screen.getByRole('list', { name: '2 Nanos' })).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Pivot-Tabellen',
      'SVERWEIS',
    ]);
    expect(screen.getByRole('link', { name: 'Anmelden' })).toBeVisible();
    expect(api.unexpected).toEqual([]);
  });

  it('explains a revoked link', async () => {
    mockApi({ 'GET /api/v1/shared/lists/alt': () => problemResponse(404, 'not_found', 'Nicht gefunden') });
    renderApp('/geteilt/alt');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dieser Link ist nicht mehr gültig' }),
    ).toBeVisible();
    expect(screen.getByText(/hat die Freigabe beendet oder einen neuen Link erzeugt/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Selbst Nanos entdecken' })).toHaveAttribute('href', '/suche');
  });
});
