import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { ApiError } from '../api/client.ts';

const BODY_PREFIX = 'body.';

/**
 * Puts the field errors of a 400 problem (`field: 'body.password'`) next to the form's
 * inputs (several messages for one field are joined) and focuses the first of them.
 * Fields the form does not have are left out.
 * @returns true when at least one error was placed at a field.
 */
export function applyServerErrors<T extends FieldValues>(
  form: Pick<UseFormReturn<T, unknown, unknown>, 'setError'>,
  error: unknown,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const known = new Set<string>(fields);
  const messages = new Map<string, string[]>();
  for (const fieldError of error.fieldErrors) {
    if (!fieldError.field.startsWith(BODY_PREFIX)) {
      continue;
    }
    const name = fieldError.field.slice(BODY_PREFIX.length).split('.')[0] ?? '';
    if (known.has(name)) {
      messages.set(name, [...(messages.get(name) ?? []), fieldError.message]);
    }
  }
  // In the form's order, so that focus lands on the first field with an error.
  const placed = fields.filter((name) => messages.has(name));
  placed.forEach((name, index) => {
    form.setError(
      name,
      { type: 'server', message: messages.get(name)?.join(' ') },
      { shouldFocus: index === 0 },
    );
  });
  return placed.length > 0;
}
