import type { DataCategory } from '@nano/contracts';
import { ACCOUNT_TABLES } from './personal-data.accounts.ts';
import { CONTENT_TABLES } from './personal-data.content.ts';
import { PLATFORM_TABLES } from './personal-data.platform.ts';
import type { ExportFile, PersonalColumn, RegistryCategory, TableEntry } from './personal-data.types.ts';

export {
  type ColumnDisposition,
  type ErasureDisposition,
  EXPORT_FILES,
  type ExportFile,
  type FineCategory,
  type NotPersonal,
  type PersonalColumn,
  type RegistryCategory,
  type RowSubject,
  type TableEntry,
} from './personal-data.types.ts';

/**
 * The personal-data registry (issue 9, SPEC §4.7, docs/privacy.md): EVERY table and EVERY column
 * of the schema, with what export (Art. 15/20) and erasure (Art. 17) do with it (dispositions
 * explained in personal-data.types.ts). The registry test compares it with
 * `information_schema.columns` both ways, so a new column cannot be forgotten; the export test
 * checks that every exported personal value of a seeded user turns up in the file named here.
 */
export const PERSONAL_DATA_REGISTRY: Record<string, TableEntry> = {
  ...ACCOUNT_TABLES,
  ...CONTENT_TABLES,
  ...PLATFORM_TABLES,
};

/** Every personal column, as `{ table, column, ...disposition }`. */
export function personalColumns(): Array<PersonalColumn & { table: string; column: string }> {
  const out: Array<PersonalColumn & { table: string; column: string }> = [];
  for (const [table, entry] of Object.entries(PERSONAL_DATA_REGISTRY)) {
    for (const [column, disposition] of Object.entries(entry.columns)) {
      if (disposition.personal) {
        out.push({ table, column, ...disposition });
      }
    }
  }
  return out;
}

/** The personal columns that go into the export, with their file. */
export function exportedColumns(): Array<
  PersonalColumn & { table: string; column: string; file: ExportFile }
> {
  return personalColumns()
    .filter((c) => !c.export.startsWith('not_exported'))
    .map((c) => ({ ...c, file: c.export as ExportFile }));
}

/** The files the registry sends personal data to (README.txt explains each). */
export function exportFiles(): ExportFile[] {
  return [...new Set(exportedColumns().map((c) => c.file))];
}

/** Tables with at least one personal column (what erasure must consider). */
export function personalTables(): string[] {
  return Object.entries(PERSONAL_DATA_REGISTRY)
    .filter(([, entry]) => Object.values(entry.columns).some((c) => c.personal))
    .map(([table]) => table);
}

/** The inventory category (contracts DATA_CATEGORIES) a finer category counts under. */
export function inventoryCategory(category: RegistryCategory): DataCategory | null {
  switch (category) {
    case 'security':
    case 'provider_verification':
    case 'moderation':
      return 'account';
    case 'usage':
      return 'sessions';
    case 'privacy_requests':
      return 'data_exports';
    case 'notification_settings':
      return 'notifications';
    case 'staff_work':
    case 'third_party':
    case 'mail':
    case 'platform':
      return null;
    default:
      return category;
  }
}
