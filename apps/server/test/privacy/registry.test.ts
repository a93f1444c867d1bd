import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_FILES,
  exportFiles,
  PERSONAL_DATA_REGISTRY,
  personalColumns,
} from '../../src/modules/privacy/personal-data.registry.ts';
import { createTestDatabase, testDatabaseKind } from '../database.ts';

/** The registry must name every column of the migrated schema, and nothing that is not there. */
describe(`personal-data registry (${testDatabaseKind})`, () => {
  let schema: Map<string, Set<string>>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const handle = await createTestDatabase();
    close = handle.close;
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
       where table_schema = 'public' order by table_name, ordinal_position`.execute(handle.db);
    schema = new Map();
    for (const row of rows.rows) {
      const columns = schema.get(row.table_name) ?? new Set<string>();
      columns.add(row.column_name);
      schema.set(row.table_name, columns);
    }
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  it('lists every table and column of the schema', () => {
    const missing: string[] = [];
    for (const [table, columns] of schema) {
      for (const column of columns) {
        if (!PERSONAL_DATA_REGISTRY[table]?.columns[column]) {
          missing.push(`${table}.${column}`);
        }
      }
    }
    expect(missing, 'columns without a registry entry').toEqual([]);
  });

  it('names nothing the schema does not have', () => {
    const stale: string[] = [];
    for (const [table, entry] of Object.entries(PERSONAL_DATA_REGISTRY)) {
      for (const column of Object.keys(entry.columns)) {
        if (!schema.get(table)?.has(column)) {
          stale.push(`${table}.${column}`);
        }
      }
      for (const column of entry.userColumns) {
        if (!schema.get(table)?.has(column)) {
          stale.push(`${table}.${column} (userColumns)`);
        }
      }
      const subject = entry.subject;
      if (subject && 'column' in subject && !schema.get(table)?.has(subject.column)) {
        stale.push(`${table}.${subject.column} (subject)`);
      }
      if (subject && 'via' in subject) {
        const { column, table: other, key, subject: otherSubject } = subject.via;
        for (const [t, c] of [
          [table, column],
          [other, key],
          [other, otherSubject],
        ] as const) {
          if (!schema.get(t)?.has(c)) {
            stale.push(`${t}.${c} (via)`);
          }
        }
      }
    }
    expect(stale, 'registry entries the schema lacks').toEqual([]);
  });

  it('gives every personal column a category, an export file or reason, and an erasure disposition', () => {
    const files = new Set<string>(Object.values(EXPORT_FILES));
    for (const column of personalColumns()) {
      const where = `${column.table}.${column.column}`;
      expect(column.category, where).toBeTruthy();
      if (column.export.startsWith('not_exported')) {
        expect(column.export, where).toMatch(/^not_exported: \S.{10,}/);
      } else {
        expect(files.has(column.export), where).toBe(true);
      }
      expect(column.erasure, where).toMatch(/^(deleted|anonymised|deidentified|retained: \S.{10,})$/);
      if (column.subject) {
        expect(schema.get(column.table)?.has(column.subject), where).toBe(true);
      }
    }
  });

  it('links every table that has personal columns to its user columns', () => {
    for (const [table, entry] of Object.entries(PERSONAL_DATA_REGISTRY)) {
      for (const column of entry.userColumns) {
        expect(entry.columns[column]?.personal, `${table}.${column}`).toBe(true);
      }
    }
    // Every file of the issue receives data (README.txt and ratings.csv are written beside them).
    expect(exportFiles().sort()).toEqual(
      Object.values(EXPORT_FILES)
        .filter((f) => f !== EXPORT_FILES.readme && f !== EXPORT_FILES.ratingsCsv)
        .sort(),
    );
  });
});
