import type { ListExport, Locale } from '@nano/contracts';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_LABELS } from './list-export.labels.ts';
import { nanoUrl } from './lists.presenter.ts';
import type { ExportItemRow } from './lists.repository.ts';

/** What every export format is made from. */
export interface ListExportInput {
  name: string;
  description: string;
  exportedAt: Date;
  /** Every item of the list in order, available or not. */
  items: ExportItemRow[];
  publicUrl: string;
  locale: Locale;
}

/** Characters of the file name taken from the list name, at most. */
export const EXPORT_FILE_NAME_MAX = 60;

const TRANSLITERATIONS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
};

/** The list name as a plain ASCII file name: `Excel-Schulung Team` → `excel-schulung-team`. */
export function exportFileSlug(name: string, fallback: string): string {
  return (
    name
      .replace(/[äöüßÄÖÜ]/g, (c) => TRANSLITERATIONS[c] ?? c)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, EXPORT_FILE_NAME_MAX)
      .replace(/-+$/, '') || fallback
  );
}

/** RFC 5987 value: percent-encoded UTF-8, with the characters `encodeURIComponent` leaves but the RFC does not. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` of an export: an ASCII name for every client, and the list name itself
 * (without characters that are not allowed in file names) for those that read `filename*`.
 */
export function exportContentDisposition(name: string, extension: string, locale: Locale): string {
  const ascii = `${exportFileSlug(name, EXPORT_LABELS[locale].fileFallback)}.${extension}`;
  const readable = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .trim()
    .slice(0, EXPORT_FILE_NAME_MAX);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(readable ? `${readable}.${extension}` : ascii)}`;
}

/** The JSON export: every item (also those no longer available, marked), positions from 1. */
export function exportJson(input: ListExportInput): ListExport {
  return {
    name: input.name,
    description: input.description,
    exportedAt: input.exportedAt.toISOString(),
    items: input.items.map((item, index) => ({
      position: index + 1,
      title: item.title,
      creator: item.creator,
      durationMinutes: item.durationMinutes,
      level: item.level,
      license: item.license,
      url: nanoUrl(input.publicUrl, item.nanoId),
      available: item.available,
    })),
  };
}

/**
 * The CSV export for spreadsheets: UTF-8 with a byte order mark (so Excel reads the umlauts), a
 * localised header row and one row per Nano that is available now, numbered from 1.
 */
export function exportCsv(input: ListExportInput): string {
  const labels = EXPORT_LABELS[input.locale];
  const rows = input.items
    .filter((item) => item.available)
    .map((item, index) => [
      index + 1,
      item.title,
      item.creator,
      item.durationMinutes ?? '',
      item.level === null ? '' : (labels.levels[item.level] ?? String(item.level)),
      item.license === null ? '' : (labels.licenses[item.license] ?? item.license),
      nanoUrl(input.publicUrl, item.nanoId),
    ]);
  return stringify([[...labels.csvColumns], ...rows], {
    bom: true,
    delimiter: labels.csvDelimiter,
    record_delimiter: 'windows',
    // A cell starting with = + - @ would be a formula in a spreadsheet: quoted and prefixed, it stays text.
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? { value: `'${value}`, quoted: true } : value) },
  });
}
