import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createTakedownConfirmation } from '../../../testing/trust-factories.ts';

const TOKEN = 't'.repeat(43);

describe('confirming an infringement notice', () => {
  it('confirms the token once and says the Nano is hidden while it is examined', async () => {
    const api = mockApi({ 'POST /api/v1/takedown-notices/confirm': () => createTakedownConfirmation() });
    renderApp(`/rechtsverletzung-melden/bestaetigen?token=${TOKEN}`);

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Danke, Ihre Meldung ist bestätigt.',
    });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(
      '„Pivot-Tabellen in 10 Minuten“ ist ab sofort gesperrt, solange wir die Meldung prüfen.',
    );
    expect(screen.getByRole('status')).toHaveTextContent(/Der Creator kann bis .+ Stellung nehmen/);
    expect(api.callsTo('POST /api/v1/takedown-notices/confirm')).toHaveLength(1);
    expect(api.callsTo('POST /api/v1/takedown-notices/confirm')[0]?.body).toEqual({ token: TOKEN });
  });

  it('tells a complainant who confirms again after the decision how it ended', async () => {
    mockApi({
      'POST /api/v1/takedown-notices/confirm': () =>
        createTakedownConfirmation({ status: 'upheld', responseDueAt: null }),
    });
    renderApp(`/rechtsverletzung-melden/bestaetigen?token=${TOKEN}`);

    expect(
      await screen.findByRole('heading', { name: 'Diese Meldung ist bereits bearbeitet.' }),
    ).toBeVisible();
    expect(
      screen.getByText('Zur Meldung über „Pivot-Tabellen in 10 Minuten“ gilt: Beschwerde bestätigt.'),
    ).toBeVisible();
  });

  it('explains an invalid or expired link and offers the form again', async () => {
    mockApi({
      'POST /api/v1/takedown-notices/confirm': () =>
        problemResponse(400, 'takedown_token_invalid', 'Der Link ist ungültig.'),
    });
    renderApp(`/rechtsverletzung-melden/bestaetigen?token=${TOKEN}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Der Link ist ungültig oder abgelaufen.');
    expect(screen.getByRole('link', { name: 'Meldung erneut senden' })).toHaveAttribute(
      'href',
      '/rechtsverletzung-melden',
    );
  });

  it('treats a missing token as an unusable link without asking the server', async () => {
    const api = mockApi();
    renderApp('/rechtsverletzung-melden/bestaetigen');

    expect(await screen.findByRole('alert')).toHaveTextContent('Der Link ist ungültig oder abgelaufen.');
    expect(api.callsTo('POST /api/v1/takedown-notices/confirm')).toHaveLength(0);
  });
});
