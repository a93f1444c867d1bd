import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../testing/factories.ts';
import { createCuratedList } from '../../testing/list-factories.ts';
import { mockApi, problemResponse } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { createSearchHit, createSearchResult } from '../../testing/search-factories.ts';

const hit = createSearchHit({ title: 'Pivot-Tabellen' });
const team = createCuratedList({ name: 'Excel-Schulung Team', containsNano: true });
const later = createCuratedList({ name: 'Später ansehen', containsNano: false });
const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };
const search = { 'GET /api/v1/search': () => createSearchResult({ items: [hit] }) };
const noContent = () => new Response(null, { status: 204 });

async function openMenu(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Zu Liste hinzufügen: Pivot-Tabellen' }));
  return screen.findByRole('dialog');
}

describe('add-to-list menu', () => {
  it('lists the lists with ticks where the Nano is in, and toggles with PUT and DELETE', async () => {
    // The server's state: which lists hold the Nano.
    const contains = new Map([
      [team.id, true],
      [later.id, false],
    ]);
    const api = mockApi({
      ...signedIn,
      ...search,
      'GET /api/v1/me/lists': () => ({
        items: [team, later].map((list) => ({ ...list, containsNano: contains.get(list.id) })),
      }),
      [`PUT /api/v1/lists/${later.id}/items/${hit.id}`]: () => {
        contains.set(later.id, true);
        return noContent();
      },
      [`DELETE /api/v1/lists/${team.id}/items/${hit.id}`]: () => {
        contains.set(team.id, false);
        return noContent();
      },
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const dialog = await openMenu(user);
    const teamBox = await within(dialog).findByRole('checkbox', { name: 'Excel-Schulung Team' });
    const laterBox = within(dialog).getByRole('checkbox', { name: 'Später ansehen' });
    expect(teamBox).toBeChecked();
    expect(laterBox).not.toBeChecked();
    expect(api.callsTo('GET /api/v1/me/lists')[0]?.url.searchParams.get('containing')).toBe(hit.id);

    await user.click(laterBox);
    await waitFor(() => expect(laterBox).toBeChecked());
    expect(api.callsTo(`PUT /api/v1/lists/${later.id}/items/${hit.id}`)).toHaveLength(1);

    await user.click(teamBox);
    await waitFor(() => expect(teamBox).not.toBeChecked());
    expect(api.callsTo(`DELETE /api/v1/lists/${team.id}/items/${hit.id}`)).toHaveLength(1);
    await waitFor(() => expect(api.callsTo('GET /api/v1/me/lists').length).toBeGreaterThanOrEqual(3));
    expect(laterBox).toBeChecked();
    expect(teamBox).not.toBeChecked();
  });

  it('creates a new list with the Nano in it', async () => {
    const created = createCuratedList({ name: 'Onboarding' });
    const api = mockApi({
      ...signedIn,
      ...search,
      'GET /api/v1/me/lists': [
        () => ({ items: [later] }),
        () => ({ items: [later, { ...created, itemCount: 1, containsNano: true }] }),
      ],
      'POST /api/v1/me/lists': () => created,
      [`PUT /api/v1/lists/${created.id}/items/${hit.id}`]: noContent,
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const dialog = await openMenu(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Neue Liste …' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: /Name der neuen Liste/ }),
      'Onboarding{Enter}',
    );

    expect(await within(dialog).findByRole('checkbox', { name: 'Onboarding' })).toBeChecked();
    expect(api.callsTo('POST /api/v1/me/lists')[0]?.body).toEqual({ name: 'Onboarding', description: '' });
    expect(api.callsTo(`PUT /api/v1/lists/${created.id}/items/${hit.id}`)).toHaveLength(1);
  });

  it('explains a full list and takes the tick back', async () => {
    mockApi({
      ...signedIn,
      ...search,
      'GET /api/v1/me/lists': () => ({ items: [later] }),
      [`PUT /api/v1/lists/${later.id}/items/${hit.id}`]: () =>
        problemResponse(409, 'list_item_limit', 'Liste ist voll'),
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const dialog = await openMenu(user);
    const laterBox = await within(dialog).findByRole('checkbox', { name: 'Später ansehen' });
    await user.click(laterBox);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Diese Liste ist voll: Eine Liste fasst höchstens 500 Nanos.',
    );
    expect(laterBox).not.toBeChecked();
  });

  it('explains the limit of 50 lists when creating one more', async () => {
    mockApi({
      ...signedIn,
      ...search,
      'GET /api/v1/me/lists': () => ({ items: [later] }),
      'POST /api/v1/me/lists': () => problemResponse(409, 'list_limit', 'Zu viele Listen'),
    });
    const user = userEvent.setup();
    renderApp('/suche?q=pivot');

    const dialog = await openMenu(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Neue Liste …' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: /Name der neuen Liste/ }),
      'Noch eine{Enter}',
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Sie haben bereits 50 Listen, mehr sind nicht möglich.',
    );
  });

  it('sends guests to the login page', async () => {
    const api = mockApi({ ...search });
    const user = userEvent.setup();
    const { router } = renderApp('/suche?q=pivot');

    await user.click(await screen.findByRole('button', { name: 'Zu Liste hinzufügen: Pivot-Tabellen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/anmelden'));
    expect(api.callsTo('GET /api/v1/me/lists')).toHaveLength(0);
  });
});
