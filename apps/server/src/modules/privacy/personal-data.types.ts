import type { DataCategory } from '@nano/contracts';
import { RETENTION } from '@nano/contracts';

/**
 * Types and shared dispositions of the personal-data registry (personal-data.registry.ts assembles
 * it from the per-area files). The registry (issue 9, SPEC §4.7, docs/privacy.md): EVERY table and EVERY column
 * of the schema, with what export (Art. 15/20) and erasure (Art. 17) do with it. The registry
 * test compares it with `information_schema.columns` both ways, so a new column cannot be
 * forgotten; the export test checks that every exported personal column of a seeded user turns
 * up in the file named here.
 *
 * Erasure dispositions:
 * - `deleted`: the value (or the whole row) is removed;
 * - `anonymised`: the row stays, the value is replaced by a neutral one ("Gelöschter Nutzer");
 * - `deidentified`: kept for others (the other chat party, the Nano's average), without the link
 *   to the person (the user column set to null, or pointing at the anonymised account);
 * - `retained: <reason>`: kept as it is, for the legal reason given.
 */

/** Finer categories than the inventory's (they roll up into a DataCategory, see `inventoryCategory`). */
export type FineCategory =
  | 'security'
  | 'usage'
  | 'moderation'
  | 'privacy_requests'
  | 'provider_verification'
  | 'notification_settings'
  | 'staff_work'
  | 'third_party'
  | 'mail'
  | 'platform';
export type RegistryCategory = DataCategory | FineCategory;

export type ErasureDisposition = 'deleted' | 'anonymised' | 'deidentified' | `retained: ${string}`;

/** The files of the export ZIP (README.txt explains each). */
export const EXPORT_FILES = {
  profile: 'profile.json',
  consents: 'consents.json',
  sessions: 'sessions.json',
  nanos: 'nanos.json',
  /** The original ZIP of every version: `nanos/<slug>/v<N>.zip`. */
  nanoFiles: 'nanos/',
  ratings: 'ratings.json',
  ratingsCsv: 'ratings.csv',
  favorites: 'favorites.json',
  lists: 'lists.json',
  /** One transcript per chat session: `chats/<date>-<other party>-<id>.json`. */
  chats: 'chats/',
  notifications: 'notifications.json',
  savedSearches: 'saved-searches.json',
  flags: 'flags-submitted.json',
  audit: 'audit.json',
  moderation: 'moderation.json',
  privacy: 'privacy.json',
  activity: 'activity.json',
  readme: 'README.txt',
} as const;
export type ExportFile = (typeof EXPORT_FILES)[keyof typeof EXPORT_FILES];

export type NotPersonal = { personal: false };
export interface PersonalColumn {
  personal: true;
  category: RegistryCategory;
  /** The file in the export ZIP, or `not_exported: <reason>`. */
  export: ExportFile | `not_exported: ${string}`;
  erasure: ErasureDisposition;
  /**
   * The column holding the user this value belongs to, when it is not the table's `subject`
   * (e.g. a rating's reply belongs to `reply_author_id`, not the rater).
   */
  subject?: string;
}
export type ColumnDisposition = NotPersonal | PersonalColumn;

/** How a row belongs to a user: a column of the row, or a row of another table it points to. */
export type RowSubject =
  | { column: string }
  | { via: { column: string; table: string; key: string; subject: string } };

export interface TableEntry {
  /** How a row is the user's (for export and the inventory); null: no row is about one user. */
  subject: RowSubject | null;
  /** Every column pointing at users (erasure must consider each). */
  userColumns: readonly string[];
  columns: Record<string, ColumnDisposition>;
}

export const no: NotPersonal = { personal: false };

export function p(
  category: RegistryCategory,
  exportTo: PersonalColumn['export'],
  erasure: ErasureDisposition,
  subject?: string,
): PersonalColumn {
  return { personal: true, category, export: exportTo, erasure, ...(subject ? { subject } : {}) };
}

export const F = EXPORT_FILES;
export const SECRET =
  'not_exported: a credential secret (hash or encrypted key); handing it out serves no purpose' as const;
export const STAFF =
  'not_exported: the identity of the staff member who acted (third party, Art. 15(4)); the action itself is exported' as const;
export const AUDIT_RETAINED =
  `retained: audit trail, legal retention of ${RETENTION.auditEventYears} years (§ 147 AO, Art. 5(2) DSGVO); no new personal data is added after erasure` as const;
export const DSA_RETAINED =
  'retained: record of a moderation decision and its statement of reasons (DSA Art. 17, 20, 24); the account it names is anonymised' as const;
export const REQUEST_RETAINED =
  'retained: proof of how a data-subject request was handled (Art. 5(2), 12 DSGVO); the account it names is anonymised' as const;
export const CONSENT_RETAINED =
  'retained: proof of consent (Art. 7(1) DSGVO); the account it names is anonymised' as const;
export const ROW_KEY =
  'retained: the anonymised account row stays so retained records keep a valid reference' as const;
export const STAFF_RETAINED =
  'retained: the staff work record stays; the reference points at the anonymised account' as const;
