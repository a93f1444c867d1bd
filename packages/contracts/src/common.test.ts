import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageQuerySchema } from './common.ts';

describe('pageQuerySchema', () => {
  it('defaults to page 1 with the default page size', () => {
    expect(pageQuerySchema.parse({})).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it('accepts every page size from 1 to the maximum and rejects everything above', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (size) => {
        const ok = pageQuerySchema.safeParse({ pageSize: String(size) }).success;
        expect(ok).toBe(size >= 1 && size <= MAX_PAGE_SIZE);
      }),
    );
  });
});
