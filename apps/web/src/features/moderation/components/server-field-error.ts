import { ApiError } from '../../../shared/api/client.ts';

/** The server's messages for one body field of a 400 problem (`body.reasons`), joined; else undefined. */
export function serverFieldError(error: Error | null, field: string): string | undefined {
  if (!(error instanceof ApiError)) {
    return undefined;
  }
  const messages = error.fieldErrors
    .filter(
      (fieldError) => fieldError.field === `body.${field}` || fieldError.field.startsWith(`body.${field}.`),
    )
    .map((fieldError) => fieldError.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}
