import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNano, createNanoSummary } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('Meine Nanos', () => {
  it('lists own Nanos with localised status, counters and the new-version marker; actions follow permissions', async () => {
    const published = createNanoSummary({
      title: 'Excel-Basics',
      status: 'published',
      hasPendingVersion: true,
      counters: { views: 1500, downloads: 12, favorites: 42, ratingAverage: 4.2, ratingCount: 15 },
    });
    const draft = createNanoSummary({ title: 'Datenschutz im Büro', status: 'changes_requested' });
    const detail = createNano({
      id: published.id,
      title: 'Excel-Basics',
      status: 'published',
      permissions: {
        edit: true,
        submit: false,
        archive: true,
        restore: false,
        delete: true,
        download: true,
        review: false,
      },
    });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }),
      'GET /api/v1/me/nanos': () => ({ items: [published, draft], total: 2, page: 1, pageSize: 20 }),
      [`GET /api/v1/nanos/${published.id}`]: () => detail,
      [`POST /api/v1/nanos/${published.id}/archive`]: () => ({ ...detail, status: 'archived' }),
    });
    const user = userEvent.setup();
    renderApp('/meine-nanos');

    const table = await screen.findByRole('table', { name: 'Ihre Nanos' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('Veröffentlicht');
    expect(first).toHaveTextContent('Neue Version in Prüfung');
    expect(first).toHaveTextContent('1.500');
    expect(first).toHaveTextContent('♥ 42');
    expect(first).toHaveTextContent('4,2 ★ (15)');
    expect(second).toHaveTextContent('Änderungen erbeten');
    expect(second).toHaveTextContent('Noch keine Bewertungen');
    expect(api.callsTo(`GET /api/v1/nanos/${published.id}`)).toHaveLength(0);

    await user.click(
      within(first as HTMLElement).getByRole('button', { name: 'Aktionen für „Excel-Basics“' }),
    );
    expect(await screen.findByRole('menuitem', { name: 'Archivieren' })).toBeVisible();
    expect(screen.getByRole('menuitem', { name: 'Bearbeiten' })).toHaveAttribute(
      'href',
      `/nanos/${published.id}/bearbeiten`,
    );
    expect(screen.getByRole('menuitem', { name: 'Löschen' })).toBeVisible();
    expect(screen.queryByRole('menuitem', { name: 'Zur Prüfung einreichen' })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: 'Wiederherstellen' })).toBeNull();

    await user.click(screen.getByRole('menuitem', { name: 'Archivieren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nano archivieren?' });
    await user.click(within(dialog).getByRole('button', { name: 'Archivieren' }));
    expect(await screen.findByRole('status')).toHaveTextContent('„Excel-Basics“ wurde archiviert.');
    expect(api.callsTo(`POST /api/v1/nanos/${published.id}/archive`)).toHaveLength(1);
  });

  it('invites to upload the first Nano when there is none', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }),
      'GET /api/v1/me/nanos': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/meine-nanos');

    expect(await screen.findByRole('heading', { level: 2, name: 'Noch keine Nanos' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Ersten Nano hochladen' })).toHaveAttribute('href', '/nanos/neu');
  });

  it('links "Meine Nanos" and "Nano hochladen" in the user menu of creators only', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }) });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Benutzermenü für Anna Beispiel' }));
    expect(screen.getByRole('menuitem', { name: 'Meine Nanos' })).toHaveAttribute('href', '/meine-nanos');
    expect(screen.getByRole('menuitem', { name: 'Nano hochladen' })).toHaveAttribute('href', '/nanos/neu');
    expect(screen.queryByRole('menuitem', { name: 'Moderation' })).toBeNull();
  });
});
