import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('administration menu section', () => {
  it('leads admins to every page of the admin console', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin', displayName: 'Ada Admin' }) });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Benutzermenü für Ada Admin' }));
    const menu = await screen.findByRole('menu');
    const links = [
      ['Nutzer', '/admin/nutzer'],
      ['Kategorien', '/admin/kategorien'],
      ['Empfohlene Nanos', '/admin/empfohlen'],
      ['Audit-Log', '/admin/audit'],
      ['Datenschutz (DSGVO)', '/admin/datenschutz'],
      ['Rechtstexte', '/admin/rechtstexte'],
      ['Plattform-Statistik', '/admin/statistik'],
      ['Suchanalyse', '/admin/suchanalyse'],
    ];
    for (const [name, href] of links) {
      expect(within(menu).getByRole('menuitem', { name })).toHaveAttribute('href', href);
    }
    expect(within(menu).getByText('Administration')).toBeVisible();
  });

  it('is not there for moderators', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator', displayName: 'Mo' }) });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Benutzermenü für Mo' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitem', { name: 'Audit-Log' })).toBeNull();
    expect(within(menu).queryByText('Administration')).toBeNull();
  });
});
