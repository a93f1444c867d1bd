import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createCategoryTree,
  createCurrentUser,
  createNano,
  createNanoVersion,
  createProblem,
} from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';

const creator = () => createCurrentUser({ role: 'creator' });

describe('upload wizard › metadata', () => {
  it('checks the fields live, explains the licence, and creates the draft before going on to the file', async () => {
    const tree = createCategoryTree();
    const excel = tree.items[0]?.children[0];
    const created = createNano({ pendingVersion: null });
    const api = mockApi({
      'GET /api/v1/auth/me': creator,
      'GET /api/v1/categories': () => tree,
      'POST /api/v1/nanos': ({ body }) => jsonResponse({ ...created, ...(body as object) }, 201),
      [`GET /api/v1/nanos/${created.id}`]: () => created,
    });
    const user = userEvent.setup();
    const { router } = renderApp('/nanos/neu');

    expect(await screen.findByRole('heading', { level: 1, name: 'Nano hochladen' })).toBeVisible();
    const form = screen.getByRole('form', { name: 'Beschreibung des Nanos' });
    await user.click(within(form).getByRole('button', { name: 'Entwurf anlegen und weiter' }));

    const title = within(form).getByRole('textbox', { name: 'Titel' });
    expect(title).toHaveAccessibleDescription(/Bitte füllen Sie dieses Feld aus\./);
    expect(title).toHaveFocus();
    expect(within(form).getByRole('radiogroup', { name: 'Niveau' })).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/nanos')).toHaveLength(0);

    await user.type(title, 'Pivot-Tabellen in 10 Minuten');
    const description = within(form).getByRole('textbox', { name: 'Beschreibung' });
    await user.type(description, 'Daten auswerten.');
    expect(description).toHaveAccessibleDescription(/16 von 1000 Zeichen/);
    const duration = within(form).getByRole('textbox', { name: 'Dauer' });
    await user.type(duration, '700');
    await user.tab();
    expect(duration).toHaveAccessibleDescription(/Höchstens 600\./);
    await user.clear(duration);
    await user.type(duration, '10');
    await user.click(within(form).getByRole('textbox', { name: 'Format' }));
    await user.click(await screen.findByRole('option', { name: 'Gemischt' }));
    const basics = within(form).getByRole('radio', { name: 'Grundlagen' });
    expect(basics).toHaveAccessibleDescription('Keine Vorkenntnisse nötig – für den Einstieg.');
    await user.click(basics);

    await user.click(within(form).getByRole('radio', { name: 'Eigene Lizenz' }));
    await user.click(within(form).getByRole('button', { name: 'Entwurf anlegen und weiter' }));
    expect(within(form).getByRole('textbox', { name: 'Nutzungsbedingungen' })).toHaveAccessibleDescription(
      /Bitte beschreiben Sie die Nutzungsbedingungen Ihrer eigenen Lizenz\./,
    );
    const ccBy = within(form).getByRole('radio', { name: 'CC BY 4.0 (Namensnennung)' });
    expect(ccBy).toHaveAccessibleDescription(/wenn sie Sie als Urheber nennen/);
    await user.click(ccBy);
    expect(within(form).queryByRole('textbox', { name: 'Nutzungsbedingungen' })).toBeNull();

    await user.click(within(form).getByRole('textbox', { name: 'Kategorien' }));
    await user.click(await screen.findByRole('option', { name: 'Excel' }));
    await user.type(within(form).getByRole('textbox', { name: 'Schlagwörter' }), 'excel{Enter}pivot{Enter}');
    await user.click(within(form).getByRole('switch', { name: 'Download der ZIP-Datei erlauben' }));
    await user.click(within(form).getByRole('button', { name: 'Entwurf anlegen und weiter' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'ZIP-Datei hochladen' })).toHaveFocus();
    expect(api.callsTo('POST /api/v1/nanos')[0]?.body).toEqual({
      title: 'Pivot-Tabellen in 10 Minuten',
      description: 'Daten auswerten.',
      durationMinutes: 10,
      level: 1,
      language: 'de',
      format: 'mixed',
      license: 'CC-BY-4.0',
      licenseTerms: null,
      categoryIds: [excel?.id],
      tags: ['excel', 'pivot'],
      downloadAllowed: true,
    });
    expect(router.state.location.pathname).toBe(`/nanos/${created.id}/bearbeiten`);
    expect(router.state.location.search).toBe('?schritt=datei');
  });

  it('tells the user when someone else changed the Nano (412) and reloads the current state on request', async () => {
    const tree = createCategoryTree();
    const categoryId = tree.items[0]?.children[0]?.id ?? '';
    const nano = createNano({ categoryIds: [categoryId], rowVersion: 3 });
    const newer = { ...nano, title: 'Von anderen geändert', rowVersion: 4 };
    const api = mockApi({
      'GET /api/v1/auth/me': creator,
      'GET /api/v1/categories': () => tree,
      [`GET /api/v1/nanos/${nano.id}`]: [() => nano, () => newer],
      [`PATCH /api/v1/nanos/${nano.id}`]: [
        () => problemResponse(412, 'precondition_failed', 'Der Datensatz wurde inzwischen geändert.'),
        ({ body }) => ({ ...newer, ...(body as object), rowVersion: 5 }),
      ],
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}/bearbeiten`);

    const form = await screen.findByRole('form', { name: 'Beschreibung des Nanos' });
    const title = within(form).getByRole('textbox', { name: 'Titel' });
    expect(title).toHaveValue('Pivot-Tabellen in 10 Minuten');
    await user.clear(title);
    await user.type(title, 'Meine Änderung');
    await user.click(within(form).getByRole('button', { name: 'Speichern und weiter' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Der Datensatz wurde inzwischen geändert.');
    expect(alert).toHaveTextContent('Jemand anderes hat diesen Nano geändert, seit Sie ihn geöffnet haben.');
    expect(api.callsTo(`PATCH /api/v1/nanos/${nano.id}`)[0]?.body).toMatchObject({
      title: 'Meine Änderung',
      rowVersion: 3,
    });

    await user.click(within(alert).getByRole('button', { name: 'Aktuellen Stand laden' }));
    expect(await within(form).findByDisplayValue('Von anderen geändert')).toBeVisible();
    expect(within(form).queryByRole('alert')).toBeNull();

    await user.click(within(form).getByRole('button', { name: 'Speichern und weiter' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'ZIP-Datei hochladen' })).toBeVisible();
    expect(api.callsTo(`PATCH /api/v1/nanos/${nano.id}`)[1]?.body).toMatchObject({ rowVersion: 4 });
  });
});

describe('upload wizard › ZIP', () => {
  const zip = () => new File(['PK\u0003\u0004 inhalt'], 'kurs.zip', { type: 'application/zip' });

  it('lists every problem of a refused ZIP per entry', async () => {
    const nano = createNano({ pendingVersion: null });
    mockApi({
      'GET /api/v1/auth/me': creator,
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`POST /api/v1/nanos/${nano.id}/versions`]: () =>
        jsonResponse(
          {
            ...createProblem({
              status: 422,
              code: 'upload_rejected',
              title: 'Die Datei wurde nicht angenommen.',
            }),
            problems: [
              {
                path: 'tools/setup.exe',
                code: 'type_not_allowed',
                message: 'Dieser Dateityp ist nicht erlaubt.',
              },
              {
                path: '../geheim.txt',
                code: 'path_traversal',
                message: 'Pfade mit „..“ sind nicht erlaubt.',
              },
              { path: null, code: 'too_many_entries', message: 'Das ZIP-Archiv enthält zu viele Einträge.' },
            ],
          },
          422,
          'application/problem+json',
        ),
    });
    const user = userEvent.setup();
    const { container } = renderApp(`/nanos/${nano.id}/bearbeiten?schritt=datei`);

    await screen.findByRole('heading', { level: 2, name: 'ZIP-Datei hochladen' });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, zip());
    expect(await screen.findByText(/Ausgewählt: kurs\.zip \(11.Byte\)/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Hochladen' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Die Datei wurde nicht angenommen.');
    const problems = within(alert).getByRole('list', { name: 'Probleme in der ZIP-Datei' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'ZIP-Archiv: Das ZIP-Archiv enthält zu viele Einträge.',
      '../geheim.txt: Pfade mit „..“ sind nicht erlaubt.',
      'tools/setup.exe: Dieser Dateityp ist nicht erlaubt.',
    ]);
  });

  it('shows the progress up to 100 % and, for a published Nano, requires a changelog first', async () => {
    const published = createNano({
      status: 'published',
      currentVersion: createNanoVersion(),
      pendingVersion: null,
      permissions: { ...createNano().permissions, submit: false, archive: true },
    });
    const api = mockApi({
      'GET /api/v1/auth/me': creator,
      [`GET /api/v1/nanos/${published.id}`]: () => published,
      [`POST /api/v1/nanos/${published.id}/versions`]: () =>
        jsonResponse(
          { ...published, pendingVersion: createNanoVersion({ semver: '2.0.0', status: 'pending_review' }) },
          201,
        ),
    });
    const user = userEvent.setup();
    const { container } = renderApp(`/nanos/${published.id}/bearbeiten?schritt=datei`);

    await screen.findByRole('heading', { level: 2, name: 'ZIP-Datei hochladen' });
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, zip());
    await screen.findByText(/Ausgewählt: kurs\.zip/);
    await user.click(screen.getByRole('button', { name: 'Hochladen' }));
    const changelog = screen.getByRole('textbox', { name: 'Was ist neu in dieser Version?' });
    expect(changelog).toHaveAccessibleDescription(/Bitte füllen Sie dieses Feld aus\./);
    expect(api.callsTo(`POST /api/v1/nanos/${published.id}/versions`)).toHaveLength(0);

    await user.type(changelog, 'Neue Übungen');
    await user.click(screen.getByRole('radio', { name: 'Große Änderung (neue Hauptversion)' }));
    await user.click(screen.getByRole('button', { name: 'Hochladen' }));

    expect(await screen.findByText('100 % – hochgeladen und geprüft')).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Fortschritt des Hochladens' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    const request = api.callsTo(`POST /api/v1/nanos/${published.id}/versions`)[0];
    expect(request?.headers.get('X-CSRF-Token')).toBe('test-csrf-token');
    const body = request?.body as FormData;
    expect([...body.keys()]).toEqual(['changelog', 'bump', 'file']);
    expect(body.get('changelog')).toBe('Neue Übungen');
    expect(body.get('bump')).toBe('major');
  });
});
