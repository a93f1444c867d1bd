import type { Page } from 'playwright-core';

/** The password of the demo accounts the embedded mode seeds (`DEMO_PASSWORD`'s default). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026!';

/** Logs in on the login page and waits for the user menu. */
export async function logIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse oder Benutzername').fill(login);
  await page.getByLabel(/^Passwort( \*)?$/).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('button', { name: /^Benutzermenü für / }).waitFor();
}

/** Opens the user menu and follows one of its entries. */
export async function chooseFromUserMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: /^Benutzermenü für / }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/**
 * A short, playable WebM video recorded by the browser itself (a canvas stream through
 * MediaRecorder), so the journey needs no video files or encoders of its own.
 */
export async function recordWebm(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const context = canvas.getContext('2d');
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => {
      recorder.onstop = resolve;
    });
    let frame = 0;
    const draw = () => {
      if (context) {
        context.fillStyle = frame % 2 === 0 ? '#1864ab' : '#ffd43b';
        context.fillRect(0, 0, 160, 90);
      }
      frame += 1;
    };
    draw();
    recorder.start();
    const timer = setInterval(draw, 100);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    recorder.stop();
    clearInterval(timer);
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let binary = '';
    for (const byte of bytes) {
      binary += String.fromCharCode(byte);
    }
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}
