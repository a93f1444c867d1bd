import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import {
  createAuthor,
  createRatingWithNano,
  createReply,
  pageOf,
} from '../../../testing/rating-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser({ username: 'anna' }) };
const me = createAuthor({ username: 'anna', displayName: 'Anna Beispiel' });

describe('"Meine Bewertungen"', () => {
  it('lists the own ratings with their Nano, stars, comment, date and the reply', async () => {
    const rating = createRatingWithNano({ mine: true, author: me, reply: createReply() });
    const archived = createRatingWithNano(
      { mine: true, author: me, score: 2, comment: null },
      { title: 'Alte Excel-Tricks', status: 'archived' },
    );
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/ratings': () => pageOf([rating, archived], 2, 1, 20),
    });
    renderApp('/meine-bewertungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Meine Bewertungen' })).toBeVisible();
    const item = await screen.findByRole('article', {
      name: 'Ihre Bewertung zu „Pivot-Tabellen in 10 Minuten“',
    });
    expect(within(item).getByRole('link', { name: 'Pivot-Tabellen in 10 Minuten' })).toHaveAttribute(
      'href',
      `/nanos/${rating.nano.id}`,
    );
    expect(within(item).getByRole('img', { name: '4 von 5 Sternen' })).toBeVisible();
    expect(item).toHaveTextContent('Gut erklärt, hat mir sehr geholfen.');
    expect(item).toHaveTextContent('10.05.2026');
    expect(item).toHaveTextContent('Antwort von Bildungswerk Nord');
    expect(item).toHaveTextContent('Danke für Ihr Feedback!');
    expect(
      within(item).getByRole('button', { name: 'Bearbeiten: Pivot-Tabellen in 10 Minuten' }),
    ).toBeVisible();

    const old = screen.getByRole('article', { name: 'Ihre Bewertung zu „Alte Excel-Tricks“' });
    expect(old).toHaveTextContent('Archiviert');
    // An archived Nano cannot be rated again, only the rating withdrawn.
    expect(within(old).queryByRole('button', { name: /Bearbeiten/ })).toBeNull();
    expect(within(old).getByRole('button', { name: 'Löschen: Alte Excel-Tricks' })).toBeVisible();
    expect(screen.getByText('2 Bewertungen')).toBeVisible();
    expect(api.callsTo('GET /api/v1/me/ratings')[0]?.url.searchParams.get('pageSize')).toBe('20');
  });

  it('changes a rating inline and withdraws one after confirming', async () => {
    const rating = createRatingWithNano({ mine: true, author: me });
    const nanoPath = `/api/v1/nanos/${rating.nano.id}/rating`;
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/ratings': [
        () => pageOf([rating], 1, 1, 20),
        () => pageOf([{ ...rating, score: 5, comment: 'Noch besser.' }], 1, 1, 20),
        () => pageOf([], 0, 1, 20),
      ],
      [`PUT ${nanoPath}`]: ({ body }) => ({ ...rating, ...(body as object) }),
      [`DELETE ${nanoPath}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/meine-bewertungen');

    const item = await screen.findByRole('article', { name: /Pivot-Tabellen/ });
    await user.click(within(item).getByRole('button', { name: 'Bearbeiten: Pivot-Tabellen in 10 Minuten' }));
    const form = screen.getByRole('article', { name: /Pivot-Tabellen/ });
    await user.click(within(form).getByRole('radio', { name: '5 von 5 Sternen' }));
    const comment = within(form).getByRole('textbox', { name: 'Kommentar (optional)' });
    await user.clear(comment);
    await user.type(comment, 'Noch besser.');
    await user.click(within(form).getByRole('button', { name: 'Änderungen speichern' }));

    expect(await screen.findByText('Noch besser.')).toBeVisible();
    expect(api.callsTo(`PUT ${nanoPath}`)[0]?.body).toEqual({ score: 5, comment: 'Noch besser.' });

    await user.click(screen.getByRole('button', { name: 'Löschen: Pivot-Tabellen in 10 Minuten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bewertung löschen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Löschen' }));

    expect(await screen.findByText('Noch keine Bewertungen')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Ihre Bewertung zu „Pivot-Tabellen in 10 Minuten“ wurde gelöscht.',
    );
    expect(api.callsTo(`DELETE ${nanoPath}`)).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Meine Bewertungen' })).toHaveFocus();
  });

  it('shows the way to the search when there is none yet', async () => {
    mockApi({ ...signedIn, 'GET /api/v1/me/ratings': () => pageOf([], 0, 1, 20) });
    renderApp('/meine-bewertungen');

    expect(await screen.findByRole('heading', { name: 'Noch keine Bewertungen' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Nanos entdecken' })).toHaveAttribute('href', '/suche');
  });

  it('pages with ?seite=', async () => {
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/ratings': ({ url }) =>
        pageOf(
          [createRatingWithNano({ mine: true, author: me })],
          45,
          Number(url.searchParams.get('page')),
          20,
        ),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/meine-bewertungen');

    const pages = await screen.findByRole('navigation', { name: 'Seiten der Bewertungen' });
    await user.click(within(pages).getByRole('button', { name: 'Seite 3' }));
    await waitFor(() => expect(router.state.location.search).toBe('?seite=3'));
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/me/ratings').at(-1)?.url.searchParams.get('page')).toBe('3'),
    );
  });
});
