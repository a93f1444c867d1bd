import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { chooseFromUserMenu, logIn } from '../support/session.ts';

/** A published demo Nano of `demo-creator` that no other journey touches. */
const NANO_TITLE = 'Datenpannen erkennen und richtig melden';
const FLAG_TEXT = 'Die Grafiken stammen aus einem Lehrbuch, das ich kenne.';
const STATEMENT = 'Die Diagramme wurden ohne Lizenz aus einem Lehrbuch übernommen.';
const APPEAL = 'Die Diagramme habe ich selbst erstellt; die Quelldateien kann ich gern zeigen.';
const OUTCOME = 'Der Creator hat die eigenen Quelldateien nachgewiesen; der Nano ist wieder online.';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(login: string): Promise<{ page: Page; problems: string[] }> {
  const context = await newContext(browser, server.baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const { problems } = await watchForPageProblems(page);
  await logIn(page, login);
  return { page, problems };
}

/** Opens one tab of the moderation workspace (its name carries the count, e.g. "Meldungen: 1 offen, …"). */
async function openQueue(page: Page, queue: string): Promise<void> {
  await chooseFromUserMenu(page, 'Moderation');
  await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
  await page.getByRole('tab', { name: new RegExp(`^${queue}`) }).click();
}

describe('moderation journey', () => {
  beforeAll(async () => {
    server = await startServer('moderation');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('a flag leads to an archive with a statement; the appeal goes to a second moderator, who restores the Nano; the admin sees it all', async () => {
    // A learner reports the Nano.
    const learner = await signedInPage('demo-consumer');
    // The demo catalogue is seeded in the background after start: wait until search finds the Nano.
    await expect
      .poll(
        async () => {
          const url = new URL('/api/v1/search', server.baseUrl);
          url.searchParams.set('q', 'Datenpannen erkennen');
          const answer = await learner.page.request.get(url.toString());
          const body = (await answer.json()) as { items?: Array<{ title: string }> };
          return (body.items ?? []).some((item) => item.title === NANO_TITLE);
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(true);
    await learner.page.goto(`/suche?q=${encodeURIComponent('Datenpannen erkennen')}`);
    await learner.page.getByRole('link', { name: NANO_TITLE }).first().click();
    await learner.page.getByRole('heading', { level: 1, name: NANO_TITLE }).waitFor();
    const nanoUrl = learner.page.url();
    await learner.page.getByRole('button', { name: 'Melden', exact: true }).click();
    const dialog = learner.page.getByRole('dialog', { name: 'Nano melden' });
    await dialog.getByRole('radio', { name: 'Urheberrechtsverletzung' }).check();
    await dialog.getByRole('textbox', { name: /^Beschreibung/ }).fill(FLAG_TEXT);
    await expectNoSeriousA11yViolations(learner.page);
    await dialog.getByRole('button', { name: 'Meldung senden' }).click();
    await dialog.getByText('Danke, Ihre Meldung ist eingegangen.').waitFor();
    expect(learner.problems).toEqual([]);

    // The moderator finds it in the flag queue, sees it in context and archives the Nano with a statement.
    const moderator = await signedInPage('demo-moderator');
    await openQueue(moderator.page, 'Meldungen');
    await moderator.page.getByRole('link', { name: NANO_TITLE }).click();
    await moderator.page.getByRole('heading', { level: 1, name: `Meldung: ${NANO_TITLE}` }).waitFor();
    await moderator.page.getByText(FLAG_TEXT).waitFor();
    await moderator.page.getByRole('radio', { name: 'Archivieren' }).check();
    await moderator.page.getByRole('textbox', { name: /^Begründungen \(Regeln\)/ }).click();
    await moderator.page.getByRole('option', { name: 'Urheberrecht' }).click();
    await moderator.page.keyboard.press('Escape');
    await moderator.page.getByRole('textbox', { name: /^Begründung \(Sachverhalt\)/ }).fill(STATEMENT);
    await moderator.page.screenshot({ path: artifactPath('moderation-flag-detail-de.png'), fullPage: true });
    await expectNoSeriousA11yViolations(moderator.page);
    await moderator.page.getByRole('button', { name: 'Meldung abschließen' }).click();
    await moderator.page.getByText(`Die Meldung zu „${NANO_TITLE}“ ist abgeschlossen.`).waitFor();
    expect(moderator.problems).toEqual([]);

    // The Nano is gone for the public.
    const guestContext = await newContext(browser, server.baseUrl);
    contexts.push(guestContext);
    const guest = await guestContext.newPage();
    const gone = await guest.goto(nanoUrl);
    await guest.getByRole('heading', { level: 1 }).waitFor();
    expect(await guest.getByRole('heading', { level: 1, name: NANO_TITLE }).count()).toBe(0);
    expect(gone?.status()).toBe(200);

    // The creator reads the statement of reasons and appeals.
    const creator = await signedInPage('demo-creator');
    await chooseFromUserMenu(creator.page, 'Meine Entscheidungen');
    await creator.page.getByRole('heading', { level: 1, name: 'Meine Entscheidungen' }).waitFor();
    await creator.page.getByText(STATEMENT).waitFor();
    await creator.page.getByRole('button', { name: 'Einspruch einlegen' }).first().click();
    await creator.page.getByRole('textbox', { name: /^Ihre Begründung/ }).fill(APPEAL);
    await expectNoSeriousA11yViolations(creator.page);
    await creator.page.getByRole('button', { name: 'Einspruch senden' }).click();
    await creator.page.getByText('Ihr Einspruch ist eingegangen.').waitFor();
    await creator.page.screenshot({ path: artifactPath('moderation-my-decisions-de.png'), fullPage: true });
    expect(creator.problems).toEqual([]);

    // The moderator who archived it may not decide the appeal …
    await openQueue(moderator.page, 'Einsprüche');
    await moderator.page.getByText(APPEAL).waitFor();
    await moderator.page.getByText(/^Sie haben die ursprüngliche Entscheidung getroffen\./).waitFor();
    expect(await moderator.page.getByRole('button', { name: 'Entscheiden', exact: true }).isDisabled()).toBe(
      true,
    );

    // … a second moderator does, and restores the Nano.
    const second = await signedInPage('demo-moderator-2');
    await openQueue(second.page, 'Einsprüche');
    await second.page.getByText(APPEAL).waitFor();
    await second.page.getByRole('button', { name: 'Entscheiden', exact: true }).click();
    await second.page.getByRole('radio', { name: /^Aufheben/ }).check();
    await second.page.getByRole('textbox', { name: /^Begründung/ }).fill(OUTCOME);
    await second.page.screenshot({ path: artifactPath('moderation-appeal-de.png'), fullPage: true });
    await expectNoSeriousA11yViolations(second.page);
    await second.page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await second.page
      .getByText(`Der Einspruch zu „${NANO_TITLE}“ war erfolgreich; die Maßnahme ist aufgehoben.`)
      .waitFor();
    expect(second.problems).toEqual([]);

    await guest.goto(nanoUrl);
    await guest.getByRole('heading', { level: 1, name: NANO_TITLE }).waitFor();

    // The admin sees the whole story in the audit log and the flag in the analytics.
    const admin = await signedInPage('demo-admin');
    await chooseFromUserMenu(admin.page, 'Audit-Log');
    await admin.page.getByRole('heading', { level: 1, name: 'Audit-Log' }).waitFor();
    for (const action of ['moderation.flag_resolved', 'moderation.appeal_decided']) {
      await admin.page.goto(`/admin/audit?aktion=${action}`);
      await admin.page.getByRole('row').filter({ hasText: action }).first().waitFor();
    }
    await admin.page.screenshot({ path: artifactPath('moderation-audit-log-de.png'), fullPage: true });
    await expectNoSeriousA11yViolations(admin.page);

    await chooseFromUserMenu(admin.page, 'Plattform-Statistik');
    await admin.page.getByRole('heading', { level: 1, name: 'Plattform-Statistik' }).waitFor();
    const flags = admin.page.getByRole('region', { name: 'Meldungen nach Grund' });
    await flags.getByRole('img', { name: /Urheberrecht: 1\b/ }).waitFor();
    await admin.page.screenshot({ path: artifactPath('moderation-admin-analytics-de.png'), fullPage: true });
    await expectNoSeriousA11yViolations(admin.page);
    expect(admin.problems).toEqual([]);
  }, 300_000);
});
