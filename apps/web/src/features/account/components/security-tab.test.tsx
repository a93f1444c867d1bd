import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const BACKUP_CODES = Array.from({ length: 10 }, (_, index) => `code-${index}-abcd`);
const QR = 'data:image/png;base64,iVBORw0KGgo=';

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('account › Sicherheit', () => {
  it('enrols in 2FA: QR code and manual key, code check, then the backup codes shown once', async () => {
    const signedIn = createCurrentUser();
    const api = mockApi({
      'GET /api/v1/auth/me': [() => signedIn, () => ({ ...signedIn, twoFactorEnabled: true })],
      'POST /api/v1/auth/2fa/setup': () => ({
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/x',
        qrDataUrl: QR,
      }),
      'POST /api/v1/auth/2fa/enable': [
        () =>
          problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig.', [
            { field: 'body.code', code: 'two_factor_code', message: 'Der Code ist falsch oder abgelaufen.' },
          ]),
        () => ({ backupCodes: BACKUP_CODES }),
      ],
    });
    const user = userEvent.setup();
    renderApp('/konto/sicherheit');

    expect(await screen.findByRole('tab', { name: 'Sicherheit', selected: true })).toBeVisible();
    expect(document.title).toBe('Sicherheit – Mein Konto – Nano-Marktplatz');
    const section = screen.getByRole('region', { name: 'Zwei-Faktor-Authentifizierung' });
    expect(within(section).getByText('Nicht aktiv')).toBeVisible();
    await user.click(
      within(section).getByRole('button', { name: 'Zwei-Faktor-Authentifizierung einrichten' }),
    );

    expect(await within(section).findByRole('heading', { name: 'App verbinden' })).toHaveFocus();
    expect(
      within(section).getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }),
    ).toHaveAttribute('src', QR);
    expect(
      within(section).getByLabelText('Schlüssel für die Eingabe von Hand', { exact: false }),
    ).toHaveValue('JBSWY3DPEHPK3PXP');

    const code = within(section).getByLabelText('Code aus der Authenticator-App', { exact: false });
    await user.type(code, '111111');
    await user.click(within(section).getByRole('button', { name: 'Aktivieren' }));
    expect(await within(section).findByText('Der Code ist falsch oder abgelaufen.')).toBeVisible();
    expect(code).toHaveFocus();

    await user.clear(code);
    await user.type(code, '222222');
    await user.click(within(section).getByRole('button', { name: 'Aktivieren' }));

    expect(await within(section).findByRole('heading', { name: 'Backup-Codes' })).toHaveFocus();
    const list = within(section).getByRole('list', { name: 'Ihre Backup-Codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(BACKUP_CODES);
    expect(api.callsTo('POST /api/v1/auth/2fa/enable').map((request) => request.body)).toEqual([
      { code: '111111' },
      { code: '222222' },
    ]);

    const createObjectURL = vi.spyOn(URL, 'createObjectURL');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(within(section).getByRole('button', { name: 'Als Textdatei herunterladen' }));
    expect(click).toHaveBeenCalled();
    const [blob] = createObjectURL.mock.calls[0] as [Blob];
    expect(await readText(blob)).toContain(BACKUP_CODES.join('\n'));

    const done = within(section).getByRole('button', { name: 'Fertig' });
    expect(done).toBeDisabled();
    await user.click(
      within(section).getByRole('checkbox', { name: 'Ich habe die Codes sicher gespeichert.' }),
    );
    await user.click(done);

    expect(await within(section).findByText('Aktiv')).toBeVisible();
    expect(within(section).getByRole('status')).toHaveTextContent(
      'Die Zwei-Faktor-Authentifizierung ist jetzt aktiv.',
    );
    expect(within(section).queryByRole('list', { name: 'Ihre Backup-Codes' })).not.toBeInTheDocument();
  });

  it('changes the password and shows a wrong current password at its field', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'POST /api/v1/auth/password/change': [
        () =>
          problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig.', [
            { field: 'body.currentPassword', code: 'wrong_password', message: 'Das Passwort ist falsch.' },
          ]),
        () => new Response(null, { status: 204 }),
      ],
    });
    const user = userEvent.setup();
    renderApp('/konto/sicherheit');
    const form = await screen.findByRole('form', { name: 'Passwort ändern' });
    const current = within(form).getByLabelText('Aktuelles Passwort', { exact: false, selector: 'input' });

    await user.type(current, 'alt');
    await user.type(
      within(form).getByLabelText('Neues Passwort', { exact: false, selector: 'input' }),
      'Neu!Passwort9',
    );
    await user.click(within(form).getByRole('button', { name: 'Passwort ändern' }));
    expect(await within(form).findByText('Das Passwort ist falsch.')).toBeVisible();
    expect(current).toHaveFocus();

    await user.clear(current);
    await user.type(current, 'Alt!Passwort1');
    await user.click(within(form).getByRole('button', { name: 'Passwort ändern' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Ihr Passwort wurde geändert.');
    expect(current).toHaveValue('');
    expect(api.callsTo('POST /api/v1/auth/password/change')[1]?.body).toEqual({
      currentPassword: 'Alt!Passwort1',
      newPassword: 'Neu!Passwort9',
    });
  });

  it('asks to confirm an email change via the link sent to the new address', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ email: 'anna@example.org' }),
      'POST /api/v1/auth/email/change': () =>
        new Response(JSON.stringify({ status: 'accepted' }), { status: 202 }),
    });
    const user = userEvent.setup();
    renderApp('/konto/sicherheit');
    const form = await screen.findByRole('form', { name: 'E-Mail-Adresse ändern' });
    expect(within(form).getByText('Aktuelle Adresse: anna@example.org')).toBeVisible();

    await user.type(within(form).getByLabelText('Neue E-Mail-Adresse', { exact: false }), 'Anna@Neu.example');
    await user.type(
      within(form).getByLabelText('Aktuelles Passwort', { exact: false, selector: 'input' }),
      'geheim',
    );
    await user.click(within(form).getByRole('button', { name: 'Bestätigungslink senden' }));

    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Wir haben einen Link an anna@neu.example geschickt. Bis Sie ihn öffnen, bleibt anna@example.org Ihre Adresse.',
    );
    expect(api.callsTo('POST /api/v1/auth/email/change')[0]?.body).toEqual({
      newEmail: 'anna@neu.example',
      password: 'geheim',
    });
  });

  it('turns 2FA off with password and code, and regenerates backup codes after a confirmation', async () => {
    const signedIn = createCurrentUser({ twoFactorEnabled: true });
    const api = mockApi({
      'GET /api/v1/auth/me': [() => signedIn, () => ({ ...signedIn, twoFactorEnabled: false })],
      'POST /api/v1/auth/2fa/backup-codes': () => ({ backupCodes: BACKUP_CODES }),
      'POST /api/v1/auth/2fa/disable': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/konto/sicherheit');
    const section = await screen.findByRole('region', { name: 'Zwei-Faktor-Authentifizierung' });

    await user.click(within(section).getByRole('button', { name: 'Neue Backup-Codes erzeugen' }));
    expect(api.callsTo('POST /api/v1/auth/2fa/backup-codes')).toHaveLength(0);
    await user.click(within(section).getByRole('button', { name: 'Ja, neue Codes erzeugen' }));
    expect(await within(section).findByRole('list', { name: 'Ihre Backup-Codes' })).toBeVisible();
    await user.click(
      within(section).getByRole('checkbox', { name: 'Ich habe die Codes sicher gespeichert.' }),
    );
    await user.click(within(section).getByRole('button', { name: 'Fertig' }));

    const disable = within(section).getByRole('form', { name: 'Zwei-Faktor-Authentifizierung ausschalten' });
    await user.type(
      within(disable).getByLabelText('Aktuelles Passwort', { exact: false, selector: 'input' }),
      'geheim',
    );
    await user.type(
      within(disable).getByLabelText('Code aus der Authenticator-App', { exact: false }),
      '123456',
    );
    await user.click(within(disable).getByRole('button', { name: 'Ausschalten' }));

    expect(await within(section).findByText('Nicht aktiv')).toBeVisible();
    expect(api.callsTo('POST /api/v1/auth/2fa/disable')[0]?.body).toEqual({
      password: 'geheim',
      code: '123456',
    });
  });
});
