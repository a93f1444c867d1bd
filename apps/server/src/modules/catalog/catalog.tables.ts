import type { NanoStatus, VersionStatus } from '@nano/contracts';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** Nanos and their metadata (owned by the catalog module). */
export interface NanosTable {
  id: string;
  creator_id: string;
  title: string;
  description: Generated<string>;
  duration_minutes: number | null;
  level: number | null;
  language: string | null;
  format: string | null;
  license: string | null;
  license_terms: string | null;
  tags: TextArray;
  download_allowed: Generated<boolean>;
  status: Generated<NanoStatus>;
  /** Where an undo of a soft delete would return to (admin restore). */
  status_before_delete: string | null;
  current_version_id: string | null;
  thumbnail_key: string | null;
  /** True when the creator uploaded the thumbnail (then versions never replace it). */
  thumbnail_uploaded: Generated<boolean>;
  row_version: Generated<number>;
  view_count: Generated<number>;
  download_count: Generated<number>;
  favorite_count: Generated<number>;
  rating_avg: number | null;
  rating_count: Generated<number>;
  published_at: Date | null;
  archived_at: Date | null;
  deleted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NanoCategoriesTable {
  nano_id: string;
  category_id: string;
}

/** Immutable uploaded files of a Nano: the original ZIP and its unpacked entries in storage. */
export interface NanoVersionsTable {
  id: string;
  nano_id: string;
  semver: string | null;
  changelog: string | null;
  status: VersionStatus;
  object_key: string;
  content_prefix: string;
  sha256: string;
  size_bytes: number;
  file_count: number;
  package_kind: 'html' | 'scorm' | null;
  created_by: string;
  created_at: Timestamp;
  submitted_at: Date | null;
  decided_at: Date | null;
  /** The Nano's metadata as submitted with this version (the review diff); JSON written as a string. */
  metadata: ColumnType<unknown, string | null | undefined, string | null>;
  /** A trusted creator's directly published version picked for post-publication review. */
  sampled_at: Date | null;
  sample_decided_at: Date | null;
}

export interface NanoVersionFilesTable {
  version_id: string;
  path: string;
  size_bytes: number;
  mime_type: string;
  kind: string;
  sha256: string;
}

/** One row per Nano, viewer and day: the deduplication behind the view counter. */
export interface NanoViewsTable {
  nano_id: string;
  viewer_key: string;
  day: ColumnType<string, string, string>;
}

export interface NanoReviewsTable {
  id: string;
  nano_id: string;
  version_id: string;
  reviewer_id: string;
  decision: 'approve' | 'request_changes' | 'reject';
  reasons: TextArray;
  note: Generated<string>;
  /** The review checklist as ticked (migration 0015); null for reviews before it. */
  checklist: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** One reviewer at a time per Nano, until `expires_at`. */
export interface NanoReviewClaimsTable {
  nano_id: string;
  moderator_id: string;
  claimed_at: Date;
  expires_at: Date;
}

export interface CatalogTables {
  nanos: NanosTable;
  nano_categories: NanoCategoriesTable;
  nano_versions: NanoVersionsTable;
  nano_version_files: NanoVersionFilesTable;
  nano_views: NanoViewsTable;
  nano_reviews: NanoReviewsTable;
  nano_review_claims: NanoReviewClaimsTable;
}

export type NanoRow = Selectable<NanosTable>;
export type NanoVersionRow = Selectable<NanoVersionsTable>;
