import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCategoryTree, createCurrentUser, createProfile } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('account › Profil', () => {
  it('saves every field with one PATCH; emptied fields are cleared with null', async () => {
    const tree = createCategoryTree();
    const python = tree.items[1]?.children[0];
    const profile = createProfile({ company: 'Alte Firma', website: 'https://alt.example' });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/categories': () => tree,
      'GET /api/v1/me/profile': () => profile,
      'PATCH /api/v1/me/profile': ({ body }) => ({ ...profile, ...(body as object) }),
    });
    const user = userEvent.setup();
    renderApp('/konto');

    const form = await screen.findByRole('form', { name: 'Profil' });
    expect(screen.getByRole('tab', { name: 'Profil', selected: true })).toBeVisible();
    await user.type(within(form).getByLabelText('Über mich'), 'Ich lerne gern.');
    expect(within(form).getByText('15 von 500 Zeichen')).toBeVisible();
    await user.clear(within(form).getByLabelText('Unternehmen oder Organisation'));
    await user.type(within(form).getByLabelText('Position'), 'Personalentwicklung');
    await user.click(within(form).getByRole('textbox', { name: 'Interessen' }));
    await user.click(await screen.findByRole('option', { name: 'Python' }));
    await user.click(within(form).getByRole('radio', { name: 'English' }));
    await user.click(within(form).getByRole('button', { name: 'Profil speichern' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Profil gespeichert');
    expect(api.callsTo('PATCH /api/v1/me/profile')[0]?.body).toEqual({
      displayName: 'Anna Beispiel',
      bio: 'Ich lerne gern.',
      company: null,
      jobTitle: 'Personalentwicklung',
      website: 'https://alt.example',
      phone: null,
      interests: [python?.id],
      locale: 'en',
    });
  });

  it('checks the website and the phone number live, and shows server field errors', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/me/profile': () => createProfile(),
      'PATCH /api/v1/me/profile': () =>
        problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig.', [
          { field: 'body.interests', code: 'unknown_category', message: 'Unbekannte Kategorie.' },
        ]),
    });
    const user = userEvent.setup();
    renderApp('/konto');
    const form = await screen.findByRole('form', { name: 'Profil' });

    const website = within(form).getByLabelText('Website', { exact: false });
    await user.type(website, 'beispiel.de');
    await user.tab();
    expect(website).toHaveAccessibleDescription(
      /Bitte geben Sie eine vollständige Webadresse mit https:\/\/ ein\./,
    );
    const phone = within(form).getByLabelText('Telefon', { exact: false });
    await user.type(phone, 'abc');
    await user.tab();
    expect(phone).toHaveAccessibleDescription(/Bitte nur Ziffern/);
    expect(api.callsTo('PATCH /api/v1/me/profile')).toHaveLength(0);

    await user.clear(website);
    await user.type(website, 'https://beispiel.de');
    await user.clear(phone);
    await user.type(phone, '+49 30 1234567');
    await user.click(within(form).getByRole('button', { name: 'Profil speichern' }));

    expect(await within(form).findByText('Unbekannte Kategorie.')).toBeVisible();
  });

  it('checks a chosen avatar file before upload and previews it', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/me/profile': () => createProfile(),
      'PUT /api/v1/me/avatar': () => createProfile({ avatarUrl: '/api/v1/media/avatars/anna.webp' }),
    });
    const user = userEvent.setup({ applyAccept: false });
    const { container } = renderApp('/konto');
    await screen.findByRole('region', { name: 'Profilbild' });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;

    await user.upload(input, new File(['gif'], 'bild.gif', { type: 'image/gif' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Bitte wählen Sie ein Bild im Format JPEG, PNG oder WebP.',
    );

    await user.upload(input, new File([new Uint8Array(6 * 1024 * 1024)], 'gross.png', { type: 'image/png' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Das Bild ist größer als 5 MB.');

    await user.upload(input, new File(['png'], 'anna.png', { type: 'image/png' }));
    expect(screen.getByRole('img', { name: 'Vorschau des neuen Profilbilds' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Hochladen' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Profilbild gespeichert');
    const body = api.callsTo('PUT /api/v1/me/avatar')[0]?.body;
    expect(body).toBeInstanceOf(FormData);
    expect(((body as FormData).get('file') as File).name).toBe('anna.png');
    expect(screen.getByRole('button', { name: 'Bild entfernen' })).toBeVisible();
  });
});
