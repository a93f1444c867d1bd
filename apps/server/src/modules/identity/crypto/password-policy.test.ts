import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS_DE } from './common-passwords-de.ts';
import {
  checkPasswordPolicy,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_SCORE,
  type PasswordProblem,
  passwordProblemMessages,
} from './password-policy.ts';

const user = ['anna_berg', 'anna.berg@example.org', 'Anna Berg'];

function problemsOf(password: string, userInputs: string[] = user): PasswordProblem[] {
  const result = checkPasswordPolicy(password, userInputs);
  return result.ok ? [] : result.problems;
}

describe('checkPasswordPolicy', () => {
  it('accepts a strong passphrase', () => {
    const result = checkPasswordPolicy('Kaffeetasse-Wolke-17-Fahrrad', user);
    expect(result).toEqual({ ok: true, score: expect.any(Number) });
    expect(result.score).toBeGreaterThanOrEqual(PASSWORD_MIN_SCORE);
  });

  it('reports each composition rule on its own', () => {
    expect(problemsOf('Kaffee-1')).not.toContain('too_short');
    expect(problemsOf('Kaff-1')).toContain('too_short');
    expect(problemsOf(`Aa1-${'x'.repeat(PASSWORD_MAX_LENGTH)}`)).toContain('too_long');
    expect(problemsOf('kaffeetasse-wolke-17-fahrrad')).toEqual(['needs_upper']);
    expect(problemsOf('Kaffeetasse-Wolke-Sieben-Fahrrad')).toEqual(['needs_digit']);
    expect(problemsOf('KaffeetasseWolke17Fahrrad')).toEqual(['needs_special']);
  });

  it('counts umlauts as upper-case letters and a space as a special character', () => {
    expect(problemsOf('Übermut ist 1 schöner Zug')).toEqual([]);
  });

  it('refuses guessable passwords that satisfy the composition rules', () => {
    expect(problemsOf('Abcdefg1!')).toContain('too_weak');
  });

  it('refuses common passwords, also with another year or punctuation', () => {
    expect(problemsOf('Sommer2025!')).toContain('common');
    expect(problemsOf('SOMMER2031#')).toContain('common');
    expect(problemsOf('Fußball7?')).toContain('common');
    expect(problemsOf('Password123!')).toContain('common');
    expect(problemsOf('Dragon2024!')).toContain('common');
    for (const password of COMMON_PASSWORDS_DE) {
      expect(problemsOf(password), password).toContain('common');
    }
  });

  it('refuses the username, the email local part and the display name', () => {
    expect(problemsOf('Xy-ANNA_BERG-42')).toContain('contains_personal');
    expect(problemsOf('Anna.Berg-Kaffee-17', ['someone', 'anna.berg@example.org'])).toContain(
      'contains_personal',
    );
    expect(problemsOf('Kaffee-Anna Berg-17', ['someone', 'x@example.org', 'Anna Berg'])).toContain(
      'contains_personal',
    );
    // Inputs shorter than 3 characters would match far too much.
    expect(problemsOf('Kaffeetasse-Wolke-17-Fahrrad', ['ka', 'wo@example.org'])).toEqual([]);
  });

  it('reports several problems at once', () => {
    expect(problemsOf('passwort')).toEqual([
      'needs_upper',
      'needs_digit',
      'needs_special',
      'too_weak',
      'common',
    ]);
  });

  it('stays fast on long, l33t-heavy input', () => {
    const started = performance.now();
    checkPasswordPolicy('p@55w0rd'.repeat(16), user);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses every password shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 7, unit: 'binary' }), (password) => {
        const result = checkPasswordPolicy(password, user);
        return !result.ok && result.problems.includes('too_short');
      }),
      { numRuns: 200 },
    );
  });
});

describe('passwordProblemMessages', () => {
  it('has a non-empty text for every problem in both languages', () => {
    for (const messages of Object.values(passwordProblemMessages)) {
      for (const text of Object.values(messages)) {
        expect(text.trim()).not.toBe('');
      }
    }
    expect(passwordProblemMessages.de.needs_upper).toBe('Mindestens ein Großbuchstabe.');
  });
});
