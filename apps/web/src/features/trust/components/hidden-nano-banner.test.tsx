import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNano } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('a hidden Nano on its page', () => {
  it('tells its owner why it is blocked and where to answer the notice', async () => {
    const nano = createNano({ status: 'hidden', currentVersion: null, pendingVersion: null });
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ username: 'bildungswerk', role: 'creator' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
    });
    renderApp(`/nanos/${nano.id}`);

    const banner = await screen.findByRole('note');
    expect(banner).toHaveTextContent('Gesperrt – wird geprüft');
    expect(banner).toHaveTextContent(
      'vorübergehend gesperrt, weil eine Beschwerde oder Meldung geprüft wird',
    );
    expect(await within(banner).findByRole('link', { name: 'Beschwerden zu meinen Nanos' })).toHaveAttribute(
      'href',
      '/meine-nanos/beschwerden',
    );
    expect(within(banner).getByRole('link', { name: 'Meine Entscheidungen' })).toHaveAttribute(
      'href',
      '/meine-entscheidungen',
    );
    // Nobody reports a Nano that is already blocked.
    expect(screen.queryByRole('button', { name: 'Melden' })).not.toBeInTheDocument();
  });

  it('shows staff the state without the owner’s links', async () => {
    const nano = createNano({ status: 'hidden', currentVersion: null, pendingVersion: null });
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ username: 'mod', role: 'moderator' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
    });
    renderApp(`/nanos/${nano.id}`);

    const banner = await screen.findByRole('note');
    expect(banner).toHaveTextContent('Gesperrt – wird geprüft');
    expect(within(banner).queryByRole('link')).not.toBeInTheDocument();
  });
});
