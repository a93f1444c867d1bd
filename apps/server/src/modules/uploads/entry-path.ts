import { TextDecoder } from 'node:util';
import { type Entry, getFileNameLowLevel } from 'yauzl';
import { PATH_MAX_BYTES } from './upload.constants.ts';

/** Why an entry name cannot become a storage path. */
export type PathProblemCode =
  | 'invalid_path'
  | 'absolute_path'
  | 'path_traversal'
  | 'backslash_path'
  | 'path_too_long';

/** Outcome of {@link normaliseEntryPath}. */
export type NormalisedPath =
  | { ok: true; path: string; isDirectory: boolean }
  | { ok: false; code: PathProblemCode };

// C0/C1 control characters (incl. NUL) and the bidirectional overrides that make `txt.exe` look like `exe.txt`.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const DRIVE_LETTER = /^[a-zA-Z]:/;
// Longest name shown back to the user: ZIP names may be 64 KiB, problem lists must stay small.
const DISPLAY_MAX_CHARACTERS = 200;

/**
 * Turns a ZIP entry name into a safe relative `/`-separated path (NFC, without the trailing `/` of a folder),
 * or says why it cannot be one. Never returns a path with `..`, `.` or empty segments, a leading `/`, a drive
 * letter, a backslash, a colon, control characters, or more than {@link PATH_MAX_BYTES} bytes.
 */
export function normaliseEntryPath(rawName: string): NormalisedPath {
  // macOS writes decomposed umlauts; NFC makes `ü` one code point, as browsers send it in URLs. Normalising
  // first means every check below judges the name we would store.
  const name = rawName.normalize('NFC');
  if (name === '' || FORBIDDEN_CHARACTERS.test(name)) {
    return { ok: false, code: 'invalid_path' };
  }
  if (name.startsWith('/') || name.startsWith('\\') || DRIVE_LETTER.test(name)) {
    return { ok: false, code: 'absolute_path' };
  }
  // Split on both separators: an extractor on Windows would honour `..\` as well.
  if (name.split(/[\\/]/).includes('..')) {
    return { ok: false, code: 'path_traversal' };
  }
  if (name.includes('\\')) {
    return { ok: false, code: 'backslash_path' };
  }
  // A colon names an NTFS alternate data stream or a drive; no portable file name needs one.
  if (name.includes(':')) {
    return { ok: false, code: 'invalid_path' };
  }
  const isDirectory = name.endsWith('/');
  const path = isDirectory ? name.slice(0, -1) : name;
  if (path.split('/').some((segment) => segment === '' || segment === '.')) {
    return { ok: false, code: 'invalid_path' };
  }
  if (Buffer.byteLength(path) > PATH_MAX_BYTES) {
    return { ok: false, code: 'path_too_long' };
  }
  return { ok: true, path, isDirectory };
}

// General purpose flag bit 11: the name is UTF-8 (APPNOTE 4.4.4).
const UTF8_NAME_FLAG = 0x800;
// Info-ZIP Unicode Path extra field: a UTF-8 name beside a legacy-encoded one.
const UNICODE_PATH_EXTRA_FIELD = 0x7075;

/**
 * The name of an entry read with `decodeStrings: false` (so yauzl does not reject bad names before we can
 * report them), or null when it claims to be UTF-8 but is not. Names without the UTF-8 flag are taken as UTF-8
 * when they decode as such (many tools omit the flag), else as the legacy code page 437.
 */
export function decodeEntryName(entry: Entry): string | null {
  const raw = entry.fileNameRaw;
  if (entry.extraFields.some((field) => field.id === UNICODE_PATH_EXTRA_FIELD)) {
    return getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    if (entry.generalPurposeBitFlag & UTF8_NAME_FLAG) {
      return null;
    }
    return getFileNameLowLevel(entry.generalPurposeBitFlag, raw, [], true);
  }
}

/** A name safe to show back to the user: invisible characters made visible, very long names shortened. */
export function displayPath(name: string): string {
  const visible = name.replace(
    new RegExp(FORBIDDEN_CHARACTERS.source, 'gu'),
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > DISPLAY_MAX_CHARACTERS ? `${visible.slice(0, DISPLAY_MAX_CHARACTERS)}…` : visible;
}
