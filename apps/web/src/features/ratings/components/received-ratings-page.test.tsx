import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNanoSummary } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { createRatingWithNano, createReply, pageOf } from '../../../testing/rating-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const creator = {
  'GET /api/v1/auth/me': () => createCurrentUser({ username: 'bildungswerk', role: 'creator' }),
};

describe('"Bewertungen meiner Nanos"', () => {
  it('lists the ratings on the own Nanos and filters by Nano and unanswered ones', async () => {
    const pivot = createNanoSummary({
      title: 'Pivot-Tabellen in 10 Minuten',
      status: 'published',
      counters: { views: 10, downloads: 1, favorites: 0, ratingAverage: 4, ratingCount: 1 },
    });
    const excel = createNanoSummary({
      title: 'Excel-Grundlagen',
      status: 'published',
      counters: { views: 3, downloads: 0, favorites: 0, ratingAverage: 5, ratingCount: 2 },
    });
    const unrated = createNanoSummary({ title: 'Ohne Bewertung', status: 'published' });
    const rating = createRatingWithNano({}, { id: pivot.id, title: pivot.title });
    const answered = createRatingWithNano(
      { reply: createReply(), author: { ...rating.author, displayName: 'Clara Test', username: 'clara' } },
      { id: excel.id, title: excel.title },
    );
    const api = mockApi({
      ...creator,
      'GET /api/v1/me/received-ratings': () => pageOf([rating, answered], 2, 1, 20),
      'GET /api/v1/me/nanos': () => pageOf([pivot, excel, unrated], 3, 1, 100),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/meine-nanos/bewertungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bewertungen meiner Nanos' })).toBeVisible();
    const item = await screen.findByRole('article', {
      name: 'Bewertung von Bernd Muster zu „Pivot-Tabellen in 10 Minuten“',
    });
    expect(within(item).getByRole('link', { name: 'Pivot-Tabellen in 10 Minuten' })).toHaveAttribute(
      'href',
      `/nanos/${pivot.id}`,
    );
    expect(within(item).getByRole('button', { name: 'Antworten: Bernd Muster' })).toBeVisible();
    const other = screen.getByRole('article', { name: /Clara Test/ });
    expect(other).toHaveTextContent('Antwort von Bildungswerk Nord');
    expect(within(other).getByRole('button', { name: 'Antwort bearbeiten: Clara Test' })).toBeVisible();

    await user.click(screen.getByRole('switch', { name: 'Nur unbeantwortete' }));
    await waitFor(() => expect(router.state.location.search).toBe('?unbeantwortet=1'));
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/me/received-ratings').at(-1)?.url.searchParams.get('unanswered')).toBe(
        'true',
      ),
    );

    const select = screen.getByRole('textbox', { name: 'Nano' });
    await waitFor(() => expect(select).toBeEnabled());
    await user.click(select);
    const options = await screen.findAllByRole('option');
    // Only Nanos with ratings, by title.
    expect(options.map((option) => option.textContent)).toEqual([
      'Excel-Grundlagen',
      'Pivot-Tabellen in 10 Minuten',
    ]);
    await user.click(screen.getByRole('option', { name: 'Excel-Grundlagen' }));
    await waitFor(() => {
      const last = api.callsTo('GET /api/v1/me/received-ratings').at(-1)?.url.searchParams;
      expect([last?.get('nanoId'), last?.get('unanswered')]).toEqual([excel.id, 'true']);
    });
    expect(router.state.location.search).toBe(`?nano=${excel.id}&unbeantwortet=1`);
  });

  it('answers inline; the answered comment stays in view', async () => {
    const rating = createRatingWithNano();
    const reply = `/api/v1/ratings/${rating.id}/reply`;
    const api = mockApi({
      ...creator,
      'GET /api/v1/me/received-ratings': () => pageOf([rating], 1, 1, 20),
      'GET /api/v1/me/nanos': () => pageOf([], 0, 1, 100),
      [`POST ${reply}`]: ({ body }) => ({ ...rating, reply: createReply((body as { text: string }).text) }),
    });
    const user = userEvent.setup();
    renderApp('/meine-nanos/bewertungen?unbeantwortet=1');

    const item = await screen.findByRole('article', { name: /Bernd Muster/ });
    await user.click(within(item).getByRole('button', { name: 'Antworten: Bernd Muster' }));
    await user.type(within(item).getByRole('textbox', { name: /Ihre Antwort/ }), 'Vielen Dank!');
    await user.click(within(item).getByRole('button', { name: 'Antwort speichern' }));

    expect(await within(item).findByText('Vielen Dank!')).toBeVisible();
    expect(api.callsTo(`POST ${reply}`)[0]?.body).toEqual({ text: 'Vielen Dank!' });
    expect(api.callsTo('GET /api/v1/me/received-ratings')).toHaveLength(1);
  });

  it('tells the creator when nothing matches', async () => {
    mockApi({
      ...creator,
      'GET /api/v1/me/received-ratings': () => pageOf([], 0, 1, 20),
      'GET /api/v1/me/nanos': () => pageOf([], 0, 1, 100),
    });
    renderApp('/meine-nanos/bewertungen?unbeantwortet=1');

    expect(await screen.findByText('Keine Bewertungen für diese Auswahl.')).toBeVisible();
  });
});
