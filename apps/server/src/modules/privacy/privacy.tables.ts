import type {
  ConsentType,
  DataExport,
  ErasureNanoChoice,
  LegalDocumentKind,
  PrivacyRequestStatus,
  PrivacyRequestType,
} from '@nano/contracts';
import type { Timestamp } from '../../db/database.ts';

/** Privacy policy, terms and imprint, one row per published version (owned by the privacy module). */
export interface LegalDocumentsTable {
  id: string;
  kind: LegalDocumentKind;
  version: number;
  title_de: string;
  title_en: string;
  body_de: string;
  body_en: string;
  requires_acceptance: boolean;
  change_note: string | null;
  published_at: Timestamp;
  published_by: string | null;
}

/** Every consent given or withdrawn, append-only (owned by the privacy module). */
export interface ConsentRecordsTable {
  id: string;
  user_id: string;
  type: ConsentType;
  text_version: number;
  given: boolean;
  source: 'registration' | 'settings' | 'login' | 'admin';
  created_at: Timestamp;
}

/** Data-subject requests with their 30-day due date (owned by the privacy module). */
export interface PrivacyRequestsTable {
  id: string;
  user_id: string | null;
  type: PrivacyRequestType;
  status: PrivacyRequestStatus;
  channel: 'self_service' | 'email' | 'letter';
  received_at: Timestamp;
  due_at: Date;
  completed_at: Date | null;
  verification_note: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Export ZIPs (owned by the privacy module); the object is deleted when the row expires. */
export interface DataExportsTable {
  id: string;
  user_id: string;
  request_id: string | null;
  requested_by: string | null;
  status: DataExport['status'];
  locale: 'de' | 'en';
  object_key: string | null;
  size_bytes: string | number | null;
  error: string | null;
  created_at: Timestamp;
  ready_at: Date | null;
  expires_at: Date | null;
  downloaded_at: Date | null;
}

/** A requested erasure and its cancellation window (owned by the privacy module). */
export interface AccountErasuresTable {
  id: string;
  user_id: string;
  request_id: string | null;
  nanos: ErasureNanoChoice;
  reason: string | null;
  previous_status: string;
  cancel_token_hash: string;
  requested_at: Timestamp;
  scheduled_for: Date;
  cancelled_at: Date | null;
  completed_at: Date | null;
}

/** Content a restriction took offline, with the state to restore (owned by the privacy module). */
export interface RestrictionHoldsTable {
  user_id: string;
  target_type: 'nano' | 'rating';
  target_id: string;
  previous_state: string;
  created_at: Timestamp;
}

export interface PrivacyTables {
  legal_documents: LegalDocumentsTable;
  consent_records: ConsentRecordsTable;
  privacy_requests: PrivacyRequestsTable;
  data_exports: DataExportsTable;
  account_erasures: AccountErasuresTable;
  restriction_holds: RestrictionHoldsTable;
}
