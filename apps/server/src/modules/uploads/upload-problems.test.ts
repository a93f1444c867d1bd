import { LOCALES } from '@nano/contracts';
import { describe, expect, it } from 'vitest';
import { ENTRY_MAX_BYTES, ZIP_MAX_BYTES } from './upload.constants.ts';
import { describeProblem, formatBytes, problemMessages, UPLOAD_PROBLEM_CODES } from './upload-problems.ts';

describe('problemMessages', () => {
  it('has a message for every code in every language', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(problemMessages[locale]).sort()).toEqual([...UPLOAD_PROBLEM_CODES].sort());
      for (const message of Object.values(problemMessages[locale])) {
        expect(message.trim()).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in German and English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const code of UPLOAD_PROBLEM_CODES) {
      expect(placeholders(problemMessages.de[code])).toEqual(placeholders(problemMessages.en[code]));
    }
  });
});

describe('describeProblem', () => {
  it('fills sizes and counts in the reader’s language', () => {
    const tooLarge = {
      path: 'video.mp4',
      code: 'entry_too_large' as const,
      params: { limitBytes: ENTRY_MAX_BYTES, sizeBytes: 60 * 1024 * 1024 },
    };
    expect(describeProblem(tooLarge, 'de')).toBe('Die Datei ist größer als 50 MB.');
    expect(describeProblem(tooLarge, 'en')).toBe('The file is larger than 50 MB.');

    const tooMany = { path: null, code: 'too_many_entries' as const, params: { count: 2001, limit: 2000 } };
    expect(describeProblem(tooMany, 'de')).toBe(
      'Das ZIP-Archiv enthält 2.001 Einträge; erlaubt sind höchstens 2.000.',
    );
    expect(describeProblem(tooMany, 'en')).toBe(
      'The ZIP archive contains 2,001 entries; at most 2,000 are allowed.',
    );

    const mismatch = {
      path: 'a.png',
      code: 'type_mismatch' as const,
      params: { extension: 'png', detected: 'unknown' },
    };
    expect(describeProblem(mismatch, 'de')).toBe('Der Inhalt passt nicht zur Dateiendung „.png“.');
  });

  it('works without params', () => {
    expect(describeProblem({ path: null, code: 'not_a_zip' }, 'de')).toBe('Die Datei ist kein ZIP-Archiv.');
  });
});

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(ZIP_MAX_BYTES, 'de')).toBe('100 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(2048, 'en')).toBe('2 KB');
    expect(formatBytes(1000, 'de')).toBe('1.000 Byte');
    expect(formatBytes(1000, 'en')).toBe('1,000 bytes');
  });
});
