import type { Nano } from '@nano/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createNano } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';
import { createSearchHit, createSearchResult } from '../../../testing/search-factories.ts';

function publishedNano(overrides: Partial<Nano> = {}): Nano {
  return createNano({ status: 'published', currentVersion: null, pendingVersion: null, ...overrides });
}

const accepted = () => jsonResponse({ status: 'confirmation_sent' }, 202);

async function fillRest(user: UserEvent) {
  await user.type(screen.getByRole('textbox', { name: /Ihr Name/ }), 'Verlag Beispiel GmbH');
  await user.type(screen.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ }), 'recht@verlag.example');
  await user.type(
    screen.getByRole('textbox', { name: /Welches Werk wird verletzt/ }),
    'Lehrbuch „Excel für Profis“, Abbildungen 4.1 bis 4.6',
  );
  await user.type(
    screen.getByRole('textbox', { name: /Wo ist das Original/ }),
    'https://verlag.example/excel-fuer-profis',
  );
  await user.click(screen.getByRole('checkbox', { name: /in gutem Glauben/ }));
  await user.click(screen.getByRole('checkbox', { name: /zutreffend und vollständig/ }));
}

describe('infringement notice form', () => {
  it('takes the Nano from the link, sends the notice and asks to confirm the email address', async () => {
    const nano = publishedNano();
    const api = mockApi({
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/takedown-notices': accepted,
    });
    const user = userEvent.setup();
    renderApp(`/rechtsverletzung-melden?nano=${nano.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Rechtsverletzung melden' })).toBeVisible();
    expect(await screen.findByRole('link', { name: nano.title })).toHaveAttribute(
      'href',
      `/nanos/${nano.id}`,
    );
    await fillRest(user);
    await user.click(screen.getByRole('button', { name: 'Meldung senden' }));

    const sent = await screen.findByRole('heading', {
      level: 2,
      name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
    });
    expect(sent).toHaveFocus();
    expect(screen.getByText(/an recht@verlag.example geschickt/)).toBeVisible();
    expect(api.callsTo('POST /api/v1/takedown-notices')[0]?.body).toEqual({
      nanoId: nano.id,
      complainantName: 'Verlag Beispiel GmbH',
      complainantEmail: 'recht@verlag.example',
      work: 'Lehrbuch „Excel für Profis“, Abbildungen 4.1 bis 4.6',
      originalLocation: 'https://verlag.example/excel-fuer-profis',
      goodFaith: true,
      accuracy: true,
    });
  });

  it('keeps a Nano from the link that the visitor cannot see (already hidden), by its id', async () => {
    const id = crypto.randomUUID();
    const api = mockApi({
      [`GET /api/v1/nanos/${id}`]: () => problemResponse(404, 'not_found', 'Nicht gefunden'),
      'POST /api/v1/takedown-notices': accepted,
    });
    const user = userEvent.setup();
    renderApp(`/rechtsverletzung-melden?nano=${id}`);

    expect(await screen.findByText(/derzeit nicht öffentlich sichtbar/)).toBeVisible();
    expect(screen.getByText('Nano aus Ihrem Link')).toBeVisible();
    await fillRest(user);
    await user.click(screen.getByRole('button', { name: 'Meldung senden' }));
    await screen.findByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' });
    expect(api.callsTo('POST /api/v1/takedown-notices')[0]?.body).toMatchObject({ nanoId: id });
  });

  it('needs a Nano, every field and both declarations before sending', async () => {
    const api = mockApi({ 'POST /api/v1/takedown-notices': accepted });
    const user = userEvent.setup();
    renderApp('/rechtsverletzung-melden');

    await user.click(await screen.findByRole('button', { name: 'Meldung senden' }));

    expect(await screen.findByText('Bitte wählen Sie den Nano, um den es geht.')).toBeVisible();
    expect(screen.getAllByText('Bitte bestätigen Sie diese Erklärung.')).toHaveLength(2);
    expect(screen.getAllByText('Bitte füllen Sie dieses Feld aus.').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole('searchbox', { name: /Betroffener Nano/ })).toHaveFocus();
    expect(api.callsTo('POST /api/v1/takedown-notices')).toHaveLength(0);
  });

  it('finds the Nano by its title or a pasted address', async () => {
    const hit = createSearchHit({ title: 'Excel-Pivot-Tabellen in 10 Minuten' });
    const pasted = publishedNano({ title: 'SVERWEIS verstehen' });
    const api = mockApi({
      'GET /api/v1/search': () => createSearchResult({ items: [hit] }),
      [`GET /api/v1/nanos/${pasted.id}`]: () => pasted,
    });
    const user = userEvent.setup();
    renderApp('/rechtsverletzung-melden');

    const search = await screen.findByRole('searchbox', { name: /Betroffener Nano/ });
    await user.type(search, 'pivot');
    expect(await screen.findByText('1 Nano gefunden')).toBeVisible();
    expect(api.callsTo('GET /api/v1/search')[0]?.url.searchParams.get('q')).toBe('pivot');
    await user.clear(search);
    await user.type(search, `http://localhost/nanos/${pasted.id}`);
    const pick = await screen.findByRole('button', { name: 'Auswählen: SVERWEIS verstehen' });
    expect(
      within(screen.getByRole('list', { name: 'Gefundene Nanos' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    await user.click(pick);

    expect(screen.getByRole('link', { name: 'SVERWEIS verstehen' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Anderen Nano wählen' }));
    expect(screen.getByRole('searchbox', { name: /Betroffener Nano/ })).toBeVisible();
  });

  it('shows the server’s field errors at the fields', async () => {
    const nano = publishedNano();
    mockApi({
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/takedown-notices': () =>
        problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig.', [
          {
            field: 'body.complainantEmail',
            code: 'invalid',
            message: 'Diese Adresse nimmt keine E-Mails an.',
          },
        ]),
    });
    const user = userEvent.setup();
    renderApp(`/rechtsverletzung-melden?nano=${nano.id}`);

    await screen.findByRole('link', { name: nano.title });
    await fillRest(user);
    await user.click(screen.getByRole('button', { name: 'Meldung senden' }));

    const email = screen.getByRole('textbox', { name: /Ihre E-Mail-Adresse/ });
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Diese Adresse nimmt keine E-Mails an./));
    expect(email).toHaveFocus();
  });

  it('says how long to wait when too many notices came from the network', async () => {
    const nano = publishedNano();
    mockApi({
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/takedown-notices': () => {
        const response = problemResponse(429, 'rate_limited', 'Zu viele Anfragen.');
        response.headers.set('Retry-After', '1500');
        return response;
      },
    });
    const user = userEvent.setup();
    renderApp(`/rechtsverletzung-melden?nano=${nano.id}`);

    await screen.findByRole('link', { name: nano.title });
    await fillRest(user);
    await user.click(screen.getByRole('button', { name: 'Meldung senden' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Zu viele Anfragen.');
    expect(alert).toHaveTextContent('Bitte versuchen Sie es in 25 Minuten erneut.');
  });

  it('is linked from the footer of every page', async () => {
    mockApi();
    renderApp('/');

    const footer = await screen.findByRole('navigation', { name: 'Rechtliches und Sicherheit' });
    expect(within(footer).getByRole('link', { name: 'Rechtsverletzung melden' })).toHaveAttribute(
      'href',
      '/rechtsverletzung-melden',
    );
    expect(within(footer).getByRole('link', { name: 'Transparenzbericht' })).toHaveAttribute(
      'href',
      '/transparenzbericht',
    );
  });
});
