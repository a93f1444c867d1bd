import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of an appeal link: `<decisionId>.<exp>.<mac>`, where `exp` is the end of the decision's
 * appeal period (ms since the epoch) and `mac` the base64url HMAC-SHA256 of `decisionId + '.' + exp`
 * with the server secret, prefixed with this purpose so a MAC made for anything else never passes.
 * Pure functions: decisions.service.ts puts the token into the statement of reasons, appeal-links.ts
 * checks it.
 */
const PURPOSE = 'appeal-link:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(secret: string, decisionId: string, exp: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}${decisionId}.${exp}`).digest('base64url');
}

/** The token of the appeal link of a decision appealable until `appealableUntil`. */
export function appealToken(secret: string, decisionId: string, appealableUntil: Date | string): string {
  const exp = String(new Date(appealableUntil).getTime());
  return `${decisionId}.${exp}.${mac(secret, decisionId, exp)}`;
}

/** The decision id and period end a token was made for, or null when it is malformed or forged. */
export function verifyAppealToken(secret: string, token: string): { decisionId: string; exp: number } | null {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  const [decisionId = '', exp = '', given = ''] = parts;
  if (!UUID.test(decisionId) || !/^\d{1,16}$/.test(exp)) {
    return null;
  }
  const expected = Buffer.from(mac(secret, decisionId, exp));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return null;
  }
  return { decisionId: decisionId.toLowerCase(), exp: Number(exp) };
}
