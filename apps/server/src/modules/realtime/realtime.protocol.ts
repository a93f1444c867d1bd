import { type ClientEvent, clientEventSchema, type Locale, type ServerEvent } from '@nano/contracts';
import type { RawData } from 'ws';
import { AppError, type ErrorCode } from '../../errors.ts';
import { PROBLEM_TITLES } from '../../i18n/problems.ts';

/** A client message, parsed and validated, or why it was refused. */
export type ParsedClientMessage =
  | { ok: true; event: ClientEvent }
  | {
      ok: false;
      code: Extract<ErrorCode, 'malformed_json' | 'validation_failed' | 'bad_request'>;
      clientId: string | null;
    };

const CLIENT_EVENT_TYPES = new Set<string>(
  clientEventSchema.options.map((option) => option.shape.type.value),
);

/** Parses one WebSocket frame as a client event (JSON text, validated with `clientEventSchema`). */
export function parseClientMessage(data: RawData, isBinary: boolean): ParsedClientMessage {
  if (isBinary) {
    return { ok: false, code: 'bad_request', clientId: null };
  }
  let value: unknown;
  try {
    value = JSON.parse(textOf(data));
  } catch {
    return { ok: false, code: 'malformed_json', clientId: null };
  }
  const parsed = clientEventSchema.safeParse(value);
  if (parsed.success) {
    return { ok: true, event: parsed.data };
  }
  const record = isRecord(value) ? value : {};
  const known = typeof record.type === 'string' && CLIENT_EVENT_TYPES.has(record.type);
  return { ok: false, code: known ? 'validation_failed' : 'bad_request', clientId: clientIdOf(record) };
}

/** The client's id of the message an event answers (only `message.send` carries one). */
export function clientIdOf(event: object): string | null {
  const clientId = (event as { clientId?: unknown }).clientId;
  return typeof clientId === 'string' && clientId.length <= 64 ? clientId : null;
}

/** An `error` event with the localised title of `code`. */
export function errorEvent(
  code: ErrorCode,
  locale: Locale,
  options: { clientId?: string | null; detail?: string; retryAfterSeconds?: number | null } = {},
): ServerEvent {
  return {
    type: 'error',
    clientId: options.clientId ?? null,
    code,
    message: options.detail ?? PROBLEM_TITLES[locale][code],
    retryAfterSeconds: options.retryAfterSeconds ?? null,
  };
}

/**
 * Turns what a client-event handler threw into the `error` event for its sender: an {@link AppError}
 * keeps its code, detail and `Retry-After`; anything else is an unexpected `internal_error` whose
 * details stay in the log.
 */
export function errorEventFor(
  error: unknown,
  locale: Locale,
  clientId: string | null,
): { event: ServerEvent; unexpected: boolean } {
  if (!(error instanceof AppError)) {
    return { event: errorEvent('internal_error', locale, { clientId }), unexpected: true };
  }
  const retryAfter = Number.parseInt(error.options.headers?.['retry-after'] ?? '', 10);
  return {
    event: errorEvent(error.code, locale, {
      clientId,
      ...(error.options.detail === undefined ? {} : { detail: error.options.detail }),
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
    }),
    unexpected: error.status >= 500,
  };
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) {
    return data.toString('utf8');
  }
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data).toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
