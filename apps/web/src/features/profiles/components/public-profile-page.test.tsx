import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createPublicProfile } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('public profile page', () => {
  it("shows a creator's public card", async () => {
    mockApi({ 'GET /api/v1/users/bildungswerk': () => createPublicProfile() });
    renderApp('/nutzer/bildungswerk');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bildungswerk Nord' })).toBeVisible();
    expect(screen.getByText('@bildungswerk')).toBeVisible();
    expect(screen.getByText('Creator')).toBeVisible();
    expect(screen.getByText('Verifizierter Anbieter')).toBeVisible();
    expect(screen.getByText('Akademieleitung · Bildungswerk Nord e. V.')).toBeVisible();
    expect(screen.getByText('Mitglied seit März 2024')).toBeVisible();
    expect(screen.getByRole('link', { name: 'https://bildungswerk.example' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow ugc',
    );
    expect(document.title).toBe('Bildungswerk Nord – Nano-Marktplatz');
  });

  it('never turns a non-web address into a link', async () => {
    mockApi({
      'GET /api/v1/users/bildungswerk': () => createPublicProfile({ website: 'javascript:alert(1)' }),
    });
    renderApp('/nutzer/bildungswerk');

    await screen.findByRole('heading', { level: 1, name: 'Bildungswerk Nord' });
    expect(screen.queryByText('javascript:alert(1)')).not.toBeInTheDocument();
  });

  it('says the profile was not found for an unknown or hidden user', async () => {
    mockApi({ 'GET /api/v1/users/niemand': () => problemResponse(404, 'not_found', 'Nicht gefunden') });
    renderApp('/nutzer/niemand');

    expect(await screen.findByRole('heading', { level: 1, name: 'Profil nicht gefunden' })).toBeVisible();
  });
});
