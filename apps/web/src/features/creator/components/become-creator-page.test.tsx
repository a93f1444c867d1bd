import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('become a creator', () => {
  it('explains what creators can do, upgrades the consumer, and says so', async () => {
    const consumer = createCurrentUser();
    const api = mockApi({
      'GET /api/v1/auth/me': () => consumer,
      'POST /api/v1/me/become-creator': () => ({ ...consumer, role: 'creator' }),
    });
    const user = userEvent.setup();
    renderApp('/creator-werden');

    expect(await screen.findByText(/Nanos hochladen und veröffentlichen/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Jetzt Creator werden' }));

    expect(await screen.findByRole('heading', { name: 'Willkommen als Creator!' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Ihr Konto hat jetzt Creator-Rechte.');
    expect(screen.queryByRole('button', { name: 'Jetzt Creator werden' })).not.toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/me/become-creator')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: /^Benutzermenü/ }));
    expect(await screen.findByRole('menuitem', { name: 'Mein Konto' })).toBeVisible();
    expect(screen.queryByRole('menuitem', { name: 'Creator werden' })).not.toBeInTheDocument();
  });
});
