import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { createCuratedList, createListDetail } from '../../../testing/list-factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };

describe('lists page', () => {
  it('shows each list with its count and whether it is shared', async () => {
    const team = createCuratedList({ itemCount: 3, shareUrl: 'http://localhost/geteilt/abc' });
    const later = createCuratedList({ name: 'Später ansehen', description: '', itemCount: 1 });
    mockApi({ ...signedIn, 'GET /api/v1/me/lists': () => ({ items: [team, later] }) });
    renderApp('/listen');

    const teamEntry = await screen.findByRole('article', { name: 'Excel-Schulung Team' });
    expect(within(teamEntry).getByRole('link', { name: 'Excel-Schulung Team' })).toHaveAttribute(
      'href',
      `/listen/${team.id}`,
    );
    expect(teamEntry).toHaveTextContent('3 Nanos');
    expect(teamEntry).toHaveTextContent('Geteilt');
    expect(teamEntry).toHaveTextContent('Für die neuen Kolleginnen');
    const laterEntry = screen.getByRole('article', { name: 'Später ansehen' });
    expect(laterEntry).toHaveTextContent('1 Nano');
    expect(laterEntry).not.toHaveTextContent('Geteilt');
    expect(screen.getByText('2 von höchstens 50 Listen')).toBeVisible();
  });

  it('creates a list with name and description, counting the characters, and opens it', async () => {
    const created = createCuratedList({ name: 'Onboarding', description: 'Erste Woche' });
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/lists': () => ({ items: [] }),
      'POST /api/v1/me/lists': () => created,
      [`GET /api/v1/lists/${created.id}`]: () => createListDetail({ ...created, items: [] }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/listen');

    expect(await screen.findByRole('heading', { name: 'Noch keine Listen' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Neue Liste' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Liste anlegen' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect(name).toHaveAttribute('maxlength', '100');
    await user.type(name, 'Onboarding');
    expect(within(dialog).getByText('10 von 100 Zeichen')).toBeVisible();
    await user.type(within(dialog).getByRole('textbox', { name: 'Beschreibung' }), 'Erste Woche');
    expect(within(dialog).getByText('11 von 500 Zeichen')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Liste anlegen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/listen/${created.id}`));
    expect(api.callsTo('POST /api/v1/me/lists')[0]?.body).toEqual({
      name: 'Onboarding',
      description: 'Erste Woche',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Onboarding' })).toBeVisible();
  });

  it('does not send a list without a name', async () => {
    const api = mockApi({ ...signedIn, 'GET /api/v1/me/lists': () => ({ items: [] }) });
    const user = userEvent.setup();
    renderApp('/listen');

    await user.click(await screen.findByRole('button', { name: 'Neue Liste' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Liste anlegen' });
    await user.click(within(dialog).getByRole('button', { name: 'Liste anlegen' }));

    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST /api/v1/me/lists')).toHaveLength(0);
  });

  it('explains the limit of 50 lists', async () => {
    mockApi({
      ...signedIn,
      'GET /api/v1/me/lists': () => ({ items: [createCuratedList()] }),
      'POST /api/v1/me/lists': () => problemResponse(409, 'list_limit', 'Zu viele Listen'),
    });
    const user = userEvent.setup();
    renderApp('/listen');

    await user.click(await screen.findByRole('button', { name: 'Neue Liste' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Liste anlegen' });
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Noch eine{Enter}');

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Höchstzahl an Listen erreicht');
    expect(alert).toHaveTextContent('Sie haben bereits 50 Listen, mehr sind nicht möglich.');
  });

  it('offers no new list once there are 50', async () => {
    const lists = Array.from({ length: 50 }, (_, index) => createCuratedList({ name: `Liste ${index + 1}` }));
    mockApi({ ...signedIn, 'GET /api/v1/me/lists': () => ({ items: lists }) });
    renderApp('/listen');

    expect(await screen.findByText(/Sie haben bereits 50 Listen/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Neue Liste' })).toBeDisabled();
  });

  it('renames a list and deletes one after confirming', async () => {
    let lists = [createCuratedList(), createCuratedList({ name: 'Später ansehen' })];
    const [team, later] = lists as [
      ReturnType<typeof createCuratedList>,
      ReturnType<typeof createCuratedList>,
    ];
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/lists': () => ({ items: lists }),
      [`PATCH /api/v1/lists/${team.id}`]: ({ body }) => {
        lists = lists.map((list) => (list.id === team.id ? { ...list, ...(body as object) } : list));
        return lists[0];
      },
      [`DELETE /api/v1/lists/${later.id}`]: () => {
        lists = lists.filter((list) => list.id !== later.id);
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp('/listen');

    await user.click(await screen.findByRole('button', { name: 'Bearbeiten: Excel-Schulung Team' }));
    const editDialog = await screen.findByRole('dialog', { name: 'Liste bearbeiten' });
    const name = within(editDialog).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Excel-Schulung Controlling{Enter}');
    expect(await screen.findByRole('article', { name: 'Excel-Schulung Controlling' })).toBeVisible();
    expect(api.callsTo(`PATCH /api/v1/lists/${team.id}`)[0]?.body).toEqual({
      name: 'Excel-Schulung Controlling',
      description: team.description,
    });

    await user.click(screen.getByRole('button', { name: 'Löschen: Später ansehen' }));
    const deleteDialog = await screen.findByRole('dialog', { name: 'Liste löschen?' });
    expect(deleteDialog).toHaveTextContent('Die Liste „Später ansehen“ wird gelöscht');
    expect(api.callsTo(`DELETE /api/v1/lists/${later.id}`)).toHaveLength(0);
    await user.click(within(deleteDialog).getByRole('button', { name: 'Löschen' }));

    await waitFor(() => expect(screen.queryByRole('article', { name: 'Später ansehen' })).toBeNull());
    expect(api.callsTo(`DELETE /api/v1/lists/${later.id}`)).toHaveLength(1);
    expect(screen.getByText('Die Liste „Später ansehen“ wurde gelöscht.')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Meine Listen' })).toHaveFocus(),
    );
  });
});
