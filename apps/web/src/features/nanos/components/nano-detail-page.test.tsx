import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createCategoryTree,
  createCurrentUser,
  createNano,
  createNanoFile,
  createNanoSummary,
  createNanoVersion,
} from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const GUEST_PERMISSIONS = {
  edit: false,
  submit: false,
  archive: false,
  restore: false,
  delete: false,
  download: true,
  review: false,
};

describe('Nano detail page', () => {
  it('shows a published Nano to a guest: facts, counters, creator card, viewer, files and the download', async () => {
    const tree = createCategoryTree();
    const excel = tree.items[0]?.children[0];
    const version = createNanoVersion();
    const nano = createNano({
      status: 'published',
      categoryIds: [excel?.id ?? ''],
      currentVersion: version,
      pendingVersion: null,
      permissions: GUEST_PERMISSIONS,
    });
    const base = `/api/v1/nanos/${nano.id}/versions/${version.id}/content`;
    mockApi({
      'GET /api/v1/categories': () => tree,
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: () => ({
        versionId: version.id,
        items: [
          createNanoFile('bilder/diagramm.png', 'png', 'image/png'),
          createNanoFile('liesmich.md', 'markdown', 'text/markdown; charset=utf-8'),
          createNanoFile('folien.pdf', 'pdf', 'application/pdf', 2_500_000),
        ],
      }),
      [`GET ${base}/liesmich.md`]: () => new Response('# Hallo <b>fett</b>', { status: 200 }),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pivot-Tabellen in 10 Minuten' }),
    ).toBeVisible();
    const facts = screen.getByRole('list', { name: 'Eckdaten' });
    expect(facts).toHaveTextContent('Dauer: 10 Min.');
    expect(facts).toHaveTextContent('Niveau: Grundlagen');
    expect(facts).toHaveTextContent('Sprache: Deutsch');
    expect(facts).toHaveTextContent('Format: Gemischt');
    const stats = screen.getByRole('list', { name: 'Kennzahlen' });
    expect(stats).toHaveTextContent('4,2 ★ (15)');
    expect(stats).toHaveTextContent('♥ 42');
    expect(stats).toHaveTextContent('1.234 Aufrufe');
    expect(screen.getByRole('link', { name: 'ZIP herunterladen' })).toHaveAttribute(
      'href',
      `/api/v1/nanos/${nano.id}/download`,
    );
    const creator = screen.getByRole('region', { name: 'Anbieter' });
    expect(within(creator).getByRole('link', { name: 'Bildungswerk Nord' })).toHaveAttribute(
      'href',
      '/nutzer/bildungswerk',
    );
    expect(creator).toHaveTextContent('Verifizierter Anbieter');
    expect(creator).toHaveTextContent('12 veröffentlichte Nanos · Ø 4,3 ★');
    expect(screen.getByRole('region', { name: 'Lizenz' })).toHaveTextContent('CC BY 4.0 (Namensnennung)');
    expect(await screen.findByText('Business Skills › Excel')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Bearbeiten' })).toBeNull();

    expect(await screen.findByRole('tab', { name: 'folien.pdf', selected: true })).toBeVisible();
    expect(screen.getByText('PDF wird geladen …')).toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'diagramm.png' }));
    expect(await screen.findByRole('img', { name: 'Bild diagramm.png' })).toHaveAttribute(
      'src',
      `${base}/bilder/diagramm.png`,
    );
    const files = screen.getByRole('table', { name: 'Dateien von „Pivot-Tabellen in 10 Minuten“' });
    expect(within(files).getAllByRole('row')).toHaveLength(4);
    expect(files).toHaveTextContent('2,4 MB');

    await user.click(screen.getByRole('tab', { name: 'liesmich.md' }));
    const text = await screen.findByLabelText('Inhalt von liesmich.md');
    expect(text).toHaveTextContent('# Hallo <b>fett</b>');
    expect(text.querySelector('b')).toBeNull();
  });

  it('shows an HTML package in a sandboxed frame first, and video with the content address', async () => {
    const version = createNanoVersion({ packageKind: 'html' });
    const nano = createNano({
      status: 'published',
      currentVersion: version,
      pendingVersion: null,
      permissions: { ...GUEST_PERMISSIONS, download: false },
    });
    const base = `/api/v1/nanos/${nano.id}/versions/${version.id}/content`;
    mockApi({
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: () => ({
        versionId: version.id,
        items: [
          createNanoFile('index.html', 'html', 'text/html; charset=utf-8'),
          createNanoFile('app.js', 'js', 'text/javascript; charset=utf-8'),
          createNanoFile('media/intro video.mp4', 'mp4', 'video/mp4'),
        ],
      }),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const frame = await screen.findByTitle('Interaktiver Inhalt von „Pivot-Tabellen in 10 Minuten“');
    expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
    expect(frame).toHaveAttribute('src', `${base}/index.html`);
    expect(screen.getByRole('tab', { name: 'Interaktives Paket', selected: true })).toBeVisible();
    expect(screen.queryByRole('tab', { name: 'app.js' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'ZIP herunterladen' })).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'intro video.mp4' }));
    expect(screen.getByLabelText('Video intro video.mp4')).toHaveAttribute(
      'src',
      `${base}/media/intro%20video.mp4`,
    );
  });

  it('offers the owner exactly the actions in `permissions`, and deletes only after confirmation', async () => {
    const nano = createNano();
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: () => ({
        versionId: nano.pendingVersion?.id,
        items: [createNanoFile('bild.webp', 'webp', 'image/webp')],
      }),
      [`DELETE /api/v1/nanos/${nano.id}`]: () => new Response(null, { status: 204 }),
      'GET /api/v1/me/nanos': () => ({ items: [createNanoSummary()], total: 1, page: 1, pageSize: 20 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/nanos/${nano.id}`);

    await screen.findByRole('heading', { level: 1, name: 'Pivot-Tabellen in 10 Minuten' });
    expect(screen.getByRole('note')).toHaveTextContent('Dieser Nano ist ein Entwurf.');
    expect(screen.getByRole('link', { name: 'Bearbeiten' })).toHaveAttribute(
      'href',
      `/nanos/${nano.id}/bearbeiten`,
    );
    expect(screen.getByRole('button', { name: 'Zur Prüfung einreichen' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Archivieren' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Wiederherstellen' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'ZIP herunterladen' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nano löschen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    expect(api.callsTo(`DELETE /api/v1/nanos/${nano.id}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Nano löschen?' })).getByRole('button', {
        name: 'Endgültig löschen',
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Meine Nanos' })).toBeVisible();
    expect(api.callsTo(`DELETE /api/v1/nanos/${nano.id}`)).toHaveLength(1);
    expect(router.state.location.pathname).toBe('/meine-nanos');
  });

  it('lists what is missing when the server refuses a submission', async () => {
    const nano = createNano({ description: '' });
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: () => ({ versionId: nano.pendingVersion?.id, items: [] }),
      [`POST /api/v1/nanos/${nano.id}/submit`]: () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Die Eingaben sind ungültig.',
            status: 400,
            code: 'validation_failed',
            errors: [
              { field: 'nano.description', code: 'required_for_submission', message: 'Erforderlich.' },
              { field: 'nano.categoryIds', code: 'required_for_submission', message: 'Erforderlich.' },
            ],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    await user.click(await screen.findByRole('button', { name: 'Zur Prüfung einreichen' }));

    const alert = await screen.findByText('Für die Einreichung fehlt noch:');
    const list = alert.nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Beschreibung', 'Kategorien']);
  });
});
