import type { Nano } from '@nano/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNano, createPublicProfile } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { createRating, createRatingSummary, pageOf } from '../../../testing/rating-factories.ts';
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

function publishedNano(overrides: Partial<Nano> = {}): Nano {
  return createNano({
    status: 'published',
    currentVersion: null,
    pendingVersion: null,
    permissions: VIEWER_PERMISSIONS,
    ...overrides,
  });
}

const signedIn = (username = 'anna') => ({
  'GET /api/v1/auth/me': () => createCurrentUser({ username }),
});

function flagAnswer(targetType: string) {
  return (request: { body: unknown }) =>
    new Response(
      JSON.stringify({
        id: crypto.randomUUID(),
        targetType,
        targetId: (request.body as { targetId: string }).targetId,
        reason: (request.body as { reason: string }).reason,
        status: 'open',
        createdAt: new Date().toISOString(),
      }),
      { status: 201, headers: { 'Content-Type': 'application/json' } },
    );
}

describe('reporting a Nano', () => {
  it('asks for a reason, sends it with the description and thanks the reporter', async () => {
    const nano = publishedNano();
    const api = mockApi({
      ...signedIn(),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/flags': flagAnswer('nano'),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    await user.click(await screen.findByRole('button', { name: 'Melden' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nano melden' });
    expect(within(dialog).getByText(`Nano: „${nano.title}“`)).toBeVisible();

    await user.click(within(dialog).getByRole('button', { name: 'Meldung senden' }));
    expect(within(dialog).getByText('Bitte wählen Sie einen Grund.')).toBeVisible();
    expect(api.callsTo('POST /api/v1/flags')).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: 'Urheberrechtsverletzung' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Beschreibung (freiwillig)' }),
      'Aus meinem Buch',
    );
    expect(within(dialog).getByText('15 / 1000 Zeichen')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Meldung senden' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Danke, Ihre Meldung ist eingegangen.',
    );
    expect(api.callsTo('POST /api/v1/flags')[0]?.body).toEqual({
      targetType: 'nano',
      targetId: nano.id,
      reason: 'copyright',
      description: 'Aus meinem Buch',
    });
    await user.click(within(dialog).getAllByRole('button', { name: 'Schließen' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('explains a second report of the same Nano instead of showing an error', async () => {
    const nano = publishedNano();
    mockApi({
      ...signedIn(),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/flags': () => problemResponse(409, 'flag_exists', 'Bereits gemeldet'),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    await user.click(await screen.findByRole('button', { name: 'Melden' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nano melden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Spam oder Werbung' }));
    await user.click(within(dialog).getByRole('button', { name: 'Meldung senden' }));

    expect(await within(dialog).findByText(/Sie haben das schon gemeldet/)).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: 'Meldung senden' })).not.toBeInTheDocument();
  });

  it('sends guests to the login first and offers everyone the infringement form', async () => {
    const nano = publishedNano();
    mockApi({ [`GET /api/v1/nanos/${nano.id}`]: () => nano });
    renderApp(`/nanos/${nano.id}`);

    expect(await screen.findByRole('link', { name: 'Melden' })).toHaveAttribute(
      'href',
      `/anmelden?next=${encodeURIComponent(`/nanos/${nano.id}`)}`,
    );
    expect(
      within(screen.getByRole('main')).getByRole('link', { name: 'Rechtsverletzung melden' }),
    ).toHaveAttribute('href', `/rechtsverletzung-melden?nano=${nano.id}`);
  });

  it('offers neither on the creator’s own Nano', async () => {
    const nano = publishedNano();
    mockApi({ ...signedIn('bildungswerk'), [`GET /api/v1/nanos/${nano.id}`]: () => nano });
    renderApp(`/nanos/${nano.id}`);

    await screen.findByRole('heading', { level: 1, name: nano.title });
    expect(screen.queryByRole('button', { name: 'Melden' })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('main')).queryByRole('link', { name: 'Rechtsverletzung melden' }),
    ).not.toBeInTheDocument();
  });
});

describe('reporting a rating', () => {
  it('reports someone else’s comment, never one’s own', async () => {
    const nano = publishedNano();
    const theirs = createRating({ nanoId: nano.id, comment: 'Totaler Mist, der Autor ist ein Idiot.' });
    const mine = createRating({ nanoId: nano.id, mine: true, comment: 'Hilfreich.' });
    const api = mockApi({
      ...signedIn(),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/rating-summary`]: () => createRatingSummary({ mine }),
      [`GET /api/v1/nanos/${nano.id}/ratings`]: () => pageOf([theirs, mine]),
      'POST /api/v1/flags': flagAnswer('rating'),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    // The ratings load after the Nano and its summary.
    await screen.findByText('Totaler Mist, der Autor ist ein Idiot.', {}, { timeout: 10_000 });
    const button = screen.getByRole('button', { name: 'Melden: Bewertung von Bernd Muster' });
    // One for the Nano, one for the other person's rating; none for the own.
    expect(screen.getAllByRole('button', { name: /^Melden/ })).toHaveLength(2);
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Bewertung melden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Belästigung oder Beleidigung' }));
    await user.click(within(dialog).getByRole('button', { name: 'Meldung senden' }));

    await within(dialog).findByRole('status');
    expect(api.callsTo('POST /api/v1/flags')[0]?.body).toMatchObject({
      targetType: 'rating',
      targetId: theirs.id,
      reason: 'harassment',
    });
  });
});

describe('reporting a profile', () => {
  it('reports another user by id, not oneself', async () => {
    const profile = createPublicProfile();
    const api = mockApi({
      ...signedIn(),
      'GET /api/v1/users/bildungswerk': () => profile,
      'GET /api/v1/users/anna': () => createPublicProfile({ id: crypto.randomUUID(), username: 'anna' }),
      'POST /api/v1/flags': flagAnswer('user'),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/nutzer/bildungswerk');

    await user.click(await screen.findByRole('button', { name: 'Melden' }));
    const dialog = await screen.findByRole('dialog', { name: 'Profil melden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Sonstiges' }));
    await user.click(within(dialog).getByRole('button', { name: 'Meldung senden' }));
    await within(dialog).findByRole('status');
    expect(api.callsTo('POST /api/v1/flags')[0]?.body).toMatchObject({
      targetType: 'user',
      targetId: profile.id,
    });
    await user.click(within(dialog).getAllByRole('button', { name: 'Schließen' }).at(-1) as HTMLElement);

    await router.navigate('/nutzer/anna');
    await screen.findByText('@anna');
    expect(screen.queryByRole('button', { name: 'Melden' })).not.toBeInTheDocument();
  });
});
