import {
  ACCEPTED_DOCUMENT_KINDS,
  type ConsentChange,
  type ConsentOverview,
  type ConsentRecord,
  type ConsentType,
  type PendingLegal,
} from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import * as repo from './consents.repository.ts';
import { currentLegalVersions, latestVersionsRequiringAcceptance } from './legal.repository.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The version of the wording of each optional consent (the checkbox and settings texts). Raise it
 * when the wording changes; records keep the version the user saw.
 */
export const CONSENT_TEXT_VERSIONS = { marketing: 1, notification_email: 1 } as const;

/** Who acts, for the audit trail. */
export interface ConsentActor {
  userId: string;
  /** Raw client address; the audit log stores only its anonymised network. */
  ip: string;
  userAgent: string | null;
}

function presentRecord(row: repo.ConsentRecordRow): ConsentRecord {
  return {
    id: row.id,
    type: row.type,
    textVersion: row.text_version,
    given: row.given,
    source: row.source,
    at: new Date(row.created_at).toISOString(),
  };
}

/** Every consent record of a user, newest first (the export's consents.json uses this). */
export async function consentHistory(db: Db, userId: string): Promise<ConsentRecord[]> {
  return (await repo.consentRecordsOf(db, userId)).map(presentRecord);
}

/** True when the user's latest record of `type` gives consent (no record: not given). */
export async function hasConsent(db: Db, userId: string, type: ConsentType): Promise<boolean> {
  return (await repo.usersWithConsent(db, [userId], type)).has(userId);
}

/** The users among `userIds` who currently consent to `type` (e.g. notification emails). */
export async function usersConsentingTo(db: Db, userIds: string[], type: ConsentType): Promise<Set<string>> {
  return repo.usersWithConsent(db, userIds, type);
}

/**
 * The documents a user must (re)accept before continuing: kind K is pending when the newest
 * version of K that requires acceptance is newer than the version the user last accepted (or
 * they never accepted K). What they accept is always the current version.
 */
export async function pendingLegalFor(db: Db, userId: string): Promise<PendingLegal[]> {
  const [required, current, latest] = await Promise.all([
    latestVersionsRequiringAcceptance(db),
    currentLegalVersions(db),
    repo.latestConsentsOf(db, userId),
  ]);
  const pending: PendingLegal[] = [];
  for (const kind of ACCEPTED_DOCUMENT_KINDS) {
    const needed = required.get(kind);
    const version = current.get(kind);
    if (needed === undefined || version === undefined) {
      continue;
    }
    const record = latest.get(kind);
    const accepted = record?.given ? record.text_version : 0;
    if (accepted < needed) {
      pending.push({ kind, version });
    }
  }
  return pending;
}

/**
 * Records what an account agrees to when it is created: the current terms and privacy policy
 * and, when chosen, notification emails (opt-in). Registration, the demo seeders and the test
 * factories call this in the transaction that creates the account; the versions are returned
 * for the audit trail.
 */
export async function recordSignUpConsents(
  db: Db,
  userId: string,
  options: { notificationEmails: boolean },
  now: Date,
): Promise<{ termsVersion: number; privacyVersion: number; notificationEmails: boolean }> {
  const current = await currentLegalVersions(db);
  const termsVersion = current.get('terms');
  const privacyVersion = current.get('privacy');
  if (termsVersion === undefined || privacyVersion === undefined) {
    // ensureLegalDocuments runs at startup, so a missing document is a broken installation.
    throw new AppError('internal_error', { detail: 'terms or privacy policy not published' });
  }
  const records: repo.NewConsentRecord[] = [
    { userId, type: 'terms', textVersion: termsVersion, given: true, source: 'registration' },
    { userId, type: 'privacy', textVersion: privacyVersion, given: true, source: 'registration' },
  ];
  if (options.notificationEmails) {
    records.push({
      userId,
      type: 'notification_email',
      textVersion: CONSENT_TEXT_VERSIONS.notification_email,
      given: true,
      source: 'registration',
    });
  }
  await repo.insertConsentRecords(db, records, now);
  return { termsVersion, privacyVersion, notificationEmails: options.notificationEmails };
}

/** `GET /me/consents`: the current state, what is pending and the history. */
export async function consentOverview(db: Kysely<Database>, userId: string): Promise<ConsentOverview> {
  const [latest, pending, history] = await Promise.all([
    repo.latestConsentsOf(db, userId),
    pendingLegalFor(db, userId),
    consentHistory(db, userId),
  ]);
  const acceptedVersion = (kind: 'terms' | 'privacy') => {
    const record = latest.get(kind);
    return record?.given ? record.text_version : null;
  };
  return {
    current: {
      marketing: latest.get('marketing')?.given ?? false,
      notification_email: latest.get('notification_email')?.given ?? false,
      terms: acceptedVersion('terms'),
      privacy: acceptedVersion('privacy'),
    },
    pending,
    history,
  };
}

/** Gives or withdraws an optional consent; a change to the state it already has records nothing. */
export async function changeConsent(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'audit'>,
  actor: ConsentActor,
  change: ConsentChange,
): Promise<ConsentOverview> {
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockConsentsOf(trx, actor.userId);
    const latest = await repo.latestConsentsOf(trx, actor.userId);
    if ((latest.get(change.type)?.given ?? false) === change.given) {
      return;
    }
    const textVersion = CONSENT_TEXT_VERSIONS[change.type];
    await repo.insertConsentRecords(
      trx,
      [{ userId: actor.userId, type: change.type, textVersion, given: change.given, source: 'settings' }],
      deps.clock.now(),
    );
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'consent.changed',
        targetType: 'user',
        targetId: actor.userId,
        details: { type: change.type, given: change.given, textVersion },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return consentOverview(deps.db, actor.userId);
}

/**
 * Accepts the named document versions (the re-acceptance page after sign-in). Each must be the
 * current version of its kind, so nobody accepts a text that has just been replaced: 409
 * `legal_version_outdated` otherwise. Versions already accepted are not recorded again.
 */
export async function acceptLegalDocuments(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'audit'>,
  actor: ConsentActor,
  documents: PendingLegal[],
): Promise<ConsentOverview> {
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockConsentsOf(trx, actor.userId);
    const current = await currentLegalVersions(trx);
    for (const doc of documents) {
      if (current.get(doc.kind) !== doc.version) {
        throw new AppError('legal_version_outdated');
      }
    }
    const latest = await repo.latestConsentsOf(trx, actor.userId);
    const fresh = documents.filter((doc, index) => {
      const record = latest.get(doc.kind);
      const repeated = documents.findIndex((other) => other.kind === doc.kind) !== index;
      return !repeated && !(record?.given && record.text_version >= doc.version);
    });
    if (fresh.length === 0) {
      return;
    }
    await repo.insertConsentRecords(
      trx,
      fresh.map((doc) => ({
        userId: actor.userId,
        type: doc.kind,
        textVersion: doc.version,
        given: true,
        source: 'login' as const,
      })),
      deps.clock.now(),
    );
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'legal.accepted',
        targetType: 'user',
        targetId: actor.userId,
        details: { documents: fresh.map((doc) => ({ kind: doc.kind, version: doc.version })) },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return consentOverview(deps.db, actor.userId);
}
