import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@nano/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import { COOKIE_ACCESS, COOKIE_CSRF, CSRF_HEADER } from '../modules/identity/identity.constants.ts';
import type { AuthContext } from '../modules/identity/session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for a guest. Resolved from the access cookie on every API request. */
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** Route guard (use as `preValidation`, so a caller without access never learns about body validation): a signed-in user whose account is complete (password changed, staff 2FA enrolled). */
    requireAuth: preHandlerAsyncHookHandler;
    /** Route guard (use as `preValidation`): a signed-in user with one of `roles`. */
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
  }
  interface FastifyContextConfig {
    /** The route stays usable while the account must first change its password or enrol in 2FA. */
    allowIncompleteAccount?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Sets the readable double-submit cookie when the browser has none yet, and returns its value. */
export function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[COOKIE_CSRF];
  if (existing) {
    return existing;
  }
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(COOKIE_CSRF, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
  return token;
}

export interface AuthPluginOptions {
  authenticate(accessToken: string | undefined): Promise<AuthContext | null>;
  allowedOrigins: string[];
  secureCookies: boolean;
}

/**
 * Authentication and request-forgery defence for the API. Every state-changing `/api/` request
 * must come from an allowed Origin (when the browser sends one) and carry the `nm_csrf` cookie's
 * value in `X-CSRF-Token` (double submit; a cross-site page can neither read the cookie nor set
 * the header). The access cookie is resolved to a live session on every API request.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app: FastifyInstance, options) => {
    app.decorateRequest('auth', null);

    app.addHook('onRequest', async (request) => {
      // The matched route, not the raw URL: the router decodes `/%61pi/…` to an API route that
      // a check on the raw URL would let through without CSRF defence.
      const path = request.routeOptions.url ?? request.url;
      if (!path.startsWith('/api/')) {
        return;
      }
      if (STATE_CHANGING.has(request.method)) {
        const origin = request.headers.origin;
        if (origin && !options.allowedOrigins.includes(origin)) {
          throw new AppError('origin_not_allowed');
        }
        const cookie = request.cookies[COOKIE_CSRF];
        const header = request.headers[CSRF_HEADER];
        if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) {
          throw new AppError('csrf_failed');
        }
      }
      request.auth = await options.authenticate(request.cookies[COOKIE_ACCESS]);
    });

    const checkComplete = (request: FastifyRequest) => {
      const auth = request.auth;
      if (!auth) {
        throw new AppError('unauthorized');
      }
      if (request.routeOptions.config.allowIncompleteAccount) {
        return auth;
      }
      if (auth.mustChangePassword) {
        throw new AppError('password_change_required');
      }
      if (auth.mustEnrollTwoFactor) {
        throw new AppError('two_factor_enrollment_required');
      }
      return auth;
    };

    app.decorate('requireAuth', async (request: FastifyRequest) => {
      checkComplete(request);
    });
    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      const auth = checkComplete(request);
      if (!roles.includes(auth.role)) {
        throw new AppError('forbidden');
      }
    });
  },
  { name: 'auth', dependencies: ['error-handler'] },
);
