import { type OptionsType, ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnDe from '@zxcvbn-ts/language-de';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { COMMON_PASSWORDS_DE } from './common-passwords-de.ts';

/** Fewest characters (Unicode code points) a password may have. */
export const PASSWORD_MIN_LENGTH = 8;
/** Most characters a password may have; bounds hashing and strength-estimation cost. */
export const PASSWORD_MAX_LENGTH = 128;
/** Lowest zxcvbn score (0–4) accepted: 3 = "safely unguessable", ~10^10 guesses. */
export const PASSWORD_MIN_SCORE = 3;

/** Why a password was refused; the web app maps each to a message. */
export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'needs_upper'
  | 'needs_digit'
  | 'needs_special'
  | 'too_weak'
  | 'common'
  | 'contains_personal';

/** Outcome of {@link checkPasswordPolicy}; `score` is zxcvbn's 0–4 for a strength meter. */
export type PasswordPolicyResult =
  | { ok: true; score: number }
  | { ok: false; score: number; problems: PasswordProblem[] };

/** Short user-facing explanation of each problem, per UI language. */
export const passwordProblemMessages: Record<'de' | 'en', Record<PasswordProblem, string>> = {
  de: {
    too_short: `Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`,
    too_long: `Höchstens ${PASSWORD_MAX_LENGTH} Zeichen.`,
    needs_upper: 'Mindestens ein Großbuchstabe.',
    needs_digit: 'Mindestens eine Ziffer.',
    needs_special: 'Mindestens ein Sonderzeichen, z. B. ! ? # oder -.',
    too_weak: 'Zu leicht zu erraten. Länger ist besser, z. B. mehrere Wörter.',
    common: 'Dieses Passwort ist zu verbreitet.',
    contains_personal: 'Darf weder Benutzername, E-Mail-Adresse noch Anzeigename enthalten.',
  },
  en: {
    too_short: `At least ${PASSWORD_MIN_LENGTH} characters.`,
    too_long: `At most ${PASSWORD_MAX_LENGTH} characters.`,
    needs_upper: 'At least one upper-case letter.',
    needs_digit: 'At least one digit.',
    needs_special: 'At least one special character, e.g. ! ? # or -.',
    too_weak: 'Too easy to guess. Longer is better, e.g. several words.',
    common: 'This password is too common.',
    contains_personal: 'Must not contain your username, email address or display name.',
  },
};

/*
 * zxcvbn work grows steeply with length and with characters that have l33t readings: with the
 * library defaults a 128-character password took up to 1.8 s of blocked event loop. Scoring the
 * first 64 characters with at most 8 l33t substitutions keeps the worst case near 60 ms; a
 * 64-character prefix that scores ≥ 3 makes the whole password strong anyway, and a weak prefix
 * is judged weak, which errs on the safe side.
 */
const ZXCVBN_OPTIONS: OptionsType = {
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, ...zxcvbnDe.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  maxLength: 64,
  l33tMaxSubstitutions: 8,
};

/** Built on first use: ranking ~300,000 dictionary words takes ~150 ms and tens of MB. */
let zxcvbn: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function getZxcvbn(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory(ZXCVBN_OPTIONS);
  return zxcvbn;
}

/** Case and spelling variants a user would consider "the same password". */
function fold(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss');
}

/** 'sommer2025!' → 'sommer': the usual way people satisfy digit and special-character rules. */
function stripTrailingDigitsAndSpecials(value: string): string {
  return value.replace(/[^\p{L}]+$/u, '');
}

function getCommonPasswords(): Set<string> {
  if (commonPasswords) {
    return commonPasswords;
  }
  const set = new Set<string>();
  for (const entry of [...zxcvbnCommon.dictionary['passwords-common'], ...COMMON_PASSWORDS_DE]) {
    const folded = fold(entry);
    set.add(folded);
    const stem = stripTrailingDigitsAndSpecials(folded);
    // Purely numeric entries ('123456') have no stem; an empty stem would match every such tail.
    if (stem.length > 0) {
      set.add(stem);
    }
  }
  commonPasswords = set;
  return set;
}

function isCommon(password: string): boolean {
  const set = getCommonPasswords();
  const folded = fold(password);
  if (set.has(folded)) {
    return true;
  }
  const stem = stripTrailingDigitsAndSpecials(folded);
  return stem.length > 0 && set.has(stem);
}

/** The personal strings a password must not contain: an email counts by its local part. */
function personalFragments(userInputs: readonly string[]): string[] {
  return userInputs
    .map((input) => {
      const trimmed = input.trim();
      const at = trimmed.lastIndexOf('@');
      return fold(at > 0 ? trimmed.slice(0, at) : trimmed);
    })
    .filter((fragment) => [...fragment].length >= 3);
}

/** Words zxcvbn should treat as known to an attacker: each input and each part of it. */
function zxcvbnUserDictionary(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const trimmed = input.trim().toLowerCase();
    if (trimmed.length === 0) {
      continue;
    }
    words.add(trimmed);
    for (const part of trimmed.split(/[^\p{L}\p{N}]+/u)) {
      if (part.length >= 3) {
        words.add(part);
      }
    }
  }
  return [...words];
}

/**
 * Checks a new password against the registration rules (SPEC §4.1): length, composition,
 * zxcvbn strength, the common-password lists and the user's own data.
 *
 * @param userInputs username, email and display name of the account; they are refused as
 *   substrings (case-insensitive, when ≥ 3 characters) and make zxcvbn score look-alikes lower.
 */
export function checkPasswordPolicy(password: string, userInputs: string[]): PasswordPolicyResult {
  const problems: PasswordProblem[] = [];
  // Code points, not UTF-16 units, so an emoji or 'ẞ' counts as the one character the user sees.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push('too_short');
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push('too_long');
  }
  if (!/\p{Lu}/u.test(password)) {
    problems.push('needs_upper');
  }
  if (!/\p{Nd}/u.test(password)) {
    problems.push('needs_digit');
  }
  // Anything that is neither a letter nor a digit (including space and '-') counts, so
  // passphrases like 'Kaffeetasse-Wolke-17' qualify without a contrived symbol.
  if (!/[^\p{L}\p{N}]/u.test(password)) {
    problems.push('needs_special');
  }

  const { score } = getZxcvbn().check(password, zxcvbnUserDictionary(userInputs));
  if (score < PASSWORD_MIN_SCORE) {
    problems.push('too_weak');
  }
  if (isCommon(password)) {
    problems.push('common');
  }
  const foldedPassword = fold(password);
  if (personalFragments(userInputs).some((fragment) => foldedPassword.includes(fragment))) {
    problems.push('contains_personal');
  }

  if (problems.length === 0) {
    return { ok: true, score };
  }
  return { ok: false, score, problems };
}
