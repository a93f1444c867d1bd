import type { LegalDocumentKind } from '@nano/contracts';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { LegalDocumentsTable } from './privacy.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** One published version of a legal document. */
export type LegalDocumentRow = Selectable<LegalDocumentsTable>;
/** A version without its bodies (the history list). */
export type LegalVersionRow = Omit<LegalDocumentRow, 'body_de' | 'body_en'>;

/** A given version, or the current (highest) one when `version` is undefined. */
export async function findLegalDocument(
  db: Db,
  kind: LegalDocumentKind,
  version?: number,
): Promise<LegalDocumentRow | undefined> {
  let query = db.selectFrom('legal_documents').selectAll().where('kind', '=', kind);
  if (version !== undefined) {
    query = query.where('version', '=', version);
  }
  return query.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** One version by its id. */
export async function findLegalDocumentById(db: Db, id: string): Promise<LegalDocumentRow | undefined> {
  return db.selectFrom('legal_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every version of a kind without bodies, newest first. */
export async function listLegalVersions(db: Db, kind: LegalDocumentKind): Promise<LegalVersionRow[]> {
  return db
    .selectFrom('legal_documents')
    .select([
      'id',
      'kind',
      'version',
      'title_de',
      'title_en',
      'requires_acceptance',
      'change_note',
      'published_at',
      'published_by',
    ])
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute();
}

/** The current version number of every kind that has one. */
export async function currentLegalVersions(db: Db): Promise<Map<LegalDocumentKind, number>> {
  const rows = await db
    .selectFrom('legal_documents')
    .select(['kind', (eb) => eb.fn.max('version').as('version')])
    .groupBy('kind')
    .execute();
  return new Map(rows.map((row) => [row.kind, Number(row.version)]));
}

/**
 * The newest version of each kind that asked for acceptance (a version published with
 * `requires_acceptance = false` leaves earlier acceptances valid).
 */
export async function latestVersionsRequiringAcceptance(db: Db): Promise<Map<LegalDocumentKind, number>> {
  const rows = await db
    .selectFrom('legal_documents')
    .select(['kind', (eb) => eb.fn.max('version').as('version')])
    .where('requires_acceptance', '=', true)
    .groupBy('kind')
    .execute();
  return new Map(rows.map((row) => [row.kind, Number(row.version)]));
}

/**
 * Serialises publishing per kind until the transaction ends: the next statement then sees the
 * version a concurrent publisher just committed (a row lock would not re-read the maximum).
 */
export async function lockLegalKind(trx: Transaction<Database>, kind: LegalDocumentKind): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`legal_documents:${kind}`}))`.execute(trx);
}

/** What a new version row holds. */
export interface NewLegalDocument {
  id: string;
  kind: LegalDocumentKind;
  version: number;
  title: { de: string; en: string };
  body: { de: string; en: string };
  requiresAcceptance: boolean;
  changeNote: string | null;
  publishedAt: Date;
  publishedBy: string | null;
}

/** Inserts a version; with `ifAbsent` an existing (kind, version) is left as it is (returns false). */
export async function insertLegalDocument(
  db: Db,
  doc: NewLegalDocument,
  options: { ifAbsent?: boolean } = {},
): Promise<boolean> {
  const insert = db.insertInto('legal_documents').values({
    id: doc.id,
    kind: doc.kind,
    version: doc.version,
    title_de: doc.title.de,
    title_en: doc.title.en,
    body_de: doc.body.de,
    body_en: doc.body.en,
    requires_acceptance: doc.requiresAcceptance,
    change_note: doc.changeNote,
    published_at: doc.publishedAt,
    published_by: doc.publishedBy,
  });
  const result = await (options.ifAbsent
    ? insert.onConflict((oc) => oc.columns(['kind', 'version']).doNothing())
    : insert
  ).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
