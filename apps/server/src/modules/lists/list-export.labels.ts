import type { Locale } from '@nano/contracts';

/** The wording of list exports, in the language of the request (levels and licences as the web app names them). */
export interface ExportLabels {
  /** Header row of the CSV, in column order. */
  csvColumns: readonly [string, string, string, string, string, string, string];
  /** The CSV field separator: a semicolon for German Excel, a comma otherwise. */
  csvDelimiter: string;
  levels: Record<number, string>;
  licenses: Record<string, string>;
  kicker: string;
  exportedOn: (date: string, count: number) => string;
  creator: string;
  duration: string;
  minutes: (n: number) => string;
  level: string;
  license: string;
  link: string;
  empty: string;
  /** A note for items left out because their Nano is no longer published. */
  unavailable: (count: number) => string;
  page: (page: number, total: number) => string;
  /** The `Intl` locale of dates. */
  dateLocale: string;
  /** Fallback file name when the list name has no usable characters. */
  fileFallback: string;
}

const DE: ExportLabels = {
  csvColumns: ['Position', 'Titel', 'Anbieter', 'Dauer (Min.)', 'Niveau', 'Lizenz', 'Link'],
  csvDelimiter: ';',
  levels: { 1: 'Grundlagen', 2: 'Fortgeschritten', 3: 'Experte' },
  licenses: {
    'CC-BY-4.0': 'CC BY 4.0',
    'CC-BY-SA-4.0': 'CC BY-SA 4.0',
    'CC0-1.0': 'CC0 1.0',
    proprietary: 'Eigene Lizenz',
  },
  kicker: 'Nano-Marktplatz · Lernliste',
  exportedOn: (date, count) => `Stand: ${date} · ${count === 1 ? '1 Nano' : `${count} Nanos`}`,
  creator: 'Anbieter',
  duration: 'Dauer',
  minutes: (n) => `${n} Min.`,
  level: 'Niveau',
  license: 'Lizenz',
  link: 'Link',
  empty: 'Diese Liste enthält zurzeit keine verfügbaren Nanos.',
  unavailable: (count) =>
    count === 1
      ? 'Ein weiterer Nano der Liste ist nicht mehr veröffentlicht und daher nicht aufgeführt.'
      : `${count} weitere Nanos der Liste sind nicht mehr veröffentlicht und daher nicht aufgeführt.`,
  page: (page, total) => `Seite ${page} von ${total}`,
  dateLocale: 'de-DE',
  fileFallback: 'liste',
};

const EN: ExportLabels = {
  csvColumns: ['Position', 'Title', 'Provider', 'Duration (min)', 'Level', 'Licence', 'Link'],
  csvDelimiter: ',',
  levels: { 1: 'Basics', 2: 'Advanced', 3: 'Expert' },
  licenses: {
    'CC-BY-4.0': 'CC BY 4.0',
    'CC-BY-SA-4.0': 'CC BY-SA 4.0',
    'CC0-1.0': 'CC0 1.0',
    proprietary: 'Own licence',
  },
  kicker: 'Nano-Marktplatz · Learning list',
  exportedOn: (date, count) => `As of ${date} · ${count === 1 ? '1 Nano' : `${count} Nanos`}`,
  creator: 'Provider',
  duration: 'Duration',
  minutes: (n) => `${n} min`,
  level: 'Level',
  license: 'Licence',
  link: 'Link',
  empty: 'This list currently holds no available Nanos.',
  unavailable: (count) =>
    count === 1
      ? 'One more Nano of the list is no longer published and therefore not listed.'
      : `${count} more Nanos of the list are no longer published and therefore not listed.`,
  page: (page, total) => `Page ${page} of ${total}`,
  dateLocale: 'en-GB',
  fileFallback: 'list',
};

export const EXPORT_LABELS: Record<Locale, ExportLabels> = { de: DE, en: EN };
