import { describe, expect, it } from 'vitest';
import { addDays, dayCount, eachDay, startOfDay, utcDay } from './analytics-days.ts';

describe('analytics days', () => {
  it('takes the UTC calendar day, whatever the local time zone says', () => {
    expect(utcDay(new Date('2026-03-29T23:59:59.999Z'))).toBe('2026-03-29');
    expect(utcDay(new Date('2026-03-30T01:30:00+02:00'))).toBe('2026-03-29');
    expect(startOfDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  it('counts across month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(dayCount('2025-05-20', '2026-05-20')).toBe(366);
    expect(dayCount('2026-05-20', '2026-05-20')).toBe(1);
    expect(dayCount('2026-05-21', '2026-05-20')).toBe(0);
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});
