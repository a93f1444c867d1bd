import { describe, expect, it } from 'vitest';
import { interpolate, pickLocale } from './locale.ts';
import { PROBLEM_TITLES } from './problems.ts';

describe('pickLocale', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7', 'en'],
    ['fr, de;q=0.5, en;q=0.4', 'de'],
    ['de-AT', 'de'],
    ['en;q=0, de;q=0.1', 'de'],
    ['fr', 'de'],
  ])('%s -> %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('messages', () => {
  it('has a title for every error code in every language', () => {
    expect(Object.keys(PROBLEM_TITLES.en).sort()).toEqual(Object.keys(PROBLEM_TITLES.de).sort());
  });

  it('interpolates named placeholders and leaves unknown ones', () => {
    expect(interpolate('Höchstens {maximum} Zeichen {x}', { maximum: 200 })).toBe(
      'Höchstens 200 Zeichen {x}',
    );
  });
});
