import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A random opaque token (email verification, password reset, refresh token), base64url so it
 * travels in URLs and cookies without escaping. 32 bytes = 256 bits: unguessable by any margin.
 */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The form a token is stored in (SHA-256, hex), so a database leak does not hand out live tokens.
 * A fast hash is right here, unlike for passwords: the input is ≥ 128 random bits, so there is no
 * dictionary to try and brute force is hopeless however fast each guess is; and lookups by hash
 * stay an indexed equality query.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares two secrets in time independent of where they differ, so a caller cannot learn a
 * stored value byte by byte from response times. Only the length can leak, which is fine for
 * the fixed-length values (hashes, codes) this is used on.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    return false;
  }
  return timingSafeEqual(left, right);
}
