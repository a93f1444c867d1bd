import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertValidKey } from '../../platform/storage.ts';
import { displayPath, normaliseEntryPath } from './entry-path.ts';
import { PATH_MAX_BYTES } from './upload.constants.ts';

describe('normaliseEntryPath', () => {
  it.each([
    ['lektion/teil 1/übung.pdf', 'lektion/teil 1/übung.pdf', false],
    ['bilder/', 'bilder', true],
    ['.htaccess.txt', '.htaccess.txt', false],
    ['a..b/c...txt', 'a..b/c...txt', false],
    // Decomposed "ü" (macOS) becomes the composed form.
    ['u\u0308bung.txt', '\u00fcbung.txt', false],
  ])('accepts %j as %j', (name, path, isDirectory) => {
    expect(normaliseEntryPath(name)).toEqual({ ok: true, path, isDirectory });
  });

  it.each([
    ['', 'invalid_path'],
    ['a\u0000b.txt', 'invalid_path'],
    ['line\nbreak.txt', 'invalid_path'],
    ['gpj.\u202eexe', 'invalid_path'],
    ['notes.txt:hidden', 'invalid_path'],
    ['a//b.txt', 'invalid_path'],
    ['./a.txt', 'invalid_path'],
    ['a/./b.txt', 'invalid_path'],
    ['/etc/passwd', 'absolute_path'],
    ['\\windows\\system.ini', 'absolute_path'],
    ['C:/evil.txt', 'absolute_path'],
    ['c:evil.txt', 'absolute_path'],
    ['../evil.txt', 'path_traversal'],
    ['a/../../evil.txt', 'path_traversal'],
    ['a/..', 'path_traversal'],
    ['..\\evil.txt', 'path_traversal'],
    ['docs\\readme.txt', 'backslash_path'],
    [`${'x'.repeat(PATH_MAX_BYTES - 2)}.md`, 'path_too_long'],
    // 128 two-byte characters are 256 bytes, though only 128 characters.
    ['ä'.repeat(128), 'path_too_long'],
  ])('refuses %j with %s', (name, code) => {
    expect(normaliseEntryPath(name)).toEqual({ ok: false, code });
  });

  it('accepts a path of exactly the byte limit', () => {
    const name = `${'x'.repeat(PATH_MAX_BYTES - 2)}.t`;

    expect(normaliseEntryPath(name)).toMatchObject({ ok: true, path: name });
  });

  it('never returns a path that escapes, is absolute, or is not a valid storage key', () => {
    const pieces = fc.constantFrom(
      '..',
      '.',
      '',
      '/',
      '\\',
      'C:',
      ':',
      'a',
      'ü',
      'u\u0308',
      '\u0000',
      '\u202e',
      ' ',
    );
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(name, (candidate) => {
        const result = normaliseEntryPath(candidate);
        if (!result.ok) {
          return;
        }
        const segments = result.path.split('/');
        expect(segments).not.toContain('..');
        expect(segments).not.toContain('.');
        expect(result.path.startsWith('/')).toBe(false);
        expect(result.path).not.toMatch(/[\\:\p{Cc}]/u);
        expect(Buffer.byteLength(result.path)).toBeLessThanOrEqual(PATH_MAX_BYTES);
        expect(() => assertValidKey(`versions/v1/${result.path}`)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('displayPath', () => {
  it('makes invisible characters visible and shortens very long names', () => {
    expect(displayPath('a\u0000b\u202e.txt')).toBe('a\\u0000b\\u202e.txt');
    expect(displayPath('x'.repeat(500))).toBe(`${'x'.repeat(200)}…`);
  });
});
