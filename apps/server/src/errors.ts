import type { FieldError } from '@nano/contracts';

/** A field problem raised by a service: the error handler adds the localised message for `code`. */
export type FieldProblem = Omit<FieldError, 'message'> & { message?: string };

import { ERROR_STATUS, type ErrorCode } from './i18n/problems.ts';

export type { ErrorCode } from './i18n/problems.ts';

/**
 * An expected failure with a stable machine code. The error handler turns it into RFC 9457
 * problem JSON with a localised title; `detail` is shown to the user as is.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      detail?: string;
      fieldErrors?: FieldProblem[];
      headers?: Record<string, string>;
      /** Extra members of the problem document (e.g. `problems` of a refused upload). */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(options.detail ?? code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/** Named error factories: services throw these, never bare HTTP statuses. */
export const errors = {
  notFound: (detail?: string) => new AppError('not_found', detail ? { detail } : {}),
  forbidden: (detail?: string) => new AppError('forbidden', detail ? { detail } : {}),
  unauthorized: () => new AppError('unauthorized'),
  conflict: (detail?: string) => new AppError('conflict', detail ? { detail } : {}),
  validation: (fieldErrors: FieldProblem[]) => new AppError('validation_failed', { fieldErrors }),
  /** One invalid field, e.g. `fieldError('body.username', 'username_taken')`. */
  field: (field: string, code: string) =>
    new AppError('validation_failed', { fieldErrors: [{ field, code }] }),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('rate_limited', { headers: { 'retry-after': String(retryAfterSeconds) } }),
  serviceUnavailable: (detail?: string) => new AppError('service_unavailable', detail ? { detail } : {}),
  databaseUnavailable: () => new AppError('database_unavailable', { headers: { 'retry-after': '5' } }),
};
