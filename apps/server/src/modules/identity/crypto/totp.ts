import { HOTP, Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { safeEqual } from './tokens.ts';

/** Length of one TOTP time step (RFC 6238 default; what every authenticator app assumes). */
export const TOTP_PERIOD_SECONDS = 30;
/** Digits per code. */
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one, for clock drift and slow typing. */
export const TOTP_WINDOW = 1;
/** Shown as the account's provider in authenticator apps. */
export const TOTP_ISSUER = 'Nano-Marktplatz';

// SHA-1 is the only algorithm all common authenticator apps honour; HMAC-SHA-1 is still sound.
const ALGORITHM = 'SHA1';
// RFC 4226 recommends 160 bits, the output size of HMAC-SHA-1.
const SECRET_BYTES = 20;

/** Outcome of {@link verifyTotp}; the caller stores `step` as the account's last used step. */
export type TotpVerification = { ok: true; step: number } | { ok: false };

/** A new random TOTP secret (20 bytes, base32) for enrolment. */
export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The `otpauth://totp/...` URI an authenticator app imports (shown as QR code and as text). */
export function totpUri(secret: string, accountLabel: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountLabel,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The URI as a PNG data URL for an `<img>`, so the secret never leaves the server as a file. */
export async function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

function codeAt(secret: Secret, step: number): string {
  return HOTP.generate({ secret, algorithm: ALGORITHM, digits: TOTP_DIGITS, counter: step });
}

/**
 * Checks a code typed by the user at `now`. Accepts the current step ± {@link TOTP_WINDOW}, but
 * never a step at or before `lastUsedStep`: a code seen once (shoulder-surfed, phished, logged)
 * must not work a second time within its 90-second life.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): TotpVerification {
  const typed = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(typed)) {
    return { ok: false };
  }
  const key = Secret.fromBase32(secret);
  const current = TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() });
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) {
      continue;
    }
    if (safeEqual(codeAt(key, step), typed)) {
      return { ok: true, step };
    }
  }
  return { ok: false };
}

/** The code an authenticator app shows at `now`; for tests and the end-to-end journey. */
export function totpNow(secret: string, now: Date): string {
  return codeAt(
    Secret.fromBase32(secret),
    TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() }),
  );
}
