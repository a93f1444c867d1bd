import type { FieldError, Locale, Problem } from '@nano/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../errors.ts';
import { interpolate, pickLocale } from '../i18n/locale.ts';
import { FIELD_MESSAGES, PROBLEM_TITLES } from '../i18n/problems.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of this request's answers, from `Accept-Language` (German by default). */
    locale: Locale;
  }
}

/** Fastify's own error codes that map onto our stable codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

/** Node and PostgreSQL error codes that mean "the database is not reachable right now". */
const DATABASE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

function isDatabaseDown(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    const message = String((current as { message?: unknown }).message ?? '');
    if (typeof code === 'string' && (DATABASE_DOWN_CODES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (
      /Connection terminated|timeout exceeded when trying to connect|database is closed|PGlite is closed/i.test(
        message,
      )
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns zod issues (as carried by fastify-type-provider-zod) into localised field errors. */
function fieldErrorsOf(error: FastifyError & { validation: unknown[] }, locale: Locale): FieldError[] {
  const messages = FIELD_MESSAGES[locale];
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return (
    error.validation as Array<{
      instancePath: string;
      keyword: string;
      message?: string;
      params: Record<string, unknown>;
    }>
  ).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const params = issue.params;
    let key = issue.keyword;
    if (key === 'too_big' || key === 'too_small') {
      const origin = String(params.origin ?? 'number');
      key = `${key}_${origin === 'string' ? 'string' : origin === 'array' || origin === 'set' ? 'array' : 'number'}`;
    } else if (key === 'invalid_type') {
      // zod omits the input from issues; its message still says what was received.
      const missing = /received undefined/.test(issue.message ?? '');
      key = missing ? 'required' : params.expected === 'int' ? 'not_integer' : 'invalid_type';
    } else if (
      key === 'invalid_value' &&
      Array.isArray(params.values) &&
      params.values.length === 1 &&
      params.values[0] === true
    ) {
      key = 'must_accept';
    } else if (key === 'invalid_format' && messages[`invalid_format_${String(params.format)}`]) {
      key = `invalid_format_${String(params.format)}`;
    }
    // Schemas name their own rules by message key (e.g. `password_needs_upper`).
    const template = messages[issue.message ?? ''] ?? messages[key] ?? messages.custom ?? '';
    return {
      field: [context === 'querystring' ? 'query' : context, path].filter(Boolean).join('.'),
      code: issue.keyword,
      message: interpolate(template, {
        minimum: String(params.minimum ?? ''),
        maximum: String(params.maximum ?? ''),
        values: Array.isArray(params.values) ? params.values.join(', ') : '',
        keys: Array.isArray(params.keys) ? params.keys.join(', ') : '',
      }),
    };
  });
}

/** Sends an RFC 9457 problem with a localised title. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: {
    status?: number;
    detail?: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
    extensions?: Record<string, unknown>;
  } = {},
): FastifyReply {
  const status = extra.status ?? new AppError(code).status;
  const problem: Problem & Record<string, unknown> = {
    ...extra.extensions,
    type: `https://nano-marktplatz.de/problems/${code.replaceAll('_', '-')}`,
    title: PROBLEM_TITLES[request.locale ?? 'de'][code],
    status,
    code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  for (const [name, value] of Object.entries(extra.headers ?? {})) {
    reply.header(name, value);
  }
  return reply.code(status).type('application/problem+json; charset=utf-8').send(problem);
}

/**
 * The one place errors become responses: named errors and validation failures keep their
 * meaning, database outages become 503, and anything unexpected is logged and answered with a
 * generic 500 that reveals nothing about the internals.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('locale', 'de');
    app.addHook('onRequest', async (request) => {
      request.locale = pickLocale(request.headers['accept-language']);
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return sendProblem(request, reply, error.code, {
          ...(error.options.detail ? { detail: error.options.detail } : {}),
          ...(error.options.fieldErrors
            ? {
                errors: error.options.fieldErrors.map((f) => ({
                  field: f.field,
                  code: f.code,
                  message:
                    f.message ??
                    FIELD_MESSAGES[request.locale][f.code] ??
                    FIELD_MESSAGES[request.locale].custom ??
                    '',
                })),
              }
            : {}),
          ...(error.options.headers ? { headers: error.options.headers } : {}),
          ...(error.options.extensions ? { extensions: error.options.extensions } : {}),
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        return sendProblem(request, reply, 'validation_failed', {
          errors: fieldErrorsOf(error, request.locale),
        });
      }
      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) {
        return sendProblem(request, reply, mapped, {
          status: error.statusCode ?? new AppError(mapped).status,
        });
      }
      if (isDatabaseDown(error)) {
        request.log.error({ err: error }, 'database unavailable');
        return sendProblem(request, reply, 'database_unavailable', { headers: { 'retry-after': '5' } });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendProblem(request, reply, status === 404 ? 'not_found' : 'bad_request', { status });
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 'internal_error', { status: 500 });
    });
  },
  { name: 'error-handler' },
);
