import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import {
  type ExpectedHttpError,
  launchBrowser,
  newContext,
  watchForPageProblems,
} from '../support/browser.ts';
import { freshTotpCode, linkFromMail, totpCode, totpStep, uniqueAccount } from '../support/identity.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

/** Long enough for the whole journey, including up to 30 s waiting for a fresh TOTP step. */
const JOURNEY_TIMEOUT_MS = 180_000;
const PASSWORD = 'Lernen-mit-Nanos-2026!';
const DISPLAY_NAME = 'Erika Musterfrau';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

async function openPage(expectedHttpErrors: ExpectedHttpError[] = []) {
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  ({ problems } = await watchForPageProblems(page, { expectedHttpErrors }));
}

/** A form field by its label; required fields add " *" to the label text. */
function field(label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

function userMenu() {
  return page.getByRole('button', { name: `Benutzermenü für ${DISPLAY_NAME}` });
}

async function chooseFromUserMenu(item: string) {
  await userMenu().click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function logIn(login: string, password: string) {
  await page.getByLabel('E-Mail-Adresse oder Benutzername').fill(login);
  await field('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

/** A small PNG drawn by the browser itself, as an avatar to upload. */
async function drawPng(): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 240;
    const context2d = canvas.getContext('2d');
    if (context2d) {
      context2d.fillStyle = '#1864ab';
      context2d.fillRect(0, 0, 240, 240);
      context2d.fillStyle = '#ffd43b';
      context2d.fillRect(60, 60, 120, 120);
    }
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  return Buffer.from(base64, 'base64');
}

describe('identity journey', () => {
  beforeAll(async () => {
    server = await startServer('identity');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await context?.close();
  });

  it(
    'registers, confirms the address, enrols in 2FA, and logs in again with password and TOTP code',
    async () => {
      const { email, username } = uniqueAccount('erika');
      await openPage();

      // Registration, with the live checks of the form.
      await page.goto('/registrieren');
      await page.getByRole('heading', { level: 1, name: 'Registrieren' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByLabel('Benutzername').fill(username);
      await page.getByLabel('Anzeigename').fill(DISPLAY_NAME);
      await field('Passwort').fill(PASSWORD);
      await page.getByText('Passwortstärke: stark').waitFor();
      await page.getByRole('checkbox', { name: /Nutzungsbedingungen/ }).check();
      await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
      await page.screenshot({ path: artifactPath('identity-register-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      await page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' }).waitFor();

      // The link from the email.
      await page.goto(await linkFromMail(server.baseUrl, email, '/email-bestaetigen'));
      await page.getByRole('heading', { name: 'E-Mail-Adresse bestätigt' }).waitFor();
      await page.getByRole('link', { name: 'Jetzt anmelden' }).click();

      // First login: password only.
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: artifactPath('identity-login-de.png'), fullPage: true });
      await logIn(username, PASSWORD);
      await userMenu().waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      // Konto › Profil: details and avatar.
      await chooseFromUserMenu('Mein Konto');
      await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
      const profileForm = page.getByRole('form', { name: 'Profil' });
      await profileForm.getByLabel('Über mich').fill('Ich entwickle Lernangebote für Pflegekräfte.');
      await profileForm.getByLabel('Unternehmen oder Organisation').fill('Pflegeakademie Nord');
      await profileForm.getByLabel('Website').fill('https://pflegeakademie.example');
      await profileForm.getByRole('button', { name: 'Profil speichern' }).click();
      await profileForm.getByRole('status').filter({ hasText: 'Profil gespeichert' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'avatar.png',
        mimeType: 'image/png',
        buffer: await drawPng(),
      });
      await page.getByRole('img', { name: 'Vorschau des neuen Profilbilds' }).waitFor();
      await page.getByRole('button', { name: 'Hochladen' }).click();
      await page.getByRole('status').filter({ hasText: 'Profilbild gespeichert' }).waitFor();
      await page.getByRole('banner').locator('img.mantine-Avatar-image').waitFor();
      await page.screenshot({ path: artifactPath('identity-konto-profil-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);

      // Konto › Sicherheit: 2FA with the manual key, as an authenticator app would use it.
      await page.getByRole('tab', { name: 'Sicherheit' }).click();
      await page.waitForURL('**/konto/sicherheit');
      const twoFactor = page.getByRole('region', { name: 'Zwei-Faktor-Authentifizierung' });
      await expectNoSeriousA11yViolations(page);
      await twoFactor.getByRole('button', { name: 'Zwei-Faktor-Authentifizierung einrichten' }).click();
      await twoFactor.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).waitFor();
      const secret = await twoFactor.getByLabel('Schlüssel für die Eingabe von Hand').inputValue();
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await page.screenshot({ path: artifactPath('identity-konto-sicherheit-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);
      const enrolmentStep = totpStep();
      await twoFactor.getByLabel('Code aus der Authenticator-App').fill(totpCode(secret));
      await twoFactor.getByRole('button', { name: 'Aktivieren' }).click();

      // The backup codes, shown once: downloaded, then confirmed as saved.
      const codes = twoFactor.getByRole('list', { name: 'Ihre Backup-Codes' }).getByRole('listitem');
      await codes.first().waitFor();
      const backupCodes = await codes.allTextContents();
      expect(backupCodes).toHaveLength(10);
      await page.screenshot({ path: artifactPath('identity-backup-codes-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        twoFactor.getByRole('button', { name: 'Als Textdatei herunterladen' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('nano-marktplatz-backup-codes.txt');
      expect(await readFile(await download.path(), 'utf8')).toContain(backupCodes.join('\n'));
      await twoFactor.getByRole('checkbox', { name: 'Ich habe die Codes sicher gespeichert.' }).check();
      await twoFactor.getByRole('button', { name: 'Fertig' }).click();
      await twoFactor.getByRole('status').filter({ hasText: 'ist jetzt aktiv' }).waitFor();

      // Konto › Sitzungen: this device.
      await page.getByRole('tab', { name: 'Sitzungen' }).click();
      await page.getByText('Dieses Gerät').waitFor();
      await expectNoSeriousA11yViolations(page);

      // Creator werden.
      await chooseFromUserMenu('Creator werden');
      await page.getByRole('button', { name: 'Jetzt Creator werden' }).click();
      await page.getByRole('heading', { name: 'Willkommen als Creator!' }).waitFor();

      // Log out, and in again: password, then a code from a later step than the enrolment's.
      await chooseFromUserMenu('Abmelden');
      await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await logIn(email, PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Bestätigung in zwei Schritten' }).waitFor();
      const codeField = page.getByLabel('Code aus der Authenticator-App');
      expect(await codeField.evaluate((element) => element === document.activeElement)).toBe(true);
      await expectNoSeriousA11yViolations(page);
      await codeField.fill(await freshTotpCode(secret, enrolmentStep));
      await page.getByRole('button', { name: 'Bestätigen' }).click();
      await userMenu().waitFor();

      // The public creator card, for a signed-in user and for a guest.
      await page.goto(`/nutzer/${username}`);
      await page.getByRole('heading', { level: 1, name: DISPLAY_NAME }).waitFor();
      await page.getByText('Pflegeakademie Nord').waitFor();
      await expectNoSeriousA11yViolations(page);
      expect(problems).toEqual([]);

      await context.close();
      await openPage();
      await page.goto(`/nutzer/${username}`);
      await page.getByRole('heading', { level: 1, name: DISPLAY_NAME }).waitFor();
      await page.getByText('Ich entwickle Lernangebote für Pflegekräfte.').waitFor();
      await page.screenshot({ path: artifactPath('identity-public-profile-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);
      expect(problems).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('shows the localised error for a wrong password, in German and in English', async () => {
    await openPage([{ path: '/api/v1/auth/login', status: 401 }]);
    await page.goto('/anmelden');

    await logIn('niemand-bekanntes', 'Falsch!Passwort1');

    await page.getByRole('alert').filter({ hasText: 'Anmeldename oder Passwort ist falsch.' }).waitFor();
    const password = field('Passwort');
    expect(await password.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.locator('label').filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();

    await page.getByRole('alert').filter({ hasText: 'Username or password is incorrect.' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it('sends a guest from the account page to the login page and back after login', async () => {
    await openPage();
    await page.goto('/konto/sitzungen');

    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/anmelden');
    expect(url.searchParams.get('next')).toBe('/konto/sitzungen');
    expect(problems).toEqual([]);
  });
});
