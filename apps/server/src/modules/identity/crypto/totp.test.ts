import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  generateTotpSecret,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  totpNow,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from './totp.ts';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" gives 287082 (8 digits: 94287082) at T=59 s.
const secret = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer }).base32;
const now = new Date('2026-03-14T12:00:10Z');
const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);

function at(offsetSeconds: number): Date {
  return new Date(now.getTime() + offsetSeconds * 1000);
}

describe('totpNow', () => {
  it('matches the RFC 6238 test vector', () => {
    expect(totpNow(secret, new Date(59_000))).toBe('287082');
  });
});

describe('verifyTotp', () => {
  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(secret, totpNow(secret, now), now, null)).toEqual({ ok: true, step });
  });

  it('accepts a code from one step before or after, for clock drift', () => {
    expect(verifyTotp(secret, totpNow(secret, at(-30)), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(secret, totpNow(secret, at(30)), now, null)).toEqual({ ok: true, step: step + 1 });
  });

  it('rejects a code from three steps away', () => {
    expect(verifyTotp(secret, totpNow(secret, at(-90)), now, null)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpNow(secret, at(90)), now, null)).toEqual({ ok: false });
  });

  it('rejects a replay of an already used step, and of any earlier one', () => {
    const first = verifyTotp(secret, totpNow(secret, now), now, null);
    expect(first).toEqual({ ok: true, step });
    expect(verifyTotp(secret, totpNow(secret, now), at(5), step)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpNow(secret, at(-30)), now, step)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpNow(secret, at(30)), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('tolerates spaces and rejects malformed input', () => {
    const code = totpNow(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toEqual({ ok: true, step });
    expect(verifyTotp(secret, '', now, null)).toEqual({ ok: false });
    expect(verifyTotp(secret, `${code}0`, now, null)).toEqual({ ok: false });
    expect(verifyTotp(secret, 'abcdef', now, null)).toEqual({ ok: false });
  });
});

describe('enrolment', () => {
  it('generates distinct 20-byte base32 secrets', () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it('builds an otpauth URI with issuer, label and parameters', () => {
    const uri = new URL(totpUri(secret, 'anna_berg'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Nano-Marktplatz:anna_berg');
    expect(uri.searchParams.get('issuer')).toBe('Nano-Marktplatz');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('digits')).toBe(String(TOTP_DIGITS));
    expect(uri.searchParams.get('period')).toBe(String(TOTP_PERIOD_SECONDS));
  });

  it('renders the URI as a PNG data URL', async () => {
    const dataUrl = await totpQrDataUrl(totpUri(secret, 'anna_berg'));
    expect(dataUrl).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });
});
