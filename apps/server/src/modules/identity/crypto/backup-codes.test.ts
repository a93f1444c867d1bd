import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_CODE_ALPHABET,
  BACKUP_CODE_COUNT,
  BACKUP_CODE_LENGTH,
  findBackupCode,
  generateBackupCodes,
  normalizeBackupCode,
} from './backup-codes.ts';

describe('generateBackupCodes', () => {
  it('issues distinct, readable codes with one hash each', () => {
    const { codes, hashes } = generateBackupCodes();
    expect(codes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(codes).size).toBe(BACKUP_CODE_COUNT);
    expect(new Set(hashes).size).toBe(BACKUP_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{3}$/);
    }
    expect(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it('carries at least 50 bits of entropy per code', () => {
    expect(BACKUP_CODE_LENGTH * Math.log2(BACKUP_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(50);
    expect(BACKUP_CODE_ALPHABET).not.toMatch(/[01oli]/);
  });

  it('stores the SHA-256 of the normalised code, never the code', () => {
    const { codes, hashes } = generateBackupCodes();
    const expected = codes.map((code) => createHash('sha256').update(code.replaceAll('-', '')).digest('hex'));
    expect(hashes).toEqual(expected);
  });
});

describe('findBackupCode', () => {
  const { codes, hashes } = generateBackupCodes();
  const third = codes[2] ?? '';

  it('finds a code as shown', () => {
    expect(findBackupCode(third, hashes)).toBe(2);
  });

  it('finds a code typed in upper case with spaces instead of dashes', () => {
    const typed = third.toUpperCase().replaceAll('-', ' ');
    expect(normalizeBackupCode('K7M2 X9PQ 4TZ')).toBe('k7m2x9pq4tz');
    expect(findBackupCode(` ${typed} `, hashes)).toBe(2);
  });

  it('does not find a code the caller marked as used', () => {
    const remaining = hashes.map((hash, index) => (index === 2 ? null : hash));
    expect(findBackupCode(third, remaining)).toBe(-1);
    expect(findBackupCode(codes[3] ?? '', remaining)).toBe(3);
  });

  it('does not find unknown or malformed codes', () => {
    expect(findBackupCode(generateBackupCodes().codes[0] ?? '', hashes)).toBe(-1);
    expect(findBackupCode('', hashes)).toBe(-1);
    expect(findBackupCode(hashes[2] ?? '', hashes)).toBe(-1);
  });
});
