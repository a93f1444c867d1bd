import type { Locale } from '@nano/contracts';
import { interpolate } from '../../i18n/locale.ts';
import { MIB } from './upload.constants.ts';

/** Stable machine codes of everything that makes an uploaded ZIP unacceptable. */
export const UPLOAD_PROBLEM_CODES = [
  // The archive as a whole.
  'not_a_zip',
  'truncated',
  'too_large',
  'too_many_entries',
  'empty_archive',
  'total_too_large',
  'overlapping_entries',
  // One entry's header.
  'encrypted',
  'unsupported_compression',
  'invalid_path',
  'absolute_path',
  'path_traversal',
  'backslash_path',
  'path_too_long',
  'duplicate_path',
  'path_conflict',
  'symlink',
  'special_file',
  'entry_too_large',
  'compression_ratio',
  'type_not_allowed',
  'package_only',
  // One entry's content.
  'size_mismatch',
  'corrupt_entry',
  'type_mismatch',
  'invalid_utf8',
] as const;

export type UploadProblemCode = (typeof UPLOAD_PROBLEM_CODES)[number];

/**
 * One reason to refuse an upload. `path` is the entry as named in the ZIP (made printable), or null when the
 * whole archive is at fault. `params` fill the message placeholders; those ending in `Bytes` are sizes.
 */
export interface UploadProblem {
  path: string | null;
  code: UploadProblemCode;
  params?: Record<string, string | number>;
}

const ALLOWED_DE =
  'Erlaubt sind PDF, JPEG, PNG, WebP, MP4, WebM, MP3, Text (.txt), Markdown (.md) und Untertitel (WebVTT, .vtt); in einem HTML- oder ' +
  'SCORM-Paket außerdem HTML, CSS, JavaScript, Schriften (WOFF, WOFF2, TTF, OTF), XML und JSON.';
const ALLOWED_EN =
  'Allowed are PDF, JPEG, PNG, WebP, MP4, WebM, MP3, text (.txt), Markdown (.md) and captions (WebVTT, .vtt); inside an HTML or SCORM ' +
  'package also HTML, CSS, JavaScript, fonts (WOFF, WOFF2, TTF, OTF), XML and JSON.';

/** User-facing explanation of each problem, per UI language, with `{param}` placeholders. */
export const problemMessages: Record<Locale, Record<UploadProblemCode, string>> = {
  de: {
    not_a_zip: 'Die Datei ist kein ZIP-Archiv.',
    truncated: 'Das ZIP-Archiv ist unvollständig oder beschädigt. Bitte erstellen Sie es neu.',
    too_large: 'Das ZIP-Archiv ist größer als {limitBytes}.',
    too_many_entries: 'Das ZIP-Archiv enthält {count} Einträge; erlaubt sind höchstens {limit}.',
    empty_archive: 'Das ZIP-Archiv enthält keine Dateien.',
    total_too_large: 'Alle Dateien zusammen sind entpackt größer als {limitBytes}.',
    overlapping_entries: 'Das ZIP-Archiv ist manipuliert: Einträge überlappen sich.',
    encrypted: 'Verschlüsselte Dateien sind nicht erlaubt. Bitte packen Sie das Archiv ohne Passwort.',
    unsupported_compression:
      'Das Kompressionsverfahren dieser Datei wird nicht unterstützt. Bitte packen Sie das Archiv mit dem Standardverfahren (Deflate).',
    invalid_path: 'Der Name ist ungültig (Steuerzeichen, Doppelpunkt oder leere bzw. „.“-Ordner).',
    absolute_path: 'Absolute Pfade sind nicht erlaubt.',
    path_traversal: 'Pfade mit „..“ sind nicht erlaubt.',
    backslash_path:
      'Der Pfad enthält einen Backslash („\\“). Bitte packen Sie das Archiv mit einem anderen Programm neu.',
    path_too_long: 'Der Pfad ist länger als {limit} Byte.',
    duplicate_path: 'Die Datei ist mehrfach im Archiv enthalten (Groß- und Kleinschreibung zählen nicht).',
    path_conflict: 'Der Name wird zugleich für eine Datei und einen Ordner verwendet.',
    symlink: 'Verknüpfungen (symbolische Links) sind nicht erlaubt.',
    special_file: 'Nur gewöhnliche Dateien und Ordner sind erlaubt.',
    entry_too_large: 'Die Datei ist größer als {limitBytes}.',
    compression_ratio:
      'Die Datei ist verdächtig stark komprimiert ({ratio}:1; erlaubt sind höchstens {limit}:1).',
    type_not_allowed: `Dieser Dateityp ist nicht erlaubt. ${ALLOWED_DE}`,
    package_only:
      'HTML, CSS, JavaScript, Schriften, XML und JSON sind nur in einem HTML- oder SCORM-Paket erlaubt, also mit „index.html“ oder „imsmanifest.xml“ auf oberster Ebene des Archivs.',
    size_mismatch:
      'Die im Archiv angegebene Größe stimmt nicht mit dem Inhalt überein; das Archiv ist beschädigt oder manipuliert.',
    corrupt_entry: 'Die Datei ist im Archiv beschädigt.',
    type_mismatch: 'Der Inhalt passt nicht zur Dateiendung „.{extension}“.',
    invalid_utf8: 'Die Textdatei ist nicht UTF-8-kodiert oder enthält Binärdaten.',
  },
  en: {
    not_a_zip: 'The file is not a ZIP archive.',
    truncated: 'The ZIP archive is incomplete or damaged. Please create it again.',
    too_large: 'The ZIP archive is larger than {limitBytes}.',
    too_many_entries: 'The ZIP archive contains {count} entries; at most {limit} are allowed.',
    empty_archive: 'The ZIP archive contains no files.',
    total_too_large: 'All files together are larger than {limitBytes} when unpacked.',
    overlapping_entries: 'The ZIP archive has been tampered with: entries overlap.',
    encrypted: 'Encrypted files are not allowed. Please pack the archive without a password.',
    unsupported_compression:
      "This file's compression method is not supported. Please pack the archive with the standard method (Deflate).",
    invalid_path: 'The name is invalid (control characters, a colon, or empty or "." folders).',
    absolute_path: 'Absolute paths are not allowed.',
    path_traversal: 'Paths containing ".." are not allowed.',
    backslash_path: 'The path contains a backslash ("\\"). Please pack the archive with a different program.',
    path_too_long: 'The path is longer than {limit} bytes.',
    duplicate_path: 'The file occurs more than once in the archive (upper and lower case do not count).',
    path_conflict: 'The name is used for both a file and a folder.',
    symlink: 'Links (symbolic links) are not allowed.',
    special_file: 'Only regular files and folders are allowed.',
    entry_too_large: 'The file is larger than {limitBytes}.',
    compression_ratio:
      'The file is suspiciously highly compressed ({ratio}:1; at most {limit}:1 is allowed).',
    type_not_allowed: `This file type is not allowed. ${ALLOWED_EN}`,
    package_only:
      'HTML, CSS, JavaScript, fonts, XML and JSON are only allowed in an HTML or SCORM package, that is with "index.html" or "imsmanifest.xml" at the top level of the archive.',
    size_mismatch:
      'The size recorded in the archive does not match the content; the archive is damaged or has been tampered with.',
    corrupt_entry: 'The file is damaged inside the archive.',
    type_mismatch: 'The content does not match the file extension ".{extension}".',
    invalid_utf8: 'The text file is not UTF-8 encoded or contains binary data.',
  },
};

const BYTES_UNIT: Record<Locale, string> = { de: 'Byte', en: 'bytes' };
const KIB = 1024;

/** A byte count as users read it: "50 MB", "1,5 MB" (de), "812 KB", "300 Byte". */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes >= MIB) {
    return `${number.format(bytes / MIB)} MB`;
  }
  if (bytes >= KIB) {
    return `${number.format(bytes / KIB)} KB`;
  }
  return `${number.format(bytes)} ${BYTES_UNIT[locale]}`;
}

/** The localised message of one problem, its placeholders filled (sizes and counts in the locale's format). */
export function describeProblem(problem: UploadProblem, locale: Locale): string {
  const number = new Intl.NumberFormat(locale);
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => {
      if (typeof value === 'string') {
        return [name, value];
      }
      return [name, name.endsWith('Bytes') ? formatBytes(value, locale) : number.format(value)];
    }),
  );
  return interpolate(problemMessages[locale][problem.code], params);
}
