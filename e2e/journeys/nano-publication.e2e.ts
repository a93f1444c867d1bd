import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { makePdf, makePng, makeZip } from '../support/nano-zip.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { chooseFromUserMenu, logIn, recordWebm } from '../support/session.ts';

/** Upload, review and viewing with pdf.js take a while on a 2-core machine. */
const JOURNEY_TIMEOUT_MS = 240_000;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A signed-in page of its own context, watched for console errors and CSP violations. */
async function signedInPage(login: string): Promise<{ page: Page; problems: string[] }> {
  const context = await newContext(browser, server.baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const { problems } = await watchForPageProblems(page);
  await logIn(page, login);
  return { page, problems };
}

/** The ZIP a creator uploads: a 2-page PDF, a PNG and a short WebM recorded by the browser. */
async function buildNanoZip(): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const video = await recordWebm(page);
    return await makeZip({
      'folien.pdf': await makePdf(['Pivot-Tabellen: Einstieg', 'Pivot-Tabellen: Filtern']),
      'bilder/beispiel.png': makePng(320, 180),
      'video/demo.webm': video,
      'liesmich.md': Buffer.from('# Pivot-Tabellen\n\nÜbungsdateien und Folien.\n'),
    });
  } finally {
    await page.close();
  }
}

describe('Nano publication journey', () => {
  beforeAll(async () => {
    server = await startServer('nanos');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it(
    'a creator uploads and submits a Nano, a moderator approves it, a consumer views and downloads it',
    async () => {
      const title = `Pivot-Tabellen in 10 Minuten ${Date.now().toString(36)}`;
      const zip = await buildNanoZip();

      // The creator: wizard step 1, metadata with live checks.
      const creator = await signedInPage('demo-creator');
      const page = creator.page;
      await chooseFromUserMenu(page, 'Nano hochladen');
      await page.getByRole('heading', { level: 1, name: 'Nano hochladen' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(title);
      await page
        .getByRole('textbox', { name: 'Beschreibung', exact: true })
        .fill('Daten schnell auswerten: Pivot-Tabellen anlegen, filtern und gestalten – mit Übungsdatei.');
      await page.getByRole('textbox', { name: 'Dauer', exact: true }).fill('10');
      await page.getByRole('textbox', { name: 'Format', exact: true }).click();
      await page.getByRole('option', { name: 'Gemischt' }).click();
      await page.getByRole('radio', { name: 'Grundlagen' }).check();
      await page.getByRole('radio', { name: 'CC BY 4.0 (Namensnennung)' }).check();
      await page.getByRole('textbox', { name: 'Kategorien', exact: true }).click();
      await page.getByRole('option').first().click();
      await page.keyboard.press('Escape');
      const tags = page.getByRole('textbox', { name: 'Schlagwörter', exact: true });
      await tags.fill('excel');
      await tags.press('Enter');
      await page.getByRole('switch', { name: 'Download der ZIP-Datei erlauben' }).check();
      // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: artifactPath('nanos-wizard-metadata-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'Entwurf anlegen und weiter' }).click();

      // Step 2: the ZIP, with a real progress bar.
      await page.getByRole('heading', { level: 2, name: 'ZIP-Datei hochladen' }).waitFor();
      const nanoId = /\/nanos\/([0-9a-f-]{36})\/bearbeiten/.exec(page.url())?.[1] ?? '';
      expect(nanoId).not.toBe('');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'pivot-tabellen.zip', mimeType: 'application/zip', buffer: zip });
      await page.getByText('Ausgewählt: pivot-tabellen.zip').waitFor();
      await page.getByRole('button', { name: 'Hochladen', exact: true }).click();
      await page.getByText('100 % – hochgeladen und geprüft').waitFor();
      const progress = page.getByRole('progressbar', { name: 'Fortschritt des Hochladens' });
      expect(await progress.getAttribute('aria-valuenow')).toBe('100');
      await page.getByRole('status').filter({ hasText: 'Datei hochgeladen' }).waitFor();
      await page.screenshot({ path: artifactPath('nanos-wizard-upload-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);

      // Steps 3 and 4: no own thumbnail; the preview, then submit.
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.getByRole('heading', { level: 2, name: 'Vorschaubild' }).waitFor();
      await page.getByText('wird automatisch aus dem ersten Bild').waitFor();
      await page.getByRole('button', { name: /Überspringen|Weiter/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Prüfen und einreichen' }).waitFor();
      await page.getByRole('heading', { level: 4, name: title }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
      await page.getByRole('status').filter({ hasText: 'Zur Prüfung eingereicht' }).waitFor();

      // Meine Nanos shows it in review.
      await chooseFromUserMenu(page, 'Meine Nanos');
      const row = page.getByRole('row').filter({ hasText: title });
      await row.getByText('In Prüfung', { exact: true }).waitFor();
      await page.screenshot({ path: artifactPath('nanos-meine-nanos-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(page);
      expect(creator.problems).toEqual([]);

      // The moderator: the queue, the review page with the viewer, the decision.
      const moderator = await signedInPage('demo-moderator');
      const review = moderator.page;
      await chooseFromUserMenu(review, 'Moderation');
      await review.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
      await review.getByRole('heading', { level: 2, name: 'Neue Nanos' }).waitFor();
      const queueRow = review.getByRole('row').filter({ hasText: title });
      await queueRow.getByText('im Zeitplan').waitFor();
      await review.screenshot({ path: artifactPath('nanos-moderation-queue-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(review);
      await queueRow.getByRole('link', { name: title }).click();
      await review.getByRole('heading', { level: 1, name: `Prüfung: ${title}` }).waitFor();
      await review.getByText('Seite 1 von 2', { exact: true }).waitFor();
      await review.getByRole('group', { name: 'Prüfliste' }).waitFor();
      await review.waitForFunction(() => document.querySelector('canvas')?.dataset.page === '1');
      await review.screenshot({ path: artifactPath('nanos-moderation-review-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(review);
      for (const box of await review.getByRole('group', { name: 'Prüfliste' }).getByRole('checkbox').all()) {
        await box.check();
      }
      await review
        .getByRole('textbox', { name: 'Nachricht an den Anbieter' })
        .fill('Gut aufbereitet, danke!');
      await review.getByRole('button', { name: 'Freigeben' }).click();
      await review
        .getByRole('status')
        .filter({ hasText: `„${title}“ wurde freigegeben.` })
        .waitFor();
      expect(moderator.problems).toEqual([]);

      // The creator hears about it.
      await page.reload();
      await page.getByRole('button', { name: /^Benachrichtigungen, [1-9]\d* ungelesen$/ }).click();
      await page.getByText(`„${title}“ wurde freigegeben und ist jetzt öffentlich.`).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      // … and finds the approved version, current and downloadable, in the version list.
      await page.getByRole('link', { name: 'Versionen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Versionen' }).waitFor();
      const versionRow = page.getByRole('row').filter({ hasText: 'aktuell' });
      await versionRow.getByText('Freigegeben').waitFor();
      const versionLink = versionRow.getByRole('link', { name: /^Version .+ herunterladen$/ });
      expect(await versionLink.getAttribute('href')).toMatch(/\/download\?version=[0-9a-f-]{36}$/);
      await expectNoSeriousA11yViolations(page);
      expect(creator.problems).toEqual([]);

      // A consumer: the detail page with pdf.js, the file list, the video and the download.
      const consumer = await signedInPage('demo-consumer');
      const detail = consumer.page;
      await detail.goto(`/nanos/${nanoId}`);
      await detail.getByRole('heading', { level: 1, name: title }).waitFor();
      await detail.getByText('Seite 1 von 2', { exact: true }).waitFor();
      const canvas = detail.getByRole('img', { name: /folien\.pdf, Seite 1 von 2/ });
      await detail.waitForFunction(() => {
        const element = document.querySelector('canvas');
        if (!element || element.width === 0) {
          return false;
        }
        const pixels = element.getContext('2d')?.getImageData(0, 0, element.width, element.height / 4).data;
        // The blue band at the top of the first page has been drawn.
        return pixels?.some(
          (value, index) => index % 4 === 2 && value > 150 && (pixels[index - 2] ?? 0) < 60,
        );
      });
      const size = await canvas.evaluate((element) => [
        (element as HTMLCanvasElement).width,
        (element as HTMLCanvasElement).height,
      ]);
      expect(size[0]).toBeGreaterThan(0);
      expect(size[1]).toBeGreaterThan(0);
      await detail.getByRole('button', { name: 'Nächste Seite' }).click();
      await detail.getByText('Seite 2 von 2', { exact: true }).waitFor();
      const files = detail.getByRole('table', { name: `Dateien von „${title}“` });
      for (const path of ['folien.pdf', 'bilder/beispiel.png', 'video/demo.webm', 'liesmich.md']) {
        await files.getByText(path, { exact: true }).waitFor();
      }
      await detail.getByRole('button', { name: 'Vorherige Seite' }).click();
      await detail.getByText('Seite 1 von 2', { exact: true }).waitFor();
      await detail.screenshot({ path: artifactPath('nanos-detail-pdf-de.png'), fullPage: true });
      await expectNoSeriousA11yViolations(detail);

      await detail.getByRole('tab', { name: 'demo.webm' }).click();
      const video = detail.locator('video');
      const src = (await video.getAttribute('src')) ?? '';
      expect(src).toMatch(
        new RegExp(`^/api/v1/nanos/${nanoId}/versions/[0-9a-f-]{36}/content/video/demo\\.webm$`),
      );
      await detail.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
      const ranged = await detail.evaluate(async (url) => {
        const response = await fetch(url, { headers: { Range: 'bytes=0-99' } });
        return { status: response.status, length: (await response.arrayBuffer()).byteLength };
      }, src);
      expect(ranged).toEqual({ status: 206, length: 100 });

      await detail.getByRole('tab', { name: 'liesmich.md' }).click();
      await detail.getByLabel('Inhalt von liesmich.md').getByText('Übungsdateien und Folien.').waitFor();

      const [download] = await Promise.all([
        detail.waitForEvent('download'),
        detail.getByRole('link', { name: 'ZIP herunterladen' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^pivot-tabellen-in-10-minuten-.*\.zip$/);
      const downloaded = await readFile(await download.path());
      expect(downloaded.equals(zip)).toBe(true);
      expect(consumer.problems).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
