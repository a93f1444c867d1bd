import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import type { Database } from '../../db/database.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import { auditCsvRows } from '../audit/audit-export.ts';
import type { SecretBox } from '../identity/crypto/secret-box.ts';
import { collectChats, collectDocuments, collectStoredFiles } from './export-collectors.ts';
import { exportReadme } from './export-readme.ts';
import { EXPORT_FILES } from './personal-data.registry.ts';

/** Where an export's ZIP is stored. */
export function exportObjectKey(userId: string, exportId: string): string {
  return `exports/${userId}/${exportId}.zip`;
}

/** Columns of ratings.csv, in order (formula cells neutralised as in the audit CSV export). */
export const RATINGS_CSV_COLUMNS = ['id', 'nano_id', 'score', 'comment', 'created_at', 'updated_at'] as const;

export interface BuildExportInput {
  db: Kysely<Database>;
  storage: ObjectStorage;
  secretBox: SecretBox | undefined;
  userId: string;
  locale: 'de' | 'en';
  key: string;
  now: Date;
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/**
 * Builds the user's export ZIP and streams it to storage under `key` (the avatar and the Nano
 * files are read from storage one after the other while the ZIP is written). Returns the stored size.
 */
export async function buildExportZip(input: BuildExportInput): Promise<{ size: number }> {
  const { db, userId, locale, now } = input;
  const documents = await collectDocuments(db, input.secretBox, userId);
  const chats = await collectChats(db, userId, locale);
  const storedFiles = await collectStoredFiles(db, userId);

  const zip = new ZipFile();
  const options = { mtime: now };
  zip.addBuffer(Buffer.from(exportReadme(locale, now), 'utf8'), EXPORT_FILES.readme, options);
  for (const [file, doc] of documents) {
    zip.addBuffer(json(doc), file, options);
  }
  const ratings = documents.get(EXPORT_FILES.ratings)?.ratings ?? [];
  const csv = auditCsvRows(
    [
      [...RATINGS_CSV_COLUMNS],
      ...ratings.map((row) =>
        RATINGS_CSV_COLUMNS.map((c) =>
          row[c] === null || row[c] === undefined ? '' : (row[c] as string | number),
        ),
      ),
    ],
    true,
  );
  zip.addBuffer(Buffer.from(csv, 'utf8'), EXPORT_FILES.ratingsCsv, options);
  if (chats.length === 0) {
    zip.addEmptyDirectory(EXPORT_FILES.chats, options);
  }
  for (const chat of chats) {
    zip.addBuffer(json(chat.content), chat.path, options);
  }
  for (const file of storedFiles) {
    // A file already purged (retention) cannot be exported; nanos.json still lists its version.
    if (!(await input.storage.head(file.objectKey))) {
      continue;
    }
    // Opened only when yazl reaches the entry: one storage stream at a time.
    zip.addReadStreamLazy(file.path, options, (callback) => {
      input.storage.get(file.objectKey).then(
        (object) => callback(null, object.body),
        (error: Error) => callback(error, undefined as unknown as Readable),
      );
    });
  }
  zip.end();
  return input.storage.put(input.key, zip.outputStream as Readable, { contentType: 'application/zip' });
}
