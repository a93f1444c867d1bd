import { SEARCH_LIMITS } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobLogger } from '../../platform/jobs.ts';
import { ObjectNotFoundError, type ObjectStorage } from '../../platform/storage.ts';
import { MIB, PACKAGE_MARKERS } from '../uploads/upload.constants.ts';
import { extractText, isTextKind, type TextKind } from './content-text.extract.ts';

/** Largest file read for its text (the largest entry a ZIP may hold, so none is left out today). */
export const CONTENT_TEXT_FILE_MAX_BYTES = 50 * MIB;
/** Most files of one version read for their text. */
export const CONTENT_TEXT_MAX_FILES = 100;

export interface ContentTextDeps {
  db: Kysely<Database>;
  storage: ObjectStorage;
  clock: Clock;
  /** Where skipped files are reported; without one, they go to Node's process warnings. */
  logger?: JobLogger;
}

type Warn = (path: string, reason: string, error?: unknown) => void;

interface TextFile {
  path: string;
  kind: TextKind;
}

/** The files whose text is taken: the package's entry page first, then by path. */
function textFiles(
  rows: ReadonlyArray<{ path: string; kind: string; size_bytes: number }>,
  warn: Warn,
): TextFile[] {
  const files: TextFile[] = [];
  for (const row of rows) {
    if (!isTextKind(row.kind)) {
      continue;
    }
    if (Number(row.size_bytes) > CONTENT_TEXT_FILE_MAX_BYTES) {
      warn(row.path, 'too_large');
      continue;
    }
    files.push({ path: row.path, kind: row.kind });
  }
  const rank = (file: TextFile) => (file.path === PACKAGE_MARKERS.html ? 0 : 1);
  files.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files.slice(0, CONTENT_TEXT_MAX_FILES);
}

async function readObject(storage: ObjectStorage, key: string): Promise<Buffer> {
  const object = await storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** The normalised text of a version's files, at most {@link SEARCH_LIMITS.contentTextMax} characters. */
async function collectText(
  deps: ContentTextDeps,
  version: { id: string; content_prefix: string },
  warn: Warn,
): Promise<string> {
  const rows = await deps.db
    .selectFrom('nano_version_files')
    .select(['path', 'kind', 'size_bytes'])
    .where('version_id', '=', version.id)
    .execute();
  const max = SEARCH_LIMITS.contentTextMax;
  const parts: string[] = [];
  let length = 0;
  for (const file of textFiles(rows, warn)) {
    const budget = max - length - (parts.length > 0 ? 1 : 0);
    if (budget <= 0) {
      break;
    }
    let bytes: Buffer;
    try {
      bytes = await readObject(deps.storage, `${version.content_prefix}/${file.path}`);
    } catch (error) {
      // A missing object will not appear on a retry; any other storage failure may pass.
      if (error instanceof ObjectNotFoundError) {
        warn(file.path, 'missing', error);
        continue;
      }
      throw error;
    }
    let text: string;
    try {
      text = await extractText(file.kind, bytes, budget);
    } catch (error) {
      warn(file.path, 'unreadable', error);
      continue;
    }
    if (text) {
      length += text.length + (parts.length > 0 ? 1 : 0);
      parts.push(text);
    }
  }
  return parts.join(' ');
}

/**
 * Background job `search.index_content`: extracts the text of an accepted version's PDFs, HTML
 * pages and text/Markdown files (at most {@link SEARCH_LIMITS.contentTextMax} characters) and
 * stores it tokenised with the Nano's language; a trigger then refreshes the search document of
 * the Nano whose current version it is. Idempotent. A broken or password-protected file is
 * skipped with a warning; a database or storage failure fails the job, so the queue retries it.
 */
export async function indexVersionContent(deps: ContentTextDeps, versionId: string): Promise<void> {
  const version = await deps.db
    .selectFrom('nano_versions')
    .select(['id', 'content_prefix'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!version) {
    return;
  }
  const warn: Warn = (path, reason, error) => {
    if (deps.logger) {
      deps.logger.warn({ versionId, path, reason, err: error }, 'file skipped by the content-text index');
    } else {
      process.emitWarning(`content-text index skipped ${path} of version ${versionId}: ${reason}`);
    }
  };
  const content = await collectText(deps, version, warn);

  await deps.db.transaction().execute(async (trx) => {
    // The Nano's row is locked first: a concurrent change of the Nano (a new thumbnail, say) then
    // either commits before the trigger below reads it, or waits and refreshes the search document
    // itself after this text is visible, so neither refresh overwrites the other with stale data.
    const nano = await trx
      .selectFrom('nanos')
      .innerJoin('nano_versions', 'nano_versions.nano_id', 'nanos.id')
      .select('nanos.language')
      .where('nano_versions.id', '=', versionId)
      .forShare('nanos')
      .executeTakeFirst();
    if (!nano) {
      return;
    }
    await sql`
      insert into nano_version_texts (version_id, char_count, content, extracted_at)
      values (
        ${versionId},
        ${content.length},
        setweight(to_tsvector(search_config(${nano.language}::text), ${content}::text), 'D'),
        ${deps.clock.now()}
      )
      on conflict (version_id) do update set
        char_count = excluded.char_count, content = excluded.content, extracted_at = excluded.extracted_at
    `.execute(trx);
  });
}
