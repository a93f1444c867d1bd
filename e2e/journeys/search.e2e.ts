import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

/** The demo Nano that "Excel pivot" finds (German, level 1). */
const PIVOT_TITLE = 'Excel-Pivot-Tabellen in 10 Minuten';
const FILTERED_SEARCH = '?q=Excel+pivot&level=1&language=de';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

async function openPage(viewport?: { width: number; height: number }) {
  context = await newContext(browser, server.baseUrl);
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (viewport) {
    await page.setViewportSize(viewport);
  }
  ({ problems } = await watchForPageProblems(page));
}

/** The checkbox of a filter value, found by its fieldset's legend and its label without the count. */
function filterBox(legend: string, value: string) {
  return page
    .getByRole('group', { name: legend, exact: true })
    .getByRole('checkbox', { name: new RegExp(`^${value} \\(\\d+\\)$`) });
}

function resultList() {
  return page.getByRole('list', { name: /Nanos? gefunden$/ });
}

describe('search journey', () => {
  beforeAll(async () => {
    server = await startServer('search');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('searches "Excel pivot" from the header, filters by level and language, opens a result, and Back keeps the filters', async () => {
    await openPage();
    await page.goto('/');
    const headerBox = page.getByRole('combobox', { name: 'Nanos durchsuchen' });
    await headerBox.fill('Excel pivot');
    await headerBox.press('Escape');
    await headerBox.press('Enter');

    await page.waitForURL(`${server.baseUrl}/suche?q=Excel+pivot`);
    await resultList().getByRole('link', { name: PIVOT_TITLE }).waitFor();

    // Clicks, not check(): the box is checked once the address has changed, a moment after the click.
    await filterBox('Niveau', 'Grundlagen').click();
    await page.waitForURL(`${server.baseUrl}/suche?q=Excel+pivot&level=1`);
    await filterBox('Sprache', 'Deutsch').click();
    await page.waitForURL(`${server.baseUrl}/suche${FILTERED_SEARCH}`);

    const chips = page.getByRole('list', { name: 'Aktive Filter' });
    await chips.getByText('Niveau: Grundlagen').waitFor();
    await chips.getByText('Sprache: Deutsch').waitFor();
    const result = resultList().getByRole('link', { name: PIVOT_TITLE });
    await result.waitFor();
    await page.screenshot({ path: artifactPath('search-filtered.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page);

    const clickLogged = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/search/clicks') && response.status() === 204,
    );
    await result.click();
    await page.getByRole('heading', { level: 1, name: PIVOT_TITLE }).waitFor();
    expect(page.url()).toMatch(/\/nanos\/[0-9a-f-]{36}$/);
    await clickLogged;

    await page.goBack();

    await page.waitForURL(`${server.baseUrl}/suche${FILTERED_SEARCH}`);
    await resultList().getByRole('link', { name: PIVOT_TITLE }).waitFor();
    expect(await filterBox('Niveau', 'Grundlagen').isChecked()).toBe(true);
    expect(await filterBox('Sprache', 'Deutsch').isChecked()).toBe(true);
    expect(await filterBox('Niveau', 'Fortgeschritten').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Suchbegriff' }).inputValue()).toBe('Excel pivot');
    await chips.getByText('Niveau: Grundlagen').waitFor();
    expect(problems).toEqual([]);
  });

  it('completes a typed word and corrects a typo ("Exel" → Excel)', async () => {
    await openPage();
    await page.goto('/suche');
    const box = page.getByRole('combobox', { name: 'Suchbegriff' });
    await box.fill('exc');
    const suggestions = page.getByRole('listbox', { name: 'Vorschläge' });
    await suggestions.getByRole('option', { name: /Excel/ }).first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    await box.fill('Exel');
    await box.press('Escape');
    await box.press('Enter');

    await page.waitForURL(`${server.baseUrl}/suche?q=Exel`);
    await page.getByText(/^(Meinten Sie|Ergebnisse für)/).waitFor();
    await resultList().getByRole('link', { name: PIVOT_TITLE }).waitFor();
    expect(problems).toEqual([]);
  });

  it('fits a phone screen, with the filters in a drawer behind a button', async () => {
    await openPage({ width: 375, height: 812 });
    await page.goto(`/suche${FILTERED_SEARCH}`);
    await resultList().getByRole('link', { name: PIVOT_TITLE }).waitFor();

    expect(await page.getByRole('button', { name: 'Filter (2)' }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Niveau', exact: true }).isVisible()).toBe(false);
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflows).toBe(false);
    await page.screenshot({ path: artifactPath('search-phone.png'), fullPage: true });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Filter (2)' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filter' });
    await drawer.getByRole('group', { name: 'Sprache', exact: true }).waitFor();
    expect(await drawer.getByRole('checkbox', { name: /^Deutsch \(\d+\)$/ }).isChecked()).toBe(true);
    await page.screenshot({ path: artifactPath('search-phone-filters.png') });
    await expectNoSeriousA11yViolations(page);
    await drawer.getByRole('checkbox', { name: /^Deutsch \(\d+\)$/ }).click();
    await page.waitForURL(`${server.baseUrl}/suche?q=Excel+pivot&level=1`);
    await drawer.getByRole('button', { name: /Ergebnis(se)? anzeigen$/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Filter (1)' }).waitFor();
    expect(problems).toEqual([]);
  });
});
