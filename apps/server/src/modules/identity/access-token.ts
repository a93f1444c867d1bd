import type { Role } from '@nano/contracts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../platform/clock.ts';

/** Claims of the access JWT. */
export interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
}

export interface TokenSigner {
  /** Signs claims for `ttlMs` from now with the current key (its id in the `kid` header). */
  sign(claims: AccessClaims | Record<string, unknown>, ttlMs: number, audience: string): Promise<string>;
  /** The verified claims, or null for an invalid, expired or foreign token. */
  verify(token: string, audience: string): Promise<Record<string, unknown> | null>;
}

const ISSUER = 'nano-marktplatz';

/**
 * HS256 JWTs with key rotation: the first key signs, every key verifies (picked by `kid`), so a
 * new key can be introduced while tokens signed with the previous one are still valid.
 * Times come from the clock, so tests can expire tokens.
 */
export function createTokenSigner(keys: Array<{ id: string; secret: string }>, clock: Clock): TokenSigner {
  const encoded = new Map(keys.map((k) => [k.id, new TextEncoder().encode(k.secret)]));
  const current = keys[0];
  if (!current) {
    throw new Error('at least one JWT key is required');
  }
  return {
    async sign(claims, ttlMs, audience) {
      const now = Math.floor(clock.now().getTime() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', kid: current.id })
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + Math.ceil(ttlMs / 1000))
        .sign(encoded.get(current.id) as Uint8Array);
    },
    async verify(token, audience) {
      try {
        const { payload } = await jwtVerify(
          token,
          async (header) => {
            const key = header.kid ? encoded.get(header.kid) : undefined;
            if (!key) {
              throw new joseErrors.JWKSNoMatchingKey();
            }
            return key;
          },
          { issuer: ISSUER, audience, algorithms: ['HS256'], currentDate: clock.now() },
        );
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}
