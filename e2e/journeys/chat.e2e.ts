import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from '../support/a11y.ts';
import { launchBrowser, newContext, watchForPageProblems } from '../support/browser.ts';
import { artifactPath } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { logIn } from '../support/session.ts';

/** A published demo Nano of `akademie-digital`, with whom `demo-consumer` has no chat in the demo data. */
const NANO_TITLE = 'Python-Grundlagen: Variablen und Datentypen';
const CREATOR = 'akademie-digital';
const LEARNER = 'demo-consumer';
const QUESTION = 'Hallo! Gibt es zu den Python-Grundlagen auch eine Übungsdatei? 🙂';
const ANSWER = 'Ja, die Übungsdatei liegt im ZIP unter /uebungen – viel Erfolg!';
const WHILE_AWAY = 'Kleiner Nachtrag: Eine Lösung liegt jetzt auch bei, siehe https://example.org/loesung';

/** What Chromium logs for requests and sockets that fail while the context is offline. */
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|WebSocket connection to .* failed/;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext(browser, server.baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const { problems } = await watchForPageProblems(page);
  return { context, page, problems };
}

/** Writes a message in the open conversation and sends it with Enter. */
async function write(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Nachricht' });
  await composer.fill(text);
  await composer.press('Enter');
}

describe('chat journey', () => {
  beforeAll(async () => {
    server = await startServer('chat');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('a learner and the creator chat in real time; a message written while the learner is offline arrives on reconnect', async () => {
    const learner = await openPage();
    const creator = await openPage();
    await logIn(learner.page, LEARNER);
    await logIn(creator.page, CREATOR);

    // The creator waits in the inbox.
    await creator.page.goto('/chats');
    await creator.page.getByRole('heading', { level: 1, name: 'Nachrichten' }).waitFor();

    // The learner opens the chat from the Nano page and asks a question.
    // The demo chats are seeded in the background after start; wait for them, so that the unread
    // count below is known: one unread reply from demo-creator.
    await expect
      .poll(
        async () => {
          const answer = await learner.page.request.get(new URL('/api/v1/chats', server.baseUrl).toString());
          return ((await answer.json()) as { items: unknown[] }).items.length;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(2);
    await learner.page.goto('/suche?q=Python-Grundlagen');
    await learner.page.getByRole('link', { name: NANO_TITLE }).first().click();
    await learner.page.getByRole('heading', { level: 1, name: NANO_TITLE }).waitFor();
    await learner.page.getByRole('button', { name: 'Chat mit Creator' }).click();
    await learner.page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
    const conversationUrl = learner.page.url();
    await write(learner.page, QUESTION);
    await learner.page.getByText(QUESTION).waitFor();

    // It arrives in the creator's inbox without a reload; the creator opens it and answers.
    await creator.page.getByText(QUESTION).waitFor();
    await creator.page
      .getByRole('link', { name: /Nachrichten, 1 ungelesen/ })
      .first()
      .waitFor();
    await creator.page.getByText(QUESTION).click();
    await creator.page.waitForURL(conversationUrl);
    await write(creator.page, ANSWER);

    // The learner sees the answer live, and the question as read (✓✓).
    await learner.page.getByText(ANSWER).waitFor();
    await learner.page.getByLabel('Gelesen').first().waitFor();
    await learner.page.screenshot({ path: artifactPath('chat-conversation.png') });
    await expectNoSeriousA11yViolations(learner.page);

    // The learner goes to the inbox and then offline; the creator writes meanwhile.
    await learner.page.goto('/chats');
    await learner.page.getByText(ANSWER).waitFor();
    await learner.context.setOffline(true);
    await write(creator.page, WHILE_AWAY);
    await creator.page.getByText(WHILE_AWAY).waitFor();
    // Offline means offline: the message cannot reach the learner yet.
    await learner.page.waitForTimeout(2000);
    expect(await learner.page.getByText(/Kleiner Nachtrag/).count()).toBe(0);

    // Back online, the client reconnects and shows the missed message and the unread badge.
    await learner.context.setOffline(false);
    await learner.page.getByText(/Kleiner Nachtrag/).waitFor({ timeout: 60_000 });
    // The demo data holds one unread reply for demo-consumer; the missed message makes two.
    await learner.page
      .getByRole('link', { name: /Nachrichten, 2 ungelesen/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await learner.page.screenshot({ path: artifactPath('chat-inbox-after-reconnect.png') });

    // Opening the conversation shows the link as a safe link and takes it off the badge.
    await learner.page.goto(conversationUrl);
    const link = learner.page.getByRole('link', { name: 'https://example.org/loesung' });
    await link.waitFor();
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('rel')).toContain('nofollow');
    await learner.page
      .getByRole('link', { name: /Nachrichten, 1 ungelesen/ })
      .first()
      .waitFor();
    await creator.page.screenshot({ path: artifactPath('chat-creator.png') });
    await expectNoSeriousA11yViolations(creator.page);

    // The transcript holds the whole conversation.
    const transcript = await learner.page.request.get(
      new URL(`/api/v1${new URL(conversationUrl).pathname}/transcript?format=txt`, server.baseUrl).toString(),
    );
    expect(transcript.status()).toBe(200);
    const text = await transcript.text();
    expect(text).toContain(QUESTION);
    expect(text).toContain(ANSWER);
    expect(text).toContain(WHILE_AWAY);

    // While offline the browser reports the failed socket and requests; nothing else may go wrong.
    expect(learner.problems.filter((problem) => !OFFLINE_NOISE.test(problem))).toEqual([]);
    expect(creator.problems).toEqual([]);
  }, 180_000);
});
