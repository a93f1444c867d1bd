import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { currentLegalVersions, insertLegalDocument } from './legal.repository.ts';
import { IMPRINT_DE } from './legal-content/imprint.de.ts';
import { IMPRINT_EN } from './legal-content/imprint.en.ts';
import { PRIVACY_DE } from './legal-content/privacy.de.ts';
import { PRIVACY_EN } from './legal-content/privacy.en.ts';
import { TERMS_DE } from './legal-content/terms.de.ts';
import { TERMS_EN } from './legal-content/terms.en.ts';

/** The first version of each document: titles, Markdown bodies, and whether users accept it. */
export const INITIAL_LEGAL_DOCUMENTS: Record<
  LegalDocumentKind,
  { title: { de: string; en: string }; body: { de: string; en: string }; requiresAcceptance: boolean }
> = {
  privacy: {
    title: { de: 'Datenschutzerklärung', en: 'Privacy policy' },
    body: { de: PRIVACY_DE, en: PRIVACY_EN },
    requiresAcceptance: true,
  },
  terms: {
    title: { de: 'Nutzungsbedingungen', en: 'Terms of use' },
    body: { de: TERMS_DE, en: TERMS_EN },
    requiresAcceptance: true,
  },
  imprint: {
    title: { de: 'Impressum', en: 'Imprint' },
    body: { de: IMPRINT_DE, en: IMPRINT_EN },
    requiresAcceptance: false,
  },
};

/**
 * Inserts version 1 of every legal document that has no version yet (idempotent, safe when
 * several instances start at once). Runs whenever the app starts, with or without demo data:
 * registration needs a privacy policy and terms to record consent to.
 */
export async function ensureLegalDocuments(db: Kysely<Database>, clock: Clock): Promise<void> {
  const existing = await currentLegalVersions(db);
  for (const kind of LEGAL_DOCUMENT_KINDS) {
    if (existing.has(kind)) {
      continue;
    }
    const initial = INITIAL_LEGAL_DOCUMENTS[kind];
    await insertLegalDocument(
      db,
      {
        id: uuidv7(),
        kind,
        version: 1,
        title: initial.title,
        body: initial.body,
        requiresAcceptance: initial.requiresAcceptance,
        changeNote: null,
        publishedAt: clock.now(),
        publishedBy: null,
      },
      { ifAbsent: true },
    );
  }
}
