import { setTimeout as sleep } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';

/** One email of the development outbox, `GET /api/dev/mail` (newest first). */
interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

const MAIL_TIMEOUT_MS = 15_000;
const TOTP_PERIOD_MS = 30_000;

/**
 * The newest link to `pathname` (e.g. `/email-bestaetigen`) in a mail to `to`, as a path with
 * its query; waits for the mail to arrive in the development outbox.
 */
export async function linkFromMail(baseUrl: string, to: string, pathname: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]+${pathname}\\?token=[\\w-]+`);
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/dev/mail`);
    const { items } = (await response.json()) as { items: OutboxMail[] };
    const link = items.filter((mail) => mail.to === to).flatMap((mail) => pattern.exec(mail.text) ?? [])[0];
    if (link) {
      const url = new URL(link);
      return `${url.pathname}${url.search}`;
    }
    await sleep(250);
  }
  throw new Error(`no mail to ${to} with a ${pathname} link within ${MAIL_TIMEOUT_MS} ms`);
}

/** The TOTP time step (30 s) of a moment. */
export function totpStep(timestamp = Date.now()): number {
  return Math.floor(timestamp / TOTP_PERIOD_MS);
}

/** The 6-digit code an authenticator app shows for `secret` (base32) at `timestamp`. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), digits: 6, period: 30 });
  return totp.generate({ timestamp });
}

/**
 * A code from a later time step than `usedStep`: the server refuses a step twice (replay),
 * so a login right after enrolment waits for the next step, up to 30 seconds.
 */
export async function freshTotpCode(secret: string, usedStep: number): Promise<string> {
  const nextStepStart = (usedStep + 1) * TOTP_PERIOD_MS;
  const wait = nextStepStart - Date.now();
  if (wait > 0) {
    await sleep(wait + 250);
  }
  return totpCode(secret);
}

/** A unique address and username for one run. */
export function uniqueAccount(prefix: string): { email: string; username: string } {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  return { email: `${prefix}-${suffix}@example.org`, username: `${prefix}-${suffix}` };
}
