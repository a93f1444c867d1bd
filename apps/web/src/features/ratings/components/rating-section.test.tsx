import type { Nano } from '@nano/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNano } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import {
  createAuthor,
  createRating,
  createRatingSummary,
  createReply,
  pageOf,
} from '../../../testing/rating-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const VIEWER_PERMISSIONS: Nano['permissions'] = {
  edit: false,
  submit: false,
  archive: false,
  restore: false,
  delete: false,
  download: false,
  review: false,
};

/** A live Nano of "bildungswerk" without files (the viewer stays out of the way). */
function publishedNano(overrides: Partial<Nano> = {}): Nano {
  return createNano({
    status: 'published',
    currentVersion: null,
    pendingVersion: null,
    permissions: VIEWER_PERMISSIONS,
    ...overrides,
  });
}

const consumer = { 'GET /api/v1/auth/me': () => createCurrentUser({ username: 'anna' }) };
const creator = {
  'GET /api/v1/auth/me': () => createCurrentUser({ username: 'bildungswerk', role: 'creator' }),
};

function ratingRoutes(nano: Nano, summary: unknown, ratings: unknown) {
  const base = `/api/v1/nanos/${nano.id}`;
  return {
    [`GET ${base}`]: () => nano,
    [`GET ${base}/rating-summary`]: () => summary,
    [`GET ${base}/ratings`]: () => ratings,
  };
}

async function findSection() {
  return screen.findByRole('region', { name: 'Bewertungen' });
}

describe('rating section on the Nano page', () => {
  it('shows a guest the average, the distribution, the comments and a way to sign in', async () => {
    const nano = publishedNano();
    const rating = createRating({ nanoId: nano.id, comment: 'Sehr gut.\nZweite Zeile <b>fett</b>' });
    const api = mockApi(ratingRoutes(nano, createRatingSummary({ canRate: false }), pageOf([rating], 15)));
    renderApp(`/nanos/${nano.id}`);

    const section = await findSection();
    expect(within(section).getByRole('heading', { level: 2, name: 'Bewertungen' })).toBeVisible();
    expect(await within(section).findByRole('img', { name: '4,2 von 5 Sternen' })).toBeVisible();
    expect(section).toHaveTextContent('4,2');
    expect(section).toHaveTextContent('15 Bewertungen');
    const rows = within(
      within(section).getByRole('list', { name: 'Verteilung der Bewertungen' }),
    ).getAllByRole('listitem');
    // Read out per row; 5 stars at the top.
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent('5 Sterne: 8 Bewertungen');
    expect(rows[1]).toHaveTextContent('4 Sterne: 4 Bewertungen');
    expect(rows[3]).toHaveTextContent('2 Sterne: 0 Bewertungen');
    expect(rows[4]).toHaveTextContent('1 Stern: 1 Bewertung');

    expect(within(section).getByRole('link', { name: 'Zur Anmeldung' })).toHaveAttribute(
      'href',
      `/anmelden?next=${encodeURIComponent(`/nanos/${nano.id}`)}`,
    );
    expect(within(section).queryByRole('radiogroup', { name: /Sterne/ })).toBeNull();

    const item = await within(section).findByRole('article', { name: 'Bewertung von Bernd Muster' });
    expect(within(item).getByRole('link', { name: 'Bernd Muster' })).toHaveAttribute('href', '/nutzer/bernd');
    expect(within(item).getByRole('img', { name: '4 von 5 Sternen' })).toBeVisible();
    expect(item).toHaveTextContent('10.05.2026');
    const comment = within(item).getByText(/Sehr gut\./);
    expect(comment.textContent).toBe('Sehr gut.\nZweite Zeile <b>fett</b>');
    expect(comment.querySelector('b')).toBeNull();
    // Guests see how many found it helpful, but cannot vote.
    expect(item).toHaveTextContent('3 Personen fanden das hilfreich');
    expect(within(item).queryByRole('button')).toBeNull();

    const request = api.callsTo(`GET /api/v1/nanos/${nano.id}/ratings`)[0];
    expect(request?.url.searchParams.get('sort')).toBe('newest');
    expect(request?.url.searchParams.get('pageSize')).toBe('10');
  });

  it('makes links clickable only for verified authors, and never javascript: addresses', async () => {
    const nano = publishedNano();
    const verified = createRating({
      nanoId: nano.id,
      author: createAuthor({ username: 'vhs', displayName: 'VHS Musterstadt', verified: true }),
      comment: 'Mehr unter https://vhs.example/kurse. Und javascript:alert(1) nicht.',
    });
    const unverified = createRating({
      nanoId: nano.id,
      comment: 'Siehe https://spam.example/gewinn',
    });
    mockApi(ratingRoutes(nano, createRatingSummary(), pageOf([verified, unverified])));
    renderApp(`/nanos/${nano.id}`);

    const trusted = await screen.findByRole('article', { name: 'Bewertung von VHS Musterstadt' });
    const link = within(trusted).getByRole('link', { name: 'https://vhs.example/kurse' });
    expect(link).toHaveAttribute('href', 'https://vhs.example/kurse');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
    expect(link).toHaveAttribute('target', '_blank');
    expect(trusted).toHaveTextContent('javascript:alert(1) nicht.');
    expect(
      within(trusted)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/nutzer/vhs', 'https://vhs.example/kurse']);

    const other = screen.getByRole('article', { name: 'Bewertung von Bernd Muster' });
    expect(other).toHaveTextContent('Siehe https://spam.example/gewinn');
    expect(within(other).queryByRole('link', { name: /spam/ })).toBeNull();
  });

  it('marks comments hidden by the moderators; their author still sees the text', async () => {
    const nano = publishedNano();
    const hidden = createRating({ nanoId: nano.id, comment: null, commentHidden: true });
    const own = createRating({
      nanoId: nano.id,
      mine: true,
      comment: 'Mein verborgener Text',
      commentHidden: true,
      author: createAuthor({ username: 'anna', displayName: 'Anna Beispiel' }),
    });
    mockApi({
      ...consumer,
      ...ratingRoutes(nano, createRatingSummary({ mine: own }), pageOf([hidden, own])),
    });
    renderApp(`/nanos/${nano.id}`);

    const other = await screen.findByRole('article', { name: 'Bewertung von Bernd Muster' });
    expect(other).toHaveTextContent('(Kommentar von der Moderation ausgeblendet)');
    const mine = screen.getByRole('article', { name: 'Bewertung von Anna Beispiel' });
    expect(mine).toHaveTextContent('nur für Sie und die Moderation sichtbar');
    expect(mine).toHaveTextContent('Mein verborgener Text');
    expect(mine).toHaveTextContent('Ihre Bewertung');
    // One's own rating cannot be marked helpful.
    expect(within(mine).queryByRole('button', { name: /Hilfreich/ })).toBeNull();
  });

  it('creates a rating with the right body and refreshes the figures in the header', async () => {
    const nano = publishedNano();
    const saved = createRating({
      nanoId: nano.id,
      mine: true,
      score: 4,
      comment: 'Kurz und gut.',
      author: createAuthor({ username: 'anna', displayName: 'Anna Beispiel' }),
    });
    const updatedNano = { ...nano, counters: { ...nano.counters, ratingAverage: 4.3, ratingCount: 16 } };
    const base = `/api/v1/nanos/${nano.id}`;
    const api = mockApi({
      ...consumer,
      [`GET ${base}`]: [() => nano, () => updatedNano],
      [`GET ${base}/rating-summary`]: [
        () => createRatingSummary(),
        () => createRatingSummary({ average: 4.3, count: 16, distribution: [1, 0, 2, 5, 8], mine: saved }),
      ],
      [`GET ${base}/ratings`]: () => pageOf([createRating({ nanoId: nano.id })], 15),
      [`PUT ${base}/rating`]: () => saved,
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const own = await screen.findByRole('region', { name: 'Ihre Bewertung abgeben' });
    const stars = within(own).getByRole('radiogroup', { name: /Sterne/ });
    expect(stars).toHaveAttribute('aria-required', 'true');
    await user.click(within(stars).getByRole('radio', { name: '4 von 5 Sternen' }));
    const comment = within(own).getByRole('textbox', { name: 'Kommentar (optional)' });
    await user.type(comment, '  Kurz und gut.');
    expect(own).toHaveTextContent('15/500');
    await user.click(within(own).getByRole('button', { name: 'Bewertung abgeben' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Danke! Ihre Bewertung wurde gespeichert.');
    expect(api.callsTo(`PUT ${base}/rating`)[0]?.body).toEqual({ score: 4, comment: 'Kurz und gut.' });
    const mine = screen.getByRole('region', { name: 'Ihre Bewertung' });
    expect(within(mine).getByRole('img', { name: '4 von 5 Sternen' })).toBeVisible();
    expect(mine).toHaveTextContent('Kurz und gut.');
    expect(within(mine).getByRole('heading', { name: 'Ihre Bewertung' })).toHaveFocus();
    // The Nano was loaded again: its header shows the new average and count.
    expect(await screen.findByText('4,3 ★ (16)')).toBeVisible();
    expect(api.callsTo(`GET ${base}/ratings`).length).toBeGreaterThanOrEqual(2);
  });

  it('asks for stars before sending, and shows the server’s field errors at the fields', async () => {
    const nano = publishedNano();
    const base = `/api/v1/nanos/${nano.id}`;
    const api = mockApi({
      ...consumer,
      ...ratingRoutes(nano, createRatingSummary(), pageOf([], 15)),
      [`PUT ${base}/rating`]: () =>
        problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig', [
          { field: 'body.comment', code: 'too_big', message: 'Höchstens 500 Zeichen.' },
        ]),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const own = await screen.findByRole('region', { name: 'Ihre Bewertung abgeben' });
    await user.click(within(own).getByRole('button', { name: 'Bewertung abgeben' }));
    expect(await within(own).findByText('Bitte wählen Sie 1 bis 5 Sterne.')).toBeVisible();
    expect(within(own).getByRole('radiogroup', { name: /Sterne/ })).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo(`PUT ${base}/rating`)).toHaveLength(0);

    await user.click(within(own).getByRole('radio', { name: '2 von 5 Sternen' }));
    expect(within(own).queryByText('Bitte wählen Sie 1 bis 5 Sterne.')).toBeNull();
    await user.type(within(own).getByRole('textbox', { name: 'Kommentar (optional)' }), 'Zu lang');
    await user.click(within(own).getByRole('button', { name: 'Bewertung abgeben' }));

    const comment = await within(own).findByRole('textbox', {
      name: 'Kommentar (optional)',
      description: /Höchstens 500 Zeichen/,
    });
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveFocus();
    expect(within(own).getByRole('alert')).toHaveTextContent('Die Eingaben sind ungültig');
    expect(api.callsTo(`PUT ${base}/rating`)[0]?.body).toEqual({ score: 2, comment: 'Zu lang' });
  });

  it('changes and deletes the own rating (after confirming)', async () => {
    const nano = publishedNano();
    const mine = createRating({
      nanoId: nano.id,
      mine: true,
      score: 3,
      comment: 'Ganz ok.',
      author: createAuthor({ username: 'anna', displayName: 'Anna Beispiel' }),
    });
    const base = `/api/v1/nanos/${nano.id}`;
    const api = mockApi({
      ...consumer,
      [`GET ${base}`]: () => nano,
      [`GET ${base}/rating-summary`]: [
        () => createRatingSummary({ mine }),
        () => createRatingSummary({ mine: { ...mine, score: 5, comment: null } }),
        () => createRatingSummary({ mine: null }),
      ],
      [`GET ${base}/ratings`]: () => pageOf([mine], 15),
      [`PUT ${base}/rating`]: ({ body }) => ({ ...mine, ...(body as object) }),
      [`DELETE ${base}/rating`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const own = await screen.findByRole('region', { name: 'Ihre Bewertung' });
    expect(own).toHaveTextContent('Ganz ok.');
    await user.click(within(own).getByRole('button', { name: 'Bearbeiten' }));
    const form = screen.getByRole('region', { name: 'Ihre Bewertung abgeben' });
    expect(within(form).getByRole('radio', { name: '3 von 5 Sternen' })).toBeChecked();
    const comment = within(form).getByRole('textbox', { name: 'Kommentar (optional)' });
    expect(comment).toHaveValue('Ganz ok.');
    await user.click(within(form).getByRole('radio', { name: '5 von 5 Sternen' }));
    await user.clear(comment);
    await user.click(within(form).getByRole('button', { name: 'Änderungen speichern' }));
    expect(await screen.findByText('Danke! Ihre Bewertung wurde gespeichert.')).toBeVisible();
    // An emptied comment means none.
    expect(api.callsTo(`PUT ${base}/rating`)[0]?.body).toEqual({ score: 5, comment: null });

    const updated = screen.getByRole('region', { name: 'Ihre Bewertung' });
    await waitFor(() => expect(within(updated).getByRole('img', { name: '5 von 5 Sternen' })).toBeVisible());
    await user.click(within(updated).getByRole('button', { name: 'Löschen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bewertung löschen?' });
    expect(api.callsTo(`DELETE ${base}/rating`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Löschen' }));

    expect(await screen.findByText('Ihre Bewertung wurde gelöscht.')).toBeVisible();
    expect(api.callsTo(`DELETE ${base}/rating`)).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'Ihre Bewertung abgeben' })).toBeVisible();
  });

  it('toggles "Hilfreich" with aria-pressed and the count from the server', async () => {
    const nano = publishedNano();
    const rating = createRating({ nanoId: nano.id });
    const starsOnly = createRating({
      nanoId: nano.id,
      comment: null,
      helpfulCount: 0,
      author: createAuthor({ username: 'clara', displayName: 'Clara Test' }),
    });
    const helpful = `/api/v1/ratings/${rating.id}/helpful`;
    const api = mockApi({
      ...consumer,
      ...ratingRoutes(nano, createRatingSummary(), pageOf([rating, starsOnly], 15)),
      [`PUT ${helpful}`]: () => ({ helpfulCount: 4, helpfulByMe: true }),
      [`DELETE ${helpful}`]: () => ({ helpfulCount: 3, helpfulByMe: false }),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const item = await screen.findByRole('article', { name: 'Bewertung von Bernd Muster' });
    // Stars without a comment: nothing to find helpful.
    const bare = screen.getByRole('article', { name: 'Bewertung von Clara Test' });
    expect(within(bare).queryByRole('button', { name: /Hilfreich/ })).toBeNull();
    const button = within(item).getByRole('button', { name: 'Hilfreich (3)' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(button).toHaveTextContent('Hilfreich (4)');
    expect(api.callsTo(`PUT ${helpful}`)).toHaveLength(1);

    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    expect(button).toHaveTextContent('Hilfreich (3)');
    expect(api.callsTo(`DELETE ${helpful}`)).toHaveLength(1);
  });

  it('sorts by helpfulness and pages through the comments', async () => {
    const nano = publishedNano();
    const api = mockApi({
      ...ratingRoutes(nano, createRatingSummary({ canRate: false, count: 25 }), pageOf([createRating()], 25)),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const sort = await screen.findByRole('radiogroup', { name: 'Sortieren:' });
    await user.click(within(sort).getByRole('radio', { name: 'Hilfreichste' }));
    await waitFor(() =>
      expect(api.callsTo(`GET /api/v1/nanos/${nano.id}/ratings`).at(-1)?.url.searchParams.get('sort')).toBe(
        'helpful',
      ),
    );
    const pages = await screen.findByRole('navigation', { name: 'Seiten der Bewertungen' });
    await user.click(within(pages).getByRole('button', { name: 'Seite 3' }));
    await waitFor(() => {
      const last = api.callsTo(`GET /api/v1/nanos/${nano.id}/ratings`).at(-1)?.url.searchParams;
      expect([last?.get('sort'), last?.get('page')]).toEqual(['helpful', '3']);
    });
  });

  it('lets only the creator answer: reply inline, edit and delete the reply', async () => {
    const nano = publishedNano({ permissions: { ...VIEWER_PERMISSIONS, edit: true } });
    const rating = createRating({ nanoId: nano.id });
    const starsOnly = createRating({
      nanoId: nano.id,
      comment: null,
      author: createAuthor({ username: 'clara', displayName: 'Clara Test' }),
    });
    const reply = `/api/v1/ratings/${rating.id}/reply`;
    const api = mockApi({
      ...creator,
      ...ratingRoutes(nano, createRatingSummary({ canRate: false }), pageOf([rating, starsOnly], 15)),
      [`POST ${reply}`]: ({ body }) => ({ ...rating, reply: createReply((body as { text: string }).text) }),
      [`DELETE ${reply}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    expect(await screen.findByText('Eigene Nanos können nicht bewertet werden.')).toBeVisible();
    expect(screen.queryByRole('radiogroup', { name: /Sterne/ })).toBeNull();
    const item = await screen.findByRole('article', { name: 'Bewertung von Bernd Muster' });
    // The creator answers, but does not vote on the ratings of their own Nano.
    expect(item).toHaveTextContent('3 Personen fanden das hilfreich');
    expect(within(item).queryByRole('button', { name: /Hilfreich/ })).toBeNull();
    // Stars alone: nothing to answer.
    const bare = screen.getByRole('article', { name: 'Bewertung von Clara Test' });
    expect(within(bare).queryByRole('button', { name: /Antworten/ })).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Antworten: Bernd Muster' }));
    const text = within(item).getByRole('textbox', { name: /Ihre Antwort/ });
    expect(text).toHaveFocus();
    await user.type(text, 'Danke, Bernd!');
    expect(item).toHaveTextContent('13/500');
    await user.click(within(item).getByRole('button', { name: 'Antwort speichern' }));

    expect(await within(item).findByText('Antwort von Bildungswerk Nord')).toBeVisible();
    expect(item).toHaveTextContent('Danke, Bernd!');
    expect(api.callsTo(`POST ${reply}`)[0]?.body).toEqual({ text: 'Danke, Bernd!' });
    const edit = within(item).getByRole('button', { name: 'Antwort bearbeiten: Bernd Muster' });
    expect(edit).toHaveFocus();

    await user.click(within(item).getByRole('button', { name: 'Antwort löschen: Bernd Muster' }));
    const dialog = await screen.findByRole('dialog', { name: 'Antwort löschen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Antwort löschen' }));
    await waitFor(() => expect(within(item).queryByText('Antwort von Bildungswerk Nord')).toBeNull());
    expect(api.callsTo(`DELETE ${reply}`)).toHaveLength(1);
    expect(within(item).getByRole('button', { name: 'Antworten: Bernd Muster' })).toBeVisible();
  });

  it('shows other users the reply but no reply buttons', async () => {
    const nano = publishedNano();
    const rating = createRating({
      nanoId: nano.id,
      reply: createReply('Danke! Mehr unter https://bw.example'),
    });
    mockApi({ ...consumer, ...ratingRoutes(nano, createRatingSummary(), pageOf([rating], 15)) });
    renderApp(`/nanos/${nano.id}`);

    const item = await screen.findByRole('article', { name: 'Bewertung von Bernd Muster' });
    expect(item).toHaveTextContent('Antwort von Bildungswerk Nord');
    // The verified creator's link is clickable.
    expect(within(item).getByRole('link', { name: 'https://bw.example' })).toBeVisible();
    expect(within(item).queryByRole('button', { name: /Antwort/ })).toBeNull();
  });

  it('leaves Nanos that cannot have ratings alone (no section, no request)', async () => {
    const nano = createNano({ currentVersion: null, pendingVersion: null });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ username: 'bildungswerk', role: 'creator' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
    });
    renderApp(`/nanos/${nano.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: nano.title })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Bewertungen' })).toBeNull();
    expect(api.callsTo(`GET /api/v1/nanos/${nano.id}/rating-summary`)).toHaveLength(0);
  });
});
