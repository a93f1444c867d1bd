import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it from the distribution's packages. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium without any background traffic of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies, no localStorage) at a desktop size, in German like a first visit. */
export function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
}

/** An HTTP error answer that a journey expects, e.g. 401 for a wrong password. */
export interface ExpectedHttpError {
  path: string;
  status: number;
}

/**
 * How the app learns that a visitor is a guest: `GET /auth/me` answers 401, and so does the
 * silent `POST /auth/refresh` it tries then. Chromium logs every 4xx answer as a console error.
 */
const GUEST_SESSION_PROBES: ExpectedHttpError[] = [
  { path: '/api/v1/auth/me', status: 401 },
  { path: '/api/v1/auth/refresh', status: 401 },
];

/** The test servers listen on loopback; a request anywhere else is a third-party request. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

function isExpectedHttpError(message: ConsoleMessage, expected: ExpectedHttpError[]): boolean {
  const status = FAILED_RESOURCE.exec(message.text())?.[1];
  const url = message.location().url;
  if (!status || !url) {
    return false;
  }
  const { pathname } = new URL(url);
  return expected.some((error) => error.path === pathname && error.status === Number(status));
}

/**
 * Collects what must never happen on a page: console errors (CSP violations are reported
 * there too, as "Refused to …"), uncaught exceptions, `securitypolicyviolation` events and
 * requests to any host but the test server (third-party requests).
 * HTTP error answers count too, except the guest-session probes and those listed in
 * `expectedHttpErrors`. Call before the first navigation; read `problems` at the end of the test.
 */
export async function watchForPageProblems(
  page: Page,
  { expectedHttpErrors = [] }: { expectedHttpErrors?: ExpectedHttpError[] } = {},
): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  const expected = [...GUEST_SESSION_PROBES, ...expectedHttpErrors];
  page.on('console', (message) => {
    if (isExpectedHttpError(message, expected)) {
      return;
    }
    if (message.type() === 'error' || message.text().includes('Content Security Policy')) {
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // No third-party requests (SPEC §4.7): fonts, scripts and images all come from the app's own server.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) {
      problems.push(`third-party request: ${request.method()} ${url.origin}${url.pathname}`);
    }
  });
  await page.exposeFunction('__reportCspViolation', (description: string) =>
    problems.push(`CSP violation: ${description}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  return { problems };
}
