import { newPasswordSchema } from '@nano/contracts';

/** 0 very weak … 4 strong. */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** The structural rules of `newPasswordSchema`, each met or not. */
export interface PasswordRequirements {
  minLength: boolean;
  upper: boolean;
  digit: boolean;
  special: boolean;
}

const CHARACTER_CLASSES = [/[a-zäöüß]/, /[A-ZÄÖÜ]/, /[0-9]/, /[^A-Za-z0-9ÄÖÜäöüß]/];
const LENGTH_STEPS = [8, 12, 16];
const BEST_POINTS = LENGTH_STEPS.length + CHARACTER_CLASSES.length - 1;

/**
 * A rough strength estimate from length and character classes, for the live meter only:
 * the server checks for real (zxcvbn, common passwords) and may still refuse a password.
 */
export function scorePassword(password: string): PasswordScore {
  if (password.length < (LENGTH_STEPS[0] ?? 0)) {
    return 0;
  }
  const lengthPoints = LENGTH_STEPS.filter((step) => password.length >= step).length;
  const classPoints = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length - 1;
  // Runs such as "aaa" or "111" add length without adding much to guess.
  const repetitionPenalty = /(.)\1\1/.test(password) ? 1 : 0;
  const points = Math.max(0, lengthPoints + classPoints - repetitionPenalty);
  return Math.min(4, Math.floor((points * 4) / BEST_POINTS)) as PasswordScore;
}

/** Which rules of the shared password schema the password meets (read from the schema's own issues). */
export function checkPasswordRequirements(password: string): PasswordRequirements {
  const result = newPasswordSchema.safeParse(password);
  const failed = new Set(
    result.success
      ? []
      : result.error.issues.map((issue) => (issue.code === 'too_small' ? 'too_small' : issue.message)),
  );
  return {
    minLength: !failed.has('too_small'),
    upper: !failed.has('password_needs_upper'),
    digit: !failed.has('password_needs_digit'),
    special: !failed.has('password_needs_special'),
  };
}
