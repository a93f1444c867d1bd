import type { z } from 'zod';
import { i18n } from '../i18n/i18n.ts';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * Messages the shared schemas set themselves (`.regex(…, 'username_format')`); zod reports
 * them as they are, so they are translated after validation.
 */
const CUSTOM_MESSAGES = {
  username_format: () => i18n.t('validation.usernameFormat'),
  password_needs_upper: () => i18n.t('validation.passwordNeedsUpper'),
  password_needs_digit: () => i18n.t('validation.passwordNeedsDigit'),
  password_needs_special: () => i18n.t('validation.passwordNeedsSpecial'),
  phone_format: () => i18n.t('validation.phoneFormat'),
  code_or_backup_code: () => i18n.t('validation.codeOrBackupCode'),
  license_terms_required: () => i18n.t('validation.licenseTermsRequired'),
} as const satisfies Record<string, () => string>;

/** The text for a message a shared schema set itself, or the message unchanged. */
export function translateSchemaMessage(message: string): string {
  return Object.hasOwn(CUSTOM_MESSAGES, message)
    ? CUSTOM_MESSAGES[message as keyof typeof CUSTOM_MESSAGES]()
    : message;
}

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || input === '' || input === false;
}

/**
 * zod error map giving a short message in the interface language for the checks the shared
 * schemas use (length, format, required), so that live validation reads like the rest of the UI.
 */
export function localiseIssue(issue: RawIssue): string {
  if (isBlank(issue.input) && issue.code !== 'too_big') {
    return i18n.t('validation.required');
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') {
        return i18n.t('validation.minNumber', { min: Number(issue.minimum) });
      }
      return issue.origin === 'array'
        ? i18n.t('validation.minItems', { count: Number(issue.minimum) })
        : i18n.t('validation.minLength', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number') {
        return i18n.t('validation.maxNumber', { max: Number(issue.maximum) });
      }
      return issue.origin === 'array'
        ? i18n.t('validation.maxItems', { count: Number(issue.maximum) })
        : i18n.t('validation.maxLength', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') {
        return i18n.t('validation.email');
      }
      if (issue.format === 'url') {
        return i18n.t('validation.url');
      }
      return i18n.t('validation.format');
    default:
      return i18n.t('validation.invalid');
  }
}
