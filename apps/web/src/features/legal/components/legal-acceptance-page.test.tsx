import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

function legalDocument(kind: 'privacy' | 'terms', version: number) {
  return {
    kind,
    version,
    title:
      kind === 'privacy'
        ? { de: 'Datenschutzerklärung', en: 'Privacy policy' }
        : { de: 'Nutzungsbedingungen', en: 'Terms of use' },
    body: { de: 'Text', en: 'Text' },
    requiresAcceptance: true,
    changeNote: kind === 'terms' ? 'Neue Regeln für Kommentare' : null,
    publishedAt: '2026-03-01T10:00:00.000Z',
  };
}

const pending = createCurrentUser({
  pendingLegal: [
    { kind: 'terms', version: 4 },
    { kind: 'privacy', version: 2 },
  ],
});

describe('legal acceptance', () => {
  it('keeps the user on /zustimmung until every changed text is accepted, then goes on to ?next', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': [() => pending, () => createCurrentUser({ id: pending.id })],
      'GET /api/v1/legal/terms': () => legalDocument('terms', 4),
      'GET /api/v1/legal/privacy': () => legalDocument('privacy', 2),
      'POST /api/v1/me/legal-acceptances': () => new Response(null, { status: 204 }),
      'GET /api/v1/me/favorites/ids': () => ({ ids: [] }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/favoriten');

    expect(await screen.findByRole('heading', { level: 1, name: 'Geänderte Bedingungen' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/zustimmung');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/favoriten');

    const terms = await screen.findByRole('region', { name: 'Nutzungsbedingungen' });
    expect(await within(terms).findByText('Neue Regeln für Kommentare')).toBeVisible();
    expect(within(terms).getByRole('link', { name: /Nutzungsbedingungen lesen/ })).toHaveAttribute(
      'href',
      '/nutzungsbedingungen',
    );

    await user.click(screen.getByRole('button', { name: 'Zustimmen und fortfahren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte stimmen Sie jedem Text zu');
    expect(api.callsTo('POST /api/v1/me/legal-acceptances')).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: /Nutzungsbedingungen“ in Version 4/ }));
    await user.click(screen.getByRole('checkbox', { name: /Datenschutzerklärung“ in Version 2/ }));
    await user.click(screen.getByRole('button', { name: 'Zustimmen und fortfahren' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/favoriten'));
    expect(api.callsTo('POST /api/v1/me/legal-acceptances')[0]?.body).toEqual({
      documents: [
        { kind: 'terms', version: 4 },
        { kind: 'privacy', version: 2 },
      ],
    });
  });

  it('lets the user read the legal pages meanwhile, and sign out', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => pending,
      'GET /api/v1/legal/terms': () => legalDocument('terms', 4),
      'GET /api/v1/legal/terms/versions': () => ({ items: [] }),
      'GET /api/v1/legal/privacy': () => legalDocument('privacy', 2),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/nutzungsbedingungen');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nutzungsbedingungen' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/nutzungsbedingungen');

    await router.navigate('/');
    await user.click(await screen.findByRole('button', { name: 'Abmelden' }));
    await waitFor(() => expect(api.callsTo('POST /api/v1/auth/logout')).toHaveLength(1));
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/zustimmung'));
  });
});
