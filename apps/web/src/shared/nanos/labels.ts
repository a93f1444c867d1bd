import type { Nano, NanoStatus, VersionStatus } from '@nano/contracts';

type License = NonNullable<Nano['license']>;

/** Translation keys of the licences (their ids contain dots, which i18next reads as nesting). */
export const LICENSE_KEYS = {
  'CC-BY-4.0': 'ccBy',
  'CC-BY-SA-4.0': 'ccBySa',
  'CC0-1.0': 'cc0',
  proprietary: 'proprietary',
} as const satisfies Record<License, string>;

/** The licence text on creativecommons.org, in German or English. */
export function licenseUrl(license: License, locale: 'de' | 'en'): string | undefined {
  switch (license) {
    case 'CC-BY-4.0':
      return `https://creativecommons.org/licenses/by/4.0/deed.${locale}`;
    case 'CC-BY-SA-4.0':
      return `https://creativecommons.org/licenses/by-sa/4.0/deed.${locale}`;
    case 'CC0-1.0':
      return `https://creativecommons.org/publicdomain/zero/1.0/deed.${locale}`;
    case 'proprietary':
      return undefined;
  }
}

/** Badge colours with text of at least 4.5:1 contrast (`autoContrast` picks dark text on light colours). */
export const STATUS_COLORS: Record<NanoStatus, string> = {
  draft: 'gray.3',
  pending_review: 'blue.8',
  changes_requested: 'yellow.4',
  published: 'teal.9',
  hidden: 'orange.4',
  rejected: 'red.9',
  archived: 'gray.8',
  deleted: 'dark.7',
};

export const VERSION_STATUS_COLORS: Record<VersionStatus, string> = {
  draft: 'gray.3',
  pending_review: 'blue.8',
  changes_requested: 'yellow.4',
  approved: 'teal.9',
  rejected: 'red.9',
};
