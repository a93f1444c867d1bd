import {
  acceptedResponseSchema,
  backupCodesResponseSchema,
  currentUserSchema,
  emailChangeRequestSchema,
  emailRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  passwordChangeRequestSchema,
  passwordResetConfirmSchema,
  registerRequestSchema,
  sessionListSchema,
  tokenRequestSchema,
  twoFactorCodeRequestSchema,
  twoFactorDisableRequestSchema,
  twoFactorLoginRequestSchema,
  twoFactorSetupResponseSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { ensureCsrfCookie } from '../../plugins/auth.ts';
import * as account from './account.service.ts';
import { clearSessionCookies, setSessionCookies, setTwoFactorCookie } from './auth-cookies.ts';
import { COOKIE_REFRESH, COOKIE_TWO_FACTOR } from './identity.constants.ts';
import type { IdentityDeps, RequestContext } from './identity.deps.ts';
import { type LoginOutcome, login, loginWithSecondFactor } from './login.service.ts';
import { register, resendVerification, verifyEmail } from './registration.service.ts';
import * as sessionService from './session.service.ts';

const TAGS = ['auth'];

function contextOf(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    locale: request.locale,
  };
}

function authOf(request: FastifyRequest): sessionService.AuthContext {
  if (!request.auth) {
    throw new AppError('unauthorized');
  }
  return request.auth;
}

/** The account endpoints under `/api/v1/auth` (SPEC §4.1). */
export async function identityRoutes(
  app: FastifyInstance,
  { deps, secureCookies }: { deps: IdentityDeps; secureCookies: boolean },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const accepted = { status: 'accepted' as const };

  const answerLogin = async (request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome) => {
    if (outcome.kind === 'two_factor_required') {
      setTwoFactorCookie(reply, outcome.pendingToken, secureCookies);
      return { twoFactorRequired: true as const };
    }
    setSessionCookies(reply, outcome.tokens, secureCookies);
    const auth = await sessionService.authenticate(deps, outcome.tokens.accessToken);
    if (!auth) {
      throw new AppError('internal_error');
    }
    request.auth = auth;
    return { twoFactorRequired: false as const, user: await account.getCurrentUser(deps, auth) };
  };

  r.get(
    '/api/v1/auth/csrf',
    {
      schema: {
        tags: TAGS,
        summary: 'Sets the CSRF cookie and returns its value',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: ensureCsrfCookie(request, reply, secureCookies) };
    },
  );

  r.post(
    '/api/v1/auth/register',
    {
      schema: {
        tags: TAGS,
        summary: 'Register (answers alike for known addresses)',
        body: registerRequestSchema,
        response: { 201: acceptedResponseSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      await register(deps, request.body, contextOf(request));
      reply.code(201);
      return accepted;
    },
  );

  r.post(
    '/api/v1/auth/verify-email',
    {
      schema: {
        tags: TAGS,
        summary: 'Confirm an email address from the link',
        body: tokenRequestSchema,
        response: { 200: acceptedResponseSchema },
      },
    },
    async (request) => {
      await verifyEmail(deps, request.body.token, contextOf(request));
      return accepted;
    },
  );

  r.post(
    '/api/v1/auth/resend-verification',
    {
      schema: { tags: TAGS, body: emailRequestSchema, response: { 202: acceptedResponseSchema } },
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      await resendVerification(deps, request.body.email);
      reply.code(202);
      return accepted;
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: TAGS,
        summary: 'Sign in with username or email and password',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) =>
      answerLogin(request, reply, await login(deps, request.body, contextOf(request))),
  );

  r.post(
    '/api/v1/auth/login/2fa',
    {
      schema: {
        tags: TAGS,
        summary: 'Second step: TOTP code or backup code',
        body: twoFactorLoginRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) =>
      answerLogin(
        request,
        reply,
        await loginWithSecondFactor(
          deps,
          request.cookies[COOKIE_TWO_FACTOR],
          request.body,
          contextOf(request),
        ),
      ),
  );

  r.post(
    '/api/v1/auth/refresh',
    {
      schema: {
        tags: TAGS,
        summary: 'Rotate the refresh token, renew the access token',
        response: { 200: z.object({ user: currentUserSchema }) },
      },
      config: { allowIncompleteAccount: true },
    },
    async (request, reply) => {
      try {
        const issued = await sessionService.refreshSession(
          deps,
          request.cookies[COOKIE_REFRESH],
          contextOf(request),
        );
        setSessionCookies(reply, issued, secureCookies);
        const auth = await sessionService.authenticate(deps, issued.accessToken);
        if (!auth) {
          throw new AppError('unauthorized');
        }
        return { user: await account.getCurrentUser(deps, auth) };
      } catch (error) {
        if (!(error instanceof sessionService.RefreshRaceError)) {
          clearSessionCookies(reply, secureCookies);
        }
        throw error;
      }
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: TAGS, response: { 204: z.null() } }, config: { allowIncompleteAccount: true } },
    async (request, reply) => {
      if (request.auth) {
        await sessionService.endSession(deps, request.auth, contextOf(request));
      } else {
        await sessionService.endSessionByRefreshToken(
          deps,
          request.cookies[COOKIE_REFRESH],
          contextOf(request),
        );
      }
      clearSessionCookies(reply, secureCookies);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/logout-all',
    {
      schema: { tags: TAGS, response: { 204: z.null() } },
      preValidation: app.requireAuth,
      config: { allowIncompleteAccount: true },
    },
    async (request, reply) => {
      await sessionService.endAllSessions(deps, authOf(request), contextOf(request));
      clearSessionCookies(reply, secureCookies);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      schema: { tags: TAGS, summary: 'The signed-in user', response: { 200: currentUserSchema } },
      preValidation: app.requireAuth,
      config: { allowIncompleteAccount: true },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return account.getCurrentUser(deps, authOf(request));
    },
  );

  r.get(
    '/api/v1/auth/sessions',
    { schema: { tags: TAGS, response: { 200: sessionListSchema } }, preValidation: app.requireAuth },
    async (request) => ({ items: await sessionService.listSessions(deps, authOf(request)) }),
  );

  r.delete(
    '/api/v1/auth/sessions/:id',
    {
      schema: { tags: TAGS, params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await sessionService.revokeOwnSession(deps, authOf(request), request.params.id, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password/change',
    {
      schema: { tags: TAGS, body: passwordChangeRequestSchema, response: { 204: z.null() } },
      preValidation: app.requireAuth,
      config: { allowIncompleteAccount: true },
    },
    async (request, reply) => {
      await account.changePassword(deps, authOf(request), request.body, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password-reset/request',
    {
      schema: { tags: TAGS, body: emailRequestSchema, response: { 202: acceptedResponseSchema } },
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      await account.requestPasswordReset(deps, request.body.email, contextOf(request));
      reply.code(202);
      return accepted;
    },
  );

  r.post(
    '/api/v1/auth/password-reset/confirm',
    { schema: { tags: TAGS, body: passwordResetConfirmSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await account.confirmPasswordReset(deps, request.body, contextOf(request));
      clearSessionCookies(reply, secureCookies);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/email/change',
    {
      schema: { tags: TAGS, body: emailChangeRequestSchema, response: { 202: acceptedResponseSchema } },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await account.requestEmailChange(deps, authOf(request), request.body, contextOf(request));
      reply.code(202);
      return accepted;
    },
  );

  r.post(
    '/api/v1/auth/2fa/setup',
    {
      schema: { tags: TAGS, response: { 200: twoFactorSetupResponseSchema } },
      preValidation: app.requireAuth,
      config: { allowIncompleteAccount: true },
    },
    async (request) => account.setupTwoFactor(deps, authOf(request)),
  );

  r.post(
    '/api/v1/auth/2fa/enable',
    {
      schema: { tags: TAGS, body: twoFactorCodeRequestSchema, response: { 200: backupCodesResponseSchema } },
      preValidation: app.requireAuth,
      config: { allowIncompleteAccount: true },
    },
    async (request) => account.enableTwoFactor(deps, authOf(request), request.body.code, contextOf(request)),
  );

  r.post(
    '/api/v1/auth/2fa/disable',
    {
      schema: { tags: TAGS, body: twoFactorDisableRequestSchema, response: { 204: z.null() } },
      preValidation: app.requireAuth,
    },
    async (request, reply) => {
      await account.disableTwoFactor(deps, authOf(request), request.body, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/2fa/backup-codes',
    { schema: { tags: TAGS, response: { 200: backupCodesResponseSchema } }, preValidation: app.requireAuth },
    async (request) => account.regenerateBackupCodes(deps, authOf(request), contextOf(request)),
  );

  r.post(
    '/api/v1/me/become-creator',
    {
      schema: {
        tags: ['profile'],
        summary: '"Creator werden": upgrade to creator',
        response: { 200: currentUserSchema },
      },
      preValidation: app.requireAuth,
    },
    async (request) => account.becomeCreator(deps, authOf(request), contextOf(request)),
  );
}
