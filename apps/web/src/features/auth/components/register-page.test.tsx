import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../shared/api/client.ts';
import { mockApi, problemResponse, setCsrfCookie, TEST_CSRF_TOKEN } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

async function fillIn(user: ReturnType<typeof userEvent.setup>, password = 'Sicher!Passwort2') {
  await user.type(screen.getByLabelText('E-Mail-Adresse', { exact: false }), 'anna@example.org');
  await user.type(screen.getByLabelText('Benutzername', { exact: false }), 'Anna_B');
  await user.type(screen.getByLabelText('Anzeigename', { exact: false }), 'Anna Beispiel');
  await user.type(screen.getByLabelText('Passwort', { exact: false, selector: 'input' }), password);
  await user.click(screen.getByRole('checkbox', { name: /Nutzungsbedingungen/ }));
  await user.click(screen.getByRole('checkbox', { name: /Datenschutzerklärung/ }));
}

describe('register page', () => {
  it('registers, sending the normalised values with the CSRF token, and then says to check the inbox', async () => {
    setCsrfCookie(TEST_CSRF_TOKEN);
    const api = mockApi({
      'POST /api/v1/auth/register': () =>
        new Response(JSON.stringify({ status: 'accepted' }), { status: 201 }),
    });
    const user = userEvent.setup();
    renderApp('/registrieren');
    expect(screen.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));

    const heading = await screen.findByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Wir haben eine E-Mail an anna@example.org geschickt/)).toBeVisible();
    const [request] = api.callsTo('POST /api/v1/auth/register');
    expect(request?.body).toEqual({
      email: 'anna@example.org',
      username: 'anna_b',
      displayName: 'Anna Beispiel',
      password: 'Sicher!Passwort2',
      acceptTerms: true,
      acceptPrivacy: true,
      acceptNotificationEmails: false,
      locale: 'de',
    });
    expect(request?.headers.get(CSRF_HEADER)).toBe(TEST_CSRF_TOKEN);
  });

  it('shows the field errors of a 400 problem next to their inputs and focuses the first', async () => {
    mockApi({
      'POST /api/v1/auth/register': () =>
        problemResponse(400, 'validation_failed', 'Die Eingaben sind ungültig.', [
          {
            field: 'body.username',
            code: 'username_taken',
            message: 'Dieser Benutzername ist bereits vergeben.',
          },
          { field: 'body.password', code: 'password_common', message: 'Dieses Passwort ist zu verbreitet.' },
          {
            field: 'body.password',
            code: 'password_weak',
            message: 'Das Passwort ist zu leicht zu erraten.',
          },
        ]),
    });
    const user = userEvent.setup();
    renderApp('/registrieren');

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Die Eingaben sind ungültig.');
    const username = screen.getByLabelText('Benutzername', { exact: false });
    expect(username).toHaveAccessibleDescription(/Dieser Benutzername ist bereits vergeben\./);
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveFocus();
    const password = screen.getByLabelText('Passwort', { exact: false, selector: 'input' });
    expect(password).toHaveAccessibleDescription(
      /Dieses Passwort ist zu verbreitet\. Das Passwort ist zu leicht zu erraten\./,
    );
  });

  it('validates live with the shared schema, in the interface language, before anything is sent', async () => {
    const api = mockApi();
    const user = userEvent.setup();
    renderApp('/registrieren');

    const email = screen.getByLabelText('E-Mail-Adresse', { exact: false });
    await user.type(email, 'keine-adresse');
    await user.tab();
    expect(email).toHaveAccessibleDescription('Bitte geben Sie eine gültige E-Mail-Adresse ein.');

    const username = screen.getByLabelText('Benutzername', { exact: false });
    await user.type(username, '-x');
    await user.tab();
    expect(username).toHaveAccessibleDescription(/Mindestens 3 Zeichen\./);
    await user.type(username, 'yz');
    expect(username).toHaveAccessibleDescription(/Nur Kleinbuchstaben, Ziffern/);

    await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));
    expect(screen.getByText('Bitte akzeptieren Sie die Nutzungsbedingungen.')).toBeVisible();
    expect(screen.getByText('Bitte stimmen Sie der Datenschutzerklärung zu.')).toBeVisible();
    expect(email).toHaveFocus();
    expect(api.callsTo('POST /api/v1/auth/register')).toHaveLength(0);

    await user.click(screen.getByRole('radio', { name: /^English/ }));
    expect(email).toHaveAccessibleDescription('Please enter a valid email address.');
  });

  it('rates the password live and ticks off the rules', async () => {
    mockApi();
    const user = userEvent.setup();
    renderApp('/registrieren');
    const rules = screen.getByRole('list', { name: 'Anforderungen an das Passwort' });
    expect(within(rules).getByText('Ein Großbuchstabe')).toHaveTextContent('(noch nicht erfüllt)');

    await user.type(screen.getByLabelText('Passwort', { exact: false, selector: 'input' }), 'abc');
    expect(screen.getByText('Passwortstärke: sehr schwach')).toBeVisible();

    await user.type(screen.getByLabelText('Passwort', { exact: false, selector: 'input' }), 'Def!9xyzUvw1');
    expect(screen.getByText('Passwortstärke: gut')).toBeVisible();
    expect(within(rules).getByText('Ein Großbuchstabe')).toHaveTextContent('(erfüllt)');
    expect(within(rules).getByText('Ein Sonderzeichen')).toHaveTextContent('(erfüllt)');
  });

  it('offers the notification e-mails as an unticked opt-in and sends the choice', async () => {
    setCsrfCookie(TEST_CSRF_TOKEN);
    const api = mockApi({
      'POST /api/v1/auth/register': () =>
        new Response(JSON.stringify({ status: 'accepted' }), { status: 201 }),
    });
    const user = userEvent.setup();
    renderApp('/registrieren');

    const optIn = screen.getByRole('checkbox', { name: 'E-Mail-Benachrichtigungen erhalten' });
    expect(optIn).not.toBeChecked();
    await fillIn(user);
    await user.click(optIn);
    await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));

    await screen.findByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' });
    expect(api.callsTo('POST /api/v1/auth/register')[0]?.body).toMatchObject({
      acceptNotificationEmails: true,
    });
  });

  it('links the terms and the privacy policy', () => {
    mockApi();
    renderApp('/registrieren');

    const form = screen.getByRole('form', { name: 'Registrieren' });
    expect(within(form).getByRole('link', { name: /Nutzungsbedingungen/ })).toHaveAttribute(
      'href',
      '/nutzungsbedingungen',
    );
    expect(within(form).getByRole('link', { name: /Datenschutzerklärung/ })).toHaveAttribute(
      'href',
      '/datenschutz',
    );
  });
});
