import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

/** The card of a top-level category, found by its heading. */
function categoryCard(name: string) {
  return page.locator('.mantine-Card-root', {
    has: page.getByRole('heading', { level: 3, name, exact: true }),
  });
}

async function expectCategoryWithChild(category: string, child: string) {
  await categoryCard(category).getByRole('listitem').filter({ hasText: child }).first().waitFor();
}

describe('home page journey', () => {
  beforeAll(async () => {
    server = await startServer('home');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await context?.close();
  });

  async function openPage(viewport?: { width: number; height: number }) {
    context = await newContext(browser, server.baseUrl);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    if (viewport) {
      await page.setViewportSize(viewport);
    }
    ({ problems } = await watchForPageProblems(page));
  }

  it('greets a first visitor in German with the topic tree from the API, under a strict CSP', async () => {
    await openPage();
    const response = await page.goto('/');

    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'/);

    await page
      .getByRole('heading', { level: 1, name: 'Kurze Lerneinheiten für die Weiterbildung' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectCategoryWithChild('Business Skills', 'Excel');
    await expectCategoryWithChild('Business Skills', 'Projektmanagement');
    await expectCategoryWithChild('IT & Software', 'Python');
    expect(await page.title()).toBe('Startseite – Nano-Marktplatz');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Startseite' })
      .waitFor();
    // Mantine's theme variables arrive as <style> tags; the nonce is what lets them apply.
    expect(await page.locator('style[data-mantine-styles]').count()).toBeGreaterThan(0);

    await page.screenshot({ path: artifactPath('home-de.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });

  it('switches to English, keeps the choice across a reload, and back to German by keyboard', async () => {
    await openPage();
    await page.goto('/');
    await expectCategoryWithChild('Business Skills', 'Projektmanagement');

    await page.locator('label').filter({ hasText: 'English' }).click();

    await page
      .getByRole('heading', { level: 1, name: 'Short learning units for continuing education' })
      .waitFor();
    await expectCategoryWithChild('Business skills', 'Project management');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Home – Nano-Marktplatz');

    await page.reload();

    await page
      .getByRole('heading', { level: 1, name: 'Short learning units for continuing education' })
      .waitFor();
    await expectCategoryWithChild('IT & software', 'Artificial intelligence');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await page.screenshot({ path: artifactPath('home-en.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('radio', { name: 'English' }).focus();
    await page.keyboard.press('ArrowLeft');

    await page
      .getByRole('heading', { level: 1, name: 'Kurze Lerneinheiten für die Weiterbildung' })
      .waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    expect(problems).toEqual([]);
  });

  it('lets a keyboard user skip straight to the main content', async () => {
    await openPage();
    await page.goto('/');
    await expectCategoryWithChild('Business Skills', 'Excel');

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await skipLink.isVisible()).toBe(true);
    await page.keyboard.press('Enter');

    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    expect(problems).toEqual([]);
  });

  it('shows a localised 404 page for an unknown address, with a way back home', async () => {
    await openPage();
    await page.goto('/gibt-es-nicht/wirklich-nicht');

    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    expect(await page.title()).toBe('Seite nicht gefunden – Nano-Marktplatz');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Zur Startseite' }).click();

    await page.waitForURL(`${server.baseUrl}/`);
    await expectCategoryWithChild('Business Skills', 'Excel');
    expect(problems).toEqual([]);
  });

  it('fits a phone screen', async () => {
    await openPage({ width: 375, height: 812 });
    await page.goto('/');
    await expectCategoryWithChild('Business Skills', 'Excel');

    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflows).toBe(false);
    // The header is fixed, so an overflowing control there would be clipped rather than scroll.
    const languageSwitch = await page.getByRole('radiogroup', { name: 'Sprache' }).boundingBox();
    expect((languageSwitch?.x ?? 0) + (languageSwitch?.width ?? 0)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: 'Nano-Marktplatz' }).waitFor();
    await page.screenshot({ path: artifactPath('home-de-phone.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page);
    expect(problems).toEqual([]);
  });
});
