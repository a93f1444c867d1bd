import type { LegalDocument, LegalDocumentKind, PublishLegalDocument } from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AdminActor } from '../admin/admin-request.ts';
import { insertConsentRecords } from './consents.repository.ts';
import * as repo from './legal.repository.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** The kinds users never accept: a new imprint never asks anyone again. */
const NEVER_ACCEPTED: ReadonlySet<LegalDocumentKind> = new Set(['imprint']);

function presentVersion(row: repo.LegalVersionRow): Omit<LegalDocument, 'body'> {
  return {
    kind: row.kind,
    version: row.version,
    title: { de: row.title_de, en: row.title_en },
    requiresAcceptance: row.requires_acceptance,
    changeNote: row.change_note,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}

function presentDocument(row: repo.LegalDocumentRow): LegalDocument {
  return { ...presentVersion(row), body: { de: row.body_de, en: row.body_en } };
}

/** The current version of a document, or the given one; 404 when there is none. */
export async function getLegalDocument(
  db: Kysely<Database>,
  kind: LegalDocumentKind,
  version?: number,
): Promise<LegalDocument> {
  const row = await repo.findLegalDocument(db, kind, version);
  if (!row) {
    throw new AppError('not_found');
  }
  return presentDocument(row);
}

/** The version history of a document without bodies, newest first. */
export async function legalVersions(
  db: Kysely<Database>,
  kind: LegalDocumentKind,
): Promise<{ items: Array<Omit<LegalDocument, 'body'>> }> {
  const rows = await repo.listLegalVersions(db, kind);
  return { items: rows.map(presentVersion) };
}

/**
 * Publishes version n+1 of a document (admins). Publishing is serialised per kind, so two
 * admins publishing at once get consecutive numbers (the unique (kind, version) backs this up).
 * A version that requires acceptance makes every user accept it at their next visit (except the
 * publishing admin, recorded as having accepted it).
 */
export async function publishLegalDocument(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'audit'>,
  actor: AdminActor,
  kind: LegalDocumentKind,
  input: PublishLegalDocument,
): Promise<LegalDocument> {
  const requiresAcceptance = NEVER_ACCEPTED.has(kind) ? false : input.requiresAcceptance;
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    await repo.lockLegalKind(trx, kind);
    const current = await repo.findLegalDocument(trx, kind);
    const version = (current?.version ?? 0) + 1;
    const newId = uuidv7();
    await repo.insertLegalDocument(trx, {
      id: newId,
      kind,
      version,
      title: input.title,
      body: input.body,
      requiresAcceptance,
      changeNote: input.changeNote ? input.changeNote : null,
      publishedAt: now,
      publishedBy: actor.userId,
    });
    if (requiresAcceptance && kind !== 'imprint') {
      // The admin who publishes it has read and accepted it: they are not asked again.
      await insertConsentRecords(
        trx,
        [{ userId: actor.userId, type: kind, textVersion: version, given: true, source: 'admin' }],
        now,
      );
    }
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'legal.published',
        targetType: 'legal_document',
        targetId: newId,
        details: { kind, version, requiresAcceptance },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
    return newId;
  });
  const row = await repo.findLegalDocumentById(deps.db, id);
  if (!row) {
    throw new AppError('internal_error');
  }
  return presentDocument(row);
}
