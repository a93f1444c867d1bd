import { createHash, randomInt } from 'node:crypto';
import { safeEqual } from './tokens.ts';

/** Backup codes issued per enrolment (SPEC §4.1). */
export const BACKUP_CODE_COUNT = 10;
/** Lower-case letters and digits without 0/o, 1/l/i, which are misread when copied from paper. */
export const BACKUP_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
/**
 * Characters per code. 31 symbols give 4.95 bits each, so 10 characters would fall just short
 * of 50 bits (49.5); 11 give 54.5 bits.
 */
export const BACKUP_CODE_LENGTH = 11;
// Groups of 4 are what people can hold in mind while typing: 'k7m2-x9pq-4tz'.
const GROUP_SIZE = 4;

/** Codes to show the user once, and the hashes to store (same order). */
export interface GeneratedBackupCodes {
  codes: string[];
  hashes: string[];
}

/** Lower-cases and drops dashes and whitespace, so 'K7M2 X9PQ 4TZ' equals 'k7m2-x9pq-4tz'. */
export function normalizeBackupCode(input: string): string {
  return input.toLowerCase().replace(/[-\s]/g, '');
}

/*
 * A fast hash is acceptable: a code is only a second factor, single use, and ≥ 50 random bits,
 * and whoever can read the hashes can also read the password hashes it would be combined with.
 */
function hashBackupCode(normalized: string): string {
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}

function randomCode(): string {
  let code = '';
  for (let i = 0; i < BACKUP_CODE_LENGTH; i++) {
    if (i > 0 && i % GROUP_SIZE === 0) {
      code += '-';
    }
    // randomInt is uniform (rejection sampling), unlike a byte modulo 31.
    code += BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)];
  }
  return code;
}

/** A fresh set of {@link BACKUP_CODE_COUNT} distinct codes with their SHA-256 hashes. */
export function generateBackupCodes(): GeneratedBackupCodes {
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) {
    codes.add(randomCode());
  }
  const list = [...codes];
  return { codes: list, hashes: list.map((code) => hashBackupCode(normalizeBackupCode(code))) };
}

/**
 * Index of the stored hash the typed code matches, or -1. Pass `null` for codes already used,
 * so indices stay stable and a used code never matches. Every entry is compared, in constant
 * time each, so the response time does not tell which position matched.
 */
export function findBackupCode(input: string, hashes: ReadonlyArray<string | null>): number {
  const normalized = normalizeBackupCode(input);
  if (normalized.length !== BACKUP_CODE_LENGTH) {
    return -1;
  }
  const typed = hashBackupCode(normalized);
  let found = -1;
  for (const [index, stored] of hashes.entries()) {
    if (stored !== null && safeEqual(stored, typed) && found === -1) {
      found = index;
    }
  }
  return found;
}
