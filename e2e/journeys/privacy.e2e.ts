import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { DEMO_PASSWORD, logIn } from '../support/session.ts';
import { zipEntries } from '../support/zip.ts';

/** `demo-consumer` ("Demo Lernende") chats with `demo-creator` in the demo data. */
const LEARNER = 'demo-consumer';
const LEARNER_NAME = 'Demo Lernende';
const CREATOR = 'demo-creator';
const LEARNER_MESSAGE = 'Etwa zwölf pro Quartal, meist in kleinen Gruppen. 🙂';
const ERASED_NAME = 'Gelöschter Nutzer';
const CHANGE_NOTE = 'Neuer Abschnitt zur Speicherdauer von Chats.';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await newContext(browser, server.baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const { problems } = await watchForPageProblems(page);
  return { page, problems };
}

describe('privacy journey', () => {
  beforeAll(async () => {
    server = await startServer('privacy');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('a learner downloads their data export from the notification, then erases the account; the creator still sees the chat under "Gelöschter Nutzer"', async () => {
    const learner = await openPage();
    await logIn(learner.page, LEARNER);
    // The demo chats are seeded in the background after start: the export must contain them.
    await expect
      .poll(
        async () => {
          const answer = await learner.page.request.get(new URL('/api/v1/chats', server.baseUrl).toString());
          return ((await answer.json()) as { items: unknown[] }).items.length;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(2);

    // "Meine Daten": request the export.
    await learner.page.goto('/konto/meine-daten');
    await learner.page.getByRole('heading', { name: 'Datenexport' }).waitFor();
    await expectNoSeriousA11yViolations(learner.page);
    await learner.page.getByRole('button', { name: 'Datenexport anfordern' }).click();
    await learner.page.getByText('Export angefordert').waitFor();

    // The background job builds it; the bell announces it. Follow the notification.
    const notice = learner.page.getByText('Ihr Datenexport steht zum Herunterladen bereit.');
    await expect
      .poll(
        async () => {
          await learner.page.goto('/');
          await learner.page.getByRole('button', { name: /^Benachrichtigungen/ }).click();
          return notice.isVisible();
        },
        { timeout: 120_000, interval: 2000 },
      )
      .toBe(true);
    await notice.click();
    await learner.page.waitForURL(/\/konto\/meine-daten$/);

    const [download] = await Promise.all([
      learner.page.waitForEvent('download'),
      learner.page.getByRole('button', { name: /^Export vom .* herunterladen$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^nano-marktplatz-daten-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = await zipEntries(await readFile(await download.path()));
    for (const file of ['README.txt', 'profile.json', 'consents.json', 'sessions.json', 'ratings.csv']) {
      expect(entries.has(file), file).toBe(true);
    }
    const profile = JSON.parse(entries.get('profile.json') ?? '{}') as unknown;
    expect(JSON.stringify(profile)).toContain(LEARNER);
    const transcripts = [...entries.keys()].filter((name) => name.startsWith('chats/'));
    expect(transcripts.length).toBeGreaterThanOrEqual(2);
    expect(transcripts.map((name) => entries.get(name)).join('\n')).toContain(LEARNER_MESSAGE);

    // Erasure: consequences, the choice for Nanos, the password, the final confirmation.
    await learner.page.getByRole('button', { name: 'Löschung beantragen …' }).click();
    const form = learner.page.getByRole('form', { name: 'Löschung beantragen' });
    await form.getByLabel('Anonymisiert behalten').check();
    await form.getByLabel(/^Aktuelles Passwort/).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Weiter' }).click();
    const confirm = learner.page.getByRole('dialog', { name: 'Konto wirklich löschen?' });
    await confirm.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await learner.page.waitForURL(/\/konto-geschlossen$/);
    await learner.page.getByRole('heading', { level: 1, name: 'Sie wurden abgemeldet' }).waitFor();
    await learner.page.getByRole('status').filter({ hasText: 'Löschung beantragt' }).waitFor();
    await expectNoSeriousA11yViolations(learner.page);
    expect(learner.problems).toEqual([]);

    // The account is deactivated at once: signing in is refused.
    const again = await openPage();
    await again.page.goto('/anmelden');
    await again.page.getByLabel('E-Mail-Adresse oder Benutzername').fill(LEARNER);
    await again.page.getByLabel(/^Passwort( \*)?$/).fill(DEMO_PASSWORD);
    await again.page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await again.page
      .getByRole('alert')
      .filter({ hasText: /Löschung/ })
      .waitFor();

    // The admin sees the self-service request in the DSGVO console and runs it now.
    const admin = await openPage();
    await logIn(admin.page, 'demo-admin');
    await admin.page.goto('/admin/datenschutz');
    await admin.page.getByRole('heading', { level: 1 }).waitFor();
    const requests = admin.page.getByRole('table', { name: /Anfragen betroffener Personen/ });
    const row = requests
      .getByRole('row')
      .filter({ hasText: LEARNER_NAME })
      .filter({ hasText: 'Löschung (Art. 17)' });
    await expectNoSeriousA11yViolations(admin.page);
    await row.getByRole('button', { name: 'Löschung ausführen' }).click();
    const dialog = admin.page.getByRole('dialog', { name: `Löschung ausführen: ${LEARNER_NAME}` });
    await dialog.getByLabel('Behalten, angezeigt unter „Gelöschter Nutzer“').check();
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await requests
      .getByRole('row')
      .filter({ hasText: ERASED_NAME })
      .filter({ hasText: 'Erledigt' })
      .first()
      .waitFor();
    expect(admin.problems).toEqual([]);

    // The creator still has the conversation: the learner's messages under "Gelöschter Nutzer".
    const creator = await openPage();
    await logIn(creator.page, CREATOR);
    await creator.page.goto('/chats');
    await creator.page.getByRole('heading', { level: 1, name: 'Nachrichten' }).waitFor();
    await creator.page
      .getByRole('link', { name: new RegExp(ERASED_NAME) })
      .first()
      .click();
    await creator.page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
    await creator.page.getByText(LEARNER_MESSAGE).waitFor();
    await expect.poll(() => creator.page.getByText(ERASED_NAME).count()).toBeGreaterThan(0);
    await expect(creator.page.getByText(LEARNER_NAME).count()).resolves.toBe(0);
    expect(creator.problems).toEqual([]);
  }, 300_000);

  it('an admin publishes a new privacy policy that needs re-acceptance; at the next sign-in a user accepts it first', async () => {
    const admin = await openPage();
    await logIn(admin.page, 'demo-admin');
    await admin.page.goto('/admin/rechtstexte');
    await admin.page.getByRole('heading', { level: 1, name: 'Rechtstexte' }).waitFor();
    await admin.page.getByRole('heading', { name: 'Neue Version veröffentlichen' }).waitFor();
    await expectNoSeriousA11yViolations(admin.page);
    await admin.page.getByRole('switch', { name: 'Erneute Zustimmung erforderlich' }).check();
    await admin.page.getByLabel('Änderungshinweis (optional)').fill(CHANGE_NOTE);
    await admin.page.getByRole('button', { name: 'Neue Version veröffentlichen' }).click();
    const confirm = admin.page.getByRole('dialog', { name: 'Datenschutzerklärung veröffentlichen?' });
    await confirm.getByRole('button', { name: 'Veröffentlichen' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await admin.page.getByText('Version 2 ist veröffentlicht.').waitFor();
    expect(admin.problems).toEqual([]);

    // The next sign-in goes to the acceptance page before anything else.
    const user = await openPage();
    await user.page.goto('/anmelden');
    await user.page.getByLabel('E-Mail-Adresse oder Benutzername').fill('trainerin-meyer');
    await user.page.getByLabel(/^Passwort( \*)?$/).fill(DEMO_PASSWORD);
    await user.page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await user.page.waitForURL(/\/zustimmung/);
    await user.page.getByRole('heading', { level: 1, name: 'Geänderte Bedingungen' }).waitFor();
    await user.page.getByText(CHANGE_NOTE).waitFor();
    await expectNoSeriousA11yViolations(user.page);
    await user.page.goto('/suche');
    await user.page.waitForURL(/\/zustimmung/);
    // Only the privacy policy is new: one document to accept.
    const boxes = user.page.getByRole('checkbox');
    // count() does not wait: let the pending documents render first.
    await boxes.first().waitFor();
    await expect(boxes.count()).resolves.toBe(1);
    await boxes.first().check();
    await user.page.getByRole('button', { name: 'Zustimmen und fortfahren' }).click();
    await user.page.waitForURL((url) => !url.pathname.startsWith('/zustimmung'));
    const consents = await user.page.request.get(new URL('/api/v1/me/consents', server.baseUrl).toString());
    expect(((await consents.json()) as { current: { privacy: number } }).current.privacy).toBe(2);
    await user.page.goto('/konto/meine-daten');
    await user.page.getByRole('heading', { name: 'Einwilligungen' }).waitFor();
    expect(user.problems).toEqual([]);
  }, 180_000);
});
