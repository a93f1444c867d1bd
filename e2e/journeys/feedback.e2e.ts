import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { logIn } from '../support/session.ts';

/** A demo Nano of `demo-creator` that the demo consumer has not rated. */
const PIVOT_TITLE = 'Excel-Pivot-Tabellen in 10 Minuten';
const LIST_NAME = 'Excel-Schulung Team';
const COMMENT = 'Sehr hilfreich für unser Team – kurz, klar und direkt anwendbar.';
const REPLY = 'Danke für das Feedback! Ein Teil zu Datenschnitten folgt.';

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

describe('feedback journey', () => {
  beforeAll(async () => {
    server = await startServer('feedback');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('a learning manager rates a Nano, favourites three, builds, shares and exports a list; the creator sees the rating and replies', async () => {
    const { page, problems } = await openPage();
    await logIn(page, 'demo-consumer');

    // Rate and comment the pivot Nano.
    await page.goto('/suche?q=Excel+Pivot');
    await page.getByRole('link', { name: PIVOT_TITLE }).first().click();
    await page.getByRole('heading', { level: 1, name: PIVOT_TITLE }).waitFor();
    const nanoUrl = page.url();
    const ratings = page.getByRole('region', { name: 'Bewertungen' });
    // The star inputs are visually hidden; a click on the fifth star's label chooses it.
    const fifthStar = await ratings.getByRole('radio', { name: '5 von 5 Sternen' }).getAttribute('id');
    await ratings.locator(`label[for="${fifthStar}"]`).click();
    await ratings.getByLabel('Kommentar (optional)').fill(COMMENT);
    await ratings.getByRole('button', { name: 'Bewertung abgeben' }).click();
    await page.getByText('Danke! Ihre Bewertung wurde gespeichert.').waitFor();
    await ratings.getByText(COMMENT).first().waitFor();
    await page.screenshot({ path: artifactPath('feedback-rated.png'), fullPage: true });

    // Favourite three Nanos from the search results (the heart flips on each card).
    await page.goto('/suche?q=Excel');
    await page.getByRole('link', { name: PIVOT_TITLE }).first().waitFor();
    await page.goto('/suche');
    const addHeart = page.getByRole('button', { name: /^Zu Favoriten hinzufügen/ });
    const removeHeart = page.getByRole('button', { name: /^Aus Favoriten entfernen/ });
    await addHeart.first().waitFor();
    for (let favourited = 1; favourited <= 3; favourited += 1) {
      await addHeart.first().click();
      await expect.poll(() => removeHeart.count()).toBe(favourited);
    }
    await page.goto('/favoriten');
    await expect.poll(() => page.getByRole('button', { name: /^Aus Favoriten entfernen/ }).count()).toBe(3);
    await expectNoSeriousA11yViolations(page);

    // Build the list "Excel-Schulung Team" and put the three favourites into it.
    await page.goto('/listen');
    await page.getByRole('button', { name: 'Neue Liste' }).first().click();
    const createDialog = page.getByRole('dialog', { name: 'Neue Liste anlegen' });
    await createDialog.getByLabel('Name').fill(LIST_NAME);
    await createDialog.getByLabel('Beschreibung').fill('Für die Einarbeitung im Controlling.');
    await createDialog.getByRole('button', { name: 'Liste anlegen' }).click();
    // Creating opens the new list.
    await page.getByRole('heading', { level: 1, name: LIST_NAME }).waitFor();

    await page.goto('/favoriten');
    const listButtons = page.getByRole('button', { name: /^Zu Liste hinzufügen: / });
    await expect.poll(() => listButtons.count()).toBe(3);
    for (let index = 0; index < 3; index += 1) {
      await listButtons.nth(index).click();
      const box = page.getByRole('checkbox', { name: LIST_NAME });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
      await page.keyboard.press('Escape');
    }

    await page.goto('/listen');
    await page.getByRole('link', { name: LIST_NAME }).click();
    await page.getByRole('heading', { level: 1, name: LIST_NAME }).waitFor();
    await page.getByText('Für die Einarbeitung im Controlling.').waitFor();
    await expect.poll(() => page.getByRole('link', { name: PIVOT_TITLE }).count()).toBe(1);

    // Share it and open the link logged out.
    await page.getByRole('button', { name: 'Teilen' }).click();
    const shareDialog = page.getByRole('dialog', { name: 'Liste teilen' });
    // The switch turns on once the server has made the link.
    await shareDialog.getByLabel('Lesezugriff per Link erlauben').click({ force: true });
    const linkBox = shareDialog.getByLabel('Link zur Liste');
    await linkBox.waitFor();
    const shareUrl = await linkBox.inputValue();
    expect(shareUrl).toMatch(/\/geteilt\/[A-Za-z0-9_-]{20,}$/);
    await page.screenshot({ path: artifactPath('feedback-share-dialog.png') });
    await shareDialog.getByRole('button', { name: 'Schließen' }).first().click();

    // Export the PDF for the manager.
    const pdfLink = page.getByRole('link', { name: 'Liste als PDF exportieren' });
    const pdfHref = await pdfLink.getAttribute('href');
    expect(pdfHref).toBeTruthy();
    const pdf = await page.request.get(new URL(pdfHref ?? '', server.baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain('excel-schulung-team.pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems).toEqual([]);

    const guest = await openPage();
    await guest.page.goto(new URL(shareUrl).pathname);
    await guest.page.getByRole('heading', { level: 1, name: LIST_NAME }).waitFor();
    await guest.page.getByText('Demo Lernende').first().waitFor();
    await expect.poll(() => guest.page.getByRole('link', { name: PIVOT_TITLE }).count()).toBe(1);
    await guest.page.screenshot({ path: artifactPath('feedback-shared-list.png'), fullPage: true });
    await expectNoSeriousA11yViolations(guest.page);
    expect(guest.problems).toEqual([]);

    // The creator sees the rating in the dashboard and replies from the comment inbox.
    const creator = await openPage();
    await logIn(creator.page, 'demo-creator');
    await creator.page.goto('/meine-nanos/statistik');
    await creator.page.getByRole('heading', { name: 'Verteilung der Bewertungen' }).waitFor();
    await creator.page.getByRole('heading', { name: 'Aufrufe und Downloads pro Tag' }).waitFor();
    await creator.page.screenshot({ path: artifactPath('feedback-dashboard.png'), fullPage: true });
    await expectNoSeriousA11yViolations(creator.page);

    await creator.page.goto('/meine-nanos/bewertungen');
    const rating = creator.page.getByRole('article', {
      name: /^Bewertung von Demo Lernende zu „Excel-Pivot/,
    });
    await rating.getByText(COMMENT).waitFor();
    await rating.getByRole('button', { name: 'Antworten' }).click();
    await rating.getByLabel('Ihre Antwort').fill(REPLY);
    await rating.getByRole('button', { name: 'Antwort speichern' }).click();
    await rating.getByText(REPLY).waitFor();
    expect(creator.problems).toEqual([]);

    // The learning manager sees the reply under the rating.
    await page.goto(nanoUrl);
    await page.getByRole('region', { name: 'Bewertungen' }).getByText(REPLY).first().waitFor();
    expect(problems).toEqual([]);
  });
});
