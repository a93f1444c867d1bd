import type { FastifyReply } from 'fastify';
import {
  ACCESS_TOKEN_TTL_MS,
  AUTH_COOKIE_PATH,
  COOKIE_ACCESS,
  COOKIE_REFRESH,
  COOKIE_TWO_FACTOR,
  REFRESH_TOKEN_TTL_MS,
  TWO_FACTOR_PENDING_TTL_MS,
} from './identity.constants.ts';
import type { IssuedTokens } from './session.service.ts';

const base = (secure: boolean) => ({ httpOnly: true, sameSite: 'strict' as const, secure });

/** Sets the access cookie (whole site) and the refresh cookie (auth endpoints only). */
export function setSessionCookies(reply: FastifyReply, tokens: IssuedTokens, secure: boolean): void {
  reply.setCookie(COOKIE_ACCESS, tokens.accessToken, {
    ...base(secure),
    path: '/',
    maxAge: ACCESS_TOKEN_TTL_MS / 1000,
  });
  reply.setCookie(COOKIE_REFRESH, tokens.refreshToken, {
    ...base(secure),
    path: AUTH_COOKIE_PATH,
    maxAge: REFRESH_TOKEN_TTL_MS / 1000,
  });
  reply.clearCookie(COOKIE_TWO_FACTOR, { ...base(secure), path: AUTH_COOKIE_PATH });
}

/** Removes every session cookie (logout, failed refresh). */
export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(COOKIE_ACCESS, { ...base(secure), path: '/' });
  reply.clearCookie(COOKIE_REFRESH, { ...base(secure), path: AUTH_COOKIE_PATH });
  reply.clearCookie(COOKIE_TWO_FACTOR, { ...base(secure), path: AUTH_COOKIE_PATH });
}

/** Holds the password step of a 2FA login for a few minutes. */
export function setTwoFactorCookie(reply: FastifyReply, pendingToken: string, secure: boolean): void {
  reply.setCookie(COOKIE_TWO_FACTOR, pendingToken, {
    ...base(secure),
    path: AUTH_COOKIE_PATH,
    maxAge: TWO_FACTOR_PENDING_TTL_MS / 1000,
  });
}
