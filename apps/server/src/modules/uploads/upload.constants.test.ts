import { describe, expect, it } from 'vitest';
import {
  COMPRESSION_RATIO_MAX,
  COMPRESSION_RATIO_MIN_BYTES,
  DEFAULT_UPLOAD_LIMITS,
  ENTRY_MAX_BYTES,
  FILE_KINDS,
  isSystemClutter,
  kindForPath,
  PATH_MAX_BYTES,
  TOTAL_UNCOMPRESSED_MAX_BYTES,
  ZIP_MAX_BYTES,
  ZIP_MAX_ENTRIES,
} from './upload.constants.ts';

describe('upload limits', () => {
  it('are the numbers of SPEC §4.2', () => {
    expect(ZIP_MAX_BYTES).toBe(100 * 1024 * 1024);
    expect(ZIP_MAX_ENTRIES).toBe(2000);
    expect(ENTRY_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(TOTAL_UNCOMPRESSED_MAX_BYTES).toBe(500 * 1024 * 1024);
    expect(COMPRESSION_RATIO_MAX).toBe(100);
  });

  it('exempt only small files from the ratio rule, and keep paths within a storage segment', () => {
    expect(COMPRESSION_RATIO_MIN_BYTES).toBe(1024 * 1024);
    expect(PATH_MAX_BYTES).toBe(255);
  });

  it('are what an inspection uses unless a test overrides them', () => {
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({
      zipMaxBytes: ZIP_MAX_BYTES,
      maxEntries: ZIP_MAX_ENTRIES,
      entryMaxBytes: ENTRY_MAX_BYTES,
      totalMaxBytes: TOTAL_UNCOMPRESSED_MAX_BYTES,
      compressionRatioMax: COMPRESSION_RATIO_MAX,
      compressionRatioMinBytes: COMPRESSION_RATIO_MIN_BYTES,
    });
    expect(Object.isFrozen(DEFAULT_UPLOAD_LIMITS)).toBe(true);
  });
});

describe('allow-list', () => {
  it('maps the spec formats to kinds anywhere, and web files to kinds inside packages only', () => {
    const kinds = (paths: string[]) =>
      paths.map((path) => [kindForPath(path)?.id, kindForPath(path)?.packageOnly]);

    expect(
      kinds(['a.pdf', 'a.JPG', 'a.jpeg', 'a.png', 'a.webp', 'a.mp4', 'a.webm', 'a.mp3', 'a.txt', 'a.md']),
    ).toEqual([
      ['pdf', false],
      ['jpeg', false],
      ['jpeg', false],
      ['png', false],
      ['webp', false],
      ['mp4', false],
      ['webm', false],
      ['mp3', false],
      ['text', false],
      ['markdown', false],
    ]);
    expect(
      kinds([
        'index.html',
        'a.htm',
        'a.css',
        'a.js',
        'a.woff',
        'a.woff2',
        'a.ttf',
        'a.otf',
        'imsmanifest.xml',
        'a.xsd',
        'a.json',
      ]),
    ).toEqual([
      ['html', true],
      ['html', true],
      ['css', true],
      ['js', true],
      ['font-woff', true],
      ['font-woff2', true],
      ['font-ttf', true],
      ['font-otf', true],
      ['xml', true],
      ['xml', true],
      ['json', true],
    ]);
  });

  it('refuses SVG, executables and files without an extension', () => {
    expect(
      ['logo.svg', 'LOGO.SVG', 'tool.exe', 'README', '.htaccess', 'archive.zip'].map(kindForPath),
    ).toEqual([null, null, null, null, null, null]);
  });

  it('names each extension once, checks binary kinds by magic bytes and web kinds as text', () => {
    const extensions = FILE_KINDS.flatMap((kind) => kind.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    const textKinds = FILE_KINDS.filter((kind) => kind.contentCheck.type === 'text').map((kind) => kind.id);
    expect(textKinds).toEqual(['text', 'markdown', 'vtt', 'html', 'css', 'js', 'xml', 'json']);
    for (const kind of FILE_KINDS) {
      expect(kind.mimeType).not.toBe('');
      if (kind.contentCheck.type === 'magic') {
        expect(kind.contentCheck.detectedAs.length).toBeGreaterThan(0);
      }
    }
  });

  it('recognises Finder and Explorer clutter', () => {
    expect(
      ['__MACOSX/._a.pdf', 'kurs/.DS_Store', 'Thumbs.db', 'desktop.ini', 'a.pdf'].map(isSystemClutter),
    ).toEqual([true, true, true, true, false]);
  });
});
