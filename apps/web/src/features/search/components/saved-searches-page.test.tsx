import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createSavedSearch } from '../../../testing/search-factories.ts';

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };

describe('saved searches page', () => {
  it('lists each saved search with a readable summary and opens it with its filters', async () => {
    const saved = createSavedSearch();
    mockApi({ ...signedIn, 'GET /api/v1/me/saved-searches': () => ({ items: [saved] }) });
    renderApp('/gespeicherte-suchen');

    const item = await screen.findByRole('article', { name: 'Excel für Einsteiger' });
    expect(within(item).getByRole('heading', { level: 2, name: 'Excel für Einsteiger' })).toBeVisible();
    expect(item).toHaveTextContent(
      '„excel“ · Niveau: Grundlagen · Sprache: Deutsch · Sortieren nach: Bewertung',
    );
    expect(within(item).getByRole('link', { name: 'Öffnen: Excel für Einsteiger' })).toHaveAttribute(
      'href',
      '/suche?q=excel&level=1&language=de&sort=rating',
    );
    expect(screen.getByText('1 von höchstens 20 gespeicherten Suchen')).toBeVisible();
  });

  it('turns the alert on, renames and deletes (after confirming)', async () => {
    const saved = createSavedSearch();
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/saved-searches': () => ({ items: [saved] }),
      [`PATCH /api/v1/me/saved-searches/${saved.id}`]: ({ body }) => ({ ...saved, ...(body as object) }),
      [`DELETE /api/v1/me/saved-searches/${saved.id}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/gespeicherte-suchen');
    const item = await screen.findByRole('article', { name: 'Excel für Einsteiger' });

    const alert = within(item).getByRole('switch', { name: 'Benachrichtigung bei neuen Treffern' });
    expect(alert).not.toBeChecked();
    await user.click(alert);
    await waitFor(() => expect(alert).toBeChecked());
    expect(api.callsTo(`PATCH /api/v1/me/saved-searches/${saved.id}`)[0]?.body).toEqual({ alert: true });

    await user.click(within(item).getByRole('button', { name: 'Umbenennen: Excel für Einsteiger' }));
    const name = within(item).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Pivot{Enter}');
    expect(await screen.findByRole('article', { name: 'Pivot' })).toBeVisible();
    expect(api.callsTo(`PATCH /api/v1/me/saved-searches/${saved.id}`)[1]?.body).toEqual({ name: 'Pivot' });

    await user.click(screen.getByRole('button', { name: 'Löschen: Pivot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Gespeicherte Suche löschen?' });
    expect(dialog).toHaveTextContent('„Pivot“ wird gelöscht');
    expect(api.callsTo(`DELETE /api/v1/me/saved-searches/${saved.id}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Löschen' }));

    expect(await screen.findByText(/Sie haben noch keine Suche gespeichert/)).toBeVisible();
    expect(api.callsTo(`DELETE /api/v1/me/saved-searches/${saved.id}`)).toHaveLength(1);
  });

  it('says so when there is none yet, with a way to the search', async () => {
    mockApi({ ...signedIn, 'GET /api/v1/me/saved-searches': () => ({ items: [] }) });
    renderApp('/gespeicherte-suchen');

    expect(await screen.findByText(/Sie haben noch keine Suche gespeichert/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zur Suche' })).toHaveAttribute('href', '/suche');
  });

  it('sends guests to the login page first', async () => {
    mockApi();
    const { router } = renderApp('/gespeicherte-suchen');

    await waitFor(() => expect(router.state.location.pathname).toBe('/anmelden'));
  });
});

describe('unsubscribe page', () => {
  it('unsubscribes only when the button is pressed (mail scanners open links), without sign-in', async () => {
    const api = mockApi({
      'POST /api/v1/saved-searches/unsubscribe': () => ({ unsubscribed: 2 }),
    });
    const user = userEvent.setup();
    renderApp('/gespeicherte-suchen/abbestellen?token=abcdefghijklmnop');

    const button = await screen.findByRole('button', { name: 'Benachrichtigungen abbestellen' });
    expect(api.callsTo('POST /api/v1/saved-searches/unsubscribe')).toHaveLength(0);
    await user.click(button);

    expect(await screen.findByRole('status')).toHaveTextContent('Benachrichtigungen abbestellt');
    expect(api.callsTo('POST /api/v1/saved-searches/unsubscribe')[0]?.body).toEqual({
      token: 'abcdefghijklmnop',
    });
  });
});
