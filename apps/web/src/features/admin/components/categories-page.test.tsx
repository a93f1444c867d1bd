import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAdminCategory, createAdminCategoryTree } from '../../../testing/admin-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const LIST = 'GET /api/v1/admin/categories';
const admin = { 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }) };

function rowNamed(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name: new RegExp(`^(↳ )?${name}`) });
  return header.closest('tr') as HTMLElement;
}

describe('taxonomy editor', () => {
  it('shows both levels in order with slugs, Nano counts and the active state', async () => {
    mockApi({ ...admin, [LIST]: () => createAdminCategoryTree() });
    renderApp('/admin/kategorien');

    const table = await screen.findByRole('table', { name: /Hauptkategorien mit ihren Unterkategorien/ });
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names).toEqual([
      'Business SkillsEN: Business skills',
      '↳ ExcelEN: Excel',
      '↳ ProjektmanagementEN: Project management',
      'IT & SoftwareEN: IT & software',
      '↳ PythonEN: Python',
      '↳ COBOLEN: COBOL',
    ]);
    expect(rowNamed('Business Skills')).toHaveTextContent('business12Aktiv');
    expect(rowNamed('COBOL')).toHaveTextContent('it-cobol1Deaktiviert');
    expect(within(rowNamed('COBOL')).getByRole('button', { name: '„COBOL“ aktivieren' })).toBeVisible();
    expect(screen.getByRole('button', { name: '„Business Skills“ nach oben' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '„IT & Software“ nach unten' })).toBeDisabled();
  });

  it('moves a category within its level and deactivates one', async () => {
    const tree = createAdminCategoryTree();
    const excel = tree.items[0]?.children[0];
    const api = mockApi({
      ...admin,
      [LIST]: () => tree,
      [`PATCH /api/v1/admin/categories/${excel?.id}`]: () => excel,
    });
    const user = userEvent.setup();
    renderApp('/admin/kategorien');
    await screen.findByRole('table', { name: /Hauptkategorien/ });

    await user.click(screen.getByRole('button', { name: '„Excel“ nach unten' }));
    expect(await screen.findByText('„Excel“ wurde verschoben.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: '„Excel“ deaktivieren' }));
    expect(await screen.findByText('„Excel“ ist deaktiviert.')).toBeVisible();

    expect(api.callsTo(`PATCH /api/v1/admin/categories/${excel?.id}`).map((call) => call.body)).toEqual([
      { position: 1 },
      { active: false },
    ]);
    // The editor and the public tree are asked again.
    expect(api.callsTo(LIST).length).toBeGreaterThanOrEqual(3);
  });

  it('creates a subcategory with a slug suggested from the German name; a taken slug shows at its field', async () => {
    const tree = createAdminCategoryTree();
    const it = tree.items[1];
    const api = mockApi({
      ...admin,
      [LIST]: () => tree,
      'POST /api/v1/admin/categories': [
        () =>
          problemResponse(409, 'slug_taken', 'Diese Kurzbezeichnung (Slug) ist bereits vergeben.', [
            {
              field: 'body.slug',
              code: 'slug_taken',
              message: 'Diese Kurzbezeichnung ist bereits vergeben.',
            },
          ]),
        () => createAdminCategory({ slug: 'it-ki' }),
      ],
    });
    const user = userEvent.setup();
    renderApp('/admin/kategorien');
    await screen.findByRole('table', { name: /Hauptkategorien/ });

    await user.click(screen.getByRole('button', { name: 'Neue Kategorie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Kategorie' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Name (Deutsch)' }),
      'Künstliche Intelligenz',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Name (Englisch)' }), 'AI');
    const slug = within(dialog).getByRole('textbox', { name: 'Slug' });
    expect(slug).toHaveValue('kuenstliche-intelligenz');
    await user.click(within(dialog).getByRole('textbox', { name: 'Oberkategorie' }));
    await user.click(await screen.findByRole('option', { name: 'IT & Software' }));
    await user.click(within(dialog).getByRole('button', { name: 'Anlegen' }));

    expect(await within(dialog).findByText('Diese Kurzbezeichnung ist bereits vergeben.')).toBeVisible();
    expect(slug).toHaveAttribute('aria-invalid', 'true');
    await user.clear(slug);
    await user.type(slug, 'it-ki');
    await user.click(within(dialog).getByRole('button', { name: 'Anlegen' }));

    expect(await screen.findByText('„Künstliche Intelligenz“ wurde angelegt.')).toBeVisible();
    expect(api.callsTo('POST /api/v1/admin/categories').map((call) => call.body)).toEqual([
      { slug: 'kuenstliche-intelligenz', name: { de: 'Künstliche Intelligenz', en: 'AI' }, parentId: it?.id },
      { slug: 'it-ki', name: { de: 'Künstliche Intelligenz', en: 'AI' }, parentId: it?.id },
    ]);
  });

  it('renames and moves a subcategory to another parent; a refused move shows at the parent field', async () => {
    const tree = createAdminCategoryTree();
    const python = tree.items[1]?.children[0];
    const business = tree.items[0];
    const url = `PATCH /api/v1/admin/categories/${python?.id}`;
    const api = mockApi({
      ...admin,
      [LIST]: () => tree,
      [url]: [
        () =>
          problemResponse(400, 'validation_failed', 'Ungültige Eingabe', [
            {
              field: 'body.parentId',
              code: 'category_parent_not_top_level',
              message: 'Unterkategorien können nur unter einer Hauptkategorie liegen.',
            },
          ]),
        () => python,
      ],
    });
    const user = userEvent.setup();
    renderApp('/admin/kategorien');
    await screen.findByRole('table', { name: /Hauptkategorien/ });

    await user.click(screen.getByRole('button', { name: '„Python“ bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: '„Python“ bearbeiten' });
    expect(dialog).toHaveTextContent('it-python');
    const name = within(dialog).getByRole('textbox', { name: 'Name (Deutsch)' });
    await user.clear(name);
    await user.type(name, 'Python 3');
    await user.click(within(dialog).getByRole('textbox', { name: 'Oberkategorie' }));
    await user.click(await screen.findByRole('option', { name: 'Business Skills' }));
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    expect(
      await within(dialog).findByText('Unterkategorien können nur unter einer Hauptkategorie liegen.'),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('„Python 3“ wurde gespeichert.')).toBeVisible();
    await waitFor(() =>
      expect(api.callsTo(url)[1]?.body).toEqual({
        name: { de: 'Python 3', en: 'Python' },
        parentId: business?.id,
      }),
    );
  });

  it('keeps a top-level category with children on the top level', async () => {
    mockApi({ ...admin, [LIST]: () => createAdminCategoryTree() });
    const user = userEvent.setup();
    renderApp('/admin/kategorien');
    await screen.findByRole('table', { name: /Hauptkategorien/ });

    await user.click(screen.getByRole('button', { name: '„Business Skills“ bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: '„Business Skills“ bearbeiten' });
    expect(within(dialog).getByRole('textbox', { name: 'Oberkategorie' })).toBeDisabled();
    expect(
      within(dialog).getByText('Eine Kategorie mit Unterkategorien bleibt Hauptkategorie.'),
    ).toBeVisible();
  });
});
