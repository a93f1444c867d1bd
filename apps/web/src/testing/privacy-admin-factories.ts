import type { DataInventory, LegalDocument, PrivacyRequest, RetentionReport } from '@nano/contracts';

/** A data-subject request as the DSGVO console lists it (`GET /api/v1/admin/privacy-requests`). */
export function createPrivacyRequest(overrides: Partial<PrivacyRequest> = {}): PrivacyRequest {
  return {
    id: crypto.randomUUID(),
    type: 'export',
    status: 'open',
    channel: 'email',
    user: { id: crypto.randomUUID(), displayName: 'Berta Beispiel', username: 'berta', status: 'active' },
    receivedAt: '2026-05-01T08:00:00.000Z',
    dueAt: '2026-05-31T08:00:00.000Z',
    overdue: false,
    completedAt: null,
    verificationNote: 'Antwort von der hinterlegten Adresse',
    note: null,
    recordedBy: { id: crypto.randomUUID(), displayName: 'Demo Admin' },
    exportId: null,
    ...overrides,
  };
}

/** One account's data inventory (`GET /api/v1/admin/users/{id}/data-inventory`). */
export function createDataInventory(userId: string): DataInventory {
  return {
    userId,
    items: [
      { category: 'account', count: 1, onErasure: 'anonymised' },
      { category: 'favorites', count: 12, onErasure: 'deleted' },
      { category: 'chat_messages', count: 1234, onErasure: 'deidentified' },
      { category: 'audit_events', count: 40, onErasure: 'retained' },
    ],
  };
}

/** A retention dry run or run (`GET /api/v1/admin/retention/preview`). */
export function createRetentionReport(overrides: Partial<RetentionReport> = {}): RetentionReport {
  return {
    dryRun: true,
    ranAt: '2026-05-20T10:00:00.000Z',
    jobs: [
      { job: 'audit_events', affected: 0, details: {} },
      { job: 'archived_nanos', affected: 2, details: { rows: 2, objects: 5 } },
      { job: 'inactive_accounts', affected: 3, details: { warned: 2, anonymised: 1 } },
      { job: 'data_exports', affected: 1, details: {} },
      { job: 'unverified_accounts', affected: 4, details: {} },
      { job: 'mail_outbox', affected: 0, details: {} },
    ],
    ...overrides,
  };
}

/** A published legal document version (`GET /api/v1/legal/{kind}`). */
export function createLegalDocument(overrides: Partial<LegalDocument> = {}): LegalDocument {
  return {
    kind: 'privacy',
    version: 2,
    title: { de: 'Datenschutzerklärung', en: 'Privacy policy' },
    body: { de: '# Verantwortlicher\n\nNano GmbH', en: '# Controller\n\nNano GmbH' },
    requiresAcceptance: true,
    changeNote: 'Neuer Auftragsverarbeiter',
    publishedAt: '2026-05-01T09:00:00.000Z',
    ...overrides,
  };
}
