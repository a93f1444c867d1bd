import { describe, expect, it } from 'vitest';
import { formatAxisDay, formatDay, formatLongDay } from './analytics-format.ts';

describe('analytics day formats', () => {
  it('formats UTC days in German and English', () => {
    expect(formatAxisDay('2026-05-12', 'de')).toBe('12. Mai');
    expect(formatAxisDay('2026-05-12', 'en')).toBe('May 12');
    expect(formatLongDay('2026-05-12', 'de')).toBe('Di., 12. Mai 2026');
    expect(formatLongDay('2026-05-12', 'en')).toBe('Tue, May 12, 2026');
    expect(formatDay('2026-01-01', 'de')).toBe('01.01.2026');
  });

  it('gives an empty label, not an error, for what is not a day (the idle tooltip asks with undefined)', () => {
    expect(formatLongDay(undefined, 'de')).toBe('');
    expect(formatAxisDay('', 'en')).toBe('');
    expect(formatDay('2026-13-45', 'de')).toBe('');
    expect(formatLongDay(0, 'de')).toBe('');
  });
});
